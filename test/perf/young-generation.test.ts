/**
 * A lint of many files stops V8's young generation growing past YOUNG_GENERATION_MB
 * (server/src/cli/tiering.ts): the same report, less fresh memory. The workload is checked to
 * grow it further when left alone, so the held run proves something.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { YOUNG_GENERATION_MB } from '../../server/src/cli/tiering';
import { BIN, requireBuild, ROOT } from '../cli/helpers';

requireBuild();
const dir = mkdtempSync(join(tmpdir(), 'acquis-young-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 24 distinct drafts (each paragraph changed, so that no cache spares the work): about 600 KB. */
const samples = ['oewg-pre-draft.draft', 'revised-pre-draft.draft'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
const files = Array.from({ length: 24 }, (_, k) => {
  const file = join(dir, `draft-${String(k).padStart(2, '0')}.draft`);
  writeFileSync(file, samples[k % 2]!.replaceAll(' the ', ` the${k} `));
  return file;
});

function lint(paths: string[], env: Record<string, string> = {}): { stdout: string; young: number; held: boolean } {
  const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', ...paths], {
    encoding: 'utf8',
    env: { ...process.env, ACQUIS_DEBUG: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(1);
  const end = /young generation ([\d.]+) MB at the end/.exec(r.stderr);
  expect(end, r.stderr).not.toBeNull();
  return { stdout: r.stdout, young: Number(end![1]), held: r.stderr.includes('young generation held at') };
}

it('holds the young generation of a many-file lint at its size, with the same report', () => {
  const free = lint(files, { ACQUIS_YOUNG_MB: '0' });
  expect(free.held).toBe(false);
  expect(free.young, 'left alone, this workload grows the young generation past the size').toBeGreaterThan(YOUNG_GENERATION_MB);
  const held = lint(files);
  expect(held.held).toBe(true);
  expect(held.young).toBeLessThanOrEqual(YOUNG_GENERATION_MB + 1);
  expect(held.stdout).toBe(free.stdout);
}, 120_000);

it('puts the flag back before the code cache is written, so that the next run reads that cache', () => {
  const cache = join(dir, 'cache');
  const first = lint(files, { ACQUIS_COMPILE_CACHE: cache });
  expect(first.held).toBe(true);
  const stamps = (): string[] => readdirSync(cache).map((f) => `${f} ${statSync(join(cache, f)).mtimeMs}`);
  const written = stamps();
  expect(written.length).toBeGreaterThan(0);
  lint(files, { ACQUIS_COMPILE_CACHE: cache });
  // (Node 22's own cache is kept by Node; on Node 20 a rejected cache would be written again.)
  if (typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function') expect(stamps()).toEqual(written);
}, 120_000);

it('leaves a one-file lint alone', () => {
  expect(lint([files[0]!]).held).toBe(false);
});
