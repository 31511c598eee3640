/**
 * A hyphen at the end of a line: part of the word ("capacity-building", "Secretary-General") or a
 * word broken by the typesetter ("devel-opment")?
 *
 * The heuristic, in order:
 * 1. A continuation that starts with a capital or a digit keeps the hyphen: UN texts break words
 *    at the end of a line very rarely, and never inside a proper name ("Guinea-Bissau").
 * 2. A compound in the known list ("confidence-building") or a number compound ("seventy-third")
 *    keeps it.
 * 3. Otherwise the document decides: the hyphenated form and the joined form are counted where
 *    they occur elsewhere in it (plus one for the joined form when it is a known word), and the
 *    more frequent wins.
 * 4. Neither attested: two pieces that are not words on their own ("devel", "opment") were one
 *    word; a known compound-forming first element ("non", "self") keeps the hyphen.
 * 5. Anything else keeps the hyphen, and is reported as uncertain so that a person can check it.
 */
import { COMPOUND_PREFIXES, isNumberCompound, KNOWN_HYPHENATED, KNOWN_WORDS } from './known-words.js';
import type { Vocabulary } from './vocabulary.js';

export interface HyphenDecision {
  /** Join the two pieces without the hyphen (a broken word). */
  join: boolean;
  /** False when nothing decided it: the hyphen is kept and the spot is reported. */
  certain: boolean;
}

/**
 * `left` is the text before the line-end hyphen (the hyphen itself excluded), `right` the first
 * word of the next line, punctuation included.
 */
export function hyphenAtLineEnd(left: string, right: string, vocabulary: Vocabulary): HyphenDecision {
  const keep = { join: false, certain: true };
  const join = { join: true, certain: true };
  if (!/^\p{Ll}/u.test(right)) return keep;
  const l = (/[\p{L}]+$/u.exec(left)?.[0] ?? '').toLowerCase();
  const r = (/^[\p{L}]+/u.exec(right)?.[0] ?? '').toLowerCase();
  if (!l || !r) return keep;
  const hyphenated = `${l}-${r}`;
  const joined = `${l}${r}`;
  if (KNOWN_HYPHENATED.has(hyphenated) || isNumberCompound(l, r)) return keep;

  const hyphenatedCount = vocabulary.count(hyphenated);
  const joinedCount = vocabulary.count(joined) + (KNOWN_WORDS.has(joined) ? 1 : 0);
  if (joinedCount > hyphenatedCount) return join;
  if (hyphenatedCount > joinedCount) return keep;

  const leftIsWord = vocabulary.isWord(l);
  const rightIsWord = vocabulary.isWord(r);
  if (!leftIsWord && !rightIsWord) return join;
  if (COMPOUND_PREFIXES.has(l)) return keep;
  return { join: false, certain: false };
}
