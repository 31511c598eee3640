/**
 * Cutting the running text into blocks: headings, paragraphs, sub-paragraphs.
 *
 * Extracted text has one line per printed line, and (in most extractions) no reliable blank line
 * between paragraphs. A line starts a new block when it could not continue the one before:
 * - a heading, "Draft resolution I", "The General Assembly," or a vote header ("In favour:"),
 *   after a line that ends a clause (or a heading);
 * - a label ("5.", "1.1.", "(a)", "(iv)") after a line that ends a clause, or on an indented line;
 * - in a resolution's preamble, a line opening with a participle ("Noting", "Welcoming also")
 *   after a line that ends a clause: preambular paragraphs are unnumbered and end with a comma;
 * - in a report, an indented line starting with a capital after a line that ends a sentence
 *   (extractors indent a paragraph's first line); so does any line after a blank line when blank
 *   lines mean something in this input (page.ts); but never inside a quotation left open.
 * In a resolution nothing else starts a block: all its paragraphs are labelled or open with a
 * participle, so an indented capital there is a page break inside a paragraph.
 */
import type { SourceLine } from './model.js';
import {
  ANNEX,
  CHAPTER,
  endsClause,
  endsSentence,
  ENACTING,
  NUMBERED,
  RESOLUTION_HEADING,
  SECTION,
  startsPreambular,
  SUB,
  VOTING,
} from './patterns.js';

export type BlockKind =
  | 'cover'
  | 'chapter'
  | 'section'
  | 'annex'
  | 'resolution'
  | 'title'
  | 'enacting'
  | 'voting'
  | 'numbered'
  | 'sub'
  | 'preambular'
  | 'text';

export interface Block {
  kind: BlockKind;
  /** The label or number as printed: `1.1` (numbered), `a` (sub), `III` (chapter), `I` (resolution). */
  label?: string;
  /** The block's lines; the first one without its label. */
  lines: SourceLine[];
}

/** Where in the document the reader is: it decides what may start a block. */
type Mode = 'cover' | 'report' | 'title' | 'preamble' | 'operative';

/** Blocks of one line: whatever follows them starts a new block. */
const SINGLE_LINE = new Set<BlockKind>(['cover', 'chapter', 'section', 'annex', 'resolution', 'enacting', 'voting']);
/** Lines of a title page before the first heading or paragraph; more than this is body text. */
const MAX_COVER_LINES = 30;
/** A resolution's title runs over a few lines at most. */
const MAX_TITLE_LINES = 4;

/** A heading-like line (one line, recognised whatever the mode). */
function structural(text: string, lastSection: string | undefined): Block | undefined {
  const one = (kind: BlockKind, label: string | undefined, rest: string): Block => {
    const block: Block = { kind, lines: [] };
    if (label !== undefined) block.label = label;
    block.lines.push({ line: 0, text: rest, indented: false, afterBlank: false });
    return block;
  };
  if (text.length > 160 || /[,;]$/.test(text)) {
    const enacting = ENACTING.exec(text);
    return enacting ? one('enacting', undefined, text) : undefined;
  }
  let m = CHAPTER.exec(text);
  // "I." after a section "H." is the next section, not chapter I (likewise V after U, X after W).
  const nextLetter = lastSection ? String.fromCharCode(lastSection.charCodeAt(0) + 1) : undefined;
  if (m && m[1] !== nextLetter) return one('chapter', m[1], m[2]!);
  if ((m = SECTION.exec(text))) return one('section', m[1], m[2]!);
  if ((m = ANNEX.exec(text))) return one('annex', m[2] ?? '', text);
  if ((m = RESOLUTION_HEADING.exec(text))) return one('resolution', m[2] ?? '', text);
  if (ENACTING.test(text)) return one('enacting', undefined, text);
  if (VOTING.test(text)) return one('voting', undefined, text);
  return undefined;
}

export function segment(lines: SourceLine[], onLine?: (done: number, total: number) => void): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let mode: Mode = 'cover';
  let lastSection: string | undefined;
  let coverLines = 0;

  /** Quotation marks opened and not yet closed in the current block. */
  let openQuotes = 0;
  const quoteBalance = (text: string): number => (text.match(/“/g)?.length ?? 0) - (text.match(/”/g)?.length ?? 0);
  const open = (kind: BlockKind, line: SourceLine, label?: string, text = line.text): void => {
    openQuotes = quoteBalance(text);
    current = { kind, lines: [{ ...line, text }] };
    if (label !== undefined) current.label = label;
    blocks.push(current);
  };

  const append = (line: SourceLine): void => {
    openQuotes += quoteBalance(line.text);
    current!.lines.push(line);
  };

  lines.forEach((line, index) => {
    if (onLine && index % 2000 === 0) onLine(index, lines.length);
    const t = line.text;
    const prev = current?.lines[current.lines.length - 1];
    const afterSingle = current !== undefined && SINGLE_LINE.has(current.kind);
    const boundary = !current || !prev || afterSingle || line.afterBlank || endsClause(prev.text);

    // A title has no closing punctuation, so the enacting formula after it is looked for anyway.
    if (boundary || (mode === 'title' && ENACTING.test(t))) {
      const s = structural(t, lastSection);
      if (s) {
        open(s.kind, line, s.label, s.lines[0]!.text);
        if (s.kind === 'chapter' || s.kind === 'annex') lastSection = undefined;
        if (s.kind === 'section') lastSection = s.label;
        if (s.kind === 'resolution') mode = 'title';
        else if (s.kind === 'enacting') mode = 'preamble';
        else if (s.kind !== 'voting') mode = 'report';
        return;
      }
    }
    // A heading that runs on to a second line.
    if (current && prev && ['chapter', 'section', 'annex'].includes(current.kind) && /^\p{Ll}/u.test(t) && !endsClause(prev.text)) {
      append(line);
      return;
    }
    if (mode === 'title') {
      if (current?.kind === 'resolution') {
        open('title', line);
        return;
      }
      if (current?.kind === 'title' && current.lines.length < MAX_TITLE_LINES) {
        append(line);
        return;
      }
      mode = 'report';
    }
    // A label also starts a block after an unfinished line when the extractor indented it.
    if (boundary || line.indented) {
      const num = NUMBERED.exec(t);
      if (num) {
        if (mode === 'preamble') mode = 'operative';
        if (mode === 'cover') mode = 'report';
        open('numbered', line, num[1], num[2]);
        return;
      }
      const sub = SUB.exec(t);
      if (sub && mode !== 'cover') {
        open('sub', line, sub[1], sub[2]);
        return;
      }
      if (boundary && mode === 'preamble' && startsPreambular(t)) {
        open('preambular', line);
        return;
      }
    }
    if (mode === 'cover') {
      if (current?.kind === 'cover' && /^\p{Ll}/u.test(t)) append(line);
      else open('cover', line);
      if (++coverLines >= MAX_COVER_LINES) mode = 'report';
      return;
    }
    // Nothing continues a one-line block; in a report, an indented capital after a full stop
    // (or anything after a meaningful blank line) is a new paragraph.
    // A paragraph does not end inside a quotation.
    const startsParagraph =
      afterSingle ||
      (mode === 'report' &&
        prev !== undefined &&
        openQuotes <= 0 &&
        (line.afterBlank || (line.indented && endsSentence(prev.text) && /^[\p{Lu}“"‘]/u.test(t))));
    if (current && !startsParagraph) append(line);
    else open('text', line);
  });
  onLine?.(lines.length, lines.length);
  return blocks;
}
