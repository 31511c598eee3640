/**
 * Code lenses: above each paragraph that quotes the acquis, what it quotes at a glance
 * ("agreed language: A/70/174 para. 18", "agreed language: 2 spans, 1 departure",
 * "language adopted by vote (A/RES/73/27, 109-45-16)", "1 departure (substantive)").
 * Agreed language is not a problem and has no diagnostic: the lens is where the editor shows it.
 * Information only: the command is empty, as the hover and diagnostics carry the detail.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Paragraph } from '../../../../grammar/src/index.js';
import type { Precedent, PrecedentMatch } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { adoptionWords } from './hover.js';

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
  const quoted = matches.filter((m) => m.kind === 'agreed');
  const agreed = quoted.filter((m) => m.precedent.document.adoption.kind === 'consensus');
  const voted = quoted.filter((m) => m.precedent.document.adoption.kind === 'vote');
  const departures = matches.filter((m) => m.kind === 'deviation');
  const parts: string[] = [];
  if (agreed.length === 1) parts.push(`agreed language: ${citeShort(agreed[0]!.precedent)}`);
  else if (agreed.length > 1) parts.push(`agreed language: ${agreed.length} spans`);
  // A vote is not consensus: say so in the lens's own words, once per resolution.
  for (const symbol of new Set(voted.map((m) => m.precedent.document.symbol))) {
    parts.push(adoptionWords(voted.find((m) => m.precedent.document.symbol === symbol)!.precedent));
  }
  if (departures.length) {
    const noun = `${departures.length} departure${departures.length === 1 ? '' : 's'}`;
    // The grades only when the lens is about departures alone, to keep it short.
    parts.push(parts.length ? noun : `${noun} (${grades(departures)})`);
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

/** `A/70/174 para. 18`. */
function citeShort(p: Precedent): string {
  return `${p.document.symbol} ${/^PP/.test(p.pinpoint) ? p.pinpoint : `para. ${p.pinpoint}`}`;
}
