/**
 * The server's documents in pieces give the same answers as vscode-languageserver-textdocument's
 * TextDocument, over random edits of texts with LF, CRLF and lone CR line ends, surrogate pairs,
 * edits across pieces and reversed ranges.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { PieceDocument } from '../../server/src/lsp/piece-document';

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const ALPHABET = ['a', 'b', ' ', '\n', '\r\n', '\r', 'é', '😀', '“', '1. '];

function text(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return out;
}

/** Both documents answer alike: text, line count, positions and offsets, line ranges and ends. */
function expectSame(piece: PieceDocument, library: TextDocument, next: () => number): void {
  expect(piece.getText()).toBe(library.getText());
  expect(piece.length).toBe(library.getText().length);
  expect(piece.lineCount).toBe(library.lineCount);
  expect(piece.version).toBe(library.version);
  const length = library.getText().length;
  for (let k = 0; k < 40; k++) {
    const offset = Math.floor(next() * (length + 3)) - 1;
    expect(piece.positionAt(offset)).toEqual(library.positionAt(offset));
    const position = { line: Math.floor(next() * (library.lineCount + 2)) - 1, character: Math.floor(next() * 12) - 1 };
    expect(piece.offsetAt(position)).toBe(library.offsetAt(position));
    const line = Math.floor(next() * (library.lineCount + 2)) - 1;
    expect(piece.getLineRange(line)).toEqual(library.getLineRange(line));
    expect(piece.getEOLCharacters(line)).toBe(library.getEOLCharacters(line));
    const end = { line: position.line + Math.floor(next() * 3), character: Math.floor(next() * 20) };
    expect(piece.getText({ start: position, end })).toBe(library.getText({ start: position, end }));
  }
}

function randomChange(next: () => number, doc: TextDocument): TextDocumentContentChangeEvent {
  if (next() < 0.02) return { text: text(next, Math.floor(next() * 3000)) };
  // Ranges inside the document, as editors send them (past its last line, the library's own line
  // starts come out wrong: an edit there leaves a hole in its array).
  const line = () => Math.floor(next() * doc.lineCount);
  const a = { line: line(), character: Math.floor(next() * 15) };
  const b = next() < 0.5 ? a : { line: Math.min(doc.lineCount - 1, Math.max(0, a.line + Math.floor(next() * 4) - 1)), character: Math.floor(next() * 15) };
  const inserted = next() < 0.05 ? text(next, Math.floor(next() * 150_000)) : text(next, Math.floor(next() * 6));
  return { range: { start: a, end: b }, text: inserted };
}

describe('documents held in pieces', () => {
  it('answer as the library does, over random edits (small texts, and texts of many pieces)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed);
      const big = seed % 3 === 0;
      const initial = text(next, big ? 200_000 : Math.floor(next() * 200));
      const piece = new PieceDocument('file:///d.draft', 'draft', 1, initial);
      const library = TextDocument.create('file:///d.draft', 'draft', 1, initial);
      expectSame(piece, library, next);
      for (let v = 2; v < (big ? 14 : 40); v++) {
        // Several changes in one update, each within the text the ones before it leave.
        const scratch = TextDocument.create('file:///d.draft', 'draft', v, library.getText());
        const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const change = randomChange(next, scratch);
          TextDocument.update(scratch, [change], v);
          return change;
        });
        piece.update(changes, v);
        TextDocument.update(library, changes, v);
        expectSame(piece, library, next);
        // And as a document made afresh from the same text.
        expectSame(piece, TextDocument.create('file:///d.draft', 'draft', v, library.getText()), next);
      }
    }
  });

  it('logs the changes since the version it started logging at', () => {
    const doc = new PieceDocument('file:///d.draft', 'draft', 3, 'one\ntwo\n');
    expect(doc.takeChanges()).toBeUndefined();
    doc.logChanges();
    const first = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' };
    const second = { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '!' };
    doc.update([first], 4);
    doc.update([second], 5);
    expect(doc.takeChanges()).toEqual({ from: 3, changes: [first, second] });
    expect(doc.takeChanges()).toEqual({ from: 5, changes: [] });
    // Replayed on the library's document, the changes give the same text.
    const copy = TextDocument.create('file:///d.draft', 'draft', 3, 'one\ntwo\n');
    TextDocument.update(copy, [first, second], 5);
    expect(copy.getText()).toBe(doc.getText());
    doc.stopLogging();
    doc.update([second], 6);
    expect(doc.takeChanges()).toBeUndefined();
  });
});
