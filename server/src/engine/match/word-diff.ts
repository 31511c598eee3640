/**
 * Word-level difference with diff-match-patch: each distinct word key becomes one character, the
 * character diff is cleaned up semantically, and the result is read back as runs of words.
 */
import DiffMatchPatch from 'diff-match-patch';

export type DiffOp = 'equal' | 'delete' | 'insert';

/** A run of words: `delete` runs are draft words, `insert` runs precedent words. */
export interface WordRun {
  op: DiffOp;
  draftStart: number;
  draftEnd: number;
  precedentStart: number;
  precedentEnd: number;
}

const dmp = new DiffMatchPatch();
/** For the efficiency cleanup: an equality of fewer than four words between changes is folded in. */
const efficient = new DiffMatchPatch();
efficient.Diff_EditCost = 4;

/**
 * `semantic` (the default) reads best for redlines and changes; `efficiency` keeps a long shared
 * stretch whole even inside much longer text (paragraph alignment in compare needs that).
 */
export function diffWords(draftKeys: string[], precedentKeys: string[], cleanup: 'semantic' | 'efficiency' | 'none' = 'semantic'): WordRun[] {
  const codes = new Map<string, string>();
  const encode = (keys: string[]): string => {
    let out = '';
    for (const key of keys) {
      let code = codes.get(key);
      if (code === undefined) {
        // Skip the surrogate range so that every word is exactly one UTF-16 unit.
        const n = codes.size;
        code = String.fromCharCode(n < 0xd800 - 0x100 ? 0x100 + n : 0xe000 + (n - (0xd800 - 0x100)));
        codes.set(key, code);
      }
      out += code;
    }
    return out;
  };
  const a = encode(draftKeys);
  const b = encode(precedentKeys);
  const diffs = (cleanup === 'semantic' ? dmp : efficient).diff_main(a, b, false);
  if (cleanup === 'semantic') dmp.diff_cleanupSemantic(diffs);
  else if (cleanup === 'efficiency') efficient.diff_cleanupEfficiency(diffs);
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
