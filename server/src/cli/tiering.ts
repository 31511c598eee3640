/**
 * When V8 optimises the lint's functions. By default it hands a function to its optimising
 * compilers after little use: right for a long process, not for a lint, which ends before most
 * of that work pays back. On the 10k-word bench draft (Node 20) Turbofan compiled for about
 * 120 ms on other threads during a run of under 200 ms, and optimised code changed nothing
 * measurable (`--no-opt` gave the same wall time). With ten times V8's budget before a function
 * is optimised, that lint took 30% less CPU time and 12% less wall time (whole process, medians
 * of 21 pairs), 50 drafts in one run 24% less CPU time, the 10 MB draft 6% less; same output.
 * A long run still gets optimised, a little later. Later still costs more: instructions over the
 * 50 drafts, all threads (4 December): 7.46 G at ten times the budget, 7.67 G at thirty times,
 * 8.35 G at ninety, 10.47 G never optimising; the default budget ran slower in wall time.
 *
 * Changing a V8 flag has a price: Node's own modules loaded afterwards no longer match the code
 * cache built into Node (V8 ties a cache to the flags) and are compiled from source, a few
 * milliseconds, which a one-paragraph lint would lose. So the lint changes them only for enough
 * text to win that back (`delayOptimisationFor`), after the bundle is compiled, and puts them
 * back before a code cache of the bundle is written (bin/load-bundle.js emits `RESTORE_FLAGS`),
 * so that the next run, which starts with V8's own flags, can read that cache.
 *
 * The flags differ between V8 versions (an unknown flag is reported on the output): only the
 * versions measured get them. `ACQUIS_V8_TIERING=default` leaves V8 as it is.
 */

/** Characters to lint from which the later optimisation pays for itself (a draft of about 2,000 words). */
export const DELAY_FROM_CHARS = 16_000;

/** The event bin/load-bundle.js emits on `process` just before it writes a code cache. */
export const RESTORE_FLAGS = 'acquis:restore-v8-flags';

/*
 * Regular expressions are left to V8's tiering. `--no-regexp-tier-up` set at run time (each
 * expression compiled straight to machine code) made a lint crash with SIGSEGV now and then:
 * `test/cli/jobs.test.ts` failed 4 times in 12 runs with it, none in 12 without it (or with no
 * flag changed at all), on 4 December. Its gain was a few milliseconds of compiling.
 */

/** Per V8 major version: the delayed settings, and V8's defaults to put back. */
const FLAGS: Record<number, { delayed: string[]; defaults: string[] }> = {
  // V8 11 (Node 20) counts a budget of bytecode run before a function is considered.
  11: { delayed: ['--interrupt-budget=675840'], defaults: ['--interrupt-budget=67584'] },
  // V8 12 (Node 22) counts invocations, for Maglev and for Turbofan.
  12: {
    delayed: ['--invocation-count-for-maglev=4000', '--invocation-count-for-turbofan=30000'],
    defaults: ['--invocation-count-for-maglev=400', '--invocation-count-for-turbofan=3000'],
  },
};

let delayed = false;
let held = false;
let filesBefore = 0;

type V8Module = typeof import('node:v8');
// Loaded on first use: most lints of a short draft never change a flag.
const v8 = (): V8Module =>
  typeof process.getBuiltinModule === 'function' ? (process.getBuiltinModule('node:v8') as V8Module) : (require('node:v8') as V8Module);

function setAll(flags: string[]): void {
  const module = v8();
  for (const flag of flags) module.setFlagsFromString(flag);
}

/** Delay V8's optimisation for the rest of this process when `chars` characters are to be linted (once). */
export function delayOptimisationFor(chars: number): void {
  if (delayed || chars < DELAY_FROM_CHARS || process.env.ACQUIS_V8_TIERING === 'default') return;
  const flags = FLAGS[Number.parseInt(process.versions.v8, 10)];
  if (!flags) return;
  delayed = true;
  try {
    setAll(flags.delayed);
    process.once(RESTORE_FLAGS, () => {
      try {
        setAll(flags.defaults);
      } catch {
        // the cache is then rejected once and written again: slower, never wrong
      }
    });
  } catch {
    // only a speed setting
  }
}

/**
 * The young generation's size (MB, both semi-spaces) past which a lint of many files stops it
 * growing. V8 doubles it as a run allocates, up to 32 MB, and every page of it is fresh memory
 * the first time it is used. On this project's machine (a virtual machine, as CI runners are) a
 * first touch of a page costs about 11 microseconds: the 50 bench drafts touched some 4,000
 * pages more for the last doubling (about 45 ms), for fewer scavenges that saved less than that.
 * Held at 16 MB: 20% fewer page faults, 12 to 16 MB less peak memory, same output (figures in
 * bench/README.md). A single file is never held: the check runs between files.
 * `ACQUIS_YOUNG_MB=<n>` changes the size, 0 leaves V8's growth alone.
 */
export const YOUNG_GENERATION_MB = 16;

/** Between files: once the young generation has reached its size, it grows no further (once). */
export function holdYoungGeneration(): void {
  // Not before the first file: a one-file lint never loads node:v8 for this.
  if (held || filesBefore++ === 0 || process.env.ACQUIS_V8_TIERING === 'default') return;
  const limit = Number(process.env.ACQUIS_YOUNG_MB ?? YOUNG_GENERATION_MB);
  if (!(limit > 0) || !FLAGS[Number.parseInt(process.versions.v8, 10)]) return;
  const size = youngGenerationBytes();
  if (size < limit * 1_000_000) return;
  held = true;
  try {
    setAll(['--semi-space-growth-factor=1']);
    if (process.env.ACQUIS_DEBUG) process.stderr.write(`acquis: young generation held at ${(size / 1048576).toFixed(1)} MB\n`);
    process.once(RESTORE_FLAGS, () => {
      try {
        setAll(['--semi-space-growth-factor=2']);
      } catch {
        // the cache is then rejected once and written again
      }
    });
  } catch {
    // only a speed setting
  }
}

/** The young generation's size now, in MB (ACQUIS_DEBUG's last line, and the tests). */
export function youngGenerationMb(): number {
  return youngGenerationBytes() / 1048576;
}

function youngGenerationBytes(): number {
  return v8().getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}
