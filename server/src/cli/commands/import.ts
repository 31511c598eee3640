/**
 * `acquis import <raw.txt> -o <out.draft>`: the plain text of a UN document, as extracted from its
 * PDF, into an adopted `.draft` (docs/import.md). A thin shell over `importDocument`: it reads the
 * file, prints what could not be classified as `file:line: warning: ...` on standard error, shows
 * progress for large inputs, and writes the result atomically.
 *
 * Exit codes: 0 written (warnings or not), 2 input or usage error.
 */
import type { Command } from 'commander';
import { ImportError, importDocument, type ImportOptions, type ProgressCallback } from '../../engine/import/import.js';
import { InputError } from '../../host/text-file.js';
import { reportFailure, type Io, type SetExit } from '../io.js';
import { openOutput, readDraftFile } from '../output.js';

interface ImportCliOptions {
  output?: string;
  symbol?: string;
  adoption?: string;
  resolution?: string;
  title?: string;
  body?: string;
  year?: string;
  source?: string;
}

/** Inputs above this size show progress on standard error. */
const PROGRESS_THRESHOLD = 200 * 1024;

export function registerImport(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('import')
    .description('Import the text of a UN document (as extracted from its PDF) into an adopted .draft.')
    .argument('<raw>', 'the extracted plain text (UTF-8)')
    .option('-o, --output <file>', 'the .draft to write (default: standard output)')
    .option('--resolution <n>', 'import only this draft resolution of a report (I, II, or 1, 2); default: the whole report')
    .option('--symbol <symbol>', 'the adopted text\'s symbol, e.g. A/RES/73/27')
    .option('--adoption <how>', '"consensus" or "vote 109-45-16" (default: as the report records it)')
    .option('--title <title>', 'the title (default: as printed)')
    .option('--body <body>', 'who adopted it: GA, First Committee... (default: from the text)')
    .option('--year <year>', 'the year (default: from the text)')
    .option('--source <text>', 'where the text comes from, e.g. "A/73/505, draft resolution I"')
    .action((raw: string, options: ImportCliOptions) => {
      try {
        runImport(raw, options, io);
        setExit(0);
      } catch (error) {
        if (error instanceof ImportError) io.stderr(`${raw}: error: ${error.message}\n`);
        else reportFailure(io, error);
        setExit(2);
      }
    });
}

function runImport(raw: string, options: ImportCliOptions, io: Io): void {
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new InputError(`--year must be a year such as 2018, not "${options.year}".`);
  const output = openOutput(io, options.output, [raw]);
  const text = readDraftFile(io, raw).text;

  const engineOptions: ImportOptions = {};
  for (const key of ['symbol', 'adoption', 'resolution', 'title', 'body', 'year', 'source'] as const) {
    const value = options[key];
    if (value !== undefined) engineOptions[key] = value;
  }
  if (text.length > PROGRESS_THRESHOLD) engineOptions.onProgress = progressPrinter(io);

  const result = importDocument(text, engineOptions);
  for (const w of result.unclassified) {
    io.stderr(`${raw}:${w.line}: warning: ${w.reason}${w.text ? `: ${w.text}` : ''}\n`);
  }
  output.write(result.draft);
  if (output.file === undefined) return;
  const paragraphs = result.draft.split('\n').filter((l) => /^\s*(?:(?:PP|OP)?\d+(?:\.\d+)*\.|\([a-z]+\)) /.test(l)).length;
  const what = result.kind === 'resolution' ? 'resolution' : `report with ${result.documents.length} draft resolution(s)`;
  const warned = result.unclassified.length ? `, ${result.unclassified.length} warning(s)` : '';
  io.stdout(`${options.output}: ${what}, ${paragraphs} labelled paragraphs${warned}\n`);
}

/** One line per stage and per tenth of the work, so a long import shows it is moving. */
function progressPrinter(io: Io): ProgressCallback {
  let last = '';
  return ({ stage, done, total }) => {
    const tenth = total > 0 ? Math.floor((done / total) * 10) * 10 : 100;
    const key = `${stage} ${tenth}`;
    if (key === last) return;
    last = key;
    io.stderr(`acquis import: ${stage} ${tenth}%\n`);
  };
}
