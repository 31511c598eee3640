#!/usr/bin/env node
// Bundles bench/store-bench.ts with esbuild and runs it (search latency and lint time against the
// shared store on PostgreSQL, side by side with the local index). See bench/README.md.
// Options: --sizes 100000[,1000000] (synthetic acquis in paragraphs), --queries N (default 60),
// --published <admin url> (a cluster already holding database acquis_<size>: search and lint only).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const outfile = join(root, '.bench', 'store-bench.cjs');
await build({ entryPoints: [join(root, 'bench/store-bench.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning', external: ['pg-native'] });
const result = spawnSync(process.execPath, ['--max-old-space-size=4096', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
