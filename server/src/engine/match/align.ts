/**
 * Word-level local alignment (Smith-Waterman) of a draft sentence against a precedent: finds the
 * stretch of the draft that quotes the precedent, however much new text surrounds it.
 *
 * The matcher aligns every sentence with several candidates, and most candidates share only stock
 * phrases with it, so two things keep the cost down without changing any result:
 * - a bound first: the equal words on any alignment path are a common subsequence of the two
 *   sentences, so when the longest common subsequence (bit-parallel, one machine word per 32
 *   precedent words) is shorter than the caller's `minMatches`, the alignment is not computed;
 * - a sparse matrix: a cell is positive only next to a positive cell above or to its left, or on a
 *   pair of equal words, so each row is computed only from its first possible positive cell to
 *   where the scores have fallen back to zero; the rest of the matrix is zero (cleared at once).
 * The scores, the best cell (first in row order) and the trace back are the full algorithm's.
 *
 * The same algorithm runs as a WebAssembly kernel (align-kernel.ts, align.wat) when it can: this
 * file is its reference, and its fallback.
 */
import { kernelAlign } from './align-kernel.js';

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
/** Per row of the matrix: the last column whose cells can matter (see `alignInScript`). */
let reach = new Int32Array(64);

/**
 * Per word id: the alignment (generation) that last saw it in a precedent, and its slot there.
 * Slots index `masks`: one bit per precedent position holding that word, `words` machine words each.
 */
let stamp = new Int32Array(4096);
let slotOf = new Int32Array(4096);
let generation = 0;
let masks = new Int32Array(64 * 2);
let columns = new Int32Array(4);

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/** Number of 32-bit words in a precedent's position masks. */
let words = 0;

/** Index each precedent word id to its position mask. */
function indexPrecedent(precedent: Int32Array): void {
  const m = precedent.length;
  words = (m + 31) >>> 5;
  if (++generation > 0x3fffffff) {
    stamp.fill(0);
    generation = 1;
  }
  let slots = 0;
  for (let j = 0; j < m; j++) {
    const id = precedent[j]!;
    if (id < 0) continue; // unknown words match nothing
    if (id >= stamp.length) {
      let size = stamp.length * 2;
      while (size <= id) size *= 2;
      const grownStamp = new Int32Array(size);
      grownStamp.set(stamp);
      stamp = grownStamp;
      const grownSlots = new Int32Array(size);
      grownSlots.set(slotOf);
      slotOf = grownSlots;
    }
    let slot: number;
    if (stamp[id] === generation) slot = slotOf[id]!;
    else {
      stamp[id] = generation;
      slot = slots++;
      slotOf[id] = slot;
      const need = slots * words;
      if (masks.length < need) {
        const grown = new Int32Array(Math.max(need, masks.length * 2));
        grown.set(masks);
        masks = grown;
      }
      for (let k = slot * words; k < need; k++) masks[k] = 0; // a call to fill costs more for a word or two
    }
    masks[slot * words + (j >>> 5)]! |= 1 << (j & 31);
  }
}

/**
 * The first precedent position at or after `from` holding the word whose mask starts at `base`,
 * or a number past every position.
 */
function nextEqual(base: number, from: number): number {
  let w = from >>> 5;
  if (w >= words) return NONE;
  let bits = masks[base + w]! & (-1 << (from & 31));
  while (bits === 0) {
    if (++w >= words) return NONE;
    bits = masks[base + w]!;
  }
  return (w << 5) + (31 - Math.clz32(bits & -bits));
}

const NONE = 0x3fffffff;

/** Slot of a draft word id in the precedent last indexed, or -1 when the precedent lacks it. */
function slotIn(id: number): number {
  return id >= 0 && id < stamp.length && stamp[id] === generation ? slotOf[id]! : -1;
}

/**
 * Length of the longest common subsequence of `draft` and the precedent last indexed (bit-parallel,
 * after Allison and Dix): V starts all ones, each draft word adds V & M to V with the carry, and
 * the zero bits of V at the end count the common subsequence.
 */
function commonSubsequence(draft: Int32Array, m: number): number {
  if (columns.length < words) columns = new Int32Array(words * 2);
  const v = columns;
  v.fill(-1, 0, words);
  for (let i = 0; i < draft.length; i++) {
    const slot = slotIn(draft[i]!);
    if (slot < 0) continue; // V & 0 is 0: V stays as it is
    const base = slot * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]! >>> 0;
      const mw = masks[base + w]!;
      const sum = vw + ((vw & mw) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (vw & ~mw);
    }
  }
  let length = 0;
  for (let w = 0; w < words; w++) {
    const bits = w === words - 1 && m % 32 !== 0 ? m % 32 : 32;
    let zeros = ~v[w]!;
    if (bits < 32) zeros &= (1 << bits) - 1;
    length += popcount(zeros);
  }
  return length;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Ids below zero never match (words the acquis does not know). With `minMatches`, an alignment
 * that cannot have that many equal words (its longest common subsequence is shorter) is not
 * computed: the answer is undefined, as for no alignment at all.
 */
export function alignLocal(draft: Int32Array, precedent: Int32Array, minMatches = 0): LocalAlignment | undefined {
  const found = kernelAlign(draft, precedent, minMatches);
  return found !== null ? found : alignInScript(draft, precedent, minMatches);
}

/** `alignLocal` in TypeScript. */
function alignInScript(draft: Int32Array, precedent: Int32Array, minMatches: number): LocalAlignment | undefined {
  const n = draft.length;
  const m = precedent.length;
  if (n === 0 || m === 0) return undefined;
  indexPrecedent(precedent);
  if (minMatches > 0 && commonSubsequence(draft, m) < minMatches) return undefined;
  const width = m + 1;
  const cells = (n + 1) * width;
  if (scratch.length < cells) scratch = new Int32Array(Math.max(cells, scratch.length * 2));
  const scores = scratch;
  scores.fill(0, 0, cells);
  let best = 0;
  let bestAt = 0;
  // How far right each row's cells can matter: the last column of an equal word in this row or
  // any row below (0: none). The best cell is on an equal word, and the trace back and every
  // cell it reads lie above and to the left of it, as does every cell those are computed from:
  // a cell with no equal word below and to its right is never read, and is not computed.
  if (reach.length < n + 2) reach = new Int32Array(2 * n + 2);
  reach[n + 1] = 0;
  for (let i = n; i >= 1; i--) {
    let last = reach[i + 1]!;
    const slot = slotIn(draft[i - 1]!);
    if (slot >= 0) {
      for (let w = words - 1; w >= 0; w--) {
        const bits = masks[slot * words + w]!;
        if (bits !== 0) {
          const column = (w << 5) + (31 - Math.clz32(bits)) + 1;
          if (column > last) last = column;
          break;
        }
      }
    }
    reach[i] = last;
  }
  // Positive cells of the previous row lie in [previousLow, previousHigh] (empty when high < low).
  let previousLow = 1;
  let previousHigh = 0;
  for (let i = 1; i <= n; i++) {
    const stop = reach[i]!;
    if (stop === 0) break; // no equal word in this row or below
    const slot = slotIn(draft[i - 1]!);
    const previousEmpty = previousHigh < previousLow;
    if (slot < 0 && previousEmpty) continue; // no equal word and nothing to carry: a zero row
    let low = previousEmpty ? m + 1 : previousLow;
    let high = previousEmpty ? 0 : previousHigh + 1;
    if (slot >= 0) {
      // The first and last columns where this draft word equals a precedent word.
      const base = slot * words;
      for (let w = 0; w < words; w++) {
        const bits = masks[base + w]!;
        if (bits !== 0) {
          const first = (w << 5) + (31 - Math.clz32(bits & -bits)) + 1;
          if (first < low) low = first;
          break;
        }
      }
      for (let w = words - 1; w >= 0; w--) {
        const bits = masks[base + w]!;
        if (bits !== 0) {
          const last = (w << 5) + (31 - Math.clz32(bits)) + 1;
          if (last > high) high = last;
          break;
        }
      }
    }
    const d = slot >= 0 ? draft[i - 1]! : -1;
    const base = slot >= 0 ? slot * words : -1;
    const row = i * width;
    const up = row - width;
    let diagonal = scores[up + low - 1]!;
    let left = 0;
    let rowLow = m + 1;
    let rowHigh = 0;
    for (let j = low; j <= stop; j++) {
      const above = scores[up + j]!;
      let s = diagonal + (d === precedent[j - 1] ? MATCH : MISMATCH);
      if (above + GAP > s) s = above + GAP;
      if (left + GAP > s) s = left + GAP;
      if (s > 0) {
        scores[row + j] = s;
        if (j < rowLow) rowLow = j;
        rowHigh = j;
        if (s > best) {
          best = s;
          bestAt = row + j;
        }
      } else {
        s = 0;
        // Past the last equal word and the previous row's positive cells, zeros stay zeros.
        if (j >= high) break;
        if (j > previousHigh && base >= 0) {
          // Past the previous row's positive cells, only an equal word makes a positive cell:
          // the zeros up to the next one are skipped (they are zero in the matrix already).
          const next = nextEqual(base, j) + 1;
          if (next > m) break;
          j = next - 1;
          diagonal = 0;
          left = 0;
          continue;
        }
      }
      diagonal = above;
      left = s;
    }
    previousLow = rowLow;
    previousHigh = rowHigh;
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
