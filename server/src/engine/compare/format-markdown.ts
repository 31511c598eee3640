/**
 * Markdown (GitHub-flavoured): the mapping as a table, then a redline per changed paragraph with
 * ~~deleted~~ and **inserted** text, then the proposals taken up. Draft text is escaped, so that
 * its asterisks, brackets or angle brackets never read as markup.
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

/**
 * Escape text so that Markdown shows it as written: emphasis, code, link and table characters
 * get a backslash, `<`, `>` and `&` become entities (no HTML gets through), and a line that would
 * start a heading, list or quotation is defused.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

export function formatCompareMarkdown(c: Comparison, options: FormatOptions = {}): string {
  const out: string[] = [];
  out.push('# Comparison of two revisions');
  out.push('');
  out.push(`- **Old:** ${escapeMarkdown(describeRevision(c.old, options.oldName ?? 'old revision'))}, ${c.old.paragraphs} paragraphs`);
  out.push(`- **New:** ${escapeMarkdown(describeRevision(c.new, options.newName ?? 'new revision'))}, ${c.new.paragraphs} paragraphs`);
  out.push(`- **Paragraphs:** ${summaryLine(c)}`);
  out.push('');
  out.push('## Paragraph mapping');
  out.push('');
  out.push('| old | new | change | similarity |');
  out.push('| --- | --- | --- | ---: |');
  for (const m of c.mapping) {
    const sim = m.kind === 'added' || m.kind === 'removed' ? '' : m.similarity.toFixed(2);
    out.push(`| ${escapeMarkdown(m.old ?? '–')} | ${escapeMarkdown(m.new ?? '–')} | ${m.kind} | ${sim} |`);
  }
  const shown = shownRedlines(c, options.unchanged ?? false);
  if (shown.length) {
    out.push('');
    out.push('## Redline');
    for (const r of shown) {
      out.push('');
      out.push(`### ${escapeMarkdown(pairTitle(r))} (${pairNote(r)})`);
      out.push('');
      out.push(runsMarkdown(r.runs));
    }
  }
  if (c.proposals.length) {
    out.push('');
    out.push('## Proposals taken up');
    out.push('');
    for (const s of c.proposers) {
      out.push(`- **${escapeMarkdown(s.proposer)}**: ${s.full} in full, ${s.partial} in part, ${s.no} not taken up (of ${s.full + s.partial + s.no})`);
    }
    out.push('');
    out.push('| paragraph | proposer | proposal | taken up | evidence |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const p of c.proposals) {
      const what =
        p.kind === 'insert'
          ? `insert “${escapeMarkdown(p.proposed ?? '')}”`
          : p.kind === 'delete'
            ? `delete “${escapeMarkdown(p.replaced ?? '')}”`
            : `“${escapeMarkdown(p.replaced ?? '')}” → “${escapeMarkdown(p.proposed ?? '')}”`;
      out.push(
        `| ${escapeMarkdown(p.paragraph)} | ${escapeMarkdown(p.proposer)} | ${what} | ${TAKEN_UP_WORDS[p.takenUp]} | ${escapeMarkdown(p.evidence)} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** One paragraph of Markdown; a break inside a split or merge starts a new line. */
function runsMarkdown(runs: RedlineRun[]): string {
  let out = '';
  runs.forEach((r, i) => {
    if (r.break) {
      const mark = `¶ ${escapeMarkdown(r.text)}`;
      out += `<br>\n${r.op === 'inserted' ? `**${mark}**` : `~~${mark}~~`}`;
      return;
    }
    const text = escapeMarkdown(r.text);
    const body = r.op === 'inserted' ? `**${text}**` : r.op === 'deleted' ? `~~${text}~~` : text;
    out += (i > 0 && r.space ? ' ' : '') + body;
  });
  return out;
}
