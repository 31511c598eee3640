/**
 * Stable 64-bit keys for words and word 3-grams, made from the engine's word keys (`Word.key`:
 * case, -ise/-ize, US/UK spelling and abbreviations folded, as the matcher compares words). The
 * in-memory index numbers words per acquis; a shared store needs keys that do not depend on what
 * else is loaded, so that a draft's keys computed today find precedents published last year.
 * Keys are signed 64-bit integers as decimal strings (PostgreSQL `int8`).
 */
import type { Word } from '../text/words.js';

/** Words per n-gram: the precedent index's shingle (3 words). */
export const NGRAM = 3;

/** Two independent 32-bit FNV-1a-style hashes of a string, as one signed 64-bit key. */
export function key64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  return BigInt.asIntN(64, (BigInt(a >>> 0) << 32n) | BigInt(b >>> 0)).toString();
}

/** Distinct keys of the word 3-grams of `words`. */
export function ngramKeys(words: readonly Pick<Word, 'key'>[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i + NGRAM <= words.length; i++) out.add(key64(`${words[i]!.key}\u0001${words[i + 1]!.key}\u0001${words[i + 2]!.key}`));
  return [...out];
}

/** Distinct keys of the words themselves (for search by rare words). */
export function wordKeys(words: readonly Pick<Word, 'key'>[]): string[] {
  return [...new Set(words.map((w) => key64(w.key)))];
}
