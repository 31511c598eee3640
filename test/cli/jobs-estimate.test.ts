/**
 * `--jobs auto`: how many threads `jobsFor` chooses. A worker is a V8 isolate of its own (start,
 * engine, JIT warm-up), so on two cores it never paid in the measurements (server/src/cli/parallel/jobs.ts):
 * `auto` stays on one thread there, and on more cores starts workers only for clearly large runs.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jobsFor, LINT_MS_PER_KB, paysOff, WORKER_START_MS } from '../../server/src/cli/parallel/jobs';

const dir = mkdtempSync(join(tmpdir(), 'acquis-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` files of `kb` KB each (sparse: only their size is read). */
function files(count: number, kb: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `f${count}-${kb}-${i}.draft`;
    writeFileSync(join(dir, name), '');
    truncateSync(join(dir, name), kb * 1024);
    names.push(name);
  }
  return names;
}

const ask = (paths: string[], cores: number, requested: number | 'auto' | undefined = 'auto') =>
  jobsFor({ requested, paths, cwd: dir, store: false, bundle: 'worker.js', buildMs: 15, cores });

describe('jobsFor', () => {
  it('uses one thread unless asked, and whatever number is asked (at most one per file)', () => {
    const many = files(20, 1);
    expect(ask(many, 8, undefined)).toBe(1);
    expect(ask(many, 2, 4)).toBe(4);
    expect(ask(many.slice(0, 3), 2, 8)).toBe(3);
    expect(ask(many.slice(0, 1), 8, 8)).toBe(1);
  });

  it('stays on one thread with a shared store or without the worker bundle', () => {
    const many = files(20, 2);
    expect(jobsFor({ requested: 4, paths: many, cwd: dir, store: true, bundle: 'worker.js', buildMs: 0, cores: 8 })).toBe(1);
    expect(jobsFor({ requested: 4, paths: many, cwd: dir, store: false, buildMs: 0, cores: 8 })).toBe(1);
  });

  it('auto: one thread on two cores, however much there is to lint', () => {
    // 400 drafts of 72 KB, the bench's size: about 10 s of linting.
    expect(ask(files(400, 72), 2)).toBe(1);
  });

  it('auto: on more cores, workers only when the work clearly outweighs them', () => {
    expect(ask(files(50, 72), 4)).toBe(1); // the bench's 50 drafts: about 1.3 s of work
    expect(ask(files(400, 72), 4)).toBe(4);
    expect(ask(files(3, 72), 16)).toBe(1);
    // The same estimate, directly: a worker's cost against the time it saves.
    const work = 400 * 72 * LINT_MS_PER_KB;
    expect(paysOff(work, 4, 15)).toBe(true);
    expect(paysOff(WORKER_START_MS, 4, 15)).toBe(false);
    // A slow engine build (a large acquis, rebuilt by every worker) raises the bar.
    expect(paysOff(work, 4, 5_000)).toBe(false);
  });
});
