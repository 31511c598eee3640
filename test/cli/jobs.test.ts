/**
 * `acquis lint --jobs N`: many files linted on worker threads give exactly what one thread gives:
 * the same output in every format, the same exit code, the same fixes written, the same baseline
 * accounting, the same standard-input handling, and the same failure (and files left untouched
 * after it) when a file cannot be read or is not UTF-8. Each case runs the CLI as a process with
 * `--jobs 1`, then with `--jobs 2`, in two copies of the same folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, BIN, cleanTempDirs, DEMO, describeRun, FIXTURES, ROOT, requireBuild, tempDir, type Run } from './helpers';

requireBuild();
cleanTempDirs();

const SAMPLES = ['demo.draft', 'oewg-pre-draft.draft', 'revised-pre-draft.draft'].map((name) => join(ROOT, 'samples', name));
const FIXTURE_DRAFTS = ['clean.draft', 'lighthouse.draft', 'lighthouse-quote.draft'].map((name) => join(FIXTURES, name));

/**
 * A folder of 14 drafts: the samples, the fixtures, and variants of the demo (fixable departures,
 * renumbered, with a paragraph dropped), named so that their order is not their size order.
 */
function manyDrafts(): { dir: string; files: string[] } {
  const dir = tempDir();
  const files: string[] = [];
  const put = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text);
    files.push(name);
  };
  [...SAMPLES, ...FIXTURE_DRAFTS].forEach((file, i) => put(`d${String(i).padStart(2, '0')}.draft`, readFileSync(file, 'utf8')));
  const demo = readFileSync(DEMO, 'utf8');
  for (let i = 0; i < 8; i++) {
    let text = demo;
    if (i % 2) text = text.replace(/\n\n(\d+)\. [^\n]*(?:\n(?!\n)[^\n]*)*/, '');
    if (i % 3 === 0) text = text.replace(/behaviour/g, 'behavior');
    put(`v${i}.draft`, text);
  }
  return { dir, files };
}

/** The same folder twice: runs that write (fixes) must not see each other's writes. */
function twin(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const contents = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'latin1')]));

const same = (one: Run, two: Run): void => {
  expect(two.status, describeRun(two)).toBe(one.status);
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr).toBe(one.stderr);
};

/** Run with ACQUIS_DEBUG=1, which says on how many threads the files were linted. */
function threads(args: string[], cwd: string): { run: Run; threads: number } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ACQUIS_DEBUG: '1' } });
  const said = /acquis: \d+ files? on (\d+) threads?/.exec(r.stderr);
  return { run: { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }, threads: said ? Number(said[1]) : 0 };
}

describe('acquis lint --jobs', () => {
  it('really lints on two threads with --jobs 2, and on one for a single file', () => {
    const { dir, files } = manyDrafts();
    expect(threads(['lint', ...files, '--jobs', '2', '--max-severity', 'none'], dir).threads).toBe(2);
    expect(threads(['lint', files[0]!, '--jobs', '2', '--max-severity', 'none'], dir).threads).toBe(1);
    // One thread unless asked: on two cores a worker costs more CPU than it saves in time
    // (server/src/cli/parallel/jobs.ts; `auto` is checked in jobs-estimate.test.ts).
    expect(threads(['lint', ...files, '--max-severity', 'none'], dir).threads).toBe(1);
    // --jobs auto: a few short files stay on one thread (a worker would cost more than it saves).
    expect(threads(['lint', ...FIXTURE_DRAFTS, '--jobs', 'auto', '--max-severity', 'none'], dir).threads).toBe(1);
  });

  it.each(['text', 'json', 'sarif', 'github'])('prints the same %s report, in the same order, with the same exit code', (format) => {
    const { dir, files } = manyDrafts();
    const one = acquis(['lint', ...files, '--format', format, '--jobs', '1'], dir, 60_000);
    expect(one.status, describeRun(one)).toBe(1);
    expect(one.stdout.length).toBeGreaterThan(1000);
    same(one, acquis(['lint', ...files, '--format', format, '--jobs', '2'], dir, 60_000));
  });

  it('gives the same report on three threads, with one file far larger than the rest', () => {
    // The largest file is handed out first and the main thread takes back what still waits in a
    // worker's queue at the end: neither may change the order or the content of the report.
    const { dir, files } = manyDrafts();
    const big = readFileSync(join(ROOT, 'samples', 'oewg-pre-draft.draft'), 'utf8');
    writeFileSync(join(dir, 'm-big.draft'), `${big}\n${big.replace(/^(\d+)\./gm, (_, n: string) => `${Number(n) + 500}.`)}`);
    const listed = [...files.slice(0, 7), 'm-big.draft', ...files.slice(7)];
    const one = acquis(['lint', ...listed, '--format', 'json', '--jobs', '1'], dir, 60_000);
    expect(one.status, describeRun(one)).toBe(1);
    same(one, acquis(['lint', ...listed, '--format', 'json', '--jobs', '3'], dir, 60_000));
    expect(threads(['lint', ...listed, '--jobs', '3', '--max-severity', 'none'], dir).threads).toBe(3);
  });

  it('lints folders and globs in the same order', () => {
    const { dir } = manyDrafts();
    const one = acquis(['lint', '.', '--format', 'json', '--jobs', '1'], dir, 60_000);
    same(one, acquis(['lint', '*.draft', '--format', 'json', '--jobs', '2'], dir, 60_000));
  });

  it('writes the same fixes (--fix) and shows the same diff (--fix-dry-run)', () => {
    const { dir, files } = manyDrafts();
    const copy = twin(dir);
    const dry = acquis(['lint', ...files, '--fix-dry-run', '--jobs', '1'], dir, 60_000);
    expect(dry.stdout).toMatch(/^--- /m);
    same(dry, acquis(['lint', ...files, '--fix-dry-run', '--jobs', '2'], dir, 60_000));
    const before = contents(dir);
    const one = acquis(['lint', ...files, '--fix', '--format', 'json', '--jobs', '1'], dir, 60_000);
    const two = acquis(['lint', ...files, '--fix', '--format', 'json', '--jobs', '2'], copy, 60_000);
    same(one, two);
    expect(contents(copy)).toEqual(contents(dir));
    expect(contents(dir)).not.toEqual(before);
  });

  it('applies a baseline the same way', () => {
    const { dir, files } = manyDrafts();
    const written = acquis(['lint', ...files.slice(0, 9), '--write-baseline', 'baseline.json', '--jobs', '1'], dir, 60_000);
    expect(written.status, describeRun(written)).toBe(0);
    const one = acquis(['lint', ...files, '--baseline', 'baseline.json', '--format', 'json', '--jobs', '1'], dir, 60_000);
    expect(one.stderr).toMatch(/known findings? not reported/);
    same(one, acquis(['lint', ...files, '--baseline', 'baseline.json', '--format', 'json', '--jobs', '2'], dir, 60_000));
  });

  it('reads standard input among the files in its place', () => {
    const { dir, files } = manyDrafts();
    const run = (jobs: string): Run => {
      const r = spawnSync(process.execPath, [BIN, 'lint', ...files.slice(0, 4), '-', ...files.slice(4), '--format', 'json', '--jobs', jobs], {
        cwd: dir,
        input: readFileSync(DEMO),
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
    };
    const one = run('1');
    expect(one.stdout).toContain('"path":"<stdin>"');
    same(one, run('2'));
  });

  it('stops at a file that is not UTF-8 or cannot be read, as one thread does, fixing only the files before it', () => {
    const { dir, files } = manyDrafts();
    writeFileSync(join(dir, 'latin1.draft'), Buffer.from('1. The caf\u00e9 of the Group.\n', 'latin1'));
    const listed = [...files.slice(0, 6), 'latin1.draft', ...files.slice(6)];
    same(acquis(['lint', ...listed, '--jobs', '1'], dir, 60_000), acquis(['lint', ...listed, '--jobs', '2'], dir, 60_000));
    const copy = twin(dir);
    const before = contents(dir);
    const one = acquis(['lint', ...listed, '--fix', '--jobs', '1'], dir, 60_000);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^latin1\.draft:1:11: error: not valid UTF-8/);
    same(one, acquis(['lint', ...listed, '--fix', '--jobs', '2'], copy, 60_000));
    expect(contents(copy)).toEqual(contents(dir));
    // The demo variants after the bad file were not touched; a fixable one before it was.
    for (const name of files.slice(6)) expect(contents(dir)[name]).toBe(before[name]);
    expect(files.slice(0, 6).some((name) => contents(dir)[name] !== before[name])).toBe(true);

    const missing = [...files.slice(0, 3), 'gone.draft', ...files.slice(3)];
    const gone = acquis(['lint', ...missing, '--jobs', '1'], dir, 60_000);
    expect(gone.stderr).toMatch(/^gone\.draft: error: cannot read/);
    same(gone, acquis(['lint', ...missing, '--jobs', '2'], dir, 60_000));
  });

  it('refuses a --jobs that is not a whole number of at least 1 or auto', () => {
    const r = acquis(['lint', DEMO, '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });
});
