#!/usr/bin/env node
// Bundles bench/speed.ts with esbuild and runs it: issue 11's table, side by side in one run
// (needs `npm run build`, and `node bench/lint-bench.mjs` once for the prh dictionary). See
// bench/README.md. RUNS=N pairs per figure; BENCH_1M=1 adds the 1M-paragraph acquis.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.bench', 'speed.cjs');
await build({ entryPoints: [join(root, 'bench/speed.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
const result = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
