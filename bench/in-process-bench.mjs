/**
 * Shared by the in-process benchmarks that time one part of the engine over many drafts
 * (match-bench, rules-bench): bundle the TypeScript benchmark (bundle.mjs), find the drafts, run it
 * in a fresh Node with the load average printed first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { bundleBench, root } from './bundle.mjs';

/** Bundle bench/<name>.ts and run it over the drafts given (default: .bench/drafts-50/*.draft); exits with its status. */
export async function runInProcessBench(name, args) {
  const bundle = await bundleBench(`${name}.ts`, undefined, {
    external: ['pdfjs-dist'],
    define: { 'import.meta.url': '__bench_import_meta_url' },
    banner: { js: "var __bench_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  });
  let drafts = args;
  if (!drafts.length) {
    const dir = join(root, '.bench', 'drafts-50');
    if (!existsSync(dir)) {
      console.error('.bench/drafts-50 is missing: run `npm run bench` once, or name drafts.');
      process.exit(2);
    }
    drafts = readdirSync(dir).filter((f) => f.endsWith('.draft')).sort().map((f) => join(dir, f));
  }
  console.log(`load average ${loadavg()[0].toFixed(2)}`);
  const run = spawnSync(process.execPath, [bundle, ...drafts], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
