/**
 * Go to definition: from a citation to the cited paragraph of the acquis document, from a
 * cross-reference to the paragraph of this draft it names, and from a quote of agreed language to
 * the precedent sentence. Also the cross-reference helpers shared with references and formatting.
 */
import type { Location } from 'vscode-languageserver';
import type { Citation, CrossReference, DraftDocument, Paragraph, Span } from '../../../../grammar/src/index.js';
import { normaliseSymbol, unitsOf, type AdoptedDocument, type Unit } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { toRange } from '../convert.js';
import { matchAt } from './hover.js';
import { allInlines, citationAt } from './inline-at.js';
import { spanRange } from './locations.js';
import { crossReferenceKey, crossReferencePins } from '../../engine/index.js';

export function definition(a: Analysis, offset: number): Location[] | null {
  const node = citationAt(a.draft.document, offset);
  if (node?.type === 'crossReference') {
    const pins = crossReferencePins(a.draft.text, node);
    // `paragraphs 3 and 4 below`: the one under the cursor, or both when it is on neither.
    const under = pins.filter((p) => offset >= p.numberSpan.start && offset <= p.numberSpan.start + p.key.length);
    const targets = (under.length ? under : pins).flatMap((pin) => {
      const target = referencedParagraph(a.draft.document, node, pin.key);
      if (!target) return [];
      // `paragraph 16 (a) above`: the sub-paragraph, when the paragraph has it.
      let span = target.span;
      let subs = target.subparagraphs;
      for (const label of pin.subparagraphs) {
        const sub = subs.find((x) => x.label.text === label);
        if (!sub) break;
        span = sub.span;
        subs = sub.children;
      }
      return [{ uri: a.uri, range: toRange(a.doc, trimEnd(a.draft.text, span)) }];
    });
    if (targets.length) return targets;
  } else if (node?.type === 'citation') {
    const targets = citationTargets(a, node, offset);
    if (targets.length) return targets;
  }
  const located = matchAt(a, offset);
  if (located) {
    const p = located.match.precedent;
    return [{ uri: p.document.uri, range: spanRange(p.document, p.span) }];
  }
  return null;
}

function citationTargets(a: Analysis, citation: Citation, offset: number): Location[] {
  const bySymbol = a.entry.engine.acquis.bySymbol;
  if (citation.kind === 'symbol') {
    return citation.documents.flatMap((s) => {
      const doc = bySymbol.get(normaliseSymbol(s));
      return doc ? pinpointLocations(doc, pinsAt(a.draft.text, citation, offset)) : [];
    });
  }
  if (citation.kind === 'resolution') {
    return resolutionNumbers(a.draft.text, citation, offset).flatMap((n) => {
      const doc = bySymbol.get(`A/RES/${n}`);
      return doc ? pinpointLocations(doc, []) : [];
    });
  }
  // A bare `, para. 5` right after a citation pinpoints that citation's document.
  const before = citedJustBefore(a, citation);
  return before ? pinpointLocations(before, pinsAt(a.draft.text, citation, offset)) : [];
}

/** `paras. 13 and 29`: the pinpoint under the cursor, or all of them when it is on none. */
function pinsAt(text: string, citation: Citation, offset: number): string[] {
  const image = text.slice(citation.span.start, citation.span.end);
  const from = image.search(/\bparas?\b/);
  if (from < 0) return citation.paragraphs;
  const re = /\d{1,4}[a-z]*(?:[ \t]*(?:\r?\n[ \t]*)?\([a-z0-9]{1,6}\))*/g;
  re.lastIndex = from;
  const found: Array<{ start: number; end: number }> = [];
  for (let m = re.exec(image); m; m = re.exec(image)) found.push({ start: citation.span.start + m.index, end: citation.span.start + m.index + m[0].length });
  // Trust the positions only when they read as the grammar read the pins.
  if (found.length !== citation.paragraphs.length) return citation.paragraphs;
  const i = found.findIndex((f) => offset >= f.start && offset <= f.end);
  return i < 0 ? citation.paragraphs : [citation.paragraphs[i]!];
}

/** The resolution numbers of a citation: the one under the cursor, or all of them. */
function resolutionNumbers(text: string, citation: Citation, offset: number): string[] {
  const found: Array<{ n: string; start: number; end: number }> = [];
  const re = /\d{1,3}\/\d{1,4}/g;
  const image = text.slice(citation.span.start, citation.span.end);
  for (let m = re.exec(image); m; m = re.exec(image)) {
    found.push({ n: m[0], start: citation.span.start + m.index, end: citation.span.start + m.index + m[0].length });
  }
  const under = found.filter((f) => offset >= f.start && offset <= f.end);
  return (under.length ? under : found).map((f) => f.n);
}

function citedJustBefore(a: Analysis, local: Citation): AdoptedDocument | undefined {
  let previous: Citation | undefined;
  for (const node of allInlines(a.draft.document)) {
    if (node.type === 'citation' && node.span.end <= local.span.start && node.span.end > (previous?.span.end ?? -1)) previous = node;
  }
  if (!previous || !/^[\s,]*$/.test(a.draft.text.slice(previous.span.end, local.span.start))) return undefined;
  const last = previous.documents[previous.documents.length - 1];
  if (!last) return undefined;
  return a.entry.engine.acquis.bySymbol.get(previous.kind === 'resolution' ? `A/RES/${last}` : normaliseSymbol(last));
}

const unitCache = new WeakMap<AdoptedDocument, Unit[]>();

/** The cited paragraphs of an acquis document, or its first line when no paragraph is cited. */
export function pinpointLocations(doc: AdoptedDocument, pins: string[]): Location[] {
  if (!pins.length) {
    const end = doc.text.search(/\r?\n|$/);
    return [{ uri: doc.uri, range: spanRange(doc, { start: 0, end }) }];
  }
  let units = unitCache.get(doc);
  if (!units) {
    units = unitsOf(doc.document, doc.text);
    unitCache.set(doc, units);
  }
  // Units are cited `18`, `18 (i)`, `PP3`, and operative paragraphs by their number (`5`, not
  // `OP5`); `para. 5` of a resolution is never its `PP5`.
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return pins.flatMap((pin) => {
    const cited = norm(pin);
    // `18` is the whole paragraph 18, not its first sub-paragraph `18 (i)`.
    const unit = units.find((u) => u.pinpoint && norm(u.pinpoint) === cited) ?? units.find((u) => u.pinpoint && norm(u.pinpoint).startsWith(`${cited}(`));
    if (!unit) return [];
    const span = unit.subparagraph?.span ?? unit.paragraph.span;
    return [{ uri: doc.uri, range: spanRange(doc, trimEnd(doc.text, span)) }];
  });
}

/** The span without the line breaks an unnumbered paragraph's span ends with. */
export function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}

// Reading cross-references is the engine's (the xref.valid rule uses the same functions).
export { crossReferenceKey, crossReferencePins };

/**
 * The paragraph a cross-reference names: the nearest one with that number in the direction it
 * says (`above`, `below`); if there is none that way, the nearest one the other way.
 */
export function referencedParagraph(document: DraftDocument, ref: CrossReference, key: string): Paragraph | undefined {
  const candidates = document.paragraphs.filter((p) => crossReferenceKey(p) === key);
  const above = candidates.filter((p) => p.span.start < ref.span.start);
  const below = candidates.filter((p) => p.span.start >= ref.span.end);
  return ref.direction === 'above' ? (above[above.length - 1] ?? below[0]) : (below[0] ?? above[above.length - 1]);
}
