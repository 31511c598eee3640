/**
 * What the main thread and the lint workers say to each other. A failure crosses as plain data
 * and is rebuilt on the main thread, so that it is reported exactly as it would have been
 * without workers (an input error with its file, line and column; a file-system error; a bug).
 */
import type { AcquisOptions } from '../engine-for.js';
import { InputError } from '../../host/text-file.js';
import type { Finding } from '../../engine/index.js';
import type { FixRequest, LintedText } from './lint-text.js';

/** Given to each worker when it starts: how to build the same engine as the main thread. */
export interface WorkerSetup {
  acquis: AcquisOptions;
  cwd: string;
  fix?: FixRequest;
  /**
   * One 32-bit slot per file of the run, shared by every thread: a thread lints a file only after
   * claiming its slot (see `claim`), so that the main thread can take back a file still waiting
   * in a worker's queue at the end of the run instead of waiting for it.
   */
  claims: SharedArrayBuffer;
}

/** One file to lint: its place in the run, its name as reported, and its text (read by the main thread). */
export interface LintTask {
  id: number;
  index: number;
  path: string;
  text: string;
}

/**
 * A worker's answer. The findings cross as a JSON string, not as an object graph: one string is
 * copied, and `JSON.parse` on the main thread is cheaper than rebuilding thousands of small
 * objects from a structured clone. The text comes back only when fixes changed it. `skipped`:
 * another thread had claimed the file first.
 */
export type TaskReply =
  | { id: number; findings: string; text?: string }
  | { id: number; skipped: true }
  | { id: number; failed: CarriedError };

/** Claim file `index` for the calling thread: true for exactly one caller. */
export function claim(claims: Int32Array, index: number): boolean {
  return Atomics.compareExchange(claims, index, 0, 1) === 0;
}

/** The reply for a file linted in a worker. */
export function linted(id: number, input: string, result: LintedText): TaskReply {
  const findings = JSON.stringify(result.findings);
  return result.text === input ? { id, findings } : { id, findings, text: result.text };
}

/** The lint result a reply carries, on the main thread (`input`: the text that was sent). */
export function unpack(reply: { findings: string; text?: string }, input: string): LintedText {
  return { text: reply.text ?? input, findings: JSON.parse(reply.findings) as Finding[] };
}

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
