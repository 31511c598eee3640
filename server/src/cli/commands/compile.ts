/**
 * `acquis compile <file> [--format markdown|json] [-o <out>]`: the compilation of proposals, by
 * delegation and by paragraph, with each proposal's reason (JSON: version 1, docs/amendments.md).
 */
import { Option, type Command } from 'commander';
import { compileProposals, formatCompilationJson, formatCompilationMarkdown } from '../../engine/amendments/index.js';
import type { Io } from '../main.js';
import { guarded, loadDraft, writeOutput } from './draft-file.js';

interface CompileOptions {
  format: 'markdown' | 'json';
  output?: string;
}

export function registerCompile(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('compile')
    .description('Compile the proposed amendments by delegation and by paragraph, with their reasons.')
    .argument('<file>', 'the .draft file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('-o, --output <file>', 'write the compilation to this file instead of standard output')
    .action((file: string, options: CompileOptions) =>
      guarded(io, setExit, () => {
        const draft = loadDraft(io, file);
        const compilation = compileProposals(draft.text, draft.document);
        const rendered = options.format === 'json' ? formatCompilationJson(compilation) : formatCompilationMarkdown(compilation);
        if (!writeOutput(io, options.output, rendered)) io.stdout(rendered);
        setExit(0);
      }),
    );
}
