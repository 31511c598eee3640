/**
 * The commander shell every `acquis` bundle runs: the program, its version and help, the command
 * asked for (or all of them, to list them), exit codes. Which commands there are is the caller's:
 * the whole CLI (main.ts) or the lint command alone (lint-main.ts, the bundle `acquis lint` loads).
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../../package.json';
import { reportFailure, type Io, type SetExit } from './io.js';

/** Adds one command to the program. */
export type Register = (program: Command, io: Io, setExit: SetExit) => void;

/** A command and the loader of its module (evaluated only when that command runs or is listed). */
export interface CommandEntry {
  name: string;
  load: () => Promise<Register>;
}

/** The command `argv` asks for (`acquis help <command>` too), if it is one of `commands`. */
export function requested(argv: string[], commands: CommandEntry[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return commands.find((c) => c.name === name);
}

/** Run `argv` against `commands`; returns the exit code (-1: a long-running command owns the process). */
export async function runProgram(argv: string[], io: Io, commands: CommandEntry[]): Promise<number> {
  let exitCode = 0;
  const setExit: SetExit = (code) => {
    exitCode = code;
  };
  const program = new Command('acquis')
    .description('Checks negotiating drafts against agreed UN language.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    // The command asked for, alone; or all of them to list them (help, a mistyped command).
    const wanted = requested(argv, commands);
    for (const entry of wanted ? [wanted] : commands) (await entry.load())(program, io, setExit);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    return reportFailure(io, error);
  }
}
