/**
 * Keystroke-to-diagnostics latency over the protocol: the time from a didChange to the
 * publishDiagnostics of that version, as a typist sees it (the server's lint delay included).
 * Run by bench/lsp-latency.mjs; prints figures, asserts nothing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { LspClient } from '../test/lsp/lsp-client';
import { generateDraft } from './draft-gen';

interface Scenario {
  name: string;
  /** Workspace folder (its acquis.config.yaml chooses the acquis). */
  dir: string;
}

const EDITS = Number(process.env.EDITS ?? 200);
const MEMORY_EDITS = Number(process.env.MEMORY_EDITS ?? 1000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssKb(pid: number): number {
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim());
  } catch {
    return NaN;
  }
}

async function run(scenario: Scenario, text: string): Promise<void> {
  const client = new LspClient({ cwd: scenario.dir, nodeArgs: ['--expose-gc'] });
  const heapMb = async (): Promise<number> =>
    (await client.request<{ heapUsed: number }>('acquis/memoryUsage', {})).heapUsed / 1024 / 1024;
  await client.initialize(scenario.dir);
  const file = join(scenario.dir, 'draft-10k.draft');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  client.onPublish = (p) => {
    const at = p.version !== undefined ? sent.get(p.version) : undefined;
    if (at !== undefined) latencies.push(performance.now() - at);
  };
  const openStart = performance.now();
  await client.open(uri, text, 1);
  await client.diagnostics(uri, (p) => p.version === 1, 600_000);
  const firstMs = performance.now() - openStart;

  // Single-character edits spread through the draft: insert a letter at the end of a word on
  // line k, each awaited before the next (a steady typist, not a burst).
  const lines = text.split('\n');
  const editable = lines.map((l, i) => [l, i] as const).filter(([l]) => /[a-z]{4,} /.test(l));
  let version = 1;
  const edit = async (k: number): Promise<void> => {
    const [line, index] = editable[(k * 7919) % editable.length]!;
    const character = line.indexOf(' ', Math.floor(line.length / 2));
    version++;
    const v = version;
    sent.set(v, performance.now());
    await client.change(uri, v, [{ range: { start: { line: index, character }, end: { line: index, character } }, text: k % 2 ? 'e' : 's' }]);
    await client.diagnostics(uri, (p) => p.version === v, 60_000);
  };
  for (let k = 0; k < EDITS; k++) await edit(k);
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const pid = client.process.pid!;
  const afterWarmup = rssKb(pid);
  const heapWarm = await heapMb();
  for (let k = EDITS; k < EDITS + MEMORY_EDITS; k++) await edit(k);
  const afterMany = rssKb(pid);
  const heapMany = await heapMb();
  console.log(
    `${scenario.name.padEnd(34)} first lint ${firstMs.toFixed(0).padStart(6)} ms | ${EDITS} edits: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...latencies.slice(0, EDITS)).toFixed(1)} ms | after ${EDITS} edits: heap ${heapWarm.toFixed(0)} MB (RSS ${(afterWarmup / 1024).toFixed(0)}), after ${EDITS + MEMORY_EDITS}: heap ${heapMany.toFixed(0)} MB (RSS ${(afterMany / 1024).toFixed(0)})`,
  );
  await client.stop();
}

async function main(): Promise<void> {
  const root = process.cwd();
  const text = generateDraft(10_000).text;
  const builtinDir = join(root, '.bench', 'lsp-builtin');
  mkdirSync(builtinDir, { recursive: true });
  writeFileSync(join(builtinDir, 'acquis.config.yaml'), 'builtin: true\n');
  console.log(`Keystroke-to-diagnostics over LSP (stdio), 10,000-word draft; every edit is timed.`);
  console.log(`Targets with default settings: p95 < 50 ms (built-in acquis), < 150 ms (100k paragraphs); memory flat after warm-up.`);
  await run({ name: 'built-in acquis', dir: builtinDir }, text);
  const big = join(root, '.bench', 'acquis-100000');
  if (existsSync(join(big, 'doc-00001.draft'))) {
    const bigDir = join(root, '.bench', 'lsp-100k');
    mkdirSync(bigDir, { recursive: true });
    writeFileSync(join(bigDir, 'acquis.config.yaml'), `builtin: true\nacquis: [${JSON.stringify(big)}]\n`);
    await run({ name: 'built-in + 100k-paragraph acquis', dir: bigDir }, text);
  } else {
    console.log('100k-paragraph acquis not generated yet: run `npm run bench` first (it writes .bench/acquis-100000).');
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
