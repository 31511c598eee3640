/**
 * server/src/cli/commands/lint.ts: to standard output, the json, text and github reports are
 * written a file at a time, as the files are linted, when nothing needs every report first. The
 * bytes and the exit code must be those of the report written at once (`-o`, which still gathers
 * every report first), with files without findings, empty ones and text beyond Latin-1; a file
 * that cannot be read stops the run after the reports of the files before it were written.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, cleanTempDirs, DEMO, describeRun, requireBuild, ROOT, tempDir, writeFiles } from './helpers';

requireBuild();
cleanTempDirs();

/** Drafts with findings (the demo, the OEWG pre-draft), an empty one, and one in curly quotes, CJK and an emoji. */
function drafts(): { dir: string; files: string[] } {
  const dir = tempDir();
  copyFileSync(DEMO, join(dir, 'demo.draft'));
  copyFileSync(join(ROOT, 'samples', 'oewg-pre-draft.draft'), join(dir, 'oewg.draft'));
  writeFiles(dir, {
    'empty.draft': '',
    'curly.draft': '1. The Group \u201cwelcomes\u201d the contribution of \u65e5\u672c \u{1F30D}, and calls upon States to refrain from it.\n',
  });
  return { dir, files: ['demo.draft', 'empty.draft', 'curly.draft', 'oewg.draft'] };
}

describe('a report written as the files are linted', () => {
  it.each([
    ['json', []],
    ['json', ['--max-severity', 'none']],
    ['json', ['--max-severity', 'hint']],
    ['text', []],
    ['github', []],
  ])('--format %s %j: the bytes and exit code of the report written at once', (format, more) => {
    const { dir, files } = drafts();
    const args = ['lint', ...files, '--format', format, ...more];
    const streamed = acquis(args, dir, 60_000);
    const whole = acquis([...args, '-o', 'report.out'], dir, 60_000);
    expect(streamed.stderr, describeRun(streamed)).toBe('');
    expect(streamed.status).toBe(whole.status);
    expect(streamed.stdout).toBe(readFileSync(join(dir, 'report.out'), 'utf8'));
    expect(streamed.stdout.length).toBeGreaterThan(1000);
  });

  it('gives exit code 0 when no finding reaches the threshold, 1 when one does', () => {
    const { dir, files } = drafts();
    expect(acquis(['lint', ...files, '--format', 'json', '--max-severity', 'none'], dir, 60_000).status).toBe(0);
    expect(acquis(['lint', ...files, '--format', 'json', '--max-severity', 'hint'], dir, 60_000).status).toBe(1);
    expect(acquis(['lint', 'empty.draft', 'curly.draft', 'empty.draft', '--format', 'text'], dir).status).toBe(0);
  });

  it.each([
    // What the full report of the files before the missing one has after them: the last one's end (it has findings), the report's end or summary.
    // The file without findings is in the JSON report too.
    ['json', '\n]}\n]}\n', '"path":"curly.draft"'],
    ['text', /^[^\n]* in 2 files\.\n$/, 'demo.draft:'],
  ])('--format %s: a missing file stops the run after the files before it were written', (format, rest, shown) => {
    const { dir } = drafts();
    const before = ['curly.draft', 'demo.draft'];
    const stopped = acquis(['lint', ...before, 'missing.draft', 'oewg.draft', '--format', format], dir, 60_000);
    expect(stopped.status, describeRun(stopped)).toBe(2);
    expect(stopped.stderr).toBe('missing.draft: error: cannot read: no such file.\n');
    const full = acquis(['lint', ...before, '--format', format], dir, 60_000).stdout;
    expect(full.startsWith(stopped.stdout)).toBe(true);
    expect(full.slice(stopped.stdout.length)).toMatch(rest);
    expect(stopped.stdout).toContain(shown);
    // To a file, the report is whole or not written at all.
    expect(acquis(['lint', ...before, 'missing.draft', '--format', format, '-o', 'report.out'], dir, 60_000).status).toBe(2);
    expect(existsSync(join(dir, 'report.out'))).toBe(false);
  });
});
