/**
 * What the main thread and the lint workers say to each other. A failure crosses as plain data
 * and is rebuilt on the main thread, so that it is reported exactly as it would have been
 * without workers (an input error with its file, line and column; a file-system error; a bug).
 */
import type { AcquisOptions } from '../engine-for.js';
import { InputError } from '../../host/text-file.js';
import type { FixRequest, LintedText } from './lint-text.js';

/** Given to each worker when it starts: how to build the same engine as the main thread. */
export interface WorkerSetup {
  acquis: AcquisOptions;
  cwd: string;
  fix?: FixRequest;
}

/** One file to lint: its name as reported, and its text (already read by the main thread). */
export interface LintTask {
  id: number;
  path: string;
  text: string;
}

export type TaskReply = { id: number; done: LintedText } | { id: number; failed: CarriedError };

export type CarriedError =
  | { kind: 'input'; message: string; file?: string; line?: number; column?: number }
  | { kind: 'system'; message: string; code: string; path: string; syscall?: string; errno?: number }
  | { kind: 'internal'; message: string; stack?: string };

export function carry(error: unknown): CarriedError {
  if (error instanceof InputError) return { kind: 'input', message: error.message, file: error.file, line: error.line, column: error.column };
  const system = error as NodeJS.ErrnoException | null;
  if (system && typeof system.code === 'string' && typeof system.path === 'string') {
    return { kind: 'system', message: system.message, code: system.code, path: system.path, syscall: system.syscall, errno: system.errno };
  }
  const e = error as Error | null;
  return { kind: 'internal', message: String(e?.message ?? error), stack: e?.stack };
}

export function rebuild(carried: CarriedError): Error {
  switch (carried.kind) {
    case 'input':
      return new InputError(carried.message, carried.file, carried.line, carried.column);
    case 'system':
      return Object.assign(new Error(carried.message), { code: carried.code, path: carried.path, syscall: carried.syscall, errno: carried.errno });
    case 'internal': {
      const error = new Error(carried.message);
      if (carried.stack) error.stack = carried.stack;
      return error;
    }
  }
}
