#!/usr/bin/env node
// Bundles bench/compare-bench.ts with esbuild and runs it in a fresh process (so the "cold"
// figure is a first call). Prints figures; see bench/README.md and docs/compare.md.
// RUNS=N sets the number of timed runs (default 9).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.bench', 'compare-bench.cjs');
await build({ entryPoints: [join(root, 'bench/compare-bench.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
const result = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
