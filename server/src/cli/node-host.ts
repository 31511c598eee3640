/**
 * The file-system side of the CLI (and later the language server): where the built-in acquis
 * lives, finding and reading the configuration, reading acquis folders, expanding globs, and
 * atomic writes. The engine itself never touches files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  buildAcquis,
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG,
  fromSnapshot,
  mergeAcquis,
  parseConfig,
  toSnapshot,
  type Acquis,
  type AcquisConfig,
  type AcquisProblem,
  type AcquisSnapshot,
  type SourceFile,
} from '../engine/index.js';
import { LineIndex } from '../engine/text/line-index.js';
import { InputError, readTextFile, writeTextFile } from '../host/text-file.js';

export { InputError };

/** The package's root folder, found by walking up from this module (source or bundle). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server', 'acquis'))) return dir;
    dir = dirname(dir);
  }
  throw new InputError('The built-in acquis is missing from this installation (server/acquis).');
}

/** The folder holding the built-in acquis. */
export function builtinAcquisDir(): string {
  return join(packageRoot(), 'server', 'acquis');
}

const SNAPSHOT = join('dist', 'builtin-acquis.json');

/** A key for a set of sources: a snapshot is used only if it was made from exactly these. */
function sourceKey(sources: SourceFile[], root: string): string {
  const hash = createHash('sha1');
  for (const s of sources) hash.update(relative(root, s.uri)).update('\0').update(s.text).update('\0');
  return hash.digest('hex');
}

/** Write the snapshot of the built-in acquis (run by the build). */
export function writeBuiltinSnapshot(): string {
  const root = packageRoot();
  const sources = readAcquisFolder(builtinAcquisDir());
  const { acquis, problems } = buildAcquis(sources.map((s) => ({ uri: relative(root, s.uri), text: s.text })));
  if (problems.length) throw new InputError(`the built-in acquis has problems: ${problems[0]!.message}`, problems[0]!.uri);
  const file = join(root, SNAPSHOT);
  writeTextFile(file, JSON.stringify(toSnapshot(acquis, sourceKey(sources, root))));
  return file;
}

/**
 * Build the acquis from folders. The built-in one comes from its snapshot when the snapshot
 * matches the files (parsing it again costs most of a short run); everything else is parsed.
 * `uriOf` turns file paths into the URIs the host wants (paths for the CLI, file: URLs for LSP).
 */
export function loadAcquis(
  folders: { builtin: boolean; extra: string[] },
  uriOf: (path: string) => string = (p) => p,
): { acquis: Acquis; problems: AcquisProblem[]; sources: SourceFile[] } {
  const parts: Acquis[] = [];
  const toParse: SourceFile[] = [];
  if (folders.builtin) {
    const root = packageRoot();
    const builtin = readAcquisFolder(builtinAcquisDir());
    const snapshot = readSnapshot(join(root, SNAPSHOT));
    if (snapshot && snapshot.sourceKey === sourceKey(builtin, root)) {
      parts.push(fromSnapshot(snapshot, (stored) => uriOf(join(root, stored))));
    } else toParse.push(...builtin);
  }
  for (const dir of folders.extra) toParse.push(...readAcquisFolder(dir));
  const sources = toParse.map((s) => ({ uri: uriOf(s.uri), text: s.text }));
  const parsed = buildAcquis(sources);
  if (parsed.acquis.documents.length || !parts.length) parts.push(parsed.acquis);
  return { acquis: mergeAcquis(parts), problems: parsed.problems, sources };
}

function readSnapshot(file: string): AcquisSnapshot | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as AcquisSnapshot;
    return snapshot.version === 1 ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadedConfig {
  config: AcquisConfig;
  /** The file it came from, if any; acquis folders are relative to its folder. */
  file?: string;
}

/** The configuration file in `start` or the nearest folder above it. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(file: string | undefined): LoadedConfig {
  if (!file) return { config: { ...DEFAULT_CONFIG } };
  const text = readText(file);
  const { config, problems } = parseConfig(text);
  if (problems.length) {
    const first = problems[0]!;
    const at = new LineIndex(text).position(first.span.start);
    throw new InputError(first.message, file, at.line + 1, at.character + 1);
  }
  return { config, file };
}

/** Read a text file (host/text-file.ts: UTF-8 checked, UTF-16 with a BOM); `shown` names it in errors. */
export function readText(file: string, shown = file): string {
  return readTextFile(file, shown).text;
}

/**
 * File names in a stable order without ICU (its start-up costs a short run more than the sort):
 * case-insensitive first, as a collation would, then by code unit.
 */
function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Every `.draft` file under `dir` (recursively), in a stable order. */
export function readAcquisFolder(dir: string): SourceFile[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError('acquis folder not found.', dir);
  }
  if (!stat.isDirectory()) throw new InputError('an acquis must be a folder of .draft files.', dir);
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.draft')) out.push({ uri: full, text: readText(full) });
    }
  };
  walk(dir);
  return out;
}

/** Expand file arguments: plain paths are kept (so a missing one is reported), globs expanded. */
export async function expandInputs(inputs: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const globs: string[] = [];
  for (const input of inputs) {
    if (/[*?[\]{}]/.test(input)) globs.push(input);
    else if (existsSync(input) && statSync(input).isDirectory()) globs.push(`${input.replace(/\/$/, '')}/**/*.draft`);
    else out.push(input);
  }
  if (globs.length) {
    const { glob } = await import('tinyglobby');
    const found = await glob(globs, { cwd, ignore: ['**/node_modules/**'], expandDirectories: false });
    if (!found.length) throw new InputError(`no file matches ${globs.join(', ')}.`);
    out.push(...found.sort().map((f) => relative(cwd, resolve(cwd, f)) || f));
  }
  return [...new Set(out)];
}
