/**
 * `acquis compare <old> <new>`: two revisions of a draft, their paragraphs aligned by content
 * (across renumbering, moves, splits and merges), a word-level redline, and the proposals of the
 * old revision taken up in the new one. Exit code 0, or 2 when an input cannot be read or the
 * output cannot be written (the shell reports an `InputError` as `file: error: ...`).
 */
import type { Command } from 'commander';
import {
  compareRevisions,
  formatCompareHtml,
  formatCompareJson,
  formatCompareMarkdown,
  formatCompareText,
  type Comparison,
} from '../../engine/compare/index.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { formatOption, outputOption } from '../options.js';
import { openOutput, readDraftFile } from '../output.js';

type Names = { oldName: string; newName: string };

/** The output formats: the `--format` choices are this table's keys. */
const COMPARE_FORMATTERS = {
  text: (c: Comparison, o: CompareCliOptions, names: Names) =>
    formatCompareText(c, { ...names, unchanged: o.all ?? false, colour: o.color ?? false }),
  markdown: (c: Comparison, o: CompareCliOptions, names: Names) => formatCompareMarkdown(c, { ...names, unchanged: o.all ?? false }),
  html: (c: Comparison, _o: CompareCliOptions, names: Names) => formatCompareHtml(c, names),
  json: (c: Comparison) => formatCompareJson(c),
} satisfies Record<string, (c: Comparison, o: CompareCliOptions, names: Names) => string>;

export type CompareFormat = keyof typeof COMPARE_FORMATTERS;
export const COMPARE_FORMATS = Object.keys(COMPARE_FORMATTERS) as CompareFormat[];

export interface CompareCliOptions {
  format: CompareFormat;
  output?: string;
  all?: boolean;
  color?: boolean;
}

export function registerCompare(program: Command, io: Io, setExit: SetExit): void {
  const command = program
    .command('compare')
    .description('Compare two revisions of a draft: paragraphs aligned by content, a word-level redline, proposals taken up.')
    .argument('<old>', 'the earlier revision (.draft)')
    .argument('<new>', 'the later revision (.draft)')
    .addOption(formatOption(COMPARE_FORMATTERS, 'text'));
  outputOption(command, 'the comparison')
    .option('--all', 'also print unchanged paragraphs (text and Markdown; the HTML page always has them)')
    .option('--color', 'colour the text format (red deletions, green insertions)')
    .action((oldPath: string, newPath: string, options: CompareCliOptions) => guarded(io, setExit, () => runCompare(oldPath, newPath, options, io)));
}

/** The command's work, callable without commander (tests, other shells). Returns the exit code. */
export function runCompare(oldPath: string, newPath: string, options: CompareCliOptions, io: Io): number {
  const output = openOutput(io, options.output, [oldPath, newPath]);
  const oldText = readDraftFile(io, oldPath).text;
  const newText = readDraftFile(io, newPath).text;
  const comparison = compareRevisions(oldText, newText);
  for (const [path, info] of [
    [oldPath, comparison.old],
    [newPath, comparison.new],
  ] as const) {
    if (info.problems > 0) {
      io.stderr(`${path}: warning: ${info.problems} syntax problem${info.problems === 1 ? '' : 's'} (\`acquis lint\` lists them); compared as read.\n`);
    }
  }
  output.write(renderComparison(comparison, options, oldPath, newPath));
  return 0;
}

export function renderComparison(c: Comparison, options: CompareCliOptions, oldName: string, newName: string): string {
  return COMPARE_FORMATTERS[options.format](c, options, { oldName, newName });
}
