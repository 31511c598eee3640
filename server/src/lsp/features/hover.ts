/**
 * Hover: on a quote of the acquis, one block per precedent: first the comparison (the precedent
 * and the draft, differences marked), then the source line (symbol, paragraph, adoption, year),
 * then the lineage. On a citation, the cited paragraph.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeAdoption, normaliseSymbol, type Precedent, type PrecedentMatch } from '../../engine/index.js';
import { cite } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { citationAt } from './inline-at.js';

export function hover(a: Analysis, offset: number): Hover | null {
  const located = matchesAt(a, offset);
  if (located.length) {
    const span = { start: Math.min(...located.map((l) => l.span.start)), end: Math.max(...located.map((l) => l.span.end)) };
    const value = located.map((l) => describeMatch(l.match, l.draftText)).join('\n\n---\n\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(a.doc, span) };
  }
  const citation = citationAt(a.draft.document, offset);
  if (citation?.type === 'citation' && citation.kind === 'symbol') {
    return { contents: { kind: MarkupKind.Markdown, value: describeCitation(a, citation.documents[0]!, citation.paragraphs) }, range: toRange(a.doc, citation.span) };
  }
  return null;
}

interface Located {
  match: PrecedentMatch;
  span: { start: number; end: number };
  draftText: string;
}

/** The precedent match whose quoted stretch holds `offset`. */
export function matchAt(a: Analysis, offset: number): Located | undefined {
  return matchesAt(a, offset)[0];
}

/** Every match whose quoted stretch holds `offset`, one per precedent, in the draft's order. */
export function matchesAt(a: Analysis, offset: number): Located[] {
  const out: Located[] = [];
  const seen = new Set<Precedent>();
  for (const { unit, matches } of a.result.matches) {
    for (const match of matches) {
      const span = { start: unit.view.toSourceStart(match.start), end: unit.view.toSourceEnd(match.end) };
      if (offset < span.start || offset > span.end || seen.has(match.precedent)) continue;
      seen.add(match.precedent);
      out.push({ match, span, draftText: unit.view.text });
    }
  }
  return out;
}

/**
 * How the precedent was adopted, in the words the editor uses everywhere: `agreed language` only
 * for consensus; `language adopted by vote (A/RES/73/27, 109-45-16)` for a recorded vote.
 */
export function adoptionWords(p: Pick<Precedent, 'document'>): string {
  const d = p.document;
  if (d.adoption.kind === 'consensus') return 'agreed language';
  return `language adopted by vote (${d.symbol}, ${d.adoption.inFavour}-${d.adoption.against}-${d.adoption.abstaining})`;
}

/** `**A/70/174, para. 33** · agreed language (adopted by consensus) · 2015 · _title_` */
function sourceLine(p: Pick<Precedent, 'document' | 'pinpoint'>): string {
  const d = p.document;
  const parts = [`**${escape(cite(p as Precedent))}**`, escape(d.adoption.kind === 'consensus' ? 'agreed language, adopted by consensus' : adoptionWords(p))];
  if (d.adoption.kind === 'vote' && d.adoptedBy) parts.push(escape(d.adoptedBy));
  if (d.year) parts.push(String(d.year));
  if (d.title) parts.push(`_${escape(d.title)}_`);
  return parts.join(' · ');
}

function describeMatch(match: PrecedentMatch, draftText: string): string {
  const lines: string[] = [];
  // 1. The comparison.
  if (match.kind === 'agreed') {
    const quoted = draftText.slice(match.start, match.end);
    lines.push(`**Precedent = draft**, word for word${match.partial ? ' (part of the precedent sentence)' : ''}:`, '', `> ${escape(quoted)}`);
  } else {
    const { precedent, draft } = markDifferences(match, draftText);
    const grade = match.grade ? ` (${match.grade} departure)` : '';
    lines.push(`**Precedent:** ${precedent}`, '', `**Draft:** ${draft}${grade}`);
  }
  // 2. The source.
  lines.push('', sourceLine(match.precedent));
  // 3. The lineage.
  if (match.lineage.length) {
    const items = match.lineage.slice(0, 6).map((m) => {
      const d = m.precedent.document;
      return `${escape(cite(m.precedent))} (${[describeAdoption(d.adoption), d.year].filter(Boolean).join(', ')}${m.kind === 'agreed' ? ', same words' : ''})`;
    });
    lines.push('', `Lineage: ${items.join('; ')}`);
  }
  return lines.join('\n');
}

/**
 * Both sides as whole sentences around the aligned stretch, with the words the other side lacks or
 * changes in **bold**: in the precedent, what the draft dropped or replaced; in the draft, what it
 * added or replaced.
 */
function markDifferences(match: PrecedentMatch, draftText: string): { precedent: string; draft: string } {
  const mark = (text: string, from: number, to: number, words: PrecedentMatch['draftWords'], ranges: Array<[number, number]>): string => {
    let out = '';
    let at = from;
    for (const [first, last] of ranges) {
      if (last <= first) continue;
      const s = words[first]!.start;
      const e = words[last - 1]!.end;
      if (s < at) continue;
      out += escape(text.slice(at, s)) + '**' + escape(text.slice(s, e)) + '**';
      at = e;
    }
    return (out + escape(text.slice(at, to))).replace(/\s+/g, ' ').trim();
  };
  const byPrecedent = [...match.changes].sort((x, y) => x.precedentStart - y.precedentStart);
  const ptext = match.precedent.text;
  const around = sentenceAround(ptext, match.precedentWords[0]?.start ?? 0, match.precedentWords.at(-1)?.end ?? ptext.length);
  const precedent = mark(ptext, around.start, around.end, match.precedentWords, byPrecedent.map((c) => [c.precedentStart, c.precedentEnd]));
  const byDraft = [...match.changes].sort((x, y) => x.draftStart - y.draftStart);
  const { start, end } = sentenceAround(draftText, match.draftWords[0]?.start ?? match.start, match.draftWords.at(-1)?.end ?? match.end);
  const draft = mark(draftText, start, end, match.draftWords, byDraft.map((c) => [c.draftStart, c.draftEnd]));
  return { precedent, draft };
}

/** From the start of the sentence holding `start` to the end of the one holding `end`. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const before = text.slice(0, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf(': '));
  const after = /[.;:](?=\s|$)/.exec(text.slice(end));
  return { start: cut < 0 ? 0 : cut + 2, end: after ? end + after.index + 1 : text.length };
}

function describeCitation(a: Analysis, symbol: string, pins: string[]): string {
  const doc = a.entry.engine.acquis.bySymbol.get(normaliseSymbol(symbol));
  if (!doc) return `\`${escape(symbol)}\` is not in the acquis.`;
  const precedents = a.entry.engine.acquis.precedents.filter(
    (p) => p.document === doc && (!pins.length || pins.some((pin) => samePinpoint(p.pinpoint, pin))),
  );
  const lines = [pins.length ? sourceLine({ document: doc, pinpoint: pins.join(', ') }) : `**${escape(doc.symbol)}**${doc.title ? `  \n_${escape(doc.title)}_` : ''}`];
  if (!precedents.length) lines.push('', pins.length ? `No paragraph ${pins.join(', ')} in this document as the acquis holds it.` : '');
  let last = '';
  for (const p of precedents.slice(0, 12)) {
    if (p.pinpoint !== last) lines.push('', `**${/^PP/.test(p.pinpoint) ? p.pinpoint : `para. ${p.pinpoint}`}**`);
    lines.push(`> ${escape(p.text)}`);
    last = p.pinpoint;
  }
  return lines.join('\n');
}

/** `18` covers `18 (i)`; `13 (f)` and `13(f)` are the same; `para. 5` is never PP5. */
export function samePinpoint(pinpoint: string, cited: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase().replace(/^op/, '');
  const a = norm(pinpoint);
  const b = norm(cited);
  return a === b || a.startsWith(`${b}(`);
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
}
