#!/usr/bin/env node
// Bundles bench/compare-bench.ts with esbuild and runs it in a fresh process (so the "cold"
// figure is a first call). Prints figures; see bench/README.md and docs/compare.md.
// RUNS=N sets the number of timed runs (default 9).
import { runBench } from './bundle.mjs';

await runBench('compare-bench.ts');
