/**
 * `acquis compare` through the built CLI (`node bin/acquis.js`, i.e. dist/cli.js), as a process.
 * These run once main.ts registers the command (`registerCompare`) and the bundle is rebuilt;
 * until then `compare --help` does not print the command's usage and they are skipped. ACQUIS_BIN may point them at another
 * entry script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const BIN = process.env.ACQUIS_BIN ?? join(ROOT, 'bin', 'acquis.js');

function acquis(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const wired = existsSync(BIN) && (() => {
  try {
    // An unknown command with --help prints the program's help and exits 0 too: look for ours.
    const r = acquis(['compare', '--help']);
    return r.status === 0 && r.stdout.includes('Usage: acquis compare');
  } catch {
    return false;
  }
})();

const OLD = 'samples/oewg-pre-draft.draft';
const NEW = 'samples/revised-pre-draft.draft';
const dir = mkdtempSync(join(tmpdir(), 'acquis-compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('acquis compare (built CLI)', () => {
  it.skipIf(!wired)('documents itself in --help', () => {
    const r = acquis(['compare', '--help']);
    expect(r.stdout).toContain('Usage: acquis compare [options] <old> <new>');
    expect(r.stdout).toMatch(/--format <format>[\s\S]*"text", "markdown", "html",\s+"json"/);
    expect(acquis(['--help']).stdout).toContain('compare');
  });

  it.skipIf(!wired)('prints the text comparison of the samples and exits 0', () => {
    const r = acquis(['compare', OLD, NEW]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ {2}38 +31 +split +1\.00$/m);
    expect(r.stdout).toMatch(/^ {2}38 +32 +split +1\.00$/m);
    expect(r.stdout).toMatch(/^ {2}51 +42 +moved +1\.00$/m);
    expect(r.stdout).toContain('Japan: 3 in full, 1 in part, 20 not taken up (of 24)');
  });

  it.skipIf(!wired)('prints JSON version 1 with the renumbering', () => {
    const r = acquis(['compare', OLD, NEW, '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.oldToNew['38']).toEqual(['31', '32']);
    expect(json.oldToNew['28']).toEqual(['24']);
    expect(json.oldToNew['39']).toEqual([]);
    expect(json.mapping.find((m: { old?: string }) => m.old === '12')).toEqual({ old: '12', new: '10', kind: 'changed', similarity: 0.983 });
  });

  it.skipIf(!wired)('writes Markdown and HTML to a file with -o', () => {
    const md = join(dir, 'c.md');
    const html = join(dir, 'c.html');
    expect(acquis(['compare', OLD, NEW, '-f', 'markdown', '-o', md])).toMatchObject({ status: 0, stdout: '' });
    expect(acquis(['compare', OLD, NEW, '--format', 'html', '--output', html])).toMatchObject({ status: 0, stdout: '' });
    expect(readFileSync(md, 'utf8')).toContain('~~respect for~~ **adherence to**');
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).not.toMatch(/<script/i);
  });

  it.skipIf(!wired)('exits 2 on a missing file, naming it', () => {
    const r = acquis(['compare', OLD, 'samples/no-such.draft']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('samples/no-such.draft: error: cannot read: no such file.\n');
  });

  it.skipIf(!wired)('exits 2 on usage errors', () => {
    expect(acquis(['compare', OLD]).status).toBe(2);
    expect(acquis(['compare', OLD, NEW, '--format', 'pdf']).status).toBe(2);
  });
});
