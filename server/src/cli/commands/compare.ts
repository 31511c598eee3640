/**
 * `acquis compare <old> <new>`: two revisions of a draft, their paragraphs aligned by content
 * (across renumbering, moves, splits and merges), a word-level redline, and the proposals of the
 * old revision taken up in the new one. Exit code 0, or 2 when an input cannot be read or the
 * output cannot be written (the shell reports an `InputError` as `file: error: ...`).
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import {
  compareRevisions,
  formatCompareHtml,
  formatCompareJson,
  formatCompareMarkdown,
  formatCompareText,
  type Comparison,
} from '../../engine/compare/index.js';
import type { Io } from '../main.js';
import { InputError, readText, writeAtomic } from '../node-host.js';

export const COMPARE_FORMATS = ['text', 'markdown', 'html', 'json'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareCliOptions {
  format: CompareFormat;
  output?: string;
  all?: boolean;
  color?: boolean;
}

export function registerCompare(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description('Compare two revisions of a draft: paragraphs aligned by content, a word-level redline, proposals taken up.')
    .argument('<old>', 'the earlier revision (.draft)')
    .argument('<new>', 'the later revision (.draft)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...COMPARE_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the comparison to a file instead of standard output')
    .option('--all', 'also print unchanged paragraphs (text and Markdown; the HTML page always has them)')
    .option('--color', 'colour the text format (red deletions, green insertions)')
    .action((oldPath: string, newPath: string, options: CompareCliOptions) => {
      setExit(runCompare(oldPath, newPath, options, io));
    });
}

/** The command's work, callable without commander (tests, other shells). Returns the exit code. */
export function runCompare(oldPath: string, newPath: string, options: CompareCliOptions, io: Io): number {
  const oldText = readText(resolve(io.cwd, oldPath), oldPath);
  const newText = readText(resolve(io.cwd, newPath), newPath);
  const comparison = compareRevisions(oldText, newText);
  for (const [path, info] of [
    [oldPath, comparison.old],
    [newPath, comparison.new],
  ] as const) {
    if (info.problems > 0) {
      io.stderr(`${path}: warning: ${info.problems} syntax problem${info.problems === 1 ? '' : 's'} (\`acquis lint\` lists them); compared as read.\n`);
    }
  }
  const rendered = renderComparison(comparison, options, oldPath, newPath);
  if (options.output) {
    const target = resolve(io.cwd, options.output);
    try {
      writeAtomic(target, rendered);
    } catch (error) {
      throw new InputError(`cannot write: ${(error as Error).message}`, options.output);
    }
  } else io.stdout(rendered);
  return 0;
}

export function renderComparison(c: Comparison, options: CompareCliOptions, oldName: string, newName: string): string {
  const names = { oldName, newName };
  switch (options.format) {
    case 'json':
      return formatCompareJson(c);
    case 'html':
      return formatCompareHtml(c, names);
    case 'markdown':
      return formatCompareMarkdown(c, { ...names, unchanged: options.all ?? false });
    default:
      return formatCompareText(c, { ...names, unchanged: options.all ?? false, colour: options.color ?? false });
  }
}
