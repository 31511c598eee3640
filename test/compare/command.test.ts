/**
 * The `compare` command in process, through commander, before (and whether or not) main.ts wires
 * it: options, formats, the output file and input errors. The spawned CLI is tested in cli.test.ts.
 */
import { Command, CommanderError } from 'commander';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCompare } from '../../server/src/cli/commands/compare';
import type { Io } from '../../server/src/cli/io';
import { ROOT } from './helpers';

const OLD = 'samples/oewg-pre-draft.draft';
const NEW = 'samples/revised-pre-draft.draft';
const dir = mkdtempSync(join(tmpdir(), 'acquis-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code: number | undefined;
  const io: Io = { cwd: ROOT, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) };
  const program = new Command('acquis').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerCompare(program, io, (c) => (code = c));
  await program.parseAsync(args, { from: 'user' });
  return { code, stdout, stderr };
}

describe('acquis compare (in process)', () => {
  it('prints the text comparison and exits 0', async () => {
    const r = await run(['compare', OLD, NEW]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Paragraph mapping');
    expect(r.stdout).toMatch(/^ {2}38 +31 +split +1\.00$/m);
    expect(r.stdout).toContain('[-respect for-] {+adherence to+}');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours the text with --color', async () => {
    expect((await run(['compare', OLD, NEW, '--color'])).stdout).toContain('\u001b[32m{+adherence');
  });

  it('prints unchanged paragraphs with --all', async () => {
    expect((await run(['compare', OLD, NEW])).stdout).not.toContain('19 → 16 (same)');
    expect((await run(['compare', OLD, NEW, '--all'])).stdout).toContain('19 → 16 (same)');
  });

  it.each([
    ['markdown', '~~respect for~~ **adherence to**'],
    ['html', '<del>respect for</del> <ins>adherence to</ins>'],
    ['json', '"version": 1'],
  ])('--format %s', async (format, expected) => {
    const r = await run(['compare', OLD, NEW, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(expected);
  });

  it('writes to a file with -o and prints nothing', async () => {
    const out = join(dir, 'comparison.html');
    const r = await run(['compare', OLD, NEW, '-f', 'html', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('reports an unreadable input as an input error: exit 2, file: error: reason', async () => {
    expect(await run(['compare', OLD, 'samples/no-such.draft'])).toEqual({ code: 2, stdout: '', stderr: 'samples/no-such.draft: error: cannot read: no such file.\n' });
    expect(await run(['compare', 'samples', NEW])).toEqual({ code: 2, stdout: '', stderr: 'samples: error: cannot read: is a folder, not a file.\n' });
  });

  it('reports an unwritable output as an input error', async () => {
    const out = join(dir, 'missing-folder', 'x.txt');
    expect(await run(['compare', OLD, NEW, '-o', out])).toEqual({ code: 2, stdout: '', stderr: `${out}: error: the folder to write into does not exist.\n` });
  });

  it('refuses an unknown format and a missing argument (commander errors: exit 2 in the CLI)', async () => {
    await expect(run(['compare', OLD, NEW, '--format', 'pdf'])).rejects.toThrow(CommanderError);
    await expect(run(['compare', OLD])).rejects.toThrow(CommanderError);
  });

  it('warns about syntax problems but still compares', async () => {
    const broken = join(dir, 'broken.draft');
    writeFileSync(broken, '1. An {++unclosed insertion in a paragraph.\n');
    const r = await run(['compare', broken, NEW]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/broken\.draft: warning: \d+ syntax problems? \(`acquis lint` lists them\); compared as read\./);
  });
});
