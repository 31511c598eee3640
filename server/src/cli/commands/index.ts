/**
 * `acquis index <folders or files...> -o <file>`: build the acquis once and write it as an index
 * file (docs/index-format.md), which `--index <file>` then loads in a fraction of the time it
 * takes to parse the documents. It holds what a lint with `--acquis <folders>` would use: the
 * built-in acquis (unless `--no-builtin`), the project file's folders and the ones named.
 */
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildIndexFile } from '../../host/build-engine.js';
import { InputError, planWrite } from '../../host/text-file.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { readerJobsOption } from '../options.js';

interface IndexOptions {
  output?: string;
  builtin: boolean;
  config?: string;
  jobs?: number;
}

export function registerIndex(program: Command, io: Io, setExit: SetExit): void {
  const command = program
    .command('index')
    .description('Build the index of an acquis (folders or .draft files) into a file for --index.')
    .argument('<paths...>', 'acquis folders or adopted .draft files')
    .requiredOption('-o, --output <file>', 'the index file to write')
    .option('--no-builtin', 'leave the built-in acquis out of the index')
    .option('-c, --config <file>', 'configuration file (default: acquis.config.yaml here or above)');
  readerJobsOption(command).action((paths: string[], options: IndexOptions) => guarded(io, setExit, () => runIndex(paths, options, io)));
}

/** The command's work, callable without commander. Returns the exit code. */
export function runIndex(paths: string[], options: IndexOptions, io: Io): number {
  const output = resolve(io.cwd, options.output!);
  // A mistake in the output path costs nothing: it is checked before the acquis is read.
  planWrite(output);
  const dirs: string[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new InputError('no such file or folder.', path);
    }
    if (stat.isDirectory()) dirs.push(full);
    else if (full.endsWith('.draft')) files.push(full);
    else throw new InputError('an acquis document is a .draft file.', path);
  }
  const started = Date.now();
  const built = buildIndexFile(
    {
      ...(options.config ? { configFile: options.config } : {}),
      searchFrom: io.cwd,
      // What `acquis lint --acquis <folders>` would use: the project file's folders are added.
      choices: { acquis: dirs, builtin: options.builtin === false ? false : undefined },
      choicesBase: () => io.cwd,
      acquisFiles: files,
      ...(options.jobs ? { jobs: options.jobs } : {}),
    },
    output,
  );
  const [first, ...more] = built.problems;
  if (first) {
    if (more.length) first.message += ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})`;
    throw first;
  }
  const { documents, precedents, index } = built.engine.acquis;
  const mb = (statSync(output).size / 1048576).toFixed(1);
  io.stdout(
    `Indexed ${documents.length} documents (${precedents.length} precedents, ${index.vocabulary.size} distinct words) into ${options.output} (${mb} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  return 0;
}
