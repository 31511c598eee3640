/**
 * `acquis publish <folders or files> --store postgres://...`: load adopted documents into the shared
 * store (migrating its schema first), one transaction per batch; a document already there is
 * replaced. The documents are checked as a local acquis is: a problem stops the publish before
 * anything is written (exit code 2).
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { AcquisBuilder } from '../../engine/index.js';
import { LineIndex } from '../../engine/text/line-index.js';
import { describeStore, openStore } from '../../store/connection.js';
import { INDEX_MEMORY, planOf, publish, PublishProblems, type PublishPlan } from '../../store/publish.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { readerJobsOption } from '../options.js';
import { readConfigFile } from '../../host/config-file.js';
import { readerCount, readFiles } from '../../host/acquis-readers.js';
import { draftFilesUnder } from '../../host/folders.js';
import { findConfigFile, InputError, readText } from '../node-host.js';
import { storeErrorsAsync, storeUrlFor } from './acquis-sources.js';
import { plural } from './draft-file.js';

interface PublishCommandOptions {
  store?: string;
  config?: string;
  batchSize: string;
  indexMemory: string;
  timings?: boolean;
  jobs?: number;
}

export function registerPublish(program: Command, io: Io, setExit: SetExit): void {
  const command = program
    .command('publish')
    .description('Load adopted documents into a shared store on PostgreSQL (replacing those already there).')
    .argument('<paths...>', 'folders of adopted .draft documents, or files')
    .option('--store <url>', 'the store (postgres://publisher@host/db); default: ACQUIS_STORE, then `store:` in the configuration')
    .option('-c, --config <file>', 'configuration file (default: acquis.config.yaml here or above)')
    .option('--batch-size <n>', 'documents per transaction', '50')
    .option('--index-memory <size>', "PostgreSQL's memory for each index build and the 3-gram count at the end (maintenance_work_mem)", INDEX_MEMORY)
    .option('--timings', 'print the wall time of each stage (reading, writing rows, counting, each index) to stderr');
  readerJobsOption(command)
    .addHelpText(
      'after',
      `
Examples:
  acquis publish acquis/ --store postgres://acquis_publisher@db.example.org/acquis
  ACQUIS_STORE=postgres://acquis_publisher@localhost/acquis acquis publish reports/A-80-123.draft`,
    )
    .action((paths: string[], options: PublishCommandOptions) =>
      guarded(io, setExit, async () => {
        const configFile = options.config ? resolve(io.cwd, options.config) : findConfigFile(io.cwd);
        const project = configFile ? readConfigFile(configFile) : undefined;
        if (project?.problems[0]) throw project.problems[0];
        const url = storeUrlFor(options.store, project?.config?.store);
        if (!url) throw new InputError('no store: give --store postgres://... (or set ACQUIS_STORE, or `store:` in acquis.config.yaml).');
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1) throw new InputError(`--batch-size needs a whole number above 0, not '${options.batchSize}'.`);
        if (!/^[1-9]\d{0,6}(kB|MB|GB)$/.test(options.indexMemory)) throw new InputError(`--index-memory needs a size such as 256MB or 1GB, not '${options.indexMemory}'.`);
        const files = sourceFiles(io.cwd, paths);
        if (!files.length) throw new InputError(`no .draft documents in ${paths.join(', ')}.`);
        const pathOf = new Map(files.map((f) => [f.uri, f.path]));
        const store = await storeErrorsAsync(() => openStore(url));
        try {
          const report = await storeErrorsAsync(() => publish(store, () => readPlan(files, pathOf, readerCount(files, options.jobs)), {
              batchSize,
              indexMemory: options.indexMemory,
              onStep: options.timings ? (step, ms) => io.stderr(`publish: ${step} in ${(ms / 1000).toFixed(1)} s\n`) : undefined,
            }));
          const migrated = report.migrations.length ? ` (schema migrated to version ${report.migrations[report.migrations.length - 1]})` : '';
          const replaced = report.replaced ? `, ${report.replaced} replaced` : '';
          io.stdout(
            `Published ${plural(report.documents, 'document')} (${plural(report.precedents, 'precedent')}${replaced}) to ${describeStore(url)}${migrated}.\n`,
          );
          setExit(0);
        } catch (error) {
          if (!(error instanceof PublishProblems)) throw error;
          const first = error.problems[0]!;
          let text = '';
          try {
            text = readText(pathOf.get(first.uri) ?? first.uri);
          } catch {
            // placed at the start of the file
          }
          const at = new LineIndex(text).position(first.span.start);
          const more = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : '';
          throw new InputError(`not published: ${first.message}${more}`, first.uri, at.line + 1, at.character + 1);
        } finally {
          await store.close();
        }
      }),
    );
}

/**
 * The .draft files named or under the folders named, each with its path and the URI it is
 * published under (its path relative to the working folder).
 */
function sourceFiles(cwd: string, paths: string[]): Array<{ uri: string; path: string }> {
  const out: Array<{ uri: string; path: string }> = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let isFolder = false;
    try {
      isFolder = statSync(full).isDirectory();
    } catch {
      throw new InputError('no such file or folder.', path);
    }
    for (const file of isFolder ? draftFilesUnder(full) : [full]) out.push({ uri: relative(cwd, file) || file, path: file });
  }
  return out;
}

/**
 * Read and check every document (a large acquis on worker threads, as `acquis index` does),
 * keeping only the acquis' compact tables: each document's text is read again when its row is
 * written, so a million paragraphs are never all in memory as text.
 */
function readPlan(files: Array<{ uri: string; path: string }>, pathOf: Map<string, string>, jobs: number): PublishPlan {
  const builder = new AcquisBuilder({ readSource: (uri) => readText(pathOf.get(uri) ?? uri), keepSourceBytes: 0 });
  const unread: InputError[] = [];
  readFiles(files, jobs, builder, (error) => unread.push(error));
  if (unread[0]) throw unread[0];
  return planOf(builder.finish());
}
