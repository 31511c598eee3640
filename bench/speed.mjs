#!/usr/bin/env node
// Bundles bench/speed.ts with esbuild and runs it: issue 11's table, side by side in one run
// (needs `npm run build`, and `node bench/lint-bench.mjs` once for the prh dictionary). See
// bench/README.md. RUNS=N pairs per figure; BENCH_1M=1 adds the 1M-paragraph acquis.
import { runBench } from './bundle.mjs';

await runBench('speed.ts');
