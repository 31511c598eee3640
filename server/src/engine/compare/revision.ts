/**
 * A revision read for comparison: its paragraphs in order, each with a label, its text (the
 * chapeau and the sub-paragraphs with their labels, in one line), the word keys that alignment
 * compares, and the surface tokens that the redline compares.
 */
import {
  inlineView,
  parse,
  type DraftDocument,
  type Inline,
  type Paragraph,
  type Section,
  type BodyBlock,
  type Subparagraph,
  type TextView,
  type ViewMode,
} from '../../../../grammar/src/index.js';
import { paragraphPinpoint } from '../acquis/units.js';
import { readWords, type Word } from '../text/words.js';
import type { RevisionInfo } from './model.js';

/** A unit's view inside a paragraph's text: `start`/`end` are offsets in that text. */
export interface Segment {
  start: number;
  end: number;
  view: TextView;
  /** `68 (a) (ii)`; the paragraph's label for the chapeau. */
  pinpoint: string;
  content: Inline[];
}

/** A paragraph's text in one view, with the segments that map it back to the source. */
export interface ParagraphText {
  text: string;
  segments: Segment[];
  words: Word[];
  keys: string[];
}

/** A word or a run of punctuation, as the redline compares them. */
export interface Token {
  text: string;
  /** A space (or line break) before it in the paragraph text. */
  space: boolean;
}

export interface RevisionParagraph {
  /** Position among the revision's paragraphs. */
  index: number;
  /** Unique within the revision: `38`, `12bis`, `PP3`, `(after 29)`, `(after 29, 2)`, `(start)`. */
  label: string;
  paragraph: Paragraph;
  /** The innermost heading above it, as printed (`D. Rules, Norms and Principles ...`). */
  section?: string;
  current: ParagraphText;
  tokens: Token[];
  /** Word 3-grams of the keys (the whole key sequence when shorter), for finding candidates. */
  shingles: Set<string>;
}

export interface Revision {
  source: string;
  document: DraftDocument;
  info: RevisionInfo;
  paragraphs: RevisionParagraph[];
}

export const SHINGLE_SIZE = 3;

export function readRevision(source: string): Revision {
  const { document, problems } = parse(source);
  const sections = sectionsOf(document);
  const paragraphs: RevisionParagraph[] = [];
  const used = new Map<string, number>();
  let lastNumbered: string | undefined;
  const unnumberedAfter = new Map<string, number>();
  let words = 0;
  document.paragraphs.forEach((paragraph) => {
    let label = paragraphPinpoint(paragraph);
    if (label) lastNumbered = label;
    else {
      const base = lastNumbered ? `after ${lastNumbered}` : 'start';
      const k = (unnumberedAfter.get(base) ?? 0) + 1;
      unnumberedAfter.set(base, k);
      label = k === 1 ? `(${base})` : `(${base}, ${k})`;
    }
    // A label written twice (a numbering slip) still names one paragraph each.
    const seen = used.get(label) ?? 0;
    used.set(label, seen + 1);
    if (seen > 0) label = `${label}#${seen + 1}`;
    const current = paragraphText(paragraph, label, source, 'current');
    // Paragraphs with no words at all (a lone placeholder) are kept: they can be added or removed.
    words += current.words.length;
    const entry: RevisionParagraph = {
      index: paragraphs.length,
      label,
      paragraph,
      current,
      tokens: tokenize(current.text || bareText(paragraph, source)),
      shingles: shinglesOf(current.keys),
    };
    const section = sections.get(paragraph);
    if (section) entry.section = section;
    paragraphs.push(entry);
  });
  const fields = document.frontMatter?.fields ?? {};
  const info = {} as RevisionInfo;
  if (fields.title) info.title = fields.title;
  if (fields.symbol) info.symbol = fields.symbol;
  if (fields.revision) info.revision = fields.revision;
  const date = fields.date ?? fields.year;
  if (date) info.date = date;
  info.paragraphs = paragraphs.length;
  info.labels = paragraphs.map((p) => p.label);
  info.words = words;
  info.problems = problems.length;
  return { source, document, info, paragraphs };
}

/**
 * The text of a paragraph in one view: the chapeau, then each sub-paragraph (depth first) as its
 * label and its text, separated by single spaces.
 */
export function paragraphText(paragraph: Paragraph, label: string, source: string, mode: ViewMode): ParagraphText {
  let text = '';
  const segments: Segment[] = [];
  const add = (content: Inline[], pinpoint: string, prefix: string): void => {
    const view = inlineView(content, source, mode);
    if (!view.text && !prefix) {
      // An empty chapeau adds no text, but its proposals are still found through its segment.
      segments.push({ start: text.length, end: text.length, view, pinpoint, content });
      return;
    }
    if (text) text += ' ';
    if (prefix) text += view.text ? `${prefix} ` : prefix;
    segments.push({ start: text.length, end: text.length + view.text.length, view, pinpoint, content });
    text += view.text;
  };
  add(paragraph.content, label, '');
  const walk = (subs: Subparagraph[], prefix: string): void => {
    for (const sub of subs) {
      const pinpoint = `${prefix} ${sub.label.text}`;
      add(sub.content, pinpoint, sub.label.text);
      walk(sub.children, pinpoint);
    }
  };
  walk(paragraph.subparagraphs, label);
  const words = readWords(text);
  return { text, segments, words, keys: words.map((w) => w.key) };
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]+/gu;

/** Words and runs of punctuation, each with whether a space precedes it. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ text: m[0], space: tokens.length > 0 && m.index > last });
    last = m.index + m[0].length;
  }
  return tokens;
}

export function shinglesOf(keys: string[]): Set<string> {
  const out = new Set<string>();
  if (keys.length === 0) return out;
  if (keys.length < SHINGLE_SIZE) {
    out.add(keys.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE_SIZE <= keys.length; i++) out.add(keys.slice(i, i + SHINGLE_SIZE).join(' '));
  return out;
}

/** The innermost heading above each paragraph. */
function sectionsOf(document: DraftDocument): Map<Paragraph, string> {
  const out = new Map<Paragraph, string>();
  const walk = (children: Array<Section | BodyBlock>, heading: string | undefined): void => {
    for (const child of children) {
      if (child.type === 'section') walk(child.children, child.heading.title || heading);
      else if (child.type === 'paragraph' && heading) out.set(child, heading);
    }
  };
  walk(document.children, undefined);
  return out;
}

/**
 * What a paragraph with no words in its view (a lone placeholder) shows in a redline: its source
 * text without comments, spaces collapsed.
 */
function bareText(paragraph: Paragraph, source: string): string {
  const { start, end } = paragraph.contentSpan;
  return source
    .slice(start, end)
    .replace(/\{>>[\s\S]*?<<\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
