/**
 * `acquis lint` alone: the entry of dist/cli-lint.js, the bundle bin/acquis.js loads when the
 * command is `lint`. It holds the lint command and what it uses, imported statically, and none
 * of the other commands' code (Word, PDF, comparison, reports...): a lint of one paragraph reads,
 * deserialises and evaluates about half the code the whole CLI's bundle holds.
 */
import { registerLint } from './commands/lint.js';
import { processIo, type Io } from './io.js';
import { runProgram, type CommandEntry } from './program.js';

/** The one command of this bundle. */
export const LINT_ONLY: CommandEntry[] = [{ name: 'lint', load: async () => registerLint }];

/** Run `acquis lint ...` (`argv` starts with `lint`); returns the exit code. */
export function lintMain(argv: string[], io: Io = processIo()): Promise<number> {
  return runProgram(argv, io, LINT_ONLY);
}
