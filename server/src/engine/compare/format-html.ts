/**
 * A self-contained HTML page: inline CSS, no script, no external resource (so it reads offline and
 * under a strict content security policy). The paragraph mapping is a table whose rows link to
 * the redlines below it, where deletions are `<del>` and insertions `<ins>`; then the proposals
 * taken up. Every piece of draft text (and every label, title and name) is escaped.
 */
import {
  describeRevision,
  pairNote,
  pairTitle,
  shownRedlines,
  summaryLine,
  TAKEN_UP_WORDS,
  type FormatOptions,
} from './format-common.js';
import type { Comparison, RedlineRun } from './model.js';
import { escapeHtml, pageStart } from '../html.js';

export { escapeHtml };

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 62rem; padding: 0 1.2rem; }
h1 { font-size: 1.5rem; margin-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.6rem 0 .4rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; font: 14px/1.4 system-ui, sans-serif; margin: .6rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.same td { color: #666; }
.kind { font: 12px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; padding: .15rem .4rem; border-radius: .2rem; background: #eee; }
.kind.changed { background: #fff2c2; } .kind.moved { background: #dbe9ff; } .kind.split, .kind.merged { background: #eadcff; }
.kind.added { background: #d8f5d8; } .kind.removed { background: #ffdcdc; }
.redline { margin: 0 0 1rem; }
del { color: #a40000; background: #ffe6e6; text-decoration: line-through; }
ins { color: #005a00; background: #e3f7e3; text-decoration: underline; }
.break { display: block; margin-top: .5rem; font: bold 13px system-ui, sans-serif; }
.full { color: #005a00; font-weight: bold; } .partial { color: #7a5200; font-weight: bold; } .no { color: #666; }
.legend { font: 14px system-ui, sans-serif; color: #444; }
@media print { a { color: inherit; text-decoration: none; } }
`;

export function formatCompareHtml(c: Comparison, options: FormatOptions = {}): string {
  const e = escapeHtml;
  const oldName = describeRevision(c.old, options.oldName ?? 'old revision');
  const newName = describeRevision(c.new, options.newName ?? 'new revision');
  const shown = shownRedlines(c, options.unchanged ?? true);
  const anchor = new Map(shown.map((r) => [c.redlines.indexOf(r), `p${c.redlines.indexOf(r) + 1}`]));
  const out: string[] = pageStart(`Comparison: ${c.old.revision ?? 'old'} → ${c.new.revision ?? 'new'}`, CSS);
  out.push('<h1>Comparison of two revisions</h1>');
  out.push('<dl class="meta">');
  out.push(`<dt>Old</dt><dd>${e(oldName)}, ${c.old.paragraphs} paragraphs</dd>`);
  out.push(`<dt>New</dt><dd>${e(newName)}, ${c.new.paragraphs} paragraphs</dd>`);
  if (options.order) out.push(`<dt>Order</dt><dd class="order">${e(options.order)}</dd>`);
  out.push(`<dt>Paragraphs</dt><dd>${e(summaryLine(c))}</dd>`);
  out.push('</dl>');
  out.push('<p class="legend">In the redlines, <del>deleted text</del> is struck through and <ins>inserted text</ins> underlined.</p>');

  out.push('<h2 id="mapping">Paragraph mapping</h2>');
  out.push('<table>');
  out.push('<thead><tr><th>old</th><th>new</th><th>change</th><th>similarity</th></tr></thead>');
  out.push('<tbody>');
  for (const m of c.mapping) {
    const index = m.group ?? c.redlines.findIndex((r) => (m.old === undefined ? r.old.length === 0 : r.old.includes(m.old)) && (m.new === undefined ? r.new.length === 0 : r.new.includes(m.new)));
    const id = anchor.get(index);
    const kind = `<span class="kind ${m.kind}">${m.kind}</span>`;
    const sim = m.kind === 'added' || m.kind === 'removed' ? '' : m.similarity.toFixed(2);
    out.push(
      `<tr class="${m.kind}"><td>${e(m.old ?? '–')}</td><td>${e(m.new ?? '–')}</td><td>${id ? `<a href="#${id}">${kind}</a>` : kind}</td><td class="num">${sim}</td></tr>`,
    );
  }
  out.push('</tbody>');
  out.push('</table>');

  if (shown.length) {
    out.push('<h2 id="redline">Redline</h2>');
    for (const r of shown) {
      const id = anchor.get(c.redlines.indexOf(r))!;
      out.push(`<section id="${id}">`);
      out.push(`<h3>${e(pairTitle(r))} <span class="kind ${r.kind}">${e(pairNote(r))}</span></h3>`);
      out.push(`<p class="redline">${runsHtml(r.runs)}</p>`);
      out.push('</section>');
    }
  }

  if (c.proposals.length) {
    out.push('<h2 id="proposals">Proposals taken up</h2>');
    out.push('<ul>');
    for (const s of c.proposers) {
      out.push(`<li><strong>${e(s.proposer)}</strong>: ${s.full} in full, ${s.partial} in part, ${s.no} not taken up (of ${s.full + s.partial + s.no})</li>`);
    }
    out.push('</ul>');
    out.push('<table>');
    out.push('<thead><tr><th>paragraph</th><th>proposer</th><th>proposal</th><th>taken up</th><th>evidence</th></tr></thead>');
    out.push('<tbody>');
    for (const p of c.proposals) {
      const what =
        p.kind === 'insert'
          ? `insert <ins>${e(p.proposed ?? '')}</ins>`
          : p.kind === 'delete'
            ? `delete <del>${e(p.replaced ?? '')}</del>`
            : `<del>${e(p.replaced ?? '')}</del> → <ins>${e(p.proposed ?? '')}</ins>`;
      out.push(
        `<tr><td>${e(p.paragraph)}</td><td>${e(p.proposer)}</td><td>${what}</td><td class="${p.takenUp}">${TAKEN_UP_WORDS[p.takenUp]}</td><td>${e(p.evidence)}</td></tr>`,
      );
    }
    out.push('</tbody>');
    out.push('</table>');
  }
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}

function runsHtml(runs: RedlineRun[]): string {
  let out = '';
  runs.forEach((r, i) => {
    const text = escapeHtml(r.text);
    if (r.break) {
      const tag = r.op === 'inserted' ? 'ins' : 'del';
      out += `<span class="break"><${tag}>¶ ${text}</${tag}></span>`;
      return;
    }
    const body = r.op === 'inserted' ? `<ins>${text}</ins>` : r.op === 'deleted' ? `<del>${text}</del>` : text;
    out += (i > 0 && r.space && !runs[i - 1]!.break ? ' ' : '') + body;
  });
  return out;
}
