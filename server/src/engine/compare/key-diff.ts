/**
 * The word diff that alignment and proposal matching use: diff-match-patch over word keys, with
 * the efficiency cleanup (an equality of fewer than four words between changes on both sides is
 * folded into the changes) instead of the semantic one.
 *
 * Why not the semantic cleanup of `match/word-diff.ts` (which the redline uses): it folds any
 * equality that is no longer than the changes around it, so a sentence found whole inside a much
 * longer paragraph (a part of a split, a paragraph absorbed by a merge) disappears into one big
 * deletion and insertion. The efficiency cleanup keeps such a stretch and still drops the short,
 * chance agreements ("of the") between texts that have nothing to do with each other.
 */
import { diffWords, type WordRun } from '../match/word-diff.js';

export function alignKeys(a: string[], b: string[]): WordRun[] {
  if (a.length === b.length && a.every((k, i) => k === b[i])) {
    return a.length ? [{ op: 'equal', draftStart: 0, draftEnd: a.length, precedentStart: 0, precedentEnd: b.length }] : [];
  }
  return diffWords(a, b, 'efficiency');
}
