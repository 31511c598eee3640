/**
 * Hover: on a quote of agreed language, the precedent beside the draft with the differences
 * marked, how and when it was adopted, and its lineage; on a citation, the cited paragraph.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeAdoption, normaliseSymbol, type Precedent, type PrecedentMatch } from '../../engine/index.js';
import { cite } from '../../engine/rules/precedent-common.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { citationAt } from './inline-at.js';

export function hover(a: Analysis, offset: number): Hover | null {
  const located = matchAt(a, offset);
  if (located) return { contents: { kind: MarkupKind.Markdown, value: describeMatch(located.match, located.draftText) }, range: toRange(a.doc, located.span) };
  const citation = citationAt(a.draft.document, offset);
  if (citation?.type === 'citation' && citation.kind === 'symbol') {
    return { contents: { kind: MarkupKind.Markdown, value: describeCitation(a, citation.documents[0]!, citation.paragraphs) }, range: toRange(a.doc, citation.span) };
  }
  return null;
}

/** The precedent match whose quoted stretch holds `offset`. */
export function matchAt(a: Analysis, offset: number): { match: PrecedentMatch; span: { start: number; end: number }; draftText: string } | undefined {
  for (const { unit, matches } of a.result.matches) {
    for (const match of matches) {
      const span = { start: unit.view.toSourceStart(match.start), end: unit.view.toSourceEnd(match.end) };
      if (offset >= span.start && offset <= span.end) return { match, span, draftText: unit.view.text };
    }
  }
  return undefined;
}

function heading(p: Pick<Precedent, 'document' | 'pinpoint'>): string {
  // cite() reads only the document's symbol and the pinpoint.
  const d = p.document;
  const how = describeAdoption(d.adoption);
  const by = d.adoption.kind === 'vote' && d.adoptedBy ? `, ${d.adoptedBy}` : '';
  return `**${cite(p as Precedent)}** (${how}${by}${d.year ? `, ${d.year}` : ''})${d.title ? `  \n_${escape(d.title)}_` : ''}`;
}

function describeMatch(match: PrecedentMatch, draftText: string): string {
  const lines: string[] = [];
  if (match.kind === 'agreed') {
    lines.push(`Agreed language${match.partial ? ' (part of the sentence)' : ''}: ${heading(match.precedent)}`);
    lines.push('', `> ${escape(match.precedent.text)}`);
  } else {
    const grade = match.grade ? `${match.grade[0]!.toUpperCase()}${match.grade.slice(1)} departure` : 'Departure';
    lines.push(`${grade} from ${heading(match.precedent)}`);
    const { precedent, draft } = markDifferences(match, draftText);
    lines.push('', `**Precedent:** ${precedent}`, '', `**Draft:** ${draft}`);
  }
  if (match.precedent.document.adoption.kind === 'vote') {
    lines.push('', '_Adopted by a recorded vote: this is not consensus language._');
  }
  if (match.lineage.length) {
    lines.push('', '**Lineage:**');
    for (const m of match.lineage.slice(0, 6)) {
      const d = m.precedent.document;
      lines.push(`- ${cite(m.precedent)} (${describeAdoption(d.adoption)}${d.year ? `, ${d.year}` : ''})${m.kind === 'agreed' ? ' — same words' : ''}`);
    }
  }
  return lines.join('\n');
}

/** Precedent words the draft lacks in **bold**, draft words the precedent lacks struck through. */
function markDifferences(match: PrecedentMatch, draftText: string): { precedent: string; draft: string } {
  const mark = (text: string, words: PrecedentMatch['draftWords'], ranges: Array<[number, number]>, open: string, close: string): string => {
    if (!words.length) return '';
    let out = '';
    let at = words[0]!.start;
    for (const [from, to] of ranges) {
      if (to <= from) continue;
      const s = words[from]!.start;
      const e = words[to - 1]!.end;
      out += escape(text.slice(at, s)) + open + escape(text.slice(s, e)) + close;
      at = e;
    }
    return out + escape(text.slice(at, words[words.length - 1]!.end));
  };
  const changes = [...match.changes].sort((x, y) => x.precedentStart - y.precedentStart);
  const precedent = mark(match.precedent.text, match.precedentWords, changes.map((c) => [c.precedentStart, c.precedentEnd]), '**', '**');
  const byDraft = [...match.changes].sort((x, y) => x.draftStart - y.draftStart);
  const draft = mark(draftText, match.draftWords, byDraft.map((c) => [c.draftStart, c.draftEnd]), '~~', '~~');
  return { precedent, draft };
}

function describeCitation(a: Analysis, symbol: string, pins: string[]): string {
  const doc = a.entry.engine.acquis.bySymbol.get(normaliseSymbol(symbol));
  if (!doc) return `\`${escape(symbol)}\` is not in the acquis.`;
  const precedents = a.entry.engine.acquis.precedents.filter(
    (p) => p.document === doc && (!pins.length || pins.some((pin) => samePinpoint(p.pinpoint, pin))),
  );
  const lines = [pins.length ? heading({ document: doc, pinpoint: pins.join(', ') }) : `**${escape(doc.symbol)}**${doc.title ? `  \n_${escape(doc.title)}_` : ''}`];
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
