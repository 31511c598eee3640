/**
 * The one way a command writes its result: to standard output, or to `-o <file>` through the
 * safe writes of host/text-file.ts. The target is checked when the command starts (a missing
 * folder, a folder, a read-only file, one of the command's inputs), before any work is done.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { planWrite, readTextFile, writeTextFile, type TextEncoding, type TextFile } from '../host/text-file.js';
import type { Io } from './io.js';

export interface Output {
  /** The `-o` file as given, if any. */
  readonly file?: string;
  /**
   * Write the text, or the parts of one text in order (a long report: see formatJsonParts). To
   * standard output each part goes as it comes; a file gets the whole text at once, or nothing.
   */
  write(text: string | Iterable<string>, encoding?: TextEncoding): void;
}

export interface OutputInput {
  path: string;
  stamp?: TextFile['stamp'];
}

/**
 * Where a command's result goes. `-` (or no file) is standard output. `inputs` are the files
 * the command reads (paths relative to `io.cwd`, or files already read): writing over one of
 * them is refused.
 */
export function openOutput(io: Io, file: string | undefined, inputs: Array<string | OutputInput> = []): Output {
  if (file === undefined || file === '-') {
    return {
      write: (text) => {
        if (typeof text === 'string') io.stdout(text);
        else for (const part of text) io.stdout(part);
      },
    };
  }
  const full = resolve(io.cwd, file);
  const known = inputs.map((i) => (typeof i === 'string' ? { path: resolve(io.cwd, i), stamp: stampIfReadable(resolve(io.cwd, i)) } : i));
  planWrite(full, { shown: file, inputs: known });
  return {
    file,
    // One text, written whole through a temporary file and a rename (host/text-file.ts).
    write: (text, encoding) =>
      writeTextFile(full, typeof text === 'string' ? text : [...text].join(''), { shown: file, inputs: known, ...(encoding ? { encoding } : {}) }),
  };
}

/**
 * Read a draft the command may write back; `shown` names it in messages. With `stdin`, `-` is
 * standard input (the only way a pipe is read: a FIFO named as a file is refused).
 */
export function readDraftFile(io: Io, path: string, options: { stdin?: boolean } = {}): TextFile {
  if (path === '-' && options.stdin) return readTextFile('-', '-', { stdin: true });
  return readTextFile(resolve(io.cwd, path), path);
}

/** Write a draft back where it was read, in its encoding, refusing if it changed meanwhile. */
export function writeBack(file: TextFile, text: string): void {
  writeTextFile(file.path, text, { shown: file.shown, encoding: file.encoding, ...(file.stamp ? { expect: file.stamp } : {}) });
}

/** Enough of a stamp to recognise the same file (device and inode). */
function stampIfReadable(path: string): TextFile['stamp'] {
  try {
    const s = statSync(path);
    return { dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, hash: '' };
  } catch {
    return undefined;
  }
}
