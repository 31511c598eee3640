/**
 * What precedent matching alone costs, in process: bundled and run by bench/match-bench.mjs.
 *
 *   node .bench/match-bench.cjs <draft>...
 *
 * Builds the engine over the built-in acquis and parses every draft first; then matches one
 * warm-up draft and times `Matcher.match` over every unit view of each draft in turn (every draft
 * new to the caches, as in one CLI invocation). Times are CPU time of the process (user + system),
 * fairer than wall time on a busy machine; garbage collection is counted from `perf_hooks`. Prints
 * a fingerprint of every match found, so that two builds can be shown to find the same matches.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { builtinAcquisDir, readAcquisFolder } from '../server/src/cli/node-host.js';
import { createEngine, DEFAULT_CONFIG, readDraft, type PrecedentMatch } from '../server/src/engine/index.js';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: match-bench.cjs <draft>...');
  process.exit(2);
}
const engine = createEngine(readAcquisFolder(builtinAcquisDir()), DEFAULT_CONFIG);
const drafts = files.map((f) => readDraft(f, readFileSync(f, 'utf8')));

/** CPU milliseconds of the process so far. */
function now(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

let gcCount = 0;
let gcTime = 0;
let measuring = false;
new PerformanceObserver((list) => {
  if (!measuring) return;
  for (const e of list.getEntries()) {
    gcCount++;
    gcTime += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

/** What a match says, for the fingerprint (every field a finding or a fix may read). */
function describe(m: PrecedentMatch): unknown {
  return [
    m.kind, m.partial, m.precedent.id, m.start, m.end, m.identity, m.cue ?? '', m.grade ?? '',
    m.draftWords.map((w) => [w.start, w.end, w.key, w.form, w.abbreviation ?? '']),
    m.precedentWords.map((w) => [w.start, w.end, w.key, w.form]),
    m.changes, m.runs, m.lineage.map(describe),
  ];
}

/** Every draft's matches, kept (as a lint keeps them) and fingerprinted after the timing. */
const kept: PrecedentMatch[][] = [];
const match = (i: number): number => {
  let n = 0;
  for (const unit of drafts[i]!.units) {
    const found = engine.matcher.match(unit.view.text);
    n += found.length;
    if (measuring) kept.push(found);
  }
  return n;
};

const c0 = now();
match(0); // warm-up: code compiled, the index's tables built
const cold = now() - c0;
measuring = true;
const h0 = process.memoryUsage().heapUsed;
const t0 = now();
let matches = 0;
for (let i = 1; i < drafts.length; i++) matches += match(i);
const spent = now() - t0;
const n = Math.max(1, drafts.length - 1);

// The observer reports after the synchronous work: read the pauses on the next turn.
setTimeout(() => {
  const fingerprint = createHash('sha256');
  for (const found of kept) fingerprint.update(JSON.stringify(found.map(describe)));
  const heapDelta = process.memoryUsage().heapUsed - h0;
  console.log(`${n} drafts after one warm-up: matching ${(spent / n).toFixed(2)} ms CPU a draft; ${gcCount} collections, ${(gcTime / n).toFixed(2)} ms of pauses a draft`);
  console.log(`warm-up draft (cold) ${cold.toFixed(1)} ms; ${matches} matches; fingerprint ${fingerprint.digest('hex').slice(0, 16)}`);
  console.log(JSON.stringify({ drafts: n, perDraft: spent / n, gcPerDraft: gcTime / n, collections: gcCount, cold, matches, heapDelta }));
}, 100);
