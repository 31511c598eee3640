/**
 * How every benchmark runs its TypeScript: bundled by esbuild into .bench/ (one CommonJS file for
 * Node 20+, so a run needs neither tsx nor a compile step), then run in a fresh Node process.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundle bench/<entry> to .bench/<name> (default: the entry's name with .cjs); `options` adds to
 * or overrides esbuild's. Resolves to the bundle's path.
 */
export async function bundleBench(entry, name = entry.replace(/\.ts$/, '.cjs'), options = {}) {
  const outfile = join(root, '.bench', name);
  await build({
    entryPoints: [join(root, 'bench', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    ...options,
  });
  return outfile;
}

/** Bundle bench/<entry>, run it with `args` (after `nodeArgs`) in the repository, and exit with its status. */
export async function runBench(entry, { args = process.argv.slice(2), nodeArgs = [], options = {} } = {}) {
  const outfile = await bundleBench(entry, undefined, options);
  const result = spawnSync(process.execPath, [...nodeArgs, outfile, ...args], { cwd: root, stdio: 'inherit', env: process.env });
  process.exit(result.status ?? 1);
}
