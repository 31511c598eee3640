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
import type { Inline } from './ast.js';

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

  /** Source offset of the character at `viewOffset` (a separator maps to what follows it). */
  toSourceStart(viewOffset: number): number {
    const piece = this.pieceAt(viewOffset, false);
    if (!piece) return this.pieces.length ? this.pieces[this.pieces.length - 1]!.sourceStart + this.pieces[this.pieces.length - 1]!.length : 0;
    return piece.sourceStart + Math.max(0, viewOffset - piece.viewStart);
  }

  /** Source offset just past the character before `viewEnd`. */
  toSourceEnd(viewEnd: number): number {
    const piece = this.pieceAt(viewEnd - 1, true);
    if (!piece) return this.pieces.length ? this.pieces[0]!.sourceStart : 0;
    return piece.sourceStart + Math.min(piece.length, viewEnd - piece.viewStart);
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

  private pieceAt(offset: number, preferPrevious: boolean): Piece | undefined {
    let lo = 0;
    let hi = this.pieces.length - 1;
    let found: Piece | undefined;
    let foundIndex = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.pieces[mid]!;
      if (p.viewStart <= offset) {
        found = p;
        foundIndex = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!found) return preferPrevious ? undefined : this.pieces[0];
    if (offset < found.viewStart + found.length) return found;
    // In a separator between pieces.
    if (preferPrevious) return found;
    const next = this.pieces[foundIndex + 1];
    return next ? { ...next, viewStart: offset, length: next.length } : found;
  }
}

const CLOSING = /^[,.;:)\]”’!?]/;
const OPENING = /[(“‘[]$/;
const WORDISH = /[\p{L}\p{N}]/u;
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680;

/** Build the view of `content` (inline nodes of one paragraph, sub-paragraph or heading). */
export function inlineView(content: Inline[], source: string, mode: ViewMode = 'current'): TextView {
  const pieces: Piece[] = [];
  let text = '';
  let lastSourceEnd = -1;

  /** One piece per run of non-space characters: runs of spaces and line breaks read as one space. */
  const emit = (start: number, end: number): void => {
    let i = start;
    while (i < end) {
      while (i < end && isSpace(source.charCodeAt(i))) i++;
      let j = i;
      while (j < end && !isSpace(source.charCodeAt(j))) j++;
      if (j > i) emitRun(i, j);
      i = j;
    }
  };

  const emitRun = (start: number, end: number): void => {
    const chunk = source.slice(start, end);
    if (text.length > 0) {
      const gap = source.slice(lastSourceEnd, start);
      const prev = text[text.length - 1]!;
      const needsSpace =
        (/\s/.test(gap) || (WORDISH.test(prev) && WORDISH.test(chunk[0]!))) && !CLOSING.test(chunk) && !OPENING.test(text);
      if (needsSpace) text += ' ';
    }
    pieces.push({ viewStart: text.length, sourceStart: start, length: end - start });
    text += chunk;
    lastSourceEnd = end;
  };

  const walk = (nodes: Inline[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          emitText(node.span.start, node.span.end);
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
        case 'amendment':
          switch (node.kind) {
            case 'insert':
              if (mode === 'accepted') walk(node.content);
              break;
            case 'delete':
              if (mode === 'current') walk(node.content);
              break;
            case 'replace':
              walk(mode === 'current' ? node.content : (node.replacement ?? node.content));
              break;
            case 'highlight':
              walk(node.content);
              break;
            case 'comment':
              break;
          }
          break;
        case 'footnoteReference':
        case 'status':
        case 'stray':
          break;
      }
    }
  };

  // Escapes read as the character they protect.
  const emitText = (start: number, end: number): void => {
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
  return new TextView(text, pieces, source);
}
