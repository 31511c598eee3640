/**
 * What each rule costs, in process: bundled and run by bench/rules-bench.mjs.
 *
 *   node .bench/rules-bench.cjs <draft>...
 *
 * Builds the engine over the built-in acquis, lints one warm-up draft, then lints each draft once
 * (as a fresh CLI process would: every draft new to the caches), timing each rule's `check` apart
 * from the precedent matching it triggers, which is timed on its own; the warm-up lint is
 * reported too, as the cold cost a one-file run pays. Times are CPU time of the
 * process (user + system, `process.cpuUsage`), fairer than wall time on a busy machine. Prints a
 * table in milliseconds per draft and one JSON line. Garbage collection pauses (wall time, from
 * `perf_hooks`) that fell inside each rule are counted apart too: a rule that runs after an
 * allocating one pays for its collections.
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { builtinAcquisDir, readAcquisFolder } from '../server/src/cli/node-host.js';
import { createEngine, DEFAULT_CONFIG, lintDraft, readDraft, RULES, type Rule } from '../server/src/engine/index.js';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: rules-bench.cjs <draft>...');
  process.exit(2);
}
const engine = createEngine(readAcquisFolder(builtinAcquisDir()), DEFAULT_CONFIG);
const env = { acquis: engine.acquis, matcher: engine.matcher, config: engine.config };

/** CPU milliseconds of the process so far. */
function now(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const byRule = new Map<string, number>();
let matching = 0;
/** Wall-clock windows of each rule's own work (matching cut out), to charge GC pauses to rules. */
const windows: Array<{ rule: string; start: number; end: number }> = [];
const pauses: PerformanceEntry[] = [];
new PerformanceObserver((list) => pauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
let measuring = false;
const timed: Rule[] = RULES.map((rule) => ({
  ...rule,
  check(ctx) {
    const inner = ctx.precedentMatches;
    let inMatching = 0;
    const t0 = now();
    let w0 = performance.now();
    rule.check({
      ...ctx,
      precedentMatches: () => {
        const m0 = now();
        if (measuring) windows.push({ rule: rule.id, start: w0, end: performance.now() });
        const result = inner();
        w0 = performance.now();
        inMatching += now() - m0;
        return result;
      },
    });
    if (measuring) windows.push({ rule: rule.id, start: w0, end: performance.now() });
    const spent = now() - t0 - inMatching;
    matching += inMatching;
    byRule.set(rule.id, (byRule.get(rule.id) ?? 0) + spent);
  },
}));

const texts = files.map((f) => readFileSync(f, 'utf8'));
lintDraft(readDraft(files[0]!, texts[0]!), env, timed); // warm-up: code compiled, first-use tables built
const cold = { rules: [...byRule.values()].reduce((a, b) => a + b, 0), byRule: Object.fromEntries(byRule) };
byRule.clear();
matching = 0;
measuring = true;

let read = 0;
let lint = 0;
let findings = 0;
texts.forEach((text, i) => {
  const t0 = now();
  const draft = readDraft(files[i]!, text);
  const t1 = now();
  findings += lintDraft(draft, env, timed).findings.length;
  const t2 = now();
  read += t1 - t0;
  lint += t2 - t1;
});

// The observer reports after the synchronous work: read the pauses on the next turn.
setTimeout(report, 100);

function report(): void {
  const n = texts.length;
  const gcByRule = new Map<string, number>();
  for (const p of pauses) {
    for (const w of windows) {
      const overlap = Math.min(w.end, p.startTime + p.duration) - Math.max(w.start, p.startTime);
      if (overlap > 0) gcByRule.set(w.rule, (gcByRule.get(w.rule) ?? 0) + overlap);
    }
  }
  const rules = [...byRule.values()].reduce((a, b) => a + b, 0);
  const gc = [...gcByRule.values()].reduce((a, b) => a + b, 0);
  const per = (x: number): string => (x / n).toFixed(2).padStart(8);
  console.log(`${n} drafts, ms per draft (in process, after one warm-up draft): CPU, and GC pauses inside`);
  for (const [id, t] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`${per(t)} ${per(gcByRule.get(id) ?? 0)}  ${id}`);
  console.log(`${per(rules)} ${per(gc)}  all rules (without precedent matching)`);
  console.log(`${per(matching)}           precedent matching`);
  console.log(`${per(lint)}           lintDraft in all`);
  console.log(`${per(read)}           readDraft (parse, views)`);
  console.log(`${cold.rules.toFixed(2).padStart(8)}           all rules on the first (warm-up) draft, cold`);
  console.log(
    JSON.stringify({
      drafts: n,
      findings,
      cold,
      perDraft: { rules: rules / n, rulesGcPauses: gc / n, matching: matching / n, lint: lint / n, read: read / n },
      byRule: Object.fromEntries([...byRule].map(([k, v]) => [k, v / n])),
      gcByRule: Object.fromEntries([...gcByRule].map(([k, v]) => [k, v / n])),
    }),
  );
}
