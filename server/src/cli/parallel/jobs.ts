/**
 * How many threads `acquis lint` uses: one unless `--jobs` says otherwise.
 *
 * A worker is not a cheap thread: it is a V8 isolate of its own, which starts Node, loads the
 * lint bundle, builds its own engine, and then compiles the lint path again with its own JIT
 * (optimised code is never shared between isolates). Measured on the 2-core machine this project
 * is measured on, 50 distinct 10k-word drafts with one thread: 1.6 s of CPU on the main thread
 * and 1.5 s on V8's background threads (its optimising compiler, then its collector), so one
 * thread already keeps the second core half busy. A worker added to that costs 0.5 s of CPU over
 * 10 drafts, 0.8 s over 50 and 1.45 s over 150 (its own start and JIT warm-up, and two isolates'
 * compilers and collectors sharing two cores): on 2 cores the run used 26 to 44% more CPU and
 * was no faster. Since a lint optimises later (tiering.ts), two threads run 50 drafts in 13% less
 * wall time for 24% more CPU on 2 cores (3 December, night): still too little to choose unasked. So `auto` starts
 * workers only on 3 cores or more, and only when the files are expected to take clearly longer
 * than the workers cost; `--jobs N` starts them regardless.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/**
 * CPU one worker costs before it pays back anything, measured on a 2-core machine: starting it
 * and loading the bundle (about 60 ms), and its JIT warm-up over its first drafts, which runs
 * them several times slower than the main thread's warm code (the rest of 0.5 to 0.8 s).
 */
export const WORKER_START_MS = 600;
/** Whole-process CPU per KB of draft once warm (about 27 ms a 72 KB draft, measured over 10 to 150 drafts). */
export const LINT_MS_PER_KB = 0.35;
/** Of the cores, what the main thread's own V8 compiler and collector threads already use. */
export const BACKGROUND_CORES = 0.5;
/** Workers start only when the time they save is this many times what they cost. */
export const MARGIN = 2;

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
  /** The machine's cores (default: `availableParallelism()`). */
  cores?: number;
}

export function jobsFor(q: JobsQuestion): number {
  if (q.store || !q.bundle || q.paths.length < 2) return 1;
  if (q.requested === undefined) return 1;
  if (q.requested !== 'auto') return Math.min(q.requested, q.paths.length);
  const cores = q.cores ?? availableParallelism();
  const threads = Math.min(cores, q.paths.length);
  if (cores < 3 || threads < 2) return 1;
  let bytes = 0;
  for (const path of q.paths) {
    if (path === '-') continue;
    try {
      bytes += statSync(resolve(q.cwd, path)).size;
    } catch {
      // unreadable: reported when it is read
    }
  }
  return paysOff((bytes / 1024) * LINT_MS_PER_KB, threads, q.buildMs) ? threads : 1;
}

/**
 * Whether `threads` threads (the main one and `threads - 1` workers) pay for `work` ms of linting:
 * the time saved, with the main thread's background work counted against the cores, must be
 * `MARGIN` times what the workers cost (their start, warm-up and engine).
 */
export function paysOff(work: number, threads: number, buildMs: number): boolean {
  const effective = threads - BACKGROUND_CORES;
  const saved = work - work / effective;
  const cost = (threads - 1) * (WORKER_START_MS + buildMs);
  return saved > MARGIN * cost;
}
