/**
 * The server's open documents: vscode-languageserver-textdocument's `TextDocument`, same answers
 * to every call, with its text held in pieces of about 64K characters. The library keeps one
 * string: each edit makes it a rope (prefix + inserted + suffix) that V8 copies flat at the next
 * edit, and it finds the line starts with a loop over every character at the first edit. On a
 * 10 MB draft, those two held the server's thread 50 to 90 ms per keystroke, while other
 * documents' requests waited. Here an edit rebuilds one or two pieces, line starts are found by
 * native search, and the whole text is joined only when asked for (cached until the next edit).
 *
 * A document can also log its changes (`logChanges`), so that the lint worker, which holds a copy
 * of a huge document, is sent the edits instead of the text again (analyses.ts).
 *
 * test/lsp/piece-document.test.ts holds it to the library over random edits.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { lineStarts } from '../engine/index.js';

/** Piece length aimed at; an edited piece is split again past twice this. */
const PIECE = 64 * 1024;

const CR = 13;
const LF = 10;

/** Edits since a version, as `update` received them. */
export interface ChangeLog {
  from: number;
  changes: TextDocumentContentChangeEvent[];
}

export class PieceDocument implements TextDocument {
  private pieces: string[];
  /** Offset of each piece's start, and the text's length last. */
  private starts: number[] = [];
  private lineOffsets: number[] | undefined;
  /** The text as one string, kept until the next edit. */
  private whole: string | undefined;
  private log: ChangeLog | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private current: number,
    text: string,
  ) {
    this.pieces = cut(text);
    this.whole = text;
    this.index(0);
  }

  get version(): number {
    return this.current;
  }

  /** The text as it is now, in pieces (a copy of the list: an edit does not change it). */
  pieceTexts(): string[] {
    return this.pieces.slice();
  }

  /** The text's length, without joining it. */
  get length(): number {
    return this.starts[this.starts.length - 1]!;
  }

  getText(range?: Range): string {
    if (range) {
      // As `substring`: a range whose end comes first gives the text between the two.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    this.whole ??= this.pieces.join('');
    return this.whole;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.lines();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEol(offset, lineOffsets[line]!);
    return { line, character: offset - lineOffsets[line]! };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.lines();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1]! : this.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.lines();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line]!;
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.lines();
    if (line >= lineOffsets.length || line < 0) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.length;
    return this.slice(this.beforeEol(next, lineOffsets[line]!), next);
  }

  /** Apply an editor's changes, in order, as `TextDocument.update` does. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    if (this.log) this.log.changes.push(...changes);
    for (const change of changes) {
      if (!('range' in change)) {
        this.pieces = cut(change.text);
        this.whole = change.text;
        this.lineOffsets = undefined;
        this.index(0);
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.replace(start, end, change.text);
      const insertedEnd = start + change.text.length;
      if ((this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF) || (this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF)) {
        // A CRLF pair across an edit boundary: the line starts are found again when asked for.
        this.lineOffsets = undefined;
        continue;
      }
      const lineOffsets = this.lineOffsets;
      if (!lineOffsets) continue;
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      const added = lineStarts(change.text, false, start);
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i]!;
      } else {
        this.lineOffsets = [...lineOffsets.slice(0, startLine + 1), ...added, ...lineOffsets.slice(endLine + 1)];
      }
      const diff = change.text.length - (end - start);
      if (diff !== 0) {
        const all = this.lineOffsets!;
        for (let i = startLine + 1 + added.length; i < all.length; i++) all[i] = all[i]! + diff;
      }
    }
    this.current = version;
  }

  /** Start logging changes from this version on (or again from now, dropping what was logged). */
  logChanges(): void {
    this.log = { from: this.current, changes: [] };
  }

  /** The changes logged since the version logging started, and start again from now. */
  takeChanges(): ChangeLog | undefined {
    const log = this.log;
    if (log) this.log = { from: this.current, changes: [] };
    return log;
  }

  stopLogging(): void {
    this.log = undefined;
  }

  /** The line starts, found by native search over each piece the first time they are asked for. */
  private lines(): number[] {
    this.lineOffsets ??= lineStarts(this.getText());
    return this.lineOffsets;
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The piece holding `offset` (the last piece for the text's end). */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i]!.charCodeAt(offset - this.starts[i]!);
  }

  private slice(start: number, end: number): string {
    if (end <= start) return '';
    if (this.whole !== undefined) return this.whole.slice(start, end);
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    if (first === last) return this.pieces[first]!.slice(start - this.starts[first]!, end - this.starts[first]!);
    const parts = [this.pieces[first]!.slice(start - this.starts[first]!)];
    for (let i = first + 1; i < last; i++) parts.push(this.pieces[i]!);
    parts.push(this.pieces[last]!.slice(0, end - this.starts[last]!));
    return parts.join('');
  }

  /** Replace [start, end) by `text`: only the pieces that hold the range are made again. */
  private replace(start: number, end: number, text: string): void {
    const first = this.pieceAt(start);
    const last = Math.max(first, this.pieceAt(Math.max(start, end - 1)));
    const joined = this.pieces[first]!.slice(0, start - this.starts[first]!) + text + this.pieces[last]!.slice(end - this.starts[last]!);
    const made = joined.length > 2 * PIECE ? cut(joined) : [joined];
    this.pieces.splice(first, last - first + 1, ...made);
    if (this.pieces.length > 1) this.pieces = this.pieces.filter((p) => p.length > 0);
    if (!this.pieces.length) this.pieces = [''];
    this.whole = undefined;
    this.index(Math.min(first, this.pieces.length - 1));
  }

  /** Piece starts from piece `from` on. */
  private index(from: number): void {
    this.starts.length = from + 1;
    if (from === 0) this.starts[0] = 0;
    for (let i = from; i < this.pieces.length; i++) this.starts[i + 1] = this.starts[i]! + this.pieces[i]!.length;
  }
}

/** The configuration `TextDocuments` takes: documents made and changed as pieces. */
export const pieceDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): PieceDocument => new PieceDocument(uri, languageId, version, content),
  update: (document: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument => {
    document.update(changes, version);
    return document;
  },
};

/** A text's length without joining it, for a piece document. */
export function textLength(document: TextDocument): number {
  return document instanceof PieceDocument ? document.length : document.getText().length;
}

/** `text` in pieces of PIECE characters, never splitting a surrogate pair (always at least one). */
function cut(text: string): string[] {
  if (text.length <= 2 * PIECE) return [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    let to = Math.min(text.length, at + PIECE);
    const code = text.charCodeAt(to - 1);
    if (to < text.length && code >= 0xd800 && code <= 0xdbff) to++;
    pieces.push(text.slice(at, to));
    at = to;
  }
  return pieces;
}

function isEol(code: number): boolean {
  return code === CR || code === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
