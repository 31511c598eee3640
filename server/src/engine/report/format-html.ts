/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no script, no
 * external resource (a content security policy forbids any), so it reads offline, prints, and
 * opens in a mail client. Every piece of draft text, and every label, title and name, is escaped.
 */
import { escapeHtml, pageStart } from '../html.js';
import type { ReportData } from './build.js';

const e = escapeHtml;

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 62rem; padding: 0 1.2rem; }
h1 { font-size: 1.5rem; margin-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; font: 14px/1.4 system-ui, sans-serif; margin: .6rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart { display: block; max-width: 100%; height: auto; font: 13px system-ui, sans-serif; margin: .6rem 0; }
svg.chart .track { fill: #eee; } svg.chart .bar { fill: #3a6ea5; } svg.chart .bar.low { fill: #c0392b; } svg.chart .bar.agreed { fill: #2e7d32; }
svg.chart text { fill: #1b1b1b; } svg.chart text.value { fill: #444; }
.big { font-size: 1.6rem; font-weight: bold; }
.legend, .none { font: 14px system-ui, sans-serif; color: #444; }
.placeholder { background: #fff2c2; } .unclosed { color: #a40000; }
ul.brackets { font: 14px/1.5 system-ui, sans-serif; padding-left: 1.2rem; }
ul.brackets .ref { font-weight: bold; }
ul.brackets code { font-family: Georgia, serif; }
.status { font: 12px/1 system-ui, sans-serif; padding: .15rem .4rem; border-radius: .2rem; background: #eee; }
.status.agreed-ad-ref { background: #d8f5d8; } .status.agreed { background: #c6ebc6; } .status.pending { background: #fff2c2; }
.status.suggested-for-closure { background: #dbe9ff; }
@media print { a { color: inherit; text-decoration: none; } }
`;

const percent = (x: number): string => `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface BarRow {
  label: string;
  /** 0 to 1. */
  value: number;
  /** Shown after the bar: `34% (120 words)`. */
  note: string;
  /** Extra class of the bar (`low`, `agreed`). */
  tone?: string;
}

/** A horizontal bar chart as inline SVG: one track rect and one bar rect per row. */
export function barChart(rows: BarRow[], title: string): string {
  const width = 760;
  const labelWidth = 300;
  const noteWidth = 150;
  const barWidth = width - labelWidth - noteWidth;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 8;
  const out: string[] = [];
  out.push(`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${e(title)}">`);
  out.push(`<title>${e(title)}</title>`);
  rows.forEach((r, i) => {
    const y = 4 + i * rowHeight;
    const value = Math.max(0, Math.min(1, Number.isFinite(r.value) ? r.value : 0));
    const label = r.label.length > 42 ? `${r.label.slice(0, 41)}…` : r.label;
    out.push('<g>');
    out.push(`<title>${e(`${r.label}: ${r.note}`)}</title>`);
    out.push(`<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end">${e(label)}</text>`);
    out.push(`<rect class="track" x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="${rowHeight - 8}" rx="2"></rect>`);
    out.push(
      `<rect class="bar${r.tone ? ` ${e(r.tone)}` : ''}" x="${labelWidth}" y="${y + 4}" width="${(barWidth * value).toFixed(1)}" height="${rowHeight - 8}" rx="2"></rect>`,
    );
    out.push(`<text class="value" x="${labelWidth + barWidth + 8}" y="${y + 18}">${e(r.note)}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

const statusClass = (s: string): string => s.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');

export function reportHtml(data: ReportData): string {
  const out: string[] = pageStart(`Report: ${data.title}`, CSS);
  out.push(`<h1>${e(data.title)}</h1>`);
  out.push('<dl class="meta">');
  out.push(`<dt>File</dt><dd>${e(data.uri)}</dd>`);
  for (const key of ['body', 'kind', 'revision', 'year', 'date']) {
    const v = data.fields[key];
    if (v) out.push(`<dt>${e(key[0]!.toUpperCase() + key.slice(1))}</dt><dd>${e(v)}</dd>`);
  }
  out.push(`<dt>Paragraphs</dt><dd>${data.totals.paragraphs}</dd>`);
  out.push(`<dt>Words</dt><dd>${data.totals.words}</dd>`);
  out.push('</dl>');
  out.push('<nav class="legend">');
  out.push(
    [
      ['mandate', 'Mandate'],
      ['agreed', 'Agreed language'],
      ['findings', 'Findings'],
      ['brackets', 'Brackets'],
      ['status', 'Status'],
      ['proposals', 'Proposals'],
      ['suppressions', 'Suppressions'],
    ]
      .map(([id, name]) => `<a href="#${id}">${name}</a>`)
      .join(' · '),
  );
  out.push('</nav>');

  // Mandate coverage.
  out.push('<h2 id="mandate">Coverage of the six items of the mandate</h2>');
  const average = 1 / Math.max(1, data.mandate.items.length);
  if (data.mandate.excerpt) {
    // Only some paragraphs of the document are here: shares of its words say nothing about balance.
    out.push(
      '<p class="legend excerpt">This draft is an excerpt (<code>excerpt: true</code>): it holds only some paragraphs of the document, ' +
        'so the balance between the items of the mandate is not judged and no chart is drawn. The table lists what the excerpt says about each item.</p>',
    );
  } else {
    out.push(
      `<p class="legend">Share of the words given to the six items (resolution 73/27, para. 5). A balanced report gives each about ${percent(average)}. ` +
        `${Math.round(data.mandate.itemWords)} of ${data.mandate.totalWords} words go to an item.` +
        `${data.mandate.applies ? '' : ' This document is not a report or draft of the OEWG or a GGE: the figures are for information.'}</p>`,
    );
    out.push(
      barChart(
        data.mandate.items.map((i) => ({
          label: i.name,
          value: i.share,
          note: i.coveredBy === 'none' ? 'missing' : `${percent(i.share)} (${Math.round(i.words)} words)`,
          ...(i.coveredBy === 'none' || i.share < 0.25 * average ? { tone: 'low' } : {}),
        })),
        'Share of words per mandate item',
      ),
    );
  }
  out.push('<table><thead><tr><th>Item</th><th>Covered by</th><th>Words</th><th>Share</th></tr></thead><tbody>');
  for (const i of data.mandate.items) {
    const by = i.coveredBy === 'heading' ? 'a section heading' : i.coveredBy === 'text' ? 'paragraphs about it' : 'missing';
    out.push(`<tr><td>${e(i.name)}</td><td>${by}</td><td class="num">${Math.round(i.words)}</td><td class="num">${percent(i.share)}</td></tr>`);
  }
  out.push('</tbody></table>');

  // Agreed language.
  out.push('<h2 id="agreed">Agreed language</h2>');
  out.push(
    // Agreed language is consensus text only (DESIGN.md, section 6); voted text is counted apart.
    `<p><span class="big">${percent(data.totals.consensusShare)}</span> of the words are agreed language ` +
      `(${data.totals.consensusWords} of ${data.totals.words} words quote a text adopted by consensus word for word; ` +
      `${data.totals.agreedWords} words, ${percent(data.totals.agreedShare)}, quote an adopted text if language adopted by vote is counted).</p>`,
  );
  if (data.sections.length) {
    out.push(
      barChart(
        data.sections.map((s) => ({ label: s.heading, value: s.share, note: `${percent(s.share)} of ${s.words} words`, tone: 'agreed' })),
        'Share of words quoting an adopted text per section (consensus or vote)',
      ),
    );
  } else out.push('<p class="none">No paragraphs.</p>');

  // Findings by rule.
  out.push('<h2 id="findings">Findings by rule</h2>');
  if (data.rules.length) {
    out.push('<table><thead><tr><th>Rule</th><th>Findings</th><th>Errors</th><th>Warnings</th><th>Information</th><th>Hints</th><th>What it checks</th></tr></thead><tbody>');
    for (const r of data.rules) {
      out.push(
        `<tr><td><code>${e(r.ruleId)}</code></td><td class="num">${r.count}</td><td class="num">${r.bySeverity.error}</td><td class="num">${r.bySeverity.warning}</td>` +
          `<td class="num">${r.bySeverity.info}</td><td class="num">${r.bySeverity.hint}</td><td>${e(r.summary)}</td></tr>`,
      );
    }
    out.push(`</tbody><tfoot><tr><th>All</th><td class="num">${data.totals.findings}</td><td colspan="5"></td></tr></tfoot></table>`);
  } else out.push('<p class="none">No findings.</p>');

  // Brackets and placeholders.
  const placeholders = data.brackets.filter((b) => b.placeholder).length;
  out.push('<h2 id="brackets">Open brackets and placeholders</h2>');
  out.push(`<p class="legend">${plural(data.brackets.length - placeholders, 'bracket')} and ${plural(placeholders, 'placeholder')}.</p>`);
  if (data.brackets.length) {
    out.push('<ul class="brackets">');
    for (const b of data.brackets) {
      const tags = [b.placeholder ? 'placeholder' : '', b.closed ? '' : 'unclosed'].filter(Boolean);
      out.push(
        `<li${b.placeholder ? ' class="placeholder"' : ''}><span class="ref">${e(b.ref)}</span>: <code>${e(b.text)}</code>` +
          `${tags.length ? ` <span class="${tags.includes('unclosed') ? 'unclosed' : 'legend'}">(${tags.join(', ')})</span>` : ''}</li>`,
      );
    }
    out.push('</ul>');
  }

  // Paragraph status.
  out.push('<h2 id="status">Paragraph status</h2>');
  out.push('<table><thead><tr><th>Status</th><th>Paragraphs</th></tr></thead><tbody>');
  for (const c of data.statuses.counts) out.push(`<tr><td><span class="status ${statusClass(c.status)}">${e(c.status)}</span></td><td class="num">${c.count}</td></tr>`);
  out.push('</tbody></table>');
  const withStatus = data.statuses.paragraphs.filter((p) => p.status !== 'no status');
  if (withStatus.length) {
    out.push('<table><thead><tr><th>Paragraph</th><th>Status</th></tr></thead><tbody>');
    for (const p of withStatus) {
      out.push(`<tr><td>${e(p.ref)}</td><td><span class="status ${statusClass(p.status)}">${e(p.status)}</span>${p.known ? '' : ' <span class="legend">(unknown status)</span>'}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  // Proposals.
  out.push('<h2 id="proposals">Proposals by delegation</h2>');
  if (data.proposals.total) {
    out.push(`<p class="legend">${plural(data.proposals.total, 'proposal')} from ${plural(data.proposals.proposers.length, 'proposer')}.</p>`);
    out.push('<table><thead><tr><th>Delegation</th><th>Proposals</th><th>Insertions</th><th>Deletions</th><th>Replacements</th></tr></thead><tbody>');
    for (const p of data.proposals.proposers) {
      out.push(`<tr><td>${e(p.name)}</td><td class="num">${p.count}</td><td class="num">${p.insert}</td><td class="num">${p.delete}</td><td class="num">${p.replace}</td></tr>`);
    }
    out.push('</tbody></table>');
  } else out.push('<p class="none">No proposals.</p>');

  // Suppressions.
  out.push('<h2 id="suppressions">Suppressions</h2>');
  if (data.suppressions.length) {
    out.push('<table><thead><tr><th>Paragraph</th><th>Rules</th><th>Reason</th><th>Findings suppressed</th></tr></thead><tbody>');
    for (const s of data.suppressions) {
      out.push(
        `<tr><td>${e(s.ref)}</td><td>${s.rules.map((r) => `<code>${e(r)}</code>`).join(', ')}</td>` +
          `<td>${s.reason ? e(s.reason) : '<span class="unclosed">no reason given (suppresses nothing)</span>'}</td><td class="num">${s.suppressed}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  } else out.push('<p class="none">No suppressions.</p>');

  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}
