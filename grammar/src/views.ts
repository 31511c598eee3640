/**
 * Views: the plain words of a stretch of inline content, with markup resolved one way or the
 * other, and a map from every view offset back to the source.
 *
 * - `current`: pending proposals undecided (insertions out, deletions in, old text of
 *   replacements); the text as it now stands.
 * - `accepted`: every proposal accepted.
 * Comments, statuses, footnote marks and placeholders are dropped; other brackets drop and
 * their words stay (the first option of an alternative).
 */
import type { Amendment, Inline } from './ast.js';

export type ViewMode = 'current' | 'accepted';

interface Piece {
  viewStart: number;
  sourceStart: number;
  length: number;
}

export class TextView {
  constructor(
    readonly text: string,
    private readonly pieces: Piece[],
    private readonly source: string,
  ) {}

  /**
   * Source offset where a range starting at `viewOffset` starts. Inside a separator (the one space
   * that stands for spaces or a line break between two pieces) it is the end of the piece before,
   * so that the range takes in the source's own spacing.
   */
  toSourceStart(viewOffset: number): number {
    const i = this.pieceIndexAt(viewOffset);
    if (i < 0) return this.pieces[0]?.sourceStart ?? 0;
    const piece = this.pieces[i]!;
    const inside = viewOffset - piece.viewStart;
    if (inside < piece.length) return piece.sourceStart + inside;
    // In the separator after `piece` (or past the end): start where the piece ends.
    return piece.sourceStart + piece.length;
  }

  /** Source offset where a range ending at `viewEnd` ends (inside a separator: where the next piece starts). */
  toSourceEnd(viewEnd: number): number {
    const i = this.pieceIndexAt(viewEnd - 1);
    if (i < 0) return this.pieces[0]?.sourceStart ?? 0;
    const piece = this.pieces[i]!;
    const inside = viewEnd - piece.viewStart;
    if (inside <= piece.length) return piece.sourceStart + inside;
    const next = this.pieces[i + 1];
    return next ? next.sourceStart : piece.sourceStart + piece.length;
  }

  /** Index of the last piece starting at or before `offset` (-1 if none). */
  private pieceIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.pieces[mid]!.viewStart <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * True when the view range is one unbroken stretch of source (only spaces or line breaks
   * between its pieces), so an edit over it cannot swallow markup.
   */
  isContiguous(viewStart: number, viewEnd: number): boolean {
    const start = this.toSourceStart(viewStart);
    const end = this.toSourceEnd(viewEnd);
    if (end < start) return false;
    const sourceText = this.source.slice(start, end).replace(/\s+/g, ' ');
    const viewText = this.text.slice(viewStart, viewEnd).replace(/\s+/g, ' ');
    return sourceText === viewText;
  }
}

/** Closing punctuation: , . ; : ) ] ” ’ ! ? */
const isClosing = (code: number): boolean =>
  code === 44 || code === 46 || code === 59 || code === 58 || code === 41 || code === 93 || code === 0x201d || code === 0x2019 || code === 33 || code === 63;
/** Opening brackets and quotes: ( “ ‘ [ */
const isOpening = (code: number): boolean => code === 40 || code === 0x201c || code === 0x2018 || code === 91;
const WORDISH = /[\p{L}\p{N}]/u;
/** A letter or digit (a UTF-16 unit, as a one-character string was); ASCII answered without the Unicode class. */
const wordish = (code: number): boolean => {
  if (code < 0) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORDISH.test(String.fromCharCode(code));
};
/** Words each after one white-space character that joins them to the word before (see `joinWords` in `inlineView`). */
const JOINED_WORDS = /(?:(?<![(“‘[])\s(?![\s,.;:)\]”’!?])\S+)*/y;
/** White space other than a plain space: a piece's view text has a space in its place. */
const OTHER_SPACE = /[^\S ]/g;
/** The characters of a regular expression's `\s` (ASCII, the common case, answered in two comparisons). */
export const isSpace = (code: number): boolean =>
  code < 0xa0
    ? code === 32 || (code >= 9 && code <= 13)
    : code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680;

/**
 * Stretches of one source known to be single-spaced (grammar/src/tokens.ts, SINGLE_SPACED): no
 * escape, no white space at either end, and every white-space character inside alone, after no
 * opening bracket or quote and before no closing punctuation. A text node over such a stretch
 * reads in the view as it stands, one piece (what `emit` finds by searching it), so it is not
 * searched again. By offsets, start to end, for the last source parsed: a fact about the text
 * itself, whatever node spans it (a node copied, or grown since, is looked up by its own span),
 * and kept out of the tree, whose shape does not change. Another source reads as before.
 */
let singleSource: string | undefined;
let singleEnds = new Map<number, number>();
/** `singleSource` with every white-space character other than a space made one, on first use. */
let spacedSingleSource: string | undefined;

/** The single-spaced stretches of `source`, by start offset, for the AST builder to fill. */
export function singleSpacedStretches(source: string): Map<number, number> {
  if (source !== singleSource) {
    singleSource = source;
    singleEnds = new Map();
    spacedSingleSource = undefined;
  }
  return singleEnds;
}

// The next backslash at or after some offset of one source, remembered from one text and one view
// to the next: the views of a document's units are built in source order, and searching afresh
// would scan on to the next backslash (most drafts have none: to the end) every time, which was
// quadratic in a long paragraph and, over a document's units, in the document.
let slashSource: string | undefined;
let searchedFrom = Infinity;
let nextSlash = -1;
function nextBackslash(source: string, start: number): number {
  if (source !== slashSource || start < searchedFrom || (nextSlash >= 0 && nextSlash < start)) {
    slashSource = source;
    searchedFrom = start;
    nextSlash = source.indexOf('\\', start);
  }
  return nextSlash;
}

/**
 * Build the view of `content` (inline nodes of one paragraph, sub-paragraph or heading).
 * `accept`, when given, reads the amendments it returns true for as accepted whatever the mode:
 * the text as one proposer would have it.
 */
export function inlineView(content: Inline[], source: string, mode: ViewMode = 'current', accept?: (node: Amendment) => boolean): TextView {
  return singleRunView(content, source) ?? buildView(content, source, mode, accept);
}

/**
 * The view of content that is one single-spaced run of the last source parsed (most paragraphs):
 * one piece, its text cut from the spaced copy, what `buildView` makes of it without its closures
 * and chunk list. Undefined for any other content.
 */
function singleRunView(content: Inline[], source: string): TextView | undefined {
  if (content.length !== 1 || source !== singleSource) return undefined;
  const node = content[0]!;
  if (node.type !== 'text') return undefined;
  const start = node.span.start;
  const end = node.span.end;
  if (singleEnds.get(start) !== end || end <= start) return undefined;
  spacedSingleSource ??= source.replace(OTHER_SPACE, ' ');
  return new TextView(spacedSingleSource.slice(start, end), [{ viewStart: 0, sourceStart: start, length: end - start }], source);
}

function buildView(content: Inline[], source: string, mode: ViewMode, accept: ((node: Amendment) => boolean) | undefined): TextView {
  const pieces: Piece[] = [];
  // Chunks joined once at the end: appending to a string and reading its last character back
  // flattens the string every time, which made a long paragraph quadratic.
  const chunks: string[] = [];
  let length = 0;
  let lastCode = -1;
  let lastSourceEnd = -1;

  /**
   * One piece per run of non-space characters; runs of spaces and line breaks read as one space.
   * A run after exactly one white-space character of the source (a space, a line break, a tab...),
   * where the view has one space, extends the open piece instead (the mapping is the same: one
   * character for one): a paragraph is a few pieces, not one per word or line, and its text is
   * sliced once per piece (each such character that is not a space becomes one at the end).
   */
  let open: Piece | undefined;
  const single = source === singleSource ? singleEnds : undefined;
  // Pieces of the last source parsed are cut from a copy of it with its other white space already
  // made spaces (once for the whole source): the view's text needs no second pass, and a view of
  // one piece (most paragraphs) is a slice of that copy rather than a string of its own, which the
  // garbage collector would copy while the draft is linted.
  const spaced = single !== undefined ? (spacedSingleSource ??= source.replace(OTHER_SPACE, ' ')) : undefined;
  const close = (): void => {
    if (open) chunks.push((spaced ?? source).slice(open.sourceStart, open.sourceStart + open.length));
    open = undefined;
  };
  const emit = (start: number, end: number): void => {
    let i = start;
    while (i < end) {
      while (i < end && isSpace(source.charCodeAt(i))) i++;
      let j = i;
      while (j < end && !isSpace(source.charCodeAt(j))) j++;
      if (j > i) {
        emitRun(i, j);
        if (j + 1 < end && isSpace(source.charCodeAt(j))) j = joinWords(j, end);
      }
      i = j;
    }
  };

  /**
   * After a run that ends at `from`, the words that follow it each after one white-space character and that
   * `emitRun` would add to the open piece (no closing punctuation after the space, no opening
   * bracket or quote before it) are added at once, found by a native search rather than word by
   * word. The search reads a slice that stops at `end`, so it never runs on past this text.
   * Returns where the words end (`from` when none follow).
   */
  const joinWords = (from: number, end: number): number => {
    const stretch = source.slice(from - 1, end);
    JOINED_WORDS.lastIndex = 1;
    JOINED_WORDS.test(stretch);
    const to = from - 1 + JOINED_WORDS.lastIndex;
    if (to > from) {
      open!.length += to - from;
      length += to - from;
      lastCode = source.charCodeAt(to - 1);
      lastSourceEnd = to;
    }
    return to;
  };

  const emitRun = (start: number, end: number): void => {
    const first = source.charCodeAt(start);
    if (length > 0) {
      // One space where the source had spacing (or where two words would otherwise touch),
      // none before closing punctuation or after an opening bracket or quote.
      let spaced = false;
      for (let i = lastSourceEnd; i < start && !spaced; i++) spaced = isSpace(source.charCodeAt(i));
      const needsSpace = (spaced || (wordish(lastCode) && wordish(first))) && !isClosing(first) && !isOpening(lastCode);
      if (needsSpace) {
        if (open && start === lastSourceEnd + 1 && isSpace(source.charCodeAt(lastSourceEnd))) {
          open.length += 1 + end - start;
          length += 1 + end - start;
          lastCode = source.charCodeAt(end - 1);
          lastSourceEnd = end;
          return;
        }
        close();
        chunks.push(' ');
        length++;
      }
    }
    close();
    open = { viewStart: length, sourceStart: start, length: end - start };
    pieces.push(open);
    length += end - start;
    lastCode = source.charCodeAt(end - 1);
    lastSourceEnd = end;
  };

  const walk = (nodes: Inline[]): void => {
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k]!;
      switch (node.type) {
        case 'text':
          if (single !== undefined && single.get(node.span.start) === node.span.end) emitRun(node.span.start, node.span.end);
          else emitText(node.span.start, node.span.end);
          break;
        case 'citation':
        case 'crossReference':
          emit(node.span.start, node.span.end);
          break;
        case 'quotation':
          walkQuotation(node.span.start, node.span.end, node.content, node.closed);
          break;
        case 'bracket':
          // A placeholder is a hole, not words; an alternative reads as its first option.
          if (!node.placeholder) walk(node.options[0] ?? []);
          break;
        case 'amendment': {
          const accepted = mode === 'accepted' || (accept !== undefined && accept(node));
          switch (node.kind) {
            case 'insert':
              if (accepted) walk(node.content);
              break;
            case 'delete':
              if (!accepted) walk(node.content);
              break;
            case 'replace':
              walk(accepted ? (node.replacement ?? node.content) : node.content);
              break;
            case 'highlight':
              walk(node.content);
              break;
            case 'comment':
              break;
          }
          break;
        }
        case 'footnoteReference':
        case 'status':
        case 'stray':
          break;
      }
    }
  };

  // Escapes read as the character they protect (see `nextBackslash`).
  const emitText = (start: number, end: number): void => {
    const slash = nextBackslash(source, start);
    if (slash < 0 || slash >= end) {
      emit(start, end);
      return;
    }
    let from = start;
    for (let i = start; i < end - 1; i++) {
      if (source[i] === '\\' && /[[\]{}\\"|]/.test(source[i + 1]!)) {
        emit(from, i);
        from = i + 1;
        i++;
      }
    }
    emit(from, end);
  };

  const walkQuotation = (start: number, end: number, content: Inline[], closed: boolean): void => {
    emit(start, start + 1);
    walk(content);
    if (closed) emit(end - 1, end);
  };

  walk(content);
  close();
  // Inside pieces, white space is only the single characters that stand for a view space.
  const text = chunks.length === 1 ? chunks[0]! : chunks.join('');
  return new TextView(spaced !== undefined ? text : text.replace(OTHER_SPACE, ' '), pieces, source);
}
