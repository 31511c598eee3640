/**
 * Reading folders of drafts: acquis folders and the folders given to `acquis lint`. Symbolic links
 * are followed, but each real file is read once and a link back up the tree ends there (no
 * loop, no file linted twice); a folder that cannot be read is an error, never skipped silently.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SourceFile } from '../engine/index.js';
import { InputError } from './text-file.js';
import { readText, reason } from './read-text.js';

/**
 * File names in a stable order without ICU (its start-up costs a short run more than the sort):
 * case-insensitive first, as a collation would, then by code unit.
 */
function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Folders never entered: dependencies and hidden folders (.git, editor settings). */
const skipped = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

/**
 * Every `.draft` file under `dir` (recursively), in a stable order, each real file once.
 * Paths are `dir` joined with the names found (links are not resolved in what is returned).
 */
export function draftFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const walk = (d: string): void => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(d);
      if (seenDirs.has(real)) return; // a link back to a folder already read
      seenDirs.add(real);
      names = readdirSync(d).sort(compareNames);
    } catch (error) {
      throw new InputError(`cannot read folder: ${reason(error)}.`, d);
    }
    for (const name of names) {
      if (skipped(name)) continue;
      const full = join(d, name);
      let stat;
      try {
        stat = statSync(full); // follows links
      } catch (error) {
        // A dangling link is not a draft unless it is named like one.
        if (name.endsWith('.draft')) throw new InputError(`cannot read: ${reason(error)}.`, full);
        continue;
      }
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && name.endsWith('.draft')) {
        const realFile = realpathSync(full);
        if (seenFiles.has(realFile)) continue;
        seenFiles.add(realFile);
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

/** Every `.draft` file under `dir`, read. */
export function readAcquisFolder(dir: string): SourceFile[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError('acquis folder not found.', dir);
  }
  if (!stat.isDirectory()) throw new InputError('an acquis must be a folder of .draft files.', dir);
  return draftFilesUnder(dir).map((file) => ({ uri: file, text: readText(file) }));
}

/**
 * Expand the file arguments of a command: plain paths are kept (so a missing one is reported),
 * folders are read as above, globs expanded; each real file appears once.
 */
export async function expandInputs(inputs: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const globs: string[] = [];
  const found: string[] = [];
  const shown = (path: string): string => relative(cwd, resolve(cwd, path)) || path;
  for (const input of inputs) {
    if (/[*?[\]{}]/.test(input)) globs.push(input);
    else if (isFolder(resolve(cwd, input))) found.push(...draftFilesUnder(resolve(cwd, input)).map(shown));
    else out.push(input);
  }
  if (globs.length) {
    const { glob } = await import('tinyglobby');
    const matched = await glob(globs, { cwd, ignore: ['**/node_modules/**'], expandDirectories: false });
    if (!matched.length) throw new InputError(`no file matches ${globs.join(', ')}.`);
    found.push(...matched.map(shown));
  }
  out.push(...found.sort());
  // The same real file named twice (a link, a glob and a folder overlapping) is linted once.
  const seen = new Set<string>();
  return out.filter((path) => {
    let key: string;
    try {
      key = realpathSync(resolve(cwd, path));
    } catch {
      key = resolve(cwd, path); // missing: reported by the command
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
