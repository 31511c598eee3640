/**
 * No lost byte: every write of the CLI (`lint --fix`, `resolve`, every `-o`) through
 * host/text-file.ts, tested through the built CLI as a process on temporary folders.
 * README, "What Acquis guarantees about your files".
 *
 * Run as root, these tests write to /dev/null and check it is still a character device; they never
 * rename over or delete anything outside their temporary folders.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquis, BIN, cleanTempDirs, describeRun, LIGHTHOUSE_ACQUIS, requireBuild, tempDir, type Run } from './helpers';

requireBuild();
cleanTempDirs();

const isRoot = process.getuid?.() === 0;

/** Paragraph 1 departs from A/99/777 para. 7 ("coasts": `--fix` restores "shores"); paragraph 2 has Japan's proposal. */
const DRAFT = `---
title: Zero draft on coastal signalling
kind: draft
---

1. The Group recommends that States refrain from deploying autonomous lighthouses along the coasts of neighbouring archipelagos without prior notification.

2. States should share {++@Japan: detailed ++}reports on beacons.
`;
const FIXED = DRAFT.replace('the coasts of', 'the shores of');
const RESOLVED = DRAFT.replace('{++@Japan: detailed ++}', 'detailed ');
const BOTH = FIXED.replace('{++@Japan: detailed ++}', 'detailed ');

// The lighthouse departure ("coasts" for "shores") is a wording fix: --fix applies it only at that level.
const LINT = ['--no-builtin', '--acquis', LIGHTHOUSE_ACQUIS, '--max-severity', 'none', '--fix-level', 'wording'];
const fix = (file: string, dir: string): Run => acquis(['lint', file, '--fix', ...LINT], dir);

function folderWith(text: string | Buffer = DRAFT, name = 'd.draft'): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

/** Exit 2 and one line `file: error: ...` (or `file:line:col: error: ...`), never a stack trace. */
function expectInputError(r: Run, pattern: RegExp): void {
  expect(r.status, describeRun(r)).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
}

describe('reading drafts', () => {
  it('refuses invalid UTF-8 (a Latin-1 e9) with file:line:col and the byte, and changes nothing', () => {
    const latin1 = Buffer.from(DRAFT.replace('Zero draft', 'Zero draft caf\u00e9'), 'latin1');
    const { dir, file } = folderWith(latin1);
    for (const args of [['lint', 'd.draft', ...LINT], ['lint', 'd.draft', '--fix', ...LINT], ['resolve', 'd.draft', '--accept', 'Japan']]) {
      const r = acquis(args, dir);
      expectInputError(r, /^d\.draft:2:22: error: not valid UTF-8: byte 0xe9 at byte offset 25\. .*nothing was changed\.\n$/);
      expect(readFileSync(file).equals(latin1)).toBe(true);
    }
  });

  it('reads UTF-16 LE with a BOM, and writes it back as UTF-16 LE with its BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]);
    const { dir, file } = folderWith(utf16);
    const lint = acquis(['lint', 'd.draft', '--format', 'json', ...LINT], dir);
    expect(lint.status, describeRun(lint)).toBe(0);
    expect(lint.stdout).toContain('precedent.deviation');

    const r = acquis(['resolve', 'd.draft', '--accept', 'Japan'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    const after = readFileSync(file);
    expect([...after.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(after.subarray(2).toString('utf16le')).toBe(RESOLVED);

    expect(fix('d.draft', dir).status).toBe(0);
    expect(readFileSync(file).equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BOTH, 'utf16le')]))).toBe(true);
  });

  it('reads UTF-16 BE with a BOM and keeps it', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(DRAFT, 'utf16le').swap16()]);
    const { dir, file } = folderWith(be);
    expect(fix('d.draft', dir).status).toBe(0);
    expect(readFileSync(file).equals(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(FIXED, 'utf16le').swap16()]))).toBe(true);
  });

  it('refuses UTF-16 without a BOM (NUL bytes) instead of reading it as text', () => {
    const { dir } = folderWith(Buffer.from(DRAFT, 'utf16le'));
    expectInputError(acquis(['lint', 'd.draft', ...LINT], dir), /^d\.draft:1:2: error: a NUL byte at byte offset 1: this is not a text file/);
  });

  it('refuses a FIFO and /dev/zero as input at once, instead of hanging', () => {
    const dir = tempDir();
    expect(spawnSync('mkfifo', [join(dir, 'pipe.draft')]).status).toBe(0);
    const started = Date.now();
    const fifo = acquis(['lint', 'pipe.draft', ...LINT], dir, 15_000);
    expect(fifo.signal, 'the run hung and was killed').toBeNull();
    expectInputError(fifo, /^pipe\.draft: error: cannot read: is a FIFO \(named pipe\), not a regular file\.\n$/);
    const zero = acquis(['lint', '/dev/zero', ...LINT], dir, 15_000);
    expect(zero.signal, 'the run hung and was killed').toBeNull();
    expectInputError(zero, /^\/dev\/zero: error: cannot read: is a character device, not a regular file\.\n$/);
    const resolve = acquis(['resolve', 'pipe.draft', '--accept', 'Japan'], dir, 15_000);
    expect(resolve.signal).toBeNull();
    expectInputError(resolve, /^pipe\.draft: error: cannot read: is a FIFO/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('reads standard input only when asked with -, and never rewrites it', () => {
    const dir = tempDir();
    const viaStdin = (args: string[], input: string | Buffer) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 30_000 });
    const r = viaStdin(['lint', '-', ...LINT], DRAFT);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<stdin>:6:\d+ warning precedent\.deviation /);
    const fixing = viaStdin(['lint', '-', '--fix', ...LINT], DRAFT);
    expect(fixing.status).toBe(2);
    expect(fixing.stderr).toBe('<stdin>: error: --fix cannot rewrite standard input; use --fix-dry-run to see the fixes.\n');
    const latin1 = viaStdin(['lint', '-', ...LINT], Buffer.from('caf\u00e9\n', 'latin1'));
    expect(latin1.status).toBe(2);
    expect(latin1.stderr).toMatch(/^<stdin>:1:4: error: not valid UTF-8: byte 0xe9/);
  });

  it('stops quickly, with exit 2 and the file, on a YAML alias bomb in acquis.config.yaml', () => {
    const { dir } = folderWith();
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    writeFileSync(join(dir, 'acquis.config.yaml'), `${lines.join('\n')}\nrules: *i\n`);
    const started = Date.now();
    const r = acquis(['lint', 'd.draft'], dir, 20_000);
    expect(r.signal).toBeNull();
    expectInputError(r, /acquis\.config\.yaml:1:1: error: The configuration cannot be read \(Excessive alias count/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('writing back (--fix, resolve)', () => {
  it('writes through a symbolic link to its target: the link stays a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'target.draft'), DRAFT);
    symlinkSync('real/target.draft', join(dir, 'link.draft'));
    const r = fix('link.draft', dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(lstatSync(join(dir, 'link.draft')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.draft'))).toBe('real/target.draft');
    expect(readFileSync(join(dir, 'real', 'target.draft'), 'utf8')).toBe(FIXED);
    expect(readdirSync(join(dir, 'real'))).toEqual(['target.draft']);
  });

  it('keeps hard links: the one file is rewritten in place', () => {
    const { dir, file } = folderWith();
    linkSync(file, join(dir, 'other.draft'));
    const ino = statSync(file).ino;
    const r = acquis(['resolve', 'd.draft', '--accept', 'Japan'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(statSync(file).ino).toBe(ino);
    expect(statSync(file).nlink).toBe(2);
    expect(readFileSync(join(dir, 'other.draft'), 'utf8')).toBe(RESOLVED);
    expect(fix('other.draft', dir).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(BOTH);
  });

  it('keeps the mode, and the owner when root runs it', () => {
    const { dir, file } = folderWith();
    chmodSync(file, 0o640);
    if (isRoot) chownSync(file, 1234, 2345);
    expect(fix('d.draft', dir).status).toBe(0);
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(after.mode & 0o7777).toBe(0o640);
    if (isRoot) expect([after.uid, after.gid]).toEqual([1234, 2345]);
    expect(readdirSync(dir)).toEqual(['d.draft']);
  });

  it('refuses a read-only file, even as root', () => {
    const { dir, file } = folderWith();
    chmodSync(file, 0o444);
    expectInputError(fix('d.draft', dir), /^d\.draft: error: cannot write: the file is read-only; nothing was changed\.\n$/);
    expectInputError(acquis(['resolve', 'd.draft', '--accept', 'Japan'], dir), /^d\.draft: error: cannot write: the file is read-only/);
    expect(readFileSync(file, 'utf8')).toBe(DRAFT);
  });

  it('refuses to write in a read-only folder, with a message instead of a stack trace', () => {
    const dir = tempDir();
    const sub = join(dir, 'locked');
    mkdirSync(sub);
    writeFileSync(join(sub, 'd.draft'), DRAFT);
    chmodSync(sub, 0o555);
    try {
      const r = fix('locked/d.draft', dir);
      expectInputError(r, /^locked\/d\.draft: error: cannot write: the folder .*locked is read-only; nothing was changed\.\n$/);
      expect(readFileSync(join(sub, 'd.draft'), 'utf8')).toBe(DRAFT);
      expect(readdirSync(sub)).toEqual(['d.draft']);
    } finally {
      chmodSync(sub, 0o755);
    }
  });
});

/** Spawn the CLI without waiting (for runs that overlap). */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr });
    });
  });
}

const CHANGED = /^d\.draft: error: the file changed on disk since Acquis read it \(edited by another program\?\); nothing was written\. Run the command again\.\n$/;

describe('concurrent edits', () => {
  it('an edit made while --fix runs is kept: the run refuses to write over it', () => {
    // A preload that edits the draft after the run has read it, just before the write (when the
    // run takes its lock file), the way an editor saving at that moment would.
    const { dir, file } = folderWith();
    const preload = join(dir, 'edit-during-write.cjs');
    writeFileSync(
      preload,
      `const fs = require('fs'); const open = fs.openSync;
       fs.openSync = function (path) {
         if (String(path).endsWith('.acquis-lock')) fs.appendFileSync(${JSON.stringify(file)}, '\\n3. An edit saved meanwhile.\\n');
         return open.apply(this, arguments);
       };`,
    );
    for (const extra of [[], ['--hard-link']]) {
      writeFileSync(file, DRAFT);
      if (extra.length) linkSync(file, join(dir, 'twin.draft'));
      const r = spawnSync(process.execPath, ['--require', preload, BIN, 'lint', 'd.draft', '--fix', ...LINT], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(CHANGED);
      expect(readFileSync(file, 'utf8')).toBe(`${DRAFT}\n3. An edit saved meanwhile.\n`);
      expect(readdirSync(dir).sort()).toEqual(['d.draft', 'edit-during-write.cjs', ...(extra.length ? ['twin.draft'] : [])]);
    }
  });

  it('20 rounds of `resolve --accept Japan` against `lint --fix` on the same file lose nothing', async () => {
    const { dir, file } = folderWith();
    let refused = 0;
    for (let round = 0; round < 20; round++) {
      writeFileSync(file, DRAFT);
      // \`resolve\` starts a little later each round (0 to 570 ms), so that across the rounds it
      // writes before, while and after \`lint --fix\` reads and writes.
      const lintRun = start(['lint', 'd.draft', '--fix', ...LINT], dir);
      await new Promise((r) => setTimeout(r, round * 30));
      const [lint, resolve] = await Promise.all([lintRun, start(['resolve', 'd.draft', '--accept', 'Japan'], dir)]);
      const text = readFileSync(file, 'utf8');
      for (const r of [lint, resolve]) {
        expect(r.signal).toBeNull();
        expect([0, 2], describeRun(r)).toContain(r.status);
        if (r.status === 2) expect(r.stderr).toMatch(CHANGED);
      }
      refused += Number(lint.status === 2) + Number(resolve.status === 2);
      // Whatever ran to the end is in the file; nothing else was lost.
      const expected = lint.status === 0 && resolve.status === 0 ? BOTH : lint.status === 0 ? FIXED : resolve.status === 0 ? RESOLVED : DRAFT;
      expect(text, `round ${round}: lint ${lint.status}, resolve ${resolve.status}`).toBe(expected);
      expect(readdirSync(dir)).toEqual(['d.draft']);
    }
    // How often a run refused depends on the machine's speed; no round may lose a change.
    console.info(`concurrent rounds: 20, runs refused because the file changed: ${refused}`);
  }, 240_000);
});

describe('-o', () => {
  it('-o /dev/null writes to the device and leaves it a character device', () => {
    const { dir } = folderWith();
    for (const args of [
      ['lint', 'd.draft', ...LINT, '-o', '/dev/null'],
      ['lint', 'd.draft', ...LINT, '--format', 'sarif', '-o', '/dev/null'],
      ['view', 'd.draft', '--as', 'accepted', '-o', '/dev/null'],
      ['resolve', 'd.draft', '--accept', 'Japan', '-o', '/dev/null'],
    ]) {
      const r = acquis(args, dir);
      expect(r.status, describeRun(r)).toBe(0);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
      expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    }
    expect(readFileSync(join(dir, 'd.draft'), 'utf8')).toBe(DRAFT);
    expect(readdirSync(dir)).toEqual(['d.draft']);
  });

  it('-o onto a FIFO writes into it when someone reads, and says so without hanging when nobody does', async () => {
    const { dir } = folderWith();
    const fifo = join(dir, 'report.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const lonely = acquis(['lint', 'd.draft', ...LINT, '-o', 'report.pipe'], dir, 15_000);
    expect(lonely.signal).toBeNull();
    expectInputError(lonely, /^report\.pipe: error: cannot write: nothing is reading from this FIFO\.\n$/);

    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((done) => reader.on('close', done));
    // Wait until the reader has the FIFO open (a writer's non-blocking open succeeds then).
    let r: Run | undefined;
    for (let i = 0; i < 50 && r?.status !== 0; i++) {
      await new Promise((done) => setTimeout(done, 100));
      r = await start(['lint', 'd.draft', ...LINT, '-o', 'report.pipe'], dir);
    }
    if (r?.status !== 0) reader.kill();
    await closed;
    expect(r?.status, r && describeRun(r)).toBe(0);
    expect(got).toMatch(/^d\.draft:6:\d+ warning precedent\.deviation /);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('-o onto an input (directly or through a link) is refused and the input kept', () => {
    const { dir, file } = folderWith();
    symlinkSync('d.draft', join(dir, 'alias.draft'));
    for (const args of [
      ['lint', 'd.draft', ...LINT, '-o', 'd.draft'],
      ['lint', 'd.draft', ...LINT, '-o', 'alias.draft'],
      ['lint', 'd.draft', '--fix', ...LINT, '-o', './d.draft'],
      ['resolve', 'd.draft', '--accept', 'Japan', '-o', 'd.draft'],
      ['view', 'd.draft', '--as', 'accepted', '-o', 'd.draft'],
      ['compare', 'd.draft', 'd.draft', '-o', 'd.draft'],
      ['report', 'd.draft', ...LINT.slice(0, 3), '-o', 'd.draft'],
    ]) {
      const r = acquis(args, dir);
      expectInputError(r, /^(d|alias|\.\/d)\.draft: error: refusing to write over an input of this command; choose another output file\.\n$/);
      expect(readFileSync(file, 'utf8')).toBe(DRAFT);
    }
  });

  it('-o into a missing folder: exit 2, and no folder is created', () => {
    const { dir } = folderWith();
    for (const args of [
      ['lint', 'd.draft', ...LINT, '-o', 'missing/out.txt'],
      ['resolve', 'd.draft', '--accept', 'Japan', '-o', 'missing/out.draft'],
      ['compile', 'd.draft', '-o', 'missing/out.md'],
    ]) {
      expectInputError(acquis(args, dir), /^missing\/out\.\w+: error: the folder to write into does not exist\.\n$/);
    }
    expect(readdirSync(dir)).toEqual(['d.draft']);
  });

  it('resolve -o <folder> and lint -o <folder>: a clear error', () => {
    const { dir } = folderWith();
    mkdirSync(join(dir, 'out'));
    expectInputError(acquis(['resolve', 'd.draft', '--accept', 'Japan', '-o', 'out'], dir), /^out: error: cannot write: is a folder, not a file; give a file name\.\n$/);
    expectInputError(acquis(['lint', 'd.draft', ...LINT, '-o', 'out'], dir), /^out: error: cannot write: is a folder, not a file/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('-o through a symbolic link writes the target and keeps the link; a new file gets no stray temporary', () => {
    const { dir } = folderWith();
    writeFileSync(join(dir, 'report.txt'), 'old\n');
    symlinkSync('report.txt', join(dir, 'latest.txt'));
    const r = acquis(['lint', 'd.draft', ...LINT, '-o', 'latest.txt'], dir);
    expect(r.status, describeRun(r)).toBe(0);
    expect(lstatSync(join(dir, 'latest.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toMatch(/^d\.draft:6:\d+ warning precedent\.deviation/);
    // A dangling link: its target is created, as a shell redirection would.
    symlinkSync('made/by-link.txt', join(dir, 'dangling.txt'));
    mkdirSync(join(dir, 'made'));
    expect(acquis(['lint', 'd.draft', ...LINT, '-o', 'dangling.txt'], dir).status).toBe(0);
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made', 'by-link.txt'), 'utf8')).toMatch(/^d\.draft:6:/);
    // An existing report keeps its mode.
    chmodSync(join(dir, 'report.txt'), 0o600);
    expect(acquis(['lint', 'd.draft', ...LINT, '--format', 'json', '-o', 'report.txt'], dir).status).toBe(0);
    expect(statSync(join(dir, 'report.txt')).mode & 0o7777).toBe(0o600);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toMatch(/^\{/);
    expect(acquis(['view', 'd.draft', '--as', 'accepted', '-o', 'new.draft'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'new.draft'), 'utf8')).toBe(RESOLVED);
    expect(readdirSync(dir).sort()).toEqual(['d.draft', 'dangling.txt', 'latest.txt', 'made', 'new.draft', 'report.txt']);
  });
});
