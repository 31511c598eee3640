/**
 * The code cache of the bundles (bin/load-bundle.js): written after a first run, read by the
 * next, never changing what the command prints, and never failing a run when no folder can hold it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DELAY_FROM_CHARS } from '../../server/src/cli/tiering';
import { BIN, DEMO, requireBuild, ROOT } from '../cli/helpers';

requireBuild();
const dir = mkdtempSync(join(tmpdir(), 'acquis-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cache: string, draft = DEMO, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'lint', draft, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ACQUIS_COMPILE_CACHE: cache, NO_COLOR: '1', ...env },
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A sample long enough for the lint to delay V8's optimisation (server/src/cli/tiering.ts). */
const LONG = join(ROOT, 'samples', 'oewg-pre-draft.draft');

describe('code cache', () => {
  it('is written by a first run and leaves the output unchanged', () => {
    const cache = join(dir, 'cache');
    const first = run(cache);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    const second = run(cache);
    const off = run('0');
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(off.stdout).toBe(first.stdout);
    expect(second.status).toBe(first.status);
  });

  it('is read by the next run after a lint that changed V8\'s flags, and the flags do not change the output', () => {
    expect(readFileSync(LONG, 'utf8').length).toBeGreaterThanOrEqual(DELAY_FROM_CHARS);
    const cache = join(dir, 'tiering');
    const first = run(cache, LONG);
    expect(first.stderr).toBe('');
    const stamps = (): string[] => readdirSync(cache).map((f) => `${f} ${statSync(join(cache, f)).mtimeMs}`);
    const written = stamps();
    expect(written.length).toBeGreaterThan(0);
    // V8 ties a cache to its flags: one made with the lint's flags would be rejected and written again.
    const second = run(cache, LONG);
    const short = run(cache);
    if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function') expect(stamps()).toEqual(written);
    expect(second.stdout).toBe(first.stdout);
    expect(short.stdout).toBe(run('0').stdout);
    expect(run('0', LONG, { ACQUIS_V8_TIERING: 'default' }).stdout).toBe(first.stdout);
  });

  it('falls back silently when the cache folder cannot be made', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const r = run(join(file, 'cache'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(run('0').stdout);
  });

  it('ignores a corrupt cache file', () => {
    const cache = join(dir, 'corrupt');
    run(cache);
    for (const f of readdirSync(cache)) writeFileSync(join(cache, f), 'garbage');
    const r = run(cache);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(run('0').stdout);
  });

  it('loads a bundle that is not ASCII as UTF-8, and a cache larger than its bundle, run after run', () => {
    const cache = join(dir, 'small');
    mkdirSync(join(dir, 'small-bundles'));
    const load = (file: string): string => {
      const code = `process.stdout.write(String(require(${JSON.stringify(join(ROOT, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(file)})))`;
      const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ACQUIS_COMPILE_CACHE: cache }, timeout: 30_000 });
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const accented = join(dir, 'small-bundles', 'accented.js');
    writeFileSync(accented, 'module.exports = "Déclaration – “consensus”";\n');
    // A tiny bundle with functions compiled during the run: its cache is larger than its text.
    const tiny = join(dir, 'small-bundles', 'tiny.js');
    writeFileSync(tiny, 'const f = (n) => (n < 2 ? n : f(n - 1) + f(n - 2));\nmodule.exports = f(20);\n');
    for (let run = 0; run < 3; run++) {
      expect(load(accented)).toBe('Déclaration – “consensus”');
      expect(load(tiny)).toBe('6765');
    }
    if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function') {
      const file = readdirSync(cache).find((f) => f.startsWith('tiny.js-'))!;
      expect(statSync(join(cache, file)).size).toBeGreaterThan(statSync(tiny).size);
    }
  });

  it('keeps one cache per installation in a shared folder (two installs do not remove each other\'s)', () => {
    const shared = join(dir, 'shared');
    const bundles = ['one', 'two'].map((name) => {
      mkdirSync(join(dir, name));
      const file = join(dir, name, 'cli.js');
      writeFileSync(file, `module.exports = ${JSON.stringify(name)};\n`);
      return file;
    });
    const load = (file: string): string => {
      const code = `process.stdout.write(require(${JSON.stringify(join(ROOT, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(file)}))`;
      const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ACQUIS_COMPILE_CACHE: shared }, timeout: 30_000 });
      return r.stdout;
    };
    for (const file of [...bundles, ...bundles]) load(file);
    expect(bundles.map(load)).toEqual(['one', 'two']);
    // Node 22's own cache (module.enableCompileCache) names its files itself.
    if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function') {
      expect(readdirSync(shared).filter((f) => f.startsWith('cli.js-'))).toHaveLength(2);
    }
  });
});
