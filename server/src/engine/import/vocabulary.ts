/**
 * The dictionary a document provides of itself. PDF extraction damages a word in one place and
 * leaves it whole in others ("devel op" here, "develop" two pages earlier), so the words the
 * document uses elsewhere are the best evidence of what a damaged spot should read.
 */
import { KNOWN_WORDS } from './known-words.js';

/** Opening and closing punctuation around a word, and footnote digits glued after it. */
const LEADING = /^[\p{Ps}\p{Pi}“‘"']+/u;
const TRAILING = /(?:[\p{Pe}\p{Pf}\p{Po}”’"']|(?<=[\p{P}\p{Ll}])\d{1,2})+$/u;

/** The word inside a token, lower-cased: `“Developments` -> `developments`, `it,1` -> `it`. */
export function wordCore(token: string): string {
  return token.replace(LEADING, '').replace(TRAILING, '').toLowerCase();
}

export class Vocabulary {
  private readonly counts = new Map<string, number>();

  /**
   * Count the words of one line. A last word ending in a hyphen (or a soft hyphen) is half of a
   * word broken at the line end, not a word: it is left out.
   */
  addLine(text: string): void {
    const words = text.split(/\s+/).filter(Boolean);
    const last = words[words.length - 1];
    if (last !== undefined && /[\p{L}][-\u00ad]$/u.test(last)) words.pop();
    for (const w of words) {
      const core = wordCore(w);
      if (/\p{L}/u.test(core)) this.counts.set(core, (this.counts.get(core) ?? 0) + 1);
    }
  }

  /** How often the word (any case) occurs as a whole token. */
  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }

  /** A known English word, or one this document uses elsewhere. */
  isAttested(word: string): boolean {
    return KNOWN_WORDS.has(word.toLowerCase()) || this.count(word) > 0;
  }

  /**
   * A piece of text that stands as a word of its own: known, or used at least twice (once is the
   * damaged spot itself, which counted its pieces as words).
   */
  isWord(piece: string): boolean {
    return KNOWN_WORDS.has(piece.toLowerCase()) || this.count(piece) >= 2;
  }
}
