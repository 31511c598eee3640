#!/usr/bin/env node
/**
 * What precedent matching alone costs per draft, in process (bench/match-bench.ts): prints figures and a fingerprint of the matches; asserts nothing.
 *
 *   node bench/match-bench.mjs [drafts...]     (default: .bench/drafts-50/*.draft, written by `npm run bench`)
 */
import { runInProcessBench } from './in-process-bench.mjs';

await runInProcessBench('match-bench', process.argv.slice(2));
