/**
 * Terminal text: the paragraph mapping, then a redline per changed paragraph with `[-deleted-]`
 * and `{+inserted+}` (git's word-diff markers), then the proposals taken up. With `colour`,
 * deletions are also red and struck through, insertions green; the markers stay, so the text
 * reads the same without colour. Lines are wrapped at `width` columns.
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

export interface TextFormatOptions extends FormatOptions {
  colour?: boolean;
  /** Wrap width (default 100; 0 for no wrapping). */
  width?: number;
}

const ESC = '\u001b[';
const paint = (on: boolean, codes: string, s: string): string => (on ? `${ESC}${codes}m${s}${ESC}0m` : s);

export function formatCompareText(c: Comparison, options: TextFormatOptions = {}): string {
  const colour = options.colour ?? false;
  const width = options.width ?? 100;
  const out: string[] = [];
  out.push(`Old: ${describeRevision(c.old, options.oldName ?? 'old revision')}, ${c.old.paragraphs} paragraphs`);
  out.push(`New: ${describeRevision(c.new, options.newName ?? 'new revision')}, ${c.new.paragraphs} paragraphs`);
  out.push('');
  out.push(paint(colour, '1', 'Paragraph mapping'));
  const rows = c.mapping.map((m) => [m.old ?? '–', m.new ?? '–', m.kind, m.kind === 'added' || m.kind === 'removed' ? '' : m.similarity.toFixed(2)]);
  const header = ['old', 'new', 'change', 'similarity'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `  ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  out.push(line(header));
  for (const r of rows) out.push(line(r));
  out.push(`  ${summaryLine(c)}.`);

  const shown = shownRedlines(c, options.unchanged ?? false);
  if (shown.length) {
    out.push('');
    out.push(paint(colour, '1', 'Redline'));
    for (const r of shown) {
      out.push('');
      out.push(paint(colour, '1', `${pairTitle(r)} (${pairNote(r)})`));
      out.push(...wrap(pieces(r.runs, colour), width, '  '));
    }
  }

  if (c.proposals.length) {
    out.push('');
    out.push(paint(colour, '1', 'Proposals taken up'));
    for (const s of c.proposers) {
      out.push(`  ${s.proposer}: ${s.full} in full, ${s.partial} in part, ${s.no} not taken up (of ${s.full + s.partial + s.no})`);
    }
    for (const p of c.proposals) {
      out.push('');
      const what = p.kind === 'insert' ? `insert “${p.proposed}”` : p.kind === 'delete' ? `delete “${p.replaced}”` : `“${p.replaced}” → “${p.proposed}”`;
      const verdict = paint(colour, p.takenUp === 'full' ? '32' : p.takenUp === 'partial' ? '33' : '2', TAKEN_UP_WORDS[p.takenUp]);
      out.push(...wrap([{ text: `[${p.paragraph}]`, visible: p.paragraph.length + 2 }, ...words(`${p.proposer}:`), ...words(what), ...words('—'), { text: verdict, visible: TAKEN_UP_WORDS[p.takenUp].length }], width, '  '));
      out.push(...wrap(words(p.evidence), width, '    '));
    }
  }
  return `${out.join('\n')}\n`;
}

/** A word of output with its visible length (escape codes are invisible). */
interface Piece {
  text: string;
  visible: number;
  /** No space before it. */
  glued?: boolean;
}

function words(s: string): Piece[] {
  return s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ text: w, visible: w.length }));
}

/** The runs as pieces: each word of a run separately, markers glued to the first and last. */
function pieces(runs: RedlineRun[], colour: boolean): Piece[] {
  const out: Piece[] = [];
  runs.forEach((r, i) => {
    if (r.break) {
      const mark = r.op === 'inserted' ? `{+¶ ${r.text}+}` : `[-¶ ${r.text}-]`;
      out.push({ text: '\n', visible: 0 }, { text: paint(colour, r.op === 'inserted' ? '32' : '31', mark), visible: mark.length });
      return;
    }
    const ws = r.text.split(' ');
    const [open, close, codes] = r.op === 'inserted' ? ['{+', '+}', '32'] : r.op === 'deleted' ? ['[-', '-]', '31;9'] : ['', '', ''];
    ws.forEach((w, k) => {
      const text = `${k === 0 ? open : ''}${w}${k === ws.length - 1 ? close : ''}`;
      const glued = k === 0 && (!r.space || i === 0);
      out.push({ text: codes ? paint(colour, codes, text) : text, visible: text.length, glued });
    });
  });
  return out;
}

/** Lay pieces out in lines of at most `width` visible columns (a piece `\n` breaks the line). */
function wrap(items: Piece[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  const flush = (): void => {
    if (line) lines.push(indent + line);
    line = '';
    visible = 0;
  };
  for (const p of items) {
    if (p.text === '\n') {
      flush();
      continue;
    }
    if (width > 0 && visible > 0 && !p.glued && indent.length + visible + 1 + p.visible > width) flush();
    const space = line !== '' && !p.glued;
    line += (space ? ' ' : '') + p.text;
    visible += (space ? 1 : 0) + p.visible;
  }
  flush();
  return lines;
}
