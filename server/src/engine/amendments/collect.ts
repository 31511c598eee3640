/**
 * The amendments of a draft as a flat list: every insertion, deletion and replacement, wherever
 * it sits (a paragraph, a sub-paragraph, a heading, a footnote, a quotation, inside a bracket or
 * inside another amendment), with its proposer, where it is (the paragraph label, the pinpoint,
 * the section) and its rationale. Comments and highlights are not proposals and are not listed.
 */
import {
  inlineView,
  type Amendment,
  type DraftDocument,
  type Inline,
  type Paragraph,
  type Section,
  type Span,
  type Subparagraph,
} from '../../../../grammar/src/index.js';
import { paragraphPinpoint } from '../acquis/units.js';

export type ProposalKind = 'insert' | 'delete' | 'replace';

/** Where an amendment is. */
export interface AmendmentPlace {
  /** The paragraph holding it (absent for headings, footnotes and quotations between paragraphs). */
  paragraph?: Paragraph;
  /** The paragraph's label as written (`22`, `PP3`, `OP1`, `12bis`); absent when unnumbered. */
  label?: string;
  /**
   * How the paragraph (or other block) is named: its label (`22`, `PP3`, `OP1`), or
   * `unnumbered paragraph 1 of section D`, `heading C`, `footnote 3`, `quotation after 12`.
   */
  ref: string;
  /** The paragraph or sub-paragraph as cited: `68 (a) (i)`; the same as `ref` outside sub-paragraphs. */
  pinpoint: string;
  /** The paragraph as cited, when that differs from `ref`: `1` for `OP1`. */
  cited?: string;
  /** The innermost section's heading as written (`C. International Law`), if any. */
  section?: string;
}

export interface AmendmentEntry {
  /** 1-based position in document order. */
  index: number;
  node: Amendment;
  kind: ProposalKind;
  /** As written after `@` (trimmed); absent when the amendment names no proposer. */
  proposer?: string;
  place: AmendmentPlace;
  /** The amendment followed by its rationale comment, if it has one: what resolving replaces. */
  span: Span;
  /** The old text (deletions and replacements), as plain words. */
  oldText?: string;
  /** The new text (insertions and replacements), as plain words. */
  newText?: string;
  /** The rationale comment's words, if any. */
  rationale?: string;
  /** The last words before the amendment in its paragraph or sub-paragraph (current view). */
  after?: string;
  /** The nearest enclosing amendment that is itself a proposal, if this one is nested. */
  parent?: AmendmentEntry;
  /** False for unclosed marks and replacements without `~>`: such amendments are never resolved. */
  resolvable: boolean;
}

/** The name used for amendments that name no proposer. */
export const UNATTRIBUTED = 'unattributed';

const ANCHOR_WORDS = 6;

/** A stretch of inline content and where it is. */
export interface Stretch {
  content: Inline[];
  place: AmendmentPlace;
  /** For a sub-paragraph: its own label as written (`(a)`, `(i)`). */
  subLabel?: string;
}

/**
 * Every block that can hold amendments, named: paragraphs (with their sub-paragraphs), headings,
 * footnotes and quotations, in document order.
 */
export function placesOf(text: string, document: DraftDocument): Stretch[] {
  const out: Stretch[] = [];
  const seen = new Set<object>();
  const unnumberedCount = new Map<string, number>();
  let lastRef: string | undefined;

  const headingText = (section: Section): string =>
    text.slice(section.heading.span.start, section.heading.span.end).replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();

  const paragraphPlace = (paragraph: Paragraph, section: Section | undefined): AmendmentPlace => {
    let ref: string;
    if (paragraph.label) {
      ref = paragraph.kind === 'numbered' ? (paragraphPinpoint(paragraph) ?? paragraph.label.text) : paragraph.label.text;
    } else {
      const sectionNumber = section?.heading.number;
      const key = sectionNumber ?? '';
      const n = (unnumberedCount.get(key) ?? 0) + 1;
      unnumberedCount.set(key, n);
      ref = sectionNumber ? `unnumbered paragraph ${n} of section ${sectionNumber}` : `unnumbered paragraph ${n}`;
    }
    const place: AmendmentPlace = { paragraph, ref, pinpoint: ref };
    if (paragraph.label) place.label = paragraph.label.text;
    const cited = paragraphPinpoint(paragraph);
    if (cited && cited !== ref) place.cited = cited;
    if (section) place.section = headingText(section);
    return place;
  };

  const walkSubparagraphs = (subs: Subparagraph[], place: AmendmentPlace, prefix: string): void => {
    for (const sub of subs) {
      const pinpoint = `${prefix} ${sub.label.text}`;
      out.push({ content: sub.content, place: { ...place, pinpoint }, subLabel: sub.label.text });
      walkSubparagraphs(sub.children, place, pinpoint);
    }
  };

  const walkBlocks = (blocks: DraftDocument['children'], section: Section | undefined): void => {
    for (const block of blocks) {
      if (seen.has(block)) continue;
      seen.add(block);
      switch (block.type) {
        case 'section': {
          const title = headingText(block);
          const ref = block.heading.number ? `heading ${block.heading.number}` : `heading “${title}”`;
          out.push({ content: block.heading.content, place: { ref, pinpoint: ref, section: title } });
          walkBlocks(block.children, block);
          break;
        }
        case 'paragraph': {
          const place = paragraphPlace(block, section);
          lastRef = place.ref;
          out.push({ content: block.content, place });
          walkSubparagraphs(block.subparagraphs, place, place.ref);
          break;
        }
        case 'blockQuote':
        case 'footnoteDefinition': {
          const ref = block.type === 'footnoteDefinition' ? `footnote ${block.id}` : lastRef ? `quotation after ${lastRef}` : 'quotation';
          const place: AmendmentPlace = { ref, pinpoint: ref };
          if (section) place.section = headingText(section);
          out.push({ content: block.content, place });
          break;
        }
        case 'note':
          break;
      }
    }
  };

  walkBlocks(document.children, undefined);
  // Paragraphs and footnotes the section tree does not hold (none today; kept for safety).
  const missed = [...document.paragraphs, ...document.footnotes].filter((b) => !seen.has(b));
  if (missed.length) walkBlocks(missed, undefined);
  return out;
}

/** Every proposal in the document, in source order. */
export function collectAmendments(text: string, document: DraftDocument): AmendmentEntry[] {
  const entries: AmendmentEntry[] = [];
  const words = (content: Inline[]): string => inlineView(content, text, 'current').text.trim();

  const makeEntry = (
    node: Amendment,
    kind: ProposalKind,
    place: AmendmentPlace,
    parent: AmendmentEntry | undefined,
    before: Inline[],
  ): AmendmentEntry => {
    const end = node.rationale ? Math.max(node.span.end, node.rationale.span.end) : node.span.end;
    const entry: AmendmentEntry = {
      index: 0,
      node,
      kind,
      place,
      span: { start: node.span.start, end },
      resolvable: node.closed && (kind !== 'replace' || node.replacement !== undefined) && (!node.rationale || node.rationale.closed),
    };
    if (node.proposer) entry.proposer = node.proposer;
    if (kind !== 'insert') entry.oldText = words(node.content);
    if (kind === 'insert') entry.newText = words(node.content);
    if (kind === 'replace') entry.newText = words(node.replacement ?? []);
    if (node.rationale) entry.rationale = words(node.rationale.content);
    const preceding = words(before).split(/\s+/).filter(Boolean);
    if (preceding.length) entry.after = preceding.slice(-ANCHOR_WORDS).join(' ');
    if (parent) entry.parent = parent;
    return entry;
  };

  const walkInline = (list: Inline[], place: AmendmentPlace, parent: AmendmentEntry | undefined): void => {
    list.forEach((node, i) => {
      switch (node.type) {
        case 'amendment': {
          let here = parent;
          if (node.kind === 'insert' || node.kind === 'delete' || node.kind === 'replace') {
            const entry = makeEntry(node, node.kind, place, parent, list.slice(0, i));
            entries.push(entry);
            here = entry;
          }
          walkInline(node.content, place, here);
          if (node.replacement) walkInline(node.replacement, place, here);
          break;
        }
        case 'bracket':
          for (const option of node.options) walkInline(option, place, parent);
          break;
        case 'quotation':
          walkInline(node.content, place, parent);
          break;
        default:
          break;
      }
    });
  };

  for (const stretch of placesOf(text, document)) walkInline(stretch.content, stretch.place, undefined);
  entries.sort((a, b) => a.node.span.start - b.node.span.start);
  entries.forEach((e, i) => (e.index = i + 1));
  return entries;
}

/** Fold a proposer name for comparison: case, and runs of spaces. */
export function foldName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Fold a paragraph reference for comparison: case and spaces (`68(a)(i)` = `68 (a) (i)`). */
export function foldRef(ref: string): string {
  return ref.replace(/\s+/g, '').toLocaleLowerCase('en');
}

/** The proposer as a selection sees it: its name, or `unattributed`. */
export function proposerKey(entry: AmendmentEntry): string {
  return entry.proposer ? foldName(entry.proposer) : UNATTRIBUTED;
}

/** The distinct proposers of the entries, as first written, in order of first appearance. */
export function proposersOf(entries: AmendmentEntry[]): string[] {
  const out = new Map<string, string>();
  for (const e of entries) {
    const key = proposerKey(e);
    if (!out.has(key)) out.set(key, e.proposer ?? UNATTRIBUTED);
  }
  return [...out.values()];
}

/**
 * Every name a `paragraphs` selection may use, folded: labels as written (`OP1`), as cited (`1`),
 * sub-paragraph pinpoints (`68 (a) (i)`), and the names of unnumbered paragraphs, headings,
 * footnotes and quotations. Tells an unknown paragraph from one without amendments.
 */
export function paragraphNames(text: string, document: DraftDocument): Set<string> {
  const names = new Set<string>();
  for (const { place } of placesOf(text, document)) {
    names.add(foldRef(place.ref));
    names.add(foldRef(place.pinpoint));
    if (place.label) names.add(foldRef(place.label));
    if (place.cited) names.add(foldRef(place.cited));
  }
  return names;
}

/** True when `entry` is in one of the paragraphs named (folded names, see `paragraphNames`). */
export function inParagraphs(entry: AmendmentEntry, folded: Set<string>): boolean {
  const place = entry.place;
  if (folded.has(foldRef(place.ref))) return true;
  if (place.label && folded.has(foldRef(place.label))) return true;
  if (place.cited && folded.has(foldRef(place.cited))) return true;
  // A sub-paragraph pinpoint selects that sub-paragraph and the ones below it.
  const pin = foldRef(place.pinpoint);
  for (const name of folded) if (pin === name || pin.startsWith(name + '(')) return true;
  return false;
}
