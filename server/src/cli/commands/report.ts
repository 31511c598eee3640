/**
 * `acquis report <file> -o report.html`: one self-contained HTML page on a draft (coverage of the
 * six mandate items, the share of agreed language per section, findings by rule, open brackets
 * and placeholders, paragraph statuses, proposals by delegation, suppressions with their
 * reasons). The engine builds the data and the page (`engine/report`); this shell reads the file,
 * builds the engine as `acquis lint` does, and writes. Exit code 0, or 2 when an input cannot be
 * read or the output cannot be written.
 */
import type { Command } from 'commander';
import { buildReport, reportHtml } from '../../engine/report/index.js';
import { engineFor } from '../engine-for.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { acquisOptions, outputOption, type AcquisCliOptions } from '../options.js';
import { openOutput, readDraftFile } from '../output.js';

export interface ReportCliOptions extends AcquisCliOptions {
  output?: string;
}

export function registerReport(program: Command, io: Io, setExit: SetExit): void {
  const command = program
    .command('report')
    .description('Write a self-contained HTML report on a draft: mandate coverage, agreed language, findings, brackets, statuses, proposals, suppressions.')
    .argument('<file>', 'the draft (.draft)');
  acquisOptions(outputOption(command, 'the page')).action((file: string, options: ReportCliOptions) =>
    guarded(io, setExit, () => runReport(file, options, io)),
  );
}

/** The command's work, callable without commander (tests, other shells). Returns the exit code. */
export function runReport(file: string, options: ReportCliOptions, io: Io): number {
  const output = openOutput(io, options.output, [file]);
  const engine = engineFor(options, io.cwd);
  const text = readDraftFile(io, file).text;
  const result = engine.lint(file, text);
  if (result.draft.problems.length) {
    const n = result.draft.problems.length;
    io.stderr(`${file}: warning: ${n} syntax problem${n === 1 ? '' : 's'} (\`acquis lint\` lists them); reported as read.\n`);
  }
  output.write(reportHtml(buildReport(result.draft, result, engine.acquis)));
  return 0;
}
