/**
 * Performance sanity: two generated revisions of about 10,000 words each (bench/compare-gen.ts:
 * splits, merges, moves, removals, additions, word edits, renumbering) compared in under a second,
 * and the changes made are the changes found. `node bench/compare-bench.mjs` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { generateRevisions } from '../../bench/compare-gen';
import { compareRevisions } from '../../server/src/engine/compare/index';

describe('comparing two 10,000-word revisions', () => {
  const pair = generateRevisions();

  it('are two revisions of about 10,000 words', () => {
    expect(pair.oldWords).toBeGreaterThan(10_000);
    expect(pair.newWords).toBeGreaterThan(10_000);
  });

  it('takes less than a second', () => {
    const first = performance.now();
    compareRevisions(pair.old, pair.new);
    const cold = performance.now() - first;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      compareRevisions(pair.old, pair.new);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(cold).toBeLessThan(3_000);
    expect(times[1]!).toBeLessThan(1_000);
  });

  it('finds the changes that were made', () => {
    const c = compareRevisions(pair.old, pair.new);
    const of = (kind: string): string[] => c.mapping.filter((m) => m.kind === kind).map((m) => `${m.old ?? '-'}>${m.new ?? '-'}`);
    expect(of('split').sort()).toEqual(pair.changes.split.flatMap((s) => s.news.map((n) => `${s.old}>${n}`)).sort());
    expect(of('merged').sort()).toEqual(pair.changes.merged.flatMap((m) => m.olds.map((o) => `${o}>${m.new}`)).sort());
    expect(of('moved').sort()).toEqual(pair.changes.moved.map((m) => `${m.old}>${m.new}`).sort());
    expect(of('removed').sort()).toEqual(pair.changes.removed.map((o) => `${o}>-`).sort());
    expect(of('added').sort()).toEqual(pair.changes.added.map((n) => `->${n}`).sort());
    expect(of('changed').sort()).toEqual(pair.changes.edited.map((e) => `${e.old}>${e.new}`).sort());
    expect(c.summary.same).toBeGreaterThan(90);
  });
});
