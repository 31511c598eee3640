/**
 * The pruned, sparse local alignment against the plain Smith-Waterman it replaced: the same
 * alignment (score, ranges, equal words) on random word sequences, including unknown words
 * (negative ids), repeated stock words and long precedents spanning several mask words. Both
 * versions are held to it: the WebAssembly kernel (the one a run uses) and the TypeScript one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { alignLocal, type LocalAlignment } from '../../server/src/engine/match/align';
import { kernelAlign, setAlignKernel } from '../../server/src/engine/match/align-kernel';

/** The full-matrix algorithm, as it was before the bound and the sparse rows. */
function referenceAlign(draft: Int32Array, precedent: Int32Array): LocalAlignment | undefined {
  const n = draft.length;
  const m = precedent.length;
  if (n === 0 || m === 0) return undefined;
  const width = m + 1;
  const scores = new Int32Array((n + 1) * width);
  let best = 0;
  let bestAt = 0;
  for (let i = 1; i <= n; i++) {
    const d = draft[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const diagonal = scores[(i - 1) * width + j - 1]! + (d >= 0 && d === precedent[j - 1] ? 2 : -1);
      const s = Math.max(0, diagonal, scores[(i - 1) * width + j]! - 1, scores[i * width + j - 1]! - 1);
      scores[i * width + j] = s;
      if (s > best) {
        best = s;
        bestAt = i * width + j;
      }
    }
  }
  if (best === 0) return undefined;
  let i = Math.floor(bestAt / width);
  let j = bestAt % width;
  const draftEnd = i;
  const precedentEnd = j;
  let matches = 0;
  while (i > 0 && j > 0 && scores[i * width + j]! > 0) {
    const s = scores[i * width + j]!;
    const equal = draft[i - 1]! >= 0 && draft[i - 1] === precedent[j - 1];
    if (s === scores[(i - 1) * width + j - 1]! + (equal ? 2 : -1)) {
      if (equal) matches++;
      i--;
      j--;
    } else if (s === scores[(i - 1) * width + j]! - 1) i--;
    else j--;
  }
  return { score: best, draftStart: i, draftEnd, precedentStart: j, precedentEnd, matches };
}

function lcs(a: Int32Array, b: Int32Array): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 0; i < a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i]! >= 0 && a[i] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A precedent and a draft sentence quoting pieces of it among other words. */
function pair(next: () => number): [Int32Array, Int32Array] {
  const vocabulary = 3 + Math.floor(next() * 60);
  const word = (): number => (next() < 0.1 ? -1 : Math.floor(next() ** 2 * vocabulary) + (next() < 0.02 ? 5000 : 0));
  const m = 1 + Math.floor(next() * (next() < 0.2 ? 150 : 45));
  const precedent = Int32Array.from({ length: m }, () => Math.max(0, word()));
  const draft: number[] = [];
  const n = 1 + Math.floor(next() * 60);
  while (draft.length < n) {
    if (next() < 0.4) {
      const from = Math.floor(next() * m);
      const to = Math.min(m, from + 1 + Math.floor(next() * 12));
      for (let k = from; k < to; k++) draft.push(next() < 0.1 ? word() : precedent[k]!);
    } else draft.push(word());
  }
  return [Int32Array.from(draft), precedent];
}

describe.each([
  ['the WebAssembly kernel', true],
  ['TypeScript', false],
])('alignLocal in %s', (_name, kernel) => {
  setAlignKernel(kernel);
  afterAll(() => setAlignKernel(true));

  it('runs where it is meant to', () => {
    setAlignKernel(kernel);
    const answer = kernelAlign(Int32Array.from([1, 2]), Int32Array.from([1, 2]), 0);
    if (kernel) expect(answer).toEqual({ score: 4, draftStart: 0, draftEnd: 2, precedentStart: 0, precedentEnd: 2, matches: 2 });
    else expect(answer).toBeNull();
  });

  it('equals the full Smith-Waterman on 20,000 random pairs', () => {
    setAlignKernel(kernel);
    const next = random(11);
    for (let k = 0; k < 20_000; k++) {
      const [draft, precedent] = pair(next);
      expect(alignLocal(draft, precedent), `case ${k}`).toEqual(referenceAlign(draft, precedent));
    }
  });

  it('skips only alignments with fewer equal words than asked, by the common subsequence', () => {
    setAlignKernel(kernel);
    const next = random(29);
    let skipped = 0;
    for (let k = 0; k < 20_000; k++) {
      const [draft, precedent] = pair(next);
      const minMatches = 1 + Math.floor(next() * 10);
      const full = referenceAlign(draft, precedent);
      const pruned = alignLocal(draft, precedent, minMatches);
      if (lcs(draft, precedent) < minMatches) {
        expect(pruned).toBeUndefined();
        expect(full?.matches ?? 0).toBeLessThan(minMatches);
        skipped++;
      } else expect(pruned, `case ${k}`).toEqual(full);
    }
    expect(skipped).toBeGreaterThan(1_000);
  });

  it('aligns long sentences, for which the kernel grows its memory', () => {
    setAlignKernel(kernel);
    const next = random(47);
    for (const [n, m] of [[900, 1_200], [2_500, 40], [3, 3_000]] as const) {
      const precedent = Int32Array.from({ length: m }, () => Math.floor(next() * 40));
      const draft = Int32Array.from({ length: n }, (_, i) => (next() < 0.7 ? precedent[i % m]! : Math.floor(next() * 60)));
      expect(alignLocal(draft, precedent), `${n} x ${m}`).toEqual(referenceAlign(draft, precedent));
      // Short pairs right after growing: the kernel's view of its memory is made again.
      for (let k = 0; k < 50; k++) {
        const [shortDraft, shortPrecedent] = pair(next);
        expect(alignLocal(shortDraft, shortPrecedent), `after ${n} x ${m}, case ${k}`).toEqual(referenceAlign(shortDraft, shortPrecedent));
      }
    }
  });

  it('finds a quote inside new text', () => {
    setAlignKernel(kernel);
    const precedent = Int32Array.from([1, 2, 3, 4, 5, 6, 7]);
    const draft = Int32Array.from([9, 9, 1, 2, 3, 4, 5, 6, 7, 9]);
    expect(alignLocal(draft, precedent, 6)).toEqual({ score: 14, draftStart: 2, draftEnd: 9, precedentStart: 0, precedentEnd: 7, matches: 7 });
    expect(alignLocal(draft, precedent, 8)).toBeUndefined();
  });
});
