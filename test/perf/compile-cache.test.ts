/**
 * The code cache of the bundles (bin/load-bundle.js): written after a first run, read by the
 * next, never changing what the command prints, and never failing a run when no folder can hold it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, DEMO, requireBuild } from '../cli/helpers';

requireBuild();
const dir = mkdtempSync(join(tmpdir(), 'acquis-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cache: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'lint', DEMO, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ACQUIS_COMPILE_CACHE: cache, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
});
