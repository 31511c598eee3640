/**
 * Shared by the end-to-end tests of the `acquis` command line: each test spawns the built CLI
 * (`node bin/acquis.js ...`, i.e. dist/cli.js, built by `npm run build` / `pretest`) as a real
 * process, in a temporary folder of its own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeAll } from 'vitest';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'acquis.js');
export const CLI_BUNDLE = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(__dirname, 'fixtures');
export const DEMO = join(ROOT, 'samples', 'demo.draft');
/** The made-up adopted document (A/99/777, paras. 7 and 8) used where the built-in acquis is not the point. */
export const LIGHTHOUSE_ACQUIS = join(FIXTURES, 'lighthouse-acquis');

/** The deviation of fixtures/lighthouse.draft from A/99/777, para. 7, as the text format prints it. */
export const LIGHTHOUSE_MESSAGE = 'Departure from agreed language of A/99/777, para. 7 (consensus, 2030): "coasts" for "shores".';

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Fail early, and clearly, when the bundle the tests spawn has not been built. */
export function requireBuild(): void {
  beforeAll(() => {
    if (!existsSync(CLI_BUNDLE)) {
      throw new Error(`${CLI_BUNDLE} is missing: run \`npm run build\` first (\`npm test\` does it in \`pretest\`).`);
    }
  });
}

/** Spawn `node bin/acquis.js <args>` in `cwd`; never through a shell, always with a timeout. */
export function acquis(args: string[], cwd: string = ROOT, timeout = 30_000): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/**
 * A fresh temporary folder (real path, so that it reads as the child's `process.cwd()` does),
 * removed after the test.
 */
export function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'acquis-cli-')));
  made.push(dir);
  return dir;
}

/** Register the clean-up of the folders made by `tempDir` (call once per test file). */
export function cleanTempDirs(): void {
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

/** Write `files` (relative path -> text or bytes) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Copy a fixture file (path relative to fixtures/) to `dir/as`. */
export function copyFixture(name: string, dir: string, as: string = name): string {
  const target = join(dir, as);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(FIXTURES, name), target);
  return target;
}

/** Copy the made-up acquis folder to `dir/as`. */
export function copyLighthouseAcquis(dir: string, as = 'acquis'): string {
  const target = join(dir, as);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(LIGHTHOUSE_ACQUIS)) copyFileSync(join(LIGHTHOUSE_ACQUIS, name), join(target, name));
  return target;
}

/** The lines of a text, without the final empty one. */
export const linesOf = (s: string): string[] => s.replace(/\n$/, '').split('\n');

/** A readable description of a run, for assertion messages. */
export const describeRun = (r: Run): string => `exit ${r.status}${r.signal ? ` (signal ${r.signal})` : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

// --- The JSON contract (README, "JSON output (version 1)") ------------------------------------

export interface JsonPosition {
  line: number;
  character: number;
}
export interface JsonRange {
  start: JsonPosition;
  end: JsonPosition;
}
export interface JsonEdit {
  range: JsonRange;
  newText: string;
  offsets: { start: number; end: number };
}
export interface JsonFix {
  title: string;
  safe: boolean;
  edits: JsonEdit[];
  level?: 'editorial' | 'wording' | 'substantive';
}
export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: JsonRange;
  offsets: { start: number; end: number };
  fixes: JsonFix[];
  precedent?: { symbol: string; paragraph: string; adoption: string; text: string; [key: string]: unknown };
  data?: Record<string, unknown>;
}
export interface JsonReport {
  version: number;
  files: { path: string; findings: JsonFinding[] }[];
  [key: string]: unknown;
}

export function parseJsonReport(r: Run): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message}):\n${describeRun(r)}`);
  }
}

/** Offset of a zero-based line/character (UTF-16) position in `text`, lines ending in LF, CRLF or CR. */
export function offsetOf(text: string, pos: JsonPosition): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = offset;
    const found = m.exec(text);
    if (!found) throw new Error(`line ${pos.line} is past the end of the text`);
    offset = found.index + found[0].length;
  }
  return offset + pos.character;
}

/**
 * Apply the safe fixes' edits the way `--fix` documents it: non-overlapping edits, from last to
 * first. Fixes that overlap one already taken are dropped.
 */
export function applySafeFixes(text: string, findings: JsonFinding[]): string {
  const taken: { start: number; end: number; text: string }[] = [];
  const fixes = findings.flatMap((f) => f.fixes.filter((x) => x.safe)).sort((a, b) => a.edits[0]!.offsets.start - b.edits[0]!.offsets.start);
  for (const fix of fixes) {
    const edits = fix.edits.map((e) => ({ start: e.offsets.start, end: e.offsets.end, text: e.newText }));
    if (!edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) taken.push(...edits);
  }
  let out = text;
  for (const e of [...taken].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
