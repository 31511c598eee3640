/**
 * How many threads `acquis lint` uses: one unless `--jobs` says otherwise. On the 2-core machine
 * this project is measured on, workers linting 50 drafts gained 1% of wall time and cost 28% more
 * CPU (V8's own collector threads already keep the second core busy), so they are opt-in; on
 * a machine with more cores `--jobs auto` or `--jobs N` pays. A worker is a thread that loads the CLI bundle and builds
 * its own engine before it lints anything: tens of milliseconds, plus however long the acquis
 * took to load on the main thread. It is started only when the files to lint are expected to take
 * clearly longer than that, so a single file, or a few short ones, stay on one thread.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/**
 * What one worker costs besides building its engine, measured on a 2-core machine: about 60 ms
 * to start and load the bundle, and about 150 ms more for its first, cold lint (its own JIT
 * warm-up and the engine's lazily built tables).
 */
export const WORKER_START_MS = 200;
/** Lint time per KB of draft, a deliberately low estimate (so workers start only when they pay). */
export const LINT_MS_PER_KB = 0.2;

export interface JobsQuestion {
  /** `--jobs`, when given: a number, or `auto` for the estimate below. */
  requested?: number | 'auto';
  paths: string[];
  cwd: string;
  /** A shared store is used: each text gets an engine with the store's candidates (one thread). */
  store: boolean;
  /** The worker bundle; undefined when running from source (tests in process): one thread. */
  bundle?: string;
  /** How long the main thread took to build its engine (each worker builds the same). */
  buildMs: number;
}

export function jobsFor(q: JobsQuestion): number {
  if (q.store || !q.bundle || q.paths.length < 2) return 1;
  if (q.requested === undefined) return 1;
  if (q.requested !== 'auto') return Math.min(q.requested, q.paths.length);
  const cores = availableParallelism();
  if (cores < 2) return 1;
  let bytes = 0;
  for (const path of q.paths) {
    if (path === '-') continue;
    try {
      bytes += statSync(resolve(q.cwd, path)).size;
    } catch {
      // unreadable: reported when it is read
    }
  }
  const work = (bytes / 1024) * LINT_MS_PER_KB;
  const workerCost = WORKER_START_MS + q.buildMs;
  return work < 2 * workerCost ? 1 : Math.min(cores, q.paths.length);
}
