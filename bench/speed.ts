/**
 * Issue 11's table, side by side in one run (bundled and run by bench/speed.mjs; `npm run bench`
 * runs it after lint-bench.mjs). Whole processes are timed in alternating pairs (A B A B ...) and
 * the median of each side is printed with the median of the pairwise ratios, so that a machine
 * whose speed drifts during the run still gives a fair ratio. The load average is printed with
 * every figure. Prints figures; asserts nothing.
 *
 * Environment: RUNS (pairs per figure, default 7); BENCH_1M=1 adds the 1M-paragraph acquis
 * (about 1 GB of generated files, minutes of CPU and several GB of memory).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../test/lsp/lsp-client.js';
import { generateDraft } from './draft-gen.js';

const ROOT = process.cwd();
const OUT = join(ROOT, '.bench');
const RUNS = Number(process.env['RUNS'] ?? 7);
const node = process.execPath;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const load = (): string => loadavg()[0]!.toFixed(2);
const sec = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** One whole process: wall time, and CPU time (user + system) when /usr/bin/time can say it. */
interface Timing {
  wall: number;
  cpu?: number;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function once(argv: string[]): Timing {
  const cpuFile = join(OUT, `.cpu-${process.pid}`);
  const [cmd, args] = TIME ? [TIME, ['-f', '%U %S', '-o', cpuFile, node, ...argv]] : [node, argv];
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28, timeout: 600_000 });
  const wall = performance.now() - t;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (!TIME) return { wall };
  // GNU time writes "Command exited with non-zero status 1" first when the command does.
  const last = readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!;
  const [user, sys] = last.split(' ').map(Number);
  return { wall, cpu: (user! + sys!) * 1000 };
}

interface Paired {
  /** Medians of each side, wall and CPU (ms). */
  a: Timing;
  b: Timing;
  /** Medians of the pairwise ratios A/B. */
  wallRatio: number;
  cpuRatio?: number;
  load: string;
}

/** A and B in alternation after one untimed run of each: medians and the median pairwise ratios A/B. */
function pair(a: string[], b: string[], runs = RUNS): Paired {
  once(a);
  once(b);
  const as: Timing[] = [];
  const bs: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(once(a));
    bs.push(once(b));
  }
  const cpu = as.every((t) => t.cpu !== undefined) && bs.every((t) => t.cpu !== undefined);
  const med = (ts: Timing[]): Timing => ({ wall: median(ts.map((t) => t.wall)), ...(cpu ? { cpu: median(ts.map((t) => t.cpu!)) } : {}) });
  return {
    a: med(as),
    b: med(bs),
    wallRatio: median(as.map((t, i) => t.wall / bs[i]!.wall)),
    ...(cpu ? { cpuRatio: median(as.map((t, i) => t.cpu! / bs[i]!.cpu!)) } : {}),
    load: load(),
  };
}

/** "0.31 s wall, 0.42 s CPU" */
const both = (t: Timing): string => `${sec(t.wall)} wall${t.cpu !== undefined ? `, ${sec(t.cpu)} CPU` : ''}`;
/** "acquis 2.6x faster (wall), 2.4x (CPU)" from the ratios acquis/other. */
const faster = (p: Paired): string =>
  `acquis ${(1 / p.wallRatio).toFixed(2)}x faster (wall)${p.cpuRatio !== undefined ? `, ${(1 / p.cpuRatio).toFixed(2)}x (CPU)` : ''}`;

/** The bench draft's paragraphs repeated and renumbered up to `size` characters. */
function repeated(draft: string, size: number): string {
  const head = draft.slice(0, draft.indexOf('\n1. ') + 1);
  const body = draft.slice(draft.indexOf('\n1. ') + 1);
  let n = 0;
  let text = head;
  while (text.length < size) text += body.replace(/^(\d+)\. /gm, () => `${++n}. `);
  return text;
}

function prepare(): { draft: string; txt: string; many: string[]; manyTxt: string[]; one: string; mb: string } {
  mkdirSync(OUT, { recursive: true });
  const generated = generateDraft();
  const draft = join(OUT, 'draft-10k.draft');
  const txt = join(OUT, 'draft-10k.txt');
  writeFileSync(draft, generated.draft);
  writeFileSync(txt, generated.txt);
  if (!existsSync(join(OUT, '.textlintrc.json'))) {
    throw new Error('.bench/.textlintrc.json is missing: run `node bench/lint-bench.mjs` once (it writes the prh dictionary).');
  }
  const dir = join(OUT, 'drafts-50');
  mkdirSync(dir, { recursive: true });
  const many: string[] = [];
  const manyTxt: string[] = [];
  for (let i = 0; i < 50; i++) {
    const name = join(dir, `draft-${String(i).padStart(2, '0')}`);
    if (!existsSync(`${name}.txt`)) {
      const d = generateDraft(10_000, 1_000 + i);
      writeFileSync(`${name}.draft`, d.draft);
      writeFileSync(`${name}.txt`, d.txt);
    }
    many.push(`${name}.draft`);
    manyTxt.push(`${name}.txt`);
  }
  const one = join(OUT, 'one-paragraph.draft');
  writeFileSync(one, '1. States should cooperate in developing and applying measures to increase stability and security in the use of ICTs.\n');
  const mb = join(OUT, 'paragraph-1mb.draft');
  if (!existsSync(mb)) {
    const body = generated.txt.split('\n').filter((l) => /^\d+\.\s/.test(l)).map((l) => l.replace(/^\d+\.\s+/, '')).join(' ');
    let big = body;
    while (big.length < 1_000_000) big += ` ${body}`;
    writeFileSync(mb, `1. ${big.slice(0, 1_000_000)}\n`);
  }
  return { draft, txt, many, manyTxt, one, mb };
}

async function lspFigures(text: string): Promise<{ p95: number; p50: number; otherMax: number; otherP95: number; handledMax: number; hugeMs: number; load: string }> {
  const dir = join(OUT, 'lsp-speed');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'acquis.config.yaml'), 'builtin: true\n');
  // The server's output is read on a thread of the client's own, which stamps each answer as it
  // arrives (test/lsp/thread-transport.ts): this client also parses the huge document's
  // megabytes of diagnostics, and an answer queued behind them would otherwise be timed late.
  const client = new LspClient({ cwd: dir, readerThread: true });
  await client.initialize(dir);
  const file = join(dir, 'draft-10k.draft');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  await client.open(uri, text, 1);
  await client.diagnostics(uri, (p) => p.version === 1, 120_000);
  // 200 single-letter edits spread through the draft, each awaited: keystroke to diagnostics.
  const lines = text.split('\n');
  const editable = lines.map((l, i) => [l, i] as const).filter(([l]) => /[a-z]{4,} /.test(l));
  const latencies: number[] = [];
  for (let k = 0; k < 200; k++) {
    const [line, index] = editable[(k * 7919) % editable.length]!;
    const character = line.indexOf(' ', Math.floor(line.length / 2));
    const v = k + 2;
    const t = performance.now();
    await client.change(uri, v, [{ range: { start: { line: index, character }, end: { line: index, character } }, text: k % 2 ? 'e' : 's' }]);
    await client.diagnostics(uri, (p) => p.version === v, 60_000);
    latencies.push(performance.now() - t);
  }
  // A 10 MB document opened: hover on the 10k draft, every 50 ms, until its diagnostics arrive.
  const huge = pathToFileURL(join(dir, 'huge-10mb.draft')).href;
  const hugeText = repeated(text, 10_000_000);
  const t0 = performance.now();
  await client.open(huge, hugeText, 1);
  let done = false;
  const published = client.diagnostics(huge, (p) => p.version === 1, 900_000).then(() => (done = true));
  const other: number[] = [];
  const line = lines.findIndex((l) => /^\d+\. /.test(l));
  let handledMax = 0;
  while (!done) {
    const { sentAt, arrivedAt, handledAt } = await client.timedRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    other.push(arrivedAt - sentAt);
    handledMax = Math.max(handledMax, handledAt - sentAt);
    await new Promise((r) => setTimeout(r, 50));
  }
  await published;
  const hugeMs = performance.now() - t0;
  await client.stop();
  return { p95: percentile(latencies, 95), p50: percentile(latencies, 50), otherMax: Math.max(...other), otherP95: percentile(other, 95), handledMax, hugeMs, load: load() };
}

/**
 * The 1M-paragraph rows, from bench/index-bench.mjs (the synthetic acquis, `acquis index` on it,
 * the index loaded and the 10k draft linted cold and warm in a fresh process, and
 * `acquis lint --index` as whole processes); its last line of output is its figures as JSON.
 */
function millionRows(): string[][] {
  const r = spawnSync(node, ['bench/index-bench.mjs', '--paragraphs', '1000000', '--runs', '5'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 3_600_000 });
  const where = load();
  let m: Record<string, number>;
  try {
    m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
  } catch {
    return [['1M-paragraph acquis', `not measured: bench/index-bench.mjs exited ${r.status} (${r.stderr.trim().split('\n').pop() ?? ''})`, '-', '-', '< 60 s / < 2 GB', where]];
  }
  const s = (x: number | undefined): string => (x === undefined ? '?' : `${x.toFixed(1)} s`);
  const ms = (x: number | undefined): string => (x === undefined ? '?' : sec(x));
  return [
    ['1M-paragraph acquis: `acquis index` build / peak RSS', `${s(m['buildWallS'])} wall, ${s(m['buildCpuS'])} CPU / ${m['buildPeakRssMB']?.toFixed(0) ?? '?'} MB`, '-', '-', '< 60 s / < 2 GB', where],
    ['1M: load the persistent index (in process)', `${ms(m['loadMs'])} wall, ${ms(m['loadCpuMs'])} CPU`, '-', '-', '< 3 s', where],
    ['1M: then lint the 10k draft, cold / warm', `${ms(m['coldMs'])} / ${ms(m['warmMedianMs'])} wall (${ms(m['warmCpuMedianMs'])} CPU warm)`, '-', '-', '< 200 ms warm', where],
    ['1M: `acquis lint --index` of the 10k draft, whole process', `${s(m['lintWallS'])} wall, ${s(m['lintCpuS'])} CPU, ${m['lintRssMB']?.toFixed(0) ?? '?'} MB`, '-', '-', '-', where],
  ];
}

async function main(): Promise<void> {
  const files = prepare();
  const acquis = ['bin/acquis.js', 'lint', '--format', 'json'];
  const textlint = ['node_modules/textlint/bin/textlint.js', '--config', join(OUT, '.textlintrc.json'), '--format', 'json'];
  console.log(`Issue 11 speed table: node ${process.version}, ${RUNS} alternating pairs per figure, ${TIME ? 'wall and CPU (user + system) times' : 'wall times only (no /usr/bin/time)'}, load average ${load()} at start`);
  // Node reads this certificate file before any script runs: it costs every process here (textlint's too) tens of ms.
  if (process.env['NODE_EXTRA_CA_CERTS']) console.log(`  NODE_EXTRA_CA_CERTS is set (${process.env['NODE_EXTRA_CA_CERTS']}): every Node process here, both tools', reads it at start-up`);
  const rows: string[][] = [['figure', 'acquis', 'other', 'ratio', 'target', 'load']];

  const one = pair([...acquis, files.draft], [...textlint, files.txt]);
  rows.push(['10k-word draft, whole process, acquis vs textlint + prh', both(one.a), both(one.b), faster(one), '>= 2.5x faster', one.load]);
  console.log(`  10k draft: acquis ${both(one.a)}; textlint + prh ${both(one.b)}`);

  const many = pair([...acquis, ...files.many], [...textlint, ...files.manyTxt], Math.max(3, Math.ceil(RUNS / 2)));
  rows.push(['50 distinct 10k-word drafts, one invocation', both(many.a), both(many.b), faster(many), '>= 1.5x faster', many.load]);
  console.log(`  50 drafts: acquis ${both(many.a)}; textlint + prh ${both(many.b)}`);

  const single = pair([...acquis, '--jobs', '1', ...files.many], [...acquis, '--jobs', '2', ...files.many], Math.max(3, Math.ceil(RUNS / 2)));
  rows.push(['50 drafts, --jobs 1 (the default) vs --jobs 2', both(single.a), both(single.b), `two threads ${single.wallRatio.toFixed(2)}x faster (wall)`, '-', single.load]);
  console.log(`  50 drafts on one thread: ${both(single.a)}`);

  const tiny = pair([...acquis, files.one], ['-e', '0']);
  rows.push(['one-paragraph draft vs `node -e 0`', both(tiny.a), both(tiny.b), `${tiny.wallRatio.toFixed(2)}x (wall)${tiny.cpuRatio !== undefined ? `, ${tiny.cpuRatio.toFixed(2)}x (CPU)` : ''}`, '<= 1.8x', tiny.load]);
  console.log(`  one paragraph: acquis ${both(tiny.a)}; node -e 0 ${both(tiny.b)}`);

  const mbRuns = [once([...acquis, files.mb]), once([...acquis, files.mb]), once([...acquis, files.mb])];
  const mb: Timing = { wall: median(mbRuns.map((t) => t.wall)), ...(mbRuns[0]!.cpu !== undefined ? { cpu: median(mbRuns.map((t) => t.cpu!)) } : {}) };
  rows.push(['one 1 MB paragraph, whole process', both(mb), '-', '-', '< 5 s', load()]);
  console.log(`  1 MB paragraph: ${both(mb)}`);

  if (process.env['BENCH_1M']) rows.push(...millionRows());
  else rows.push(['1M-paragraph acquis', 'skipped (BENCH_1M=1)', '-', '-', '< 60 s / < 2 GB; < 3 s, < 200 ms', '-']);

  const lsp = await lspFigures(readFileSync(files.draft, 'utf8'));
  rows.push(['LSP, 200 edits through the 10k draft: p95 keystroke to diagnostics', `${lsp.p95.toFixed(1)} ms (p50 ${lsp.p50.toFixed(1)})`, '-', '-', '< 50 ms built-in', lsp.load]);
  rows.push(['LSP, a 10 MB document open: other requests answered within (max / p95)', `${lsp.otherMax.toFixed(0)} / ${lsp.otherP95.toFixed(0)} ms (read by this client's main thread within ${lsp.handledMax.toFixed(0)} ms)`, `its diagnostics after ${sec(lsp.hugeMs)}`, '-', '100 ms', lsp.load]);

  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log('');
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(`\nLoad average at the end ${load()}. Files: ${readdirSync(OUT).length} entries in .bench/.`);
  rmSync(join(OUT, `.cpu-${process.pid}`), { force: true });
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
