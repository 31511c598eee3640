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
import DiffMatchPatch from 'diff-match-patch';
import type { WordRun } from '../match/word-diff.js';

const dmp = new DiffMatchPatch();
dmp.Diff_EditCost = 4;

export function alignKeys(a: string[], b: string[]): WordRun[] {
  if (a.length === b.length && a.every((k, i) => k === b[i])) {
    return a.length ? [{ op: 'equal', draftStart: 0, draftEnd: a.length, precedentStart: 0, precedentEnd: b.length }] : [];
  }
  const codes = new Map<string, string>();
  const encode = (keys: string[]): string => {
    let out = '';
    for (const key of keys) {
      let code = codes.get(key);
      if (code === undefined) {
        // One UTF-16 unit per distinct word, skipping the surrogate range.
        const n = codes.size;
        code = String.fromCharCode(n < 0xd800 - 0x100 ? 0x100 + n : 0xe000 + (n - (0xd800 - 0x100)));
        codes.set(key, code);
      }
      out += code;
    }
    return out;
  };
  const diffs = dmp.diff_main(encode(a), encode(b), false);
  dmp.diff_cleanupEfficiency(diffs);
  const runs: WordRun[] = [];
  let d = 0;
  let p = 0;
  for (const [op, text] of diffs) {
    const len = text.length;
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      runs.push({ op: 'equal', draftStart: d, draftEnd: d + len, precedentStart: p, precedentEnd: p + len });
      d += len;
      p += len;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      runs.push({ op: 'delete', draftStart: d, draftEnd: d + len, precedentStart: p, precedentEnd: p });
      d += len;
    } else {
      runs.push({ op: 'insert', draftStart: d, draftEnd: d, precedentStart: p, precedentEnd: p + len });
      p += len;
    }
  }
  return runs;
}
