/**
 * `acquis resolve`, `acquis view` and `acquis compile`, end to end: the built CLI spawned as a real
 * process on copies of samples/oewg-pre-draft.draft.
 *
 * These run once the commands are registered in server/src/cli/main.ts and the CLI is built
 * (`npm run build`). Until then they are skipped: `wired` asks the built CLI for the help of
 * `resolve`. (Commander answers `acquis <unknown> --help` with the program's help and exit code 0,
 * so the check looks for the command's own usage line, not only the exit code.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, BIN, cleanTempDirs, CLI_BUNDLE, describeRun, ROOT, tempDir } from '../cli/helpers';
import { SAMPLE, squash } from './helpers';

const wired = ((): boolean => {
  if (!existsSync(CLI_BUNDLE)) return false;
  const r = spawnSync(process.execPath, [BIN, 'resolve', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 && /Usage: acquis resolve/.test(r.stdout);
})();

cleanTempDirs();

const sample = (): string => readFileSync(SAMPLE, 'utf8');

/** A temporary folder holding `oewg.draft` (the sample, or `text`). */
function folder(text: string = sample()): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'oewg.draft');
  writeFileSync(file, text);
  return { dir, file };
}

describe('acquis resolve', () => {
  it.skipIf(!wired)("--accept Japan rewrites the file in place with Japan's text", () => {
    const { dir, file } = folder();
    const r = acquis(['resolve', 'oewg.draft', '--accept', 'Japan'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('oewg.draft: 24 amendments resolved (24 accepted, 0 rejected).\n');
    const out = squash(readFileSync(file, 'utf8'));
    expect(out).toContain('international law, and in particular the Charter of the United Nations in its entirety, is applicable');
    expect(out).toContain('reinforce adherence to international law');
    expect(out).not.toMatch(/\{\+\+|\{--|\{~~/);
    // Atomic write: no temporary file left behind.
    expect(readdirSync(dir)).toEqual(['oewg.draft']);
  });

  it.skipIf(!wired)('--reject all --dry-run prints a unified diff and writes nothing', () => {
    const { dir, file } = folder();
    const r = acquis(['resolve', 'oewg.draft', '--reject', 'all', '--dry-run'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout.startsWith('--- a/oewg.draft\n+++ b/oewg.draft\n@@ ')).toBe(true);
    expect(r.stdout).toContain('+that build confidence and capacity reinforce respect for international law');
    expect(readFileSync(file, 'utf8')).toBe(sample());
  });

  it.skipIf(!wired)('--accept all --paragraph 22 -o writes only that paragraph resolved to another file', () => {
    const { dir, file } = folder();
    const r = acquis(['resolve', 'oewg.draft', '--accept', 'all', '--paragraph', '22', '-o', 'rev1.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('oewg.draft: 1 amendment resolved (1 accepted, 0 rejected); written to rev1.draft.\n');
    expect(readFileSync(file, 'utf8')).toBe(sample());
    const rev1 = readFileSync(join(dir, 'rev1.draft'), 'utf8');
    expect(squash(rev1)).toContain('and in particular the Charter of the United Nations in its entirety, is applicable');
    expect(rev1.match(/\{\+\+|\{--|\{~~/g)).toHaveLength(23);
  });

  it.skipIf(!wired)('a named delegation wins over all; several paragraphs; sub-paragraph pinpoints', () => {
    const { dir, file } = folder();
    const r = acquis(['resolve', 'oewg.draft', '--accept', 'japan', '--reject', 'all', '--paragraph', '68 (a)', '--paragraph', '12'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('4 amendments resolved (4 accepted, 0 rejected)');
    expect(readFileSync(file, 'utf8')).toContain('reinforce adherence to international law');
  });

  it.skipIf(!wired)('keeps CRLF line endings and a BOM', () => {
    const crlf = `\uFEFF${sample().replace(/\r\n/g, '\n').replace(/\n/g, '\r\n')}`;
    const { dir, file } = folder(crlf);
    const r = acquis(['resolve', 'oewg.draft', '--reject', 'all'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const out = readFileSync(file, 'utf8');
    expect(out.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.skipIf(!wired)('input errors: exit 2 and `file: error: ...`', () => {
    const { dir, file } = folder();
    const cases: [string[], RegExp][] = [
      [['resolve', 'missing.draft', '--accept', 'all'], /^missing\.draft: error: cannot read: no such file\.\n$/],
      [['resolve', 'oewg.draft'], /^oewg\.draft: error: nothing selected: say whose proposals to resolve/],
      [['resolve', 'oewg.draft', '--accept', 'all', '--paragraph', '99'], /^oewg\.draft: error: no paragraph '99' in this draft/],
      [['resolve', 'oewg.draft', '--accept', 'Japn'], /^oewg\.draft: error: no proposal by 'Japn' in this draft \(proposers in this draft: Japan\)\.\n$/],
      [['resolve', 'oewg.draft', '--accept', 'Japan', '--reject', 'japan'], /^oewg\.draft: error: 'japan' both accepted and rejected/],
    ];
    for (const [args, message] of cases) {
      const r = acquis(args, dir);
      expect(r.status, describeRun(r)).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(file, 'utf8')).toBe(sample());
  });

  it.skipIf(!wired)('nothing to resolve in a paragraph without amendments: exit 0, file untouched', () => {
    const { dir, file } = folder();
    const r = acquis(['resolve', 'oewg.draft', '--accept', 'all', '--paragraph', '39', '--dry-run'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('No amendments to resolve.\n');
    expect(readFileSync(file, 'utf8')).toBe(sample());
  });
});

describe('acquis view', () => {
  it.skipIf(!wired)('--as proposed prints the markup as it is; --as accepted and --as Japan accept every proposal', () => {
    const { dir } = folder();
    const proposed = acquis(['view', 'oewg.draft', '--as', 'proposed'], dir);
    expect(proposed.status, describeRun(proposed)).toBe(0);
    expect(proposed.stdout).toBe(sample());
    const accepted = acquis(['view', 'oewg.draft', '--as', 'accepted'], dir);
    const japan = acquis(['view', 'oewg.draft', '--as', 'Japan'], dir);
    expect(accepted.status, describeRun(accepted)).toBe(0);
    expect(japan.stdout).toBe(accepted.stdout);
    expect(squash(accepted.stdout)).toContain('reinforce adherence to international law');
  });

  it.skipIf(!wired)("--as original gives the Chair's text; -o writes it", () => {
    const { dir } = folder();
    const r = acquis(['view', 'oewg.draft', '--as', 'original', '-o', 'chair.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toBe('');
    const chair = readFileSync(join(dir, 'chair.draft'), 'utf8');
    expect(squash(chair)).toContain('reinforce respect for international law');
    expect(chair).not.toMatch(/\{\+\+|\{--|\{~~/);
  });

  it.skipIf(!wired)('a delegation with no proposals is an input error', () => {
    const { dir } = folder();
    const r = acquis(['view', 'oewg.draft', '--as', 'China'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^oewg\.draft: error: no proposal by 'China' in this draft \(proposers in this draft: Japan\)/);
  });
});

describe('acquis compile', () => {
  it.skipIf(!wired)('Markdown by default', () => {
    const { dir } = folder();
    const r = acquis(['compile', 'oewg.draft'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(/^# Compilation of proposals\n/);
    expect(r.stdout).toContain('### Japan\n');
    expect(r.stdout).toContain('#### Paragraph 22\n');
    expect(r.stdout.match(/\*Reason:\*/g)).toHaveLength(23);
  });

  it.skipIf(!wired)('--format json -o writes the JSON compilation (version 1)', () => {
    const { dir } = folder();
    const r = acquis(['compile', 'oewg.draft', '--format', 'json', '-o', 'compilation.json'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'compilation.json'), 'utf8')) as {
      version: number;
      proposers: { name: string; count: number }[];
      proposals: unknown[];
    };
    expect(json.version).toBe(1);
    expect(json.proposers).toEqual([expect.objectContaining({ name: 'Japan', count: 24 })]);
    expect(json.proposals).toHaveLength(24);
  });

  it.skipIf(!wired)('a bad format and a missing file exit 2', () => {
    const { dir } = folder();
    expect(acquis(['compile', 'oewg.draft', '--format', 'html'], dir).status).toBe(2);
    const missing = acquis(['compile', 'nope.draft'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('nope.draft: error: cannot read: no such file.\n');
  });
});

it('the CLI tests above run once the commands are wired (informational)', () => {
  expect(typeof wired).toBe('boolean');
});
