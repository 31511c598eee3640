/**
 * Rejoining the lines of a paragraph into words. The only decisions taken here are at line ends:
 * a hyphen (hyphenation.ts), a soft hyphen (always a broken word) and a slash (a URL or a symbol
 * wrapped after "/", which has no space in it).
 *
 * Linear in the paragraph: a word that runs over many lines ("a-" on 100,000 lines) is built from
 * its pieces once at the end, and every decision looks only at a bounded tail of it, so neither
 * time nor memory grows with the square of the input.
 */
import { hyphenAtLineEnd } from './hyphenation.js';
import type { SourceLine, Token, Warnings } from './model.js';
import type { Vocabulary } from './vocabulary.js';

/** How much of a word's end a line-end decision looks at: more than any real word. */
const TAIL = 64;

/** A word being built from the pieces of several lines. */
interface Building {
  token: Token;
  pieces: string[];
  /** The last TAIL characters of the word so far. */
  tail: string;
}

export function tokenize(lines: SourceLine[], vocabulary: Vocabulary, warnings?: Warnings): Token[] {
  const out: Token[] = [];
  let building: Building | undefined;
  const finish = (): void => {
    if (building && building.pieces.length > 1) building.token.text = building.pieces.join('');
    building = undefined;
  };
  for (const line of lines) {
    const words = line.text.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (i === 0 && building) {
        const joined = joinAtLineEnd(building, word, vocabulary, warnings);
        if (joined) continue;
      }
      finish();
      const token: Token = { text: word, line: line.line, refs: [], tail: '' };
      out.push(token);
      building = { token, pieces: [word], tail: word.slice(-TAIL) };
    }
  }
  finish();
  // A soft hyphen left at the very end (nothing followed) is dropped.
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\u00ad$/, '');
  return out;
}

/** Join the first word of the next line to the word being built, when the line end broke it. */
function joinAtLineEnd(b: Building, next: string, vocabulary: Vocabulary, warnings?: Warnings): boolean {
  const text = b.tail;
  let piece: string | undefined;
  let dropLast = false;
  if (text.endsWith('\u00ad')) {
    dropLast = true;
    piece = next;
  } else if ((text.length > 1 || b.pieces.length > 1) && text.endsWith('/') && !next.startsWith('/')) {
    piece = next;
  } else if (/\p{L}-$/u.test(text)) {
    const decision = hyphenAtLineEnd(text.slice(0, -1), next, vocabulary);
    if (!decision.certain) {
      warnings?.add(b.token.line, `${text}${next.slice(0, TAIL)}`, 'hyphen at a line end kept, but neither form occurs elsewhere in the document');
    }
    dropLast = decision.join;
    piece = next;
  }
  if (piece === undefined) return false;
  if (dropLast) {
    const lastPiece = b.pieces[b.pieces.length - 1]!;
    b.pieces[b.pieces.length - 1] = lastPiece.slice(0, -1);
    b.tail = b.tail.slice(0, -1);
  }
  b.pieces.push(piece);
  b.tail = (b.tail + piece).slice(-TAIL);
  return true;
}

/** The text of tokens, with their footnote references written `[^n]`. */
export function tokensText(tokens: Token[], refText: (id: string) => string = (id) => `[^${id}]`): string {
  return tokens.map((t) => t.text + t.refs.map(refText).join('') + t.tail).join(' ');
}
