/**
 * What each rule costs, in process: bundled and run by bench/rules-bench.mjs.
 *
 *   node .bench/rules-bench.cjs <draft>...
 *
 * Builds the engine over the built-in acquis, lints one warm-up draft, then lints each draft once
 * (as a fresh CLI process would: every draft new to the caches), timing each rule's `check` apart
 * from the precedent matching it triggers, which is timed on its own. Times are CPU time of the
 * process (user + system, `process.cpuUsage`), fairer than wall time on a busy machine. Prints a
 * table in milliseconds per draft and one JSON line.
 */
import { readFileSync } from 'node:fs';
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
const timed: Rule[] = RULES.map((rule) => ({
  ...rule,
  check(ctx) {
    const inner = ctx.precedentMatches;
    let inMatching = 0;
    const t0 = now();
    rule.check({
      ...ctx,
      precedentMatches: () => {
        const m0 = now();
        const result = inner();
        inMatching += now() - m0;
        return result;
      },
    });
    const spent = now() - t0 - inMatching;
    matching += inMatching;
    byRule.set(rule.id, (byRule.get(rule.id) ?? 0) + spent);
  },
}));

const texts = files.map((f) => readFileSync(f, 'utf8'));
lintDraft(readDraft(files[0]!, texts[0]!), env, timed); // warm-up: code compiled, first-use tables built
byRule.clear();
matching = 0;

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

const n = texts.length;
const rules = [...byRule.values()].reduce((a, b) => a + b, 0);
const per = (x: number): string => (x / n).toFixed(2).padStart(8);
console.log(`${n} drafts, CPU ms per draft (in process, after one warm-up draft)`);
for (const [id, t] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`${per(t)}  ${id}`);
console.log(`${per(rules)}  all rules (without precedent matching)`);
console.log(`${per(matching)}  precedent matching`);
console.log(`${per(lint)}  lintDraft in all`);
console.log(`${per(read)}  readDraft (parse, views)`);
console.log(JSON.stringify({ drafts: n, findings, perDraft: { rules: rules / n, matching: matching / n, lint: lint / n, read: read / n }, byRule: Object.fromEntries([...byRule].map(([k, v]) => [k, v / n])) }));
