/**
 * `acquis report <file> -o report.html`: one self-contained HTML page on a draft (coverage of the
 * six mandate items, the share of agreed language per section, findings by rule, open brackets
 * and placeholders, paragraph statuses, proposals by delegation, suppressions with their
 * reasons). The engine builds the data and the page (`engine/report`); this shell reads the file,
 * builds the engine as `acquis lint` does, and writes. Exit code 0, or 2 when an input cannot be
 * read or the output cannot be written.
 */
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { engineFromAcquis, LineIndex, type Engine } from '../../engine/index.js';
import { buildReport, reportHtml } from '../../engine/report/index.js';
import type { Io } from '../main.js';
import { findConfigFile, InputError, loadAcquis, loadConfig, readText, writeAtomic } from '../node-host.js';

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
  const engine = reportEngine(options, io);
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

/** The engine from the configuration and the acquis options, as `acquis lint` builds it (main.ts `engineFor`). */
export function reportEngine(options: Pick<ReportCliOptions, 'acquis' | 'builtin' | 'config'>, io: Io): Engine {
  const configFile = options.config ? resolve(io.cwd, options.config) : findConfigFile(io.cwd);
  if (options.config) readText(configFile!); // a missing explicit config is an input error
  const { config, file } = loadConfig(configFile);
  const base = file ? dirname(file) : io.cwd;
  const { acquis, problems, sources } = loadAcquis({
    builtin: options.builtin && config.builtin,
    extra: [...config.acquis.map((dir) => resolve(base, dir)), ...options.acquis.map((dir) => resolve(io.cwd, dir))],
  });
  const engine = engineFromAcquis(acquis, config, problems);
  const first = engine.acquisProblems[0];
  if (first) {
    const source = sources.find((s) => s.uri === first.uri);
    const at = new LineIndex(source?.text ?? '').position(first.span.start);
    const more = engine.acquisProblems.length > 1 ? ` (and ${engine.acquisProblems.length - 1} more problems in the acquis)` : '';
    throw new InputError(`acquis document unusable: ${first.message}${more}`, first.uri, at.line + 1, at.character + 1);
  }
  return engine;
}
