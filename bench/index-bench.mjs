#!/usr/bin/env node
/**
 * The 1M-paragraph figures of issue 11 (prints figures, asserts nothing; bench/README.md):
 *
 *   node bench/index-bench.mjs [--paragraphs 1000000] [--runs 5]
 *
 * 1. the synthetic acquis (bench/acquis-gen.ts, about 400 MB at 1M paragraphs) in .bench/, reused;
 * 2. `acquis index <it> -o .bench/acquis-<N>.idx`, a whole process: wall and CPU time, peak RSS;
 * 3. in a fresh process (bench/index-bench.ts): load the index file, then lint the 10k-word bench
 *    draft cold and warm (median of --runs, a fresh matcher each time);
 * 4. `acquis lint <draft> --index <file>`, whole processes (median of 3): wall, CPU, peak RSS.
 * The last line is the figures as JSON (bench/speed.mjs can read it). Peak RSS and CPU come from
 * GNU time (/usr/bin/time); without it they are left out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleBench, root } from './bundle.mjs';

const out = join(root, '.bench');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const PARAGRAPHS = Number(option('paragraphs', '1000000'));
const RUNS = Number(option('runs', '5'));
const cli = join(root, 'bin', 'acquis.js');
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const load = () => loadavg()[0].toFixed(1);

/** A whole process, timed: wall seconds, and CPU seconds and peak RSS (MB) when GNU time is there. */
function timed(argv, options = {}) {
  const started = process.hrtime.bigint();
  const command = gnuTime ? [gnuTime, ['-f', '@@ %U %S %M', process.execPath, ...argv]] : [process.execPath, argv];
  const r = spawnSync(command[0], command[1], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 3_600_000, ...options });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /@@ ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : undefined, rssMB: m ? Number(m[3]) / 1024 : undefined, stdout: r.stdout, load: load() };
}

await bundleBench('in-process.ts');
await bundleBench('index-bench.ts');

// The draft and the synthetic acquis (written once, reused).
const prep = spawnSync(process.execPath, [join(out, 'in-process.cjs'), 'prepare', out, String(PARAGRAPHS)], { cwd: root, encoding: 'utf8', timeout: 3_600_000 });
if (prep.status !== 0) throw new Error(prep.stderr);
const draft = join(out, 'draft-10k.draft');
const dir = join(out, `acquis-${PARAGRAPHS}`);
const indexFile = join(out, `acquis-${PARAGRAPHS}.idx`);

console.log(`Index benchmark: ${PARAGRAPHS.toLocaleString('en')} paragraphs of synthetic acquis (${dir})`);
const made = timed([cli, 'index', dir, '-o', indexFile]);
console.log(`  ${made.stdout.trim()}`);
const sizeMB = statSync(indexFile).size / 2 ** 20;

const inProcess = spawnSync(process.execPath, [join(out, 'index-bench.cjs'), indexFile, draft, String(RUNS)], { cwd: root, encoding: 'utf8', timeout: 3_600_000 });
if (inProcess.status !== 0) throw new Error(inProcess.stderr);
const m = JSON.parse(inProcess.stdout.trim().split('\n').pop());
const inProcessLoad = load();

const lints = [0, 1, 2].map(() => timed([cli, 'lint', draft, '--format', 'json', '--index', indexFile]));
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const lint = { wall: mid(lints.map((l) => l.wall)), cpu: lints[0].cpu === undefined ? undefined : mid(lints.map((l) => l.cpu)), rssMB: mid(lints.map((l) => l.rssMB ?? 0)) };

const s = (x) => (x === undefined ? '?' : `${x.toFixed(1)} s`);
const ms = (x) => `${x.toFixed(0)} ms`;
const rows = [
  ['index build (`acquis index`, whole process)', `${s(made.wall)} wall, ${s(made.cpu)} CPU`, '< 60 s', made.load],
  ['index build: peak RSS', made.rssMB === undefined ? '?' : `${made.rssMB.toFixed(0)} MB`, '< 2 GB', made.load],
  ['index file size', `${sizeMB.toFixed(0)} MB`, '-', '-'],
  ['load the index (read + engine), in process', `${ms(m.loadMs)} wall, ${ms(m.loadCpuMs)} CPU`, '< 3 s', inProcessLoad],
  ['lint the 10k draft, cold (first lint after loading)', `${ms(m.coldMs)} wall, ${ms(m.coldCpuMs)} CPU`, '-', inProcessLoad],
  [`lint the 10k draft, warm (median of ${RUNS})`, `${ms(m.warmMedianMs)} wall, ${ms(m.warmCpuMedianMs)} CPU`, '< 200 ms', inProcessLoad],
  ['`acquis lint <10k draft> --index`, whole process (median of 3)', `${s(lint.wall)} wall, ${s(lint.cpu)} CPU, ${lint.rssMB.toFixed(0)} MB`, '-', lints[2].load],
];
console.log('');
console.log('| figure | measured | target | load |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(
  JSON.stringify({
    paragraphs: PARAGRAPHS,
    documents: m.documents,
    precedents: m.precedents,
    buildWallS: made.wall,
    buildCpuS: made.cpu,
    buildPeakRssMB: made.rssMB,
    indexMB: sizeMB,
    loadMs: m.loadMs,
    loadCpuMs: m.loadCpuMs,
    coldMs: m.coldMs,
    coldCpuMs: m.coldCpuMs,
    warmMedianMs: m.warmMedianMs,
    warmCpuMedianMs: m.warmCpuMedianMs,
    lintWallS: lint.wall,
    lintCpuS: lint.cpu,
    lintRssMB: lint.rssMB,
  }),
);
