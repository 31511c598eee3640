/** Options shared by several commands, declared once. */
import { InvalidArgumentError, Option, type Command } from 'commander';

/** `--acquis`, `--no-builtin`, `-c`, `--index`: what `engineFor` reads (cli/engine-for.ts). */
export interface AcquisCliOptions {
  acquis: string[];
  builtin: boolean;
  config?: string;
  index?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Add the options that choose the acquis and the configuration. */
export function acquisOptions(command: Command): Command {
  return command
    .option('--acquis <dir>', 'add a folder of adopted .draft documents (repeatable)', collect, [])
    .option('--no-builtin', 'do not use the built-in acquis')
    .option('-c, --config <file>', 'configuration file (default: acquis.config.yaml here or above)')
    .option('--index <file>', 'use an index made by `acquis index` instead of the built-in acquis and the folders');
}

/**
 * `-f, --format <format>` with the choices taken from a command's table of formatters, so a
 * format cannot be offered without a formatter (nor the other way round).
 */
export function formatOption<K extends string>(table: Record<K, unknown>, byDefault: K): Option {
  return new Option('-f, --format <format>', 'output format').choices(Object.keys(table)).default(byDefault);
}

/** `-o, --output <file>`; `-` is standard output. */
export function outputOption(command: Command, what: string): Command {
  return command.option('-o, --output <file>', `write ${what} to a file instead of standard output`);
}

/** `-j, --jobs <n>` of the commands that read a whole acquis (`index`, `publish`). */
export function readerJobsOption(command: Command): Command {
  return command.option('-j, --jobs <n>', 'read the documents on n threads (default: one per core for a large acquis)', (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1 is needed.');
    return n;
  });
}
