/**
 * Reading folders and building the acquis, through the CLI as a process: a symbolic link loop
 * reads each file once (as a lint input and as an acquis folder), an unreadable subfolder is an
 * error rather than skipped, and an acquis document reusing a symbol is an error naming both
 * files unless `duplicates:` says which wins.
 */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, BIN, cleanTempDirs, copyFixture, copyLighthouseAcquis, describeRun, parseJsonReport, requireBuild, ROOT, tempDir, writeFiles } from '../cli/helpers';
import { spawnSync } from 'node:child_process';

requireBuild();
cleanTempDirs();

const PARA = 'The Group recommends that lighthouses on every cape be lit from dusk to dawn by the coastal State.';
const PROJECT_174 = `---\ntitle: A local reading of the 2015 report\nsymbol: A/70/174\nyear: 2015\nadoption: consensus\n---\n\n18. ${PARA}\n`;
/** Quotes the project's A/70/174 with one word changed ("cape" -> "headland"). */
const DRAFT = `---\ntitle: Draft\nkind: draft\n---\n\n1. ${PARA.replace('cape', 'headland')}\n`;

describe('symbolic links', () => {
  it('a link loop inside a folder given to lint: each file linted once', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir, 'drafts/a.draft');
    copyFixture('clean.draft', dir, 'drafts/sub/c.draft');
    symlinkSync('..', join(dir, 'drafts', 'sub', 'loop')); // drafts/sub/loop -> drafts
    symlinkSync('a.draft', join(dir, 'drafts', 'b.draft')); // the same file under another name
    const r = acquis(['lint', 'drafts', '--format', 'json', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(parseJsonReport(r).files.map((f) => f.path)).toEqual(['drafts/a.draft', 'drafts/sub/c.draft']);
  });

  it('a link loop inside an acquis folder: each document read once (no symbol defined twice)', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir);
    copyLighthouseAcquis(dir);
    symlinkSync('.', join(dir, 'acquis', 'again'));
    const r = acquis(['lint', 'lighthouse.draft', '--acquis', 'acquis', '--format', 'json'], dir);
    expect(r.status, describeRun(r)).toBe(1);
    expect(parseJsonReport(r).files[0]!.findings.map((f) => f.precedent?.symbol)).toContain('A/99/777');
  });
});

describe('an unreadable subfolder is reported, not skipped', () => {
  // As root every folder is readable: the CLI then runs as the unprivileged user `nobody`.
  const asNobody = process.getuid?.() === 0;
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000, ...(asNobody ? { uid: 65534, gid: 65534 } : {}) });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  };
  const locked = (): string => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    copyFixture('clean.draft', dir, 'drafts/a.draft');
    copyFixture('clean.draft', dir, 'drafts/locked/b.draft');
    chmodSync(join(dir, 'drafts'), 0o755);
    chmodSync(join(dir, 'drafts', 'a.draft'), 0o644);
    chmodSync(join(dir, 'drafts', 'locked'), 0o000);
    return dir;
  };

  it('in a folder given to lint: exit 2 naming the folder', () => {
    const dir = locked();
    try {
      const r = run(['lint', 'drafts'], dir);
      expect(r.status, describeRun(r)).toBe(2);
      expect(r.stderr).toBe(`${join(dir, 'drafts', 'locked')}: error: cannot read folder: permission denied.\n`);
    } finally {
      chmodSync(join(dir, 'drafts', 'locked'), 0o755);
    }
  });

  it('in an acquis folder: exit 2 naming the folder', () => {
    const dir = locked();
    try {
      const r = run(['lint', 'drafts/a.draft', '--acquis', 'drafts', '--no-builtin'], dir);
      expect(r.status, describeRun(r)).toBe(2);
      expect(r.stderr).toContain(`${join(dir, 'drafts', 'locked')}: error: cannot read folder: permission denied.`);
    } finally {
      chmodSync(join(dir, 'drafts', 'locked'), 0o755);
    }
  });
});

describe('an acquis document reusing a symbol', () => {
  const setup = (config?: string): string => {
    const dir = tempDir();
    writeFiles(dir, { 'mine/A-70-174.draft': PROJECT_174, 'draft.draft': DRAFT, ...(config ? { 'acquis.config.yaml': config } : {}) });
    return dir;
  };

  it('of the built-in acquis: an error naming both files, with the line of the symbol', () => {
    const dir = setup();
    const r = acquis(['lint', 'draft.draft', '--acquis', 'mine'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe(
      `${join(dir, 'mine', 'A-70-174.draft')}:3:1: error: A/70/174 is also in the built-in acquis (${join(ROOT, 'server', 'acquis', 'A-70-174.draft')}). ` +
        'Remove one, or say which wins in acquis.config.yaml: `duplicates: project` or `duplicates: builtin`.\n',
    );
  });

  it('`duplicates: project`: the project\'s document is the precedent', () => {
    const dir = setup('acquis: [mine]\nduplicates: project\n');
    const r = acquis(['lint', 'draft.draft', '--format', 'json'], dir);
    expect(r.status, describeRun(r)).toBe(1);
    const deviation = parseJsonReport(r).files[0]!.findings.find((f) => f.ruleId === 'precedent.deviation');
    expect(deviation?.precedent).toMatchObject({ symbol: 'A/70/174', paragraph: '18', text: PARA });
  });

  it('`duplicates: builtin`: the built-in document stays, the project\'s is left out', () => {
    const dir = setup('acquis: [mine]\nduplicates: builtin\n');
    const r = acquis(['lint', 'draft.draft', '--format', 'json', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const findings = parseJsonReport(r).files[0]!.findings;
    expect(findings.filter((f) => f.precedent?.text === PARA)).toEqual([]);
  });

  it('twice in the project\'s folders: an error naming both files, whatever `duplicates` says', () => {
    const dir = setup('acquis: [mine, theirs]\nduplicates: project\n');
    writeFiles(dir, { 'theirs/copy.draft': PROJECT_174.replace('A local', 'Another') });
    const r = acquis(['lint', 'draft.draft'], dir);
    expect(r.status, describeRun(r)).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'theirs', 'copy.draft')}:3:1: error: A/70/174 is defined twice in the acquis folders: here and in ${join(dir, 'mine', 'A-70-174.draft')}. Keep one.\n`);
  });
});

describe('the command line over the project file', () => {
  it('--no-builtin wins over `builtin: true`', () => {
    const dir = tempDir();
    writeFiles(dir, { 'acquis.config.yaml': 'builtin: true\n', 'd.draft': '1. Test.\n' });
    const r = acquis(['lint', 'd.draft', '--no-builtin', '--format', 'json', '--max-severity', 'none'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(parseJsonReport(r)).toMatchObject({ acquis: { documents: 0 } });
  });

  it('`--acquis` adds to the folders of the project file, relative to the working folder', () => {
    const dir = tempDir();
    copyFixture('lighthouse.draft', dir, 'work/lighthouse.draft');
    copyLighthouseAcquis(dir, 'work/extra');
    mkdirSync(join(dir, 'project-acquis'));
    writeFiles(dir, { 'acquis.config.yaml': 'builtin: false\nacquis: [project-acquis]\n' });
    const r = acquis(['lint', 'lighthouse.draft', '--acquis', 'extra', '--format', 'json'], join(dir, 'work'));
    expect(r.status, describeRun(r)).toBe(1);
    expect(parseJsonReport(r)).toMatchObject({ acquis: { documents: 1 } });
  });
});
