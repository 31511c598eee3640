#!/usr/bin/env node
/**
 * The long fuzz run: the CI fuzz suites with more cases, for a night or before a release.
 *
 *   node scripts/fuzz-long.mjs [--seed N] [--parser 100000] [--lint 100000] [--lsp 10000]
 *
 * - parser: incremental parser against `parse` (test/grammar/incremental-fuzz.test.ts), inputs
 *   compared (30% random strings, 70% texts after an edit); also `parse` alone on as many inputs
 *   (test/grammar/fuzz.test.ts: no throw, spans inside the text);
 * - lint: random drafts through every rule (test/fuzz/lint-fuzz.test.ts);
 * - lsp: edit sequences against the language server over stdio (test/fuzz/lsp-fuzz.test.ts).
 * Defaults: 100,000 parser inputs, 100,000 lints, 10,000 server sequences (about an hour on two
 * cores). Pass 0 to skip a suite. Every failure prints FUZZ_SEED and FUZZ_CASE; replay one case
 * with e.g. `FUZZ_SEED=7 FUZZ_CASE=123 npx vitest run test/fuzz/lint-fuzz.test.ts`.
 * Needs the build (`npm run build`) for the server suite.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seed = option('seed', String(Date.now() % 1_000_000_007));
const parser = Number(option('parser', 100_000));
const lint = Number(option('lint', 100_000));
const lsp = Number(option('lsp', 10_000));

const runs = [
  parser && ['parser: incremental vs parse', ['test/grammar/incremental-fuzz.test.ts'], { FUZZ_CASES: String(parser) }],
  parser && ['parser: parse alone', ['test/grammar/fuzz.test.ts'], { FUZZ_CASES: String(Math.ceil(parser / 2)) }],
  lint && ['lint', ['test/fuzz/lint-fuzz.test.ts'], { LINT_FUZZ_CASES: String(lint) }],
  lsp && ['language server', ['test/fuzz/lsp-fuzz.test.ts'], { LSP_FUZZ_SEQUENCES: String(lsp) }],
].filter(Boolean);

console.log(`fuzz-long: FUZZ_SEED=${seed}`);
let failed = false;
for (const [name, files, env] of runs) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files, '--testTimeout=0'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, FUZZ_SEED: seed },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`fuzz-long: ${name}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s (${JSON.stringify(env)}, FUZZ_SEED=${seed})`);
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
