/**
 * Word-level local alignment (Smith-Waterman) of a draft sentence against a precedent: finds the
 * stretch of the draft that quotes the precedent, however much new text surrounds it.
 */

export interface LocalAlignment {
  score: number;
  /** Aligned range in the draft's words (end exclusive). */
  draftStart: number;
  draftEnd: number;
  /** Aligned range in the precedent's words (end exclusive). */
  precedentStart: number;
  precedentEnd: number;
  /** Number of equal word pairs on the alignment path. */
  matches: number;
}

/** One score matrix reused by every alignment: allocating one per candidate fed the GC. */
let scratch = new Int32Array(64 * 64);

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/** Ids below zero never match (words the acquis does not know). */
export function alignLocal(draft: Int32Array, precedent: Int32Array): LocalAlignment | undefined {
  const n = draft.length;
  const m = precedent.length;
  if (n === 0 || m === 0) return undefined;
  const width = m + 1;
  const cells = (n + 1) * width;
  if (scratch.length < cells) scratch = new Int32Array(Math.max(cells, scratch.length * 2));
  const scores = scratch;
  scores.fill(0, 0, width); // the first row; every other row starts with its own zero below
  let best = 0;
  let bestAt = 0;
  for (let i = 1; i <= n; i++) {
    const d = draft[i - 1]!;
    const row = i * width;
    const up = row - width;
    scores[row] = 0;
    for (let j = 1; j <= m; j++) {
      const diagonal = scores[up + j - 1]! + (d >= 0 && d === precedent[j - 1] ? MATCH : MISMATCH);
      const s = Math.max(0, diagonal, scores[up + j]! + GAP, scores[row + j - 1]! + GAP);
      scores[row + j] = s;
      if (s > best) {
        best = s;
        bestAt = row + j;
      }
    }
  }
  if (best === 0) return undefined;
  // Trace back from the best cell to where the score falls to zero.
  let i = Math.floor(bestAt / width);
  let j = bestAt % width;
  const draftEnd = i;
  const precedentEnd = j;
  let matches = 0;
  while (i > 0 && j > 0 && scores[i * width + j]! > 0) {
    const s = scores[i * width + j]!;
    const equal = draft[i - 1]! >= 0 && draft[i - 1] === precedent[j - 1];
    if (s === scores[(i - 1) * width + j - 1]! + (equal ? MATCH : MISMATCH)) {
      if (equal) matches++;
      i--;
      j--;
    } else if (s === scores[(i - 1) * width + j]! + GAP) i--;
    else j--;
  }
  return { score: best, draftStart: i, draftEnd, precedentStart: j, precedentEnd, matches };
}
