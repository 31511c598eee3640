#!/usr/bin/env node
// Bundles bench/store-bench.ts with esbuild and runs it (search latency and lint time against the
// shared store on PostgreSQL, side by side with the local index). See bench/README.md.
// Options: --sizes 100000[,1000000] (synthetic acquis in paragraphs), --queries N (default 60),
// --published <admin url> (a cluster already holding database acquis_<size>: search and lint only).
import { spawnSync } from 'node:child_process';
import { root, runBench } from './bundle.mjs';

spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
await runBench('store-bench.ts', { nodeArgs: ['--max-old-space-size=4096'], options: { external: ['pg-native'] } });
