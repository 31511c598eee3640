/** Shared by the amendment commands: reading one draft, and reporting input errors the CLI's way. */
import { resolve } from 'node:path';
import { parse, type DraftDocument, type SyntaxProblem } from '../../../../grammar/src/index.js';
import { LineIndex } from '../../engine/text/line-index.js';
import type { Io } from '../main.js';
import { InputError, readText, writeAtomic } from '../node-host.js';

export interface LoadedDraft {
  /** As given on the command line (used in messages). */
  path: string;
  /** Resolved against the working folder. */
  full: string;
  text: string;
  document: DraftDocument;
  problems: SyntaxProblem[];
  lines: LineIndex;
}

export function loadDraft(io: Io, path: string): LoadedDraft {
  const full = resolve(io.cwd, path);
  const text = readText(full, path);
  const { document, problems } = parse(text);
  return { path, full, text, document, problems, lines: new LineIndex(text) };
}

/** `file:line:col: ` for an offset of a loaded draft. */
export function locate(draft: LoadedDraft, offset: number): string {
  const at = draft.lines.position(offset);
  return `${draft.path}:${at.line + 1}:${at.character + 1}: `;
}

/** Write `text` to `-o <file>` (atomically), or return false when there is no `-o`. */
export function writeOutput(io: Io, output: string | undefined, text: string): boolean {
  if (!output) return false;
  writeAtomic(resolve(io.cwd, output), text);
  return true;
}

/**
 * Run a command's action: an `InputError` is reported as `file: error: message` with exit code 2
 * (the way `acquis lint` reports them); anything else goes up to `main`.
 */
export async function guarded(io: Io, setExit: (code: number) => void, action: () => void | Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.location}error: ${error.message}\n`);
    setExit(2);
  }
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `Japan`, `Japan and China`, `Japan, China and Brazil`. */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
