/**
 * In-process figures of a persistent index (bundled by bench/index-bench.mjs): load the index
 * file, build the engine over it, lint the draft once (cold), then several times with a fresh
 * matcher each time (warm: the same acquis and index, no cached matches). Prints one JSON line.
 *
 *   node .bench/index-bench.cjs <index file> <draft> <runs>
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG, engineFromAcquis, lintDraft, Matcher, readDraft } from '../server/src/engine/index.js';
import { readIndexFile } from '../server/src/host/acquis-index.js';

const [file, draftFile, runsArg] = process.argv.slice(2);
if (!file || !draftFile) throw new Error('usage: index-bench.cjs <index file> <draft> [runs]');
const runs = Number(runsArg ?? 5);
const now = (): number => performance.now();
/** CPU milliseconds (user + system) of this process: fairer than wall time on a loaded machine. */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const tLoad = now();
const cLoad = cpu();
const { acquis } = readIndexFile(file);
const engine = engineFromAcquis(acquis, DEFAULT_CONFIG);
const loadMs = now() - tLoad;
const loadCpuMs = cpu() - cLoad;
const rssAfterLoadMB = process.memoryUsage().rss / 2 ** 20;

const text = readFileSync(draftFile, 'utf8');
const tCold = now();
const cCold = cpu();
const cold = engine.lint(draftFile, text);
const coldMs = now() - tCold;
const coldCpuMs = cpu() - cCold;

const env = { acquis: engine.acquis, config: engine.config };
lintDraft(readDraft(draftFile, text), { ...env, matcher: new Matcher(engine.acquis) });
const warm: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = now();
  const c = cpu();
  lintDraft(readDraft(draftFile, text), { ...env, matcher: new Matcher(engine.acquis) });
  warm.push(now() - t);
  warmCpu.push(cpu() - c);
}
console.log(
  JSON.stringify({
    documents: acquis.documents.length,
    precedents: acquis.precedents.length,
    findings: cold.findings.length,
    loadMs,
    loadCpuMs,
    rssAfterLoadMB,
    coldMs,
    coldCpuMs,
    warmMedianMs: median(warm),
    warmCpuMedianMs: median(warmCpu),
    warmMinMs: Math.min(...warm),
    rssMB: process.memoryUsage().rss / 2 ** 20,
  }),
);
