#!/usr/bin/env node
// Bundles bench/lsp-latency.ts with esbuild and runs it (the language server must be built:
// `npm run build`). Prints figures; see bench/README.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.bench', 'lsp-latency.cjs');
await build({ entryPoints: [join(root, 'bench/lsp-latency.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
const result = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
