#!/usr/bin/env node
/**
 * What each rule costs per draft, in process (bench/rules-bench.ts): prints a table; asserts nothing.
 *
 *   node bench/rules-bench.mjs [drafts...]     (default: .bench/drafts-50/*.draft, written by `npm run bench`)
 */
import { runInProcessBench } from './in-process-bench.mjs';

await runInProcessBench('rules-bench', process.argv.slice(2));
