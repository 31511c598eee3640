/**
 * Inputs: files, folders (every .draft below them) and quoted globs, expanded in a stable order,
 * each file once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquis,
  cleanTempDirs,
  describeRun,
  FIXTURES,
  LIGHTHOUSE_ACQUIS,
  LIGHTHOUSE_MESSAGE,
  parseJsonReport,
  requireBuild,
  tempDir,
  writeFiles,
} from './helpers';

requireBuild();
cleanTempDirs();

const deviating = readFileSync(join(FIXTURES, 'lighthouse.draft'), 'utf8');
const clean = readFileSync(join(FIXTURES, 'clean.draft'), 'utf8');

/**
 * drafts/
 *   zeta.draft          (one finding)
 *   alpha.draft         (clean)
 *   b/two.draft         (one finding)
 *   sub/deeper/three.draft (one finding)
 *   notes.txt, README.md   (not drafts)
 *   node_modules/dep/x.draft (ignored)
 * Written in an order that is neither alphabetical nor the reverse.
 */
function tree(): string {
  const dir = tempDir();
  writeFiles(dir, {
    'drafts/zeta.draft': deviating,
    'drafts/sub/deeper/three.draft': deviating,
    'drafts/notes.txt': deviating,
    'drafts/alpha.draft': clean,
    'drafts/README.md': '# not a draft\n',
    'drafts/node_modules/dep/x.draft': deviating,
    'drafts/b/two.draft': deviating,
    'other/one.draft': deviating,
  });
  return dir;
}

const lint = (dir: string, ...inputs: string[]) =>
  acquis(['lint', ...inputs, '--format', 'json', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
const pathsOf = (dir: string, ...inputs: string[]): string[] => {
  const r = lint(dir, ...inputs);
  expect(r.stderr, describeRun(r)).toBe('');
  return parseJsonReport(r).files.map((f) => f.path);
};

const ALL = ['drafts/alpha.draft', 'drafts/b/two.draft', 'drafts/sub/deeper/three.draft', 'drafts/zeta.draft'];

describe('folders and globs', () => {
  it('a folder expands to every .draft file below it, sorted, without node_modules', () => {
    const dir = tree();
    expect(pathsOf(dir, 'drafts')).toEqual(ALL);
    expect(pathsOf(dir, 'drafts/')).toEqual(ALL);
  });

  it('a quoted recursive glob expands the same way', () => {
    const dir = tree();
    expect(pathsOf(dir, 'drafts/**/*.draft')).toEqual(ALL);
  });

  it('a one-level glob only matches that level', () => {
    const dir = tree();
    expect(pathsOf(dir, 'drafts/*.draft')).toEqual(['drafts/alpha.draft', 'drafts/zeta.draft']);
  });

  it('overlapping inputs list each file once', () => {
    const dir = tree();
    expect(pathsOf(dir, 'drafts/*.draft', 'drafts', 'drafts/**/*.draft')).toEqual(ALL);
  });

  it('prints the text report of a folder in that order, with the file count', () => {
    const dir = tree();
    const r = acquis(['lint', 'drafts', '--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS], dir);
    expect(r.stdout, describeRun(r)).toBe(
      [
        `drafts/b/two.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`,
        `drafts/sub/deeper/three.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`,
        `drafts/zeta.draft:6:93 warning precedent.deviation ${LIGHTHOUSE_MESSAGE}`,
        '3 warnings in 4 files.',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });

  it('two folders are both read', () => {
    const dir = tree();
    expect(pathsOf(dir, 'other', 'drafts')).toEqual([...ALL, 'other/one.draft'].sort());
  });

  it('a glob that matches nothing is an input error (exit 2)', () => {
    const dir = tree();
    const r = lint(dir, 'nowhere/**/*.draft');
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe('error: no file matches nowhere/**/*.draft.\n');
  });

  it('an explicit file that is not a .draft is still read (the user asked for it)', () => {
    const dir = tree();
    expect(pathsOf(dir, 'drafts/notes.txt')).toEqual(['drafts/notes.txt']);
  });
});
