/**
 * Code lenses: above each paragraph that quotes the acquis, what it quotes at a glance
 * ("agreed: A/70/174 para. 18", "agreed: 2 spans, 1 departure", "1 departure (substantive)").
 * Information only: the command is empty, as the hover and diagnostics carry the detail.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Paragraph } from '../../../../grammar/src/index.js';
import type { Precedent, PrecedentMatch } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';

export function codeLenses(a: Analysis): CodeLens[] {
  const byParagraph = new Map<Paragraph, PrecedentMatch[]>();
  for (const { unit, matches } of a.result.matches) {
    if (!matches.length) continue;
    const list = byParagraph.get(unit.paragraph) ?? [];
    list.push(...matches);
    byParagraph.set(unit.paragraph, list);
  }
  const lenses: CodeLens[] = [];
  for (const [paragraph, matches] of byParagraph) {
    // The label line: from the paragraph's start to the end of its first line.
    const text = a.draft.text;
    const newline = text.indexOf('\n', paragraph.span.start);
    let end = Math.min(newline < 0 ? text.length : newline, paragraph.span.end);
    if (text[end - 1] === '\r') end--;
    lenses.push({ range: toRange(a.doc, { start: paragraph.span.start, end }), command: { title: lensTitle(matches), command: '' } });
  }
  return lenses.sort((x, y) => x.range.start.line - y.range.start.line);
}

export function lensTitle(matches: PrecedentMatch[]): string {
  const agreed = matches.filter((m) => m.kind === 'agreed');
  const departures = matches.filter((m) => m.kind === 'deviation');
  const parts: string[] = [];
  if (agreed.length === 1) parts.push(`agreed: ${citeShort(agreed[0]!.precedent)}`);
  else if (agreed.length > 1) parts.push(`agreed: ${agreed.length} spans`);
  if (departures.length) {
    const noun = `${departures.length} departure${departures.length === 1 ? '' : 's'}`;
    // The grades only when the lens is about departures alone, to keep it short.
    parts.push(agreed.length ? noun : `${noun} (${grades(departures)})`);
  }
  return parts.join(', ');
}

/** `substantive`, or `1 substantive, 2 editorial` when the grades differ. */
function grades(departures: PrecedentMatch[]): string {
  const counts = new Map<string, number>();
  for (const d of departures) counts.set(d.grade ?? 'ungraded', (counts.get(d.grade ?? 'ungraded') ?? 0) + 1);
  if (counts.size === 1) return [...counts.keys()][0]!;
  return [...counts].map(([g, n]) => `${n} ${g}`).join(', ');
}

/** `A/70/174 para. 18`, `A/RES/73/27 PP9 (vote)`. */
function citeShort(p: Precedent): string {
  const where = /^PP/.test(p.pinpoint) ? p.pinpoint : `para. ${p.pinpoint}`;
  return `${p.document.symbol} ${where}${p.document.adoption.kind === 'vote' ? ' (vote)' : ''}`;
}
