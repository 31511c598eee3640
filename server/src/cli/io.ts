/**
 * What a command talks to: its working folder and its two output streams (injected, so that
 * tests and other shells can run a command in process), and the one way a failure is reported.
 */
import { describeSystemError, InputError } from '../host/text-file.js';
import { stderr, stdout } from './std-streams.js';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (s) => stdout.write(s),
  stderr: (s) => stderr.write(s),
});

/** Sets a command's exit code (0 clean, 1 findings, 2 usage or input error). */
export type SetExit = (code: number) => void;

/**
 * Report a failure and return its exit code: an input or output problem as
 * `file:line:col: error: message` (exit 2); anything else is a bug in Acquis, reported in one
 * line (the stack only with ACQUIS_DEBUG=1), also exit 2.
 */
export function reportFailure(io: Io, error: unknown): number {
  if (error instanceof InputError) {
    io.stderr(`${error.location}error: ${error.message}\n`);
    return 2;
  }
  // A file-system error that no module turned into an InputError: still the user's file.
  const system = error as NodeJS.ErrnoException;
  if (system && typeof system.code === 'string' && typeof system.path === 'string') {
    io.stderr(`${system.path}: error: ${describeSystemError(system)}.\n`);
    return 2;
  }
  const detail = process.env.ACQUIS_DEBUG ? ((error as Error)?.stack ?? String(error)) : String((error as Error)?.message ?? error);
  io.stderr(`acquis: internal error: ${detail}${process.env.ACQUIS_DEBUG ? '' : ' (ACQUIS_DEBUG=1 shows where)'}\n`);
  return 2;
}

/**
 * Run a command's action: a failure is reported with `reportFailure` and sets exit code 2, so
 * every command reports input errors the same way.
 */
export async function guarded(io: Io, setExit: SetExit, action: () => void | number | Promise<void | number>): Promise<void> {
  try {
    const code = await action();
    if (typeof code === 'number') setExit(code);
  } catch (error) {
    setExit(reportFailure(io, error));
  }
}
