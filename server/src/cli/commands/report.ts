/**
 * `acquis report <file> -o report.html`: one self-contained HTML page on a draft (coverage of the
 * six mandate items, the share of agreed language per section, findings by rule, open brackets
 * and placeholders, paragraph statuses, proposals by delegation, suppressions with their
 * reasons). The engine builds the data and the page (`engine/report`); this shell reads the file,
 * builds the engine as `acquis lint` does, and writes. Exit code 0, or 2 when an input cannot be
 * read or the output cannot be written.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { buildReport, reportHtml } from '../../engine/report/index.js';
import { engineFor } from '../engine-for.js';
import type { Io } from '../main.js';
import { InputError, readText, writeAtomic } from '../node-host.js';

export interface ReportCliOptions {
  output?: string;
  acquis: string[];
  builtin: boolean;
  config?: string;
}

export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('Write a self-contained HTML report on a draft: mandate coverage, agreed language, findings, brackets, statuses, proposals, suppressions.')
    .argument('<file>', 'the draft (.draft)')
    .option('-o, --output <file>', 'write the page to a file instead of standard output')
    .option('--acquis <dir>', 'add a folder of adopted .draft documents (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--no-builtin', 'do not use the built-in acquis')
    .option('-c, --config <file>', 'configuration file (default: acquis.config.yaml here or above)')
    .action((file: string, options: ReportCliOptions) => {
      setExit(runReport(file, options, io));
    });
}

/** The command's work, callable without commander (tests, other shells). Returns the exit code. */
export function runReport(file: string, options: ReportCliOptions, io: Io): number {
  const engine = engineFor(options, io.cwd);
  const text = readText(resolve(io.cwd, file), file);
  const result = engine.lint(file, text);
  if (result.draft.problems.length) {
    const n = result.draft.problems.length;
    io.stderr(`${file}: warning: ${n} syntax problem${n === 1 ? '' : 's'} (\`acquis lint\` lists them); reported as read.\n`);
  }
  const page = reportHtml(buildReport(result.draft, result, engine.acquis));
  if (options.output) {
    try {
      writeAtomic(resolve(io.cwd, options.output), page);
    } catch (error) {
      throw new InputError(`cannot write: ${(error as Error).message}`, options.output);
    }
  } else io.stdout(page);
  return 0;
}
