/**
 * `acquis compile <file> [--format markdown|json] [-o <out>]`: the compilation of proposals, by
 * delegation and by paragraph, with each proposal's reason (JSON: version 1, docs/amendments.md).
 */
import type { Command } from 'commander';
import { compileProposals, formatCompilationJson, formatCompilationMarkdown, type Compilation } from '../../engine/amendments/index.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { formatOption, outputOption } from '../options.js';
import { openOutput } from '../output.js';
import { loadDraft } from './draft-file.js';

/** The output formats: the `--format` choices are this table's keys. */
const COMPILE_FORMATTERS = {
  markdown: (c: Compilation) => formatCompilationMarkdown(c),
  json: (c: Compilation) => formatCompilationJson(c),
} satisfies Record<string, (c: Compilation) => string>;

interface CompileOptions {
  format: keyof typeof COMPILE_FORMATTERS;
  output?: string;
}

export function registerCompile(program: Command, io: Io, setExit: SetExit): void {
  const command = program
    .command('compile')
    .description('Compile the proposed amendments by delegation and by paragraph, with their reasons.')
    .argument('<file>', 'the .draft file')
    .addOption(formatOption(COMPILE_FORMATTERS, 'markdown'));
  outputOption(command, 'the compilation').action((file: string, options: CompileOptions) =>
    guarded(io, setExit, () => {
      const output = openOutput(io, options.output, [file]);
      const draft = loadDraft(io, file);
      output.write(COMPILE_FORMATTERS[options.format](compileProposals(draft.text, draft.document)));
      return 0;
    }),
  );
}
