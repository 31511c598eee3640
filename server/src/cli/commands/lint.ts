/**
 * `acquis lint <files...>`: lint drafts against the acquis, print the findings in one of the
 * formats of `LINT_FORMATTERS`, optionally apply the safe fixes (`--fix`, written back through
 * the safe writes) or show them (`--fix-dry-run`), and compare with a baseline.
 * Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { version } from '../../../../package.json';
import { atOrAbove, FIX_LEVEL_SETTINGS, RULES, SEVERITIES, type FixLevelSetting, type Severity } from '../../engine/index.js';
import { LineIndex } from '../../engine/index.js';
import { applyBaseline, baselineOfDraft, formatBaseline, makeBaseline, readBaseline, type Baseline } from '../baseline.js';
import { sourcesFor, type AcquisSources } from './acquis-sources.js';
import { formatGithub, githubAnnotations } from '../format/github.js';
import { formatJsonParts, jsonReportStream } from '../format/json.js';
import type { FileReport, RunInfo } from '../format/report.js';
import { formatSarif } from '../format/sarif.js';
import { formatText, textReportStream } from '../format/text.js';
import { InputError, STDIN_NAME } from '../../host/text-file.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { expandInputs } from '../node-host.js';
import { acquisOptions, formatOption, outputOption, type AcquisCliOptions } from '../options.js';
import { openOutput, readDraftFile, writeBack } from '../output.js';
import { lintText, type FixRequest, type LintedText } from '../parallel/lint-text.js';
import { jobsFor } from '../parallel/jobs.js';
import { LintPool, workerBundle, type Outcome, type PoolTask } from '../parallel/pool.js';
import { unifiedDiff } from '../unified-diff.js';
import { delayOptimisationFor, holdYoungGeneration, youngGenerationMb } from '../tiering.js';
import type { TextFile } from '../../host/text-file.js';

/** The output formats: the `--format` choices are this table's keys. */
export const LINT_FORMATTERS = {
  text: (reports: FileReport[]) => formatText(reports),
  json: (reports: FileReport[], info: RunInfo) => formatJsonParts(reports, info),
  sarif: (reports: FileReport[], info: RunInfo) => formatSarif(reports, info),
  github: (reports: FileReport[]) => formatGithub(reports),
} satisfies Record<string, (reports: FileReport[], info: RunInfo) => string | Iterable<string>>;

export type LintFormat = keyof typeof LINT_FORMATTERS;

/** A format written a file at a time, as the files are linted: each file's parts, then the end. */
interface ReportStream {
  file(report: FileReport): string | Iterable<string>;
  end(): string;
}

/**
 * The formats that can be written as the files are linted, each exactly as its `LINT_FORMATTERS`
 * entry writes all the reports at once; SARIF lists the rules found before the results, so it
 * needs every report first.
 */
const STREAMED_FORMATS: Partial<Record<LintFormat, (info: RunInfo) => ReportStream>> = {
  json: jsonReportStream,
  text: textReportStream,
  github: () => ({ file: githubAnnotations, end: () => '' }),
};

export interface LintOptions extends AcquisCliOptions {
  format: LintFormat;
  maxSeverity?: Severity | 'none';
  fix?: boolean;
  fixDryRun?: boolean;
  fixLevel?: FixLevelSetting;
  output?: string;
  baseline?: string;
  writeBaseline?: string;
  store?: string;
  /** `--jobs`: threads to lint on (the main one and jobs - 1 workers), or `auto` (decided by `jobsFor`); default 1. */
  jobs?: number | 'auto';
}

function jobsOption(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1, or auto, is needed.');
  return n;
}

export function registerLint(program: Command, io: Io, setExit: SetExit): void {
  const command = program
    .command('lint')
    .description('Lint .draft files against the acquis (agreed language).')
    .argument('<files...>', 'files, folders or globs (quote globs: "drafts/**/*.draft"); - reads standard input')
    .addOption(formatOption(LINT_FORMATTERS, 'text'));
  acquisOptions(command)
    .addOption(
      new Option('--max-severity <level>', 'fail (exit 1) on a finding at or above this level (default: warning)').choices([...SEVERITIES, 'none']),
    )
    .option('--fix', 'apply safe fixes to the files (safe writes: README, "What Acquis guarantees about your files")')
    .option('--fix-dry-run', 'print the fixes as a diff instead of writing them')
    .addOption(
      new Option('--fix-level <level>', 'how far --fix goes: editorial (default), wording or all (substantive too)').choices(FIX_LEVEL_SETTINGS),
    )
    .option('--baseline <file>', 'report and fail only on findings not in this baseline (a --write-baseline file, or an earlier .draft)')
    .option('--write-baseline <file>', 'record the current findings as the baseline (then exit 0)')
    .option('--store <url>', 'also use a shared store (postgres://...); default: ACQUIS_STORE, then `store:` in the configuration')
    .option('-j, --jobs <n>', 'lint on n threads, or auto: one per core when there is enough to lint (default: 1)', jobsOption);
  outputOption(command, 'the report').action((files: string[], options: LintOptions) =>
    guarded(io, setExit, () => runLint(files, options, io)),
  );
}

/** The command's work, callable without commander. Returns the exit code. */
export async function runLint(inputs: string[], options: LintOptions, io: Io): Promise<number> {
  // The local acquis, and the shared store when one is configured (closed whatever happens).
  // Date.now rather than performance.now, which would load perf_hooks in every run.
  const started = Date.now();
  const sources = await sourcesFor(options, io.cwd);
  const buildMs = Date.now() - started;
  try {
    return await lintWith(sources, inputs, options, io, buildMs);
  } finally {
    await sources.close();
  }
}

async function lintWith(sources: AcquisSources, inputs: string[], options: LintOptions, io: Io, buildMs: number): Promise<number> {
  const paths = await expandInputs(inputs, io.cwd);
  if (paths.includes('-') && options.fix) {
    throw new InputError('--fix cannot rewrite standard input; use --fix-dry-run to see the fixes.', STDIN_NAME);
  }
  // Every file this run writes is checked before any work: not an input, in a folder that exists.
  const read = options.baseline !== undefined ? [...paths, options.baseline] : paths;
  const output = openOutput(io, options.output, read);
  const baselineOut = options.writeBaseline !== undefined ? openOutput(io, options.writeBaseline, read) : undefined;
  const fromDraft = options.baseline?.endsWith('.draft') ?? false;
  let baseline: Baseline | undefined = options.baseline !== undefined && !fromDraft ? readBaseline(options.baseline, io.cwd) : undefined;
  const engine = sources.local;
  if (options.baseline !== undefined && fromDraft) {
    // An earlier revision: its findings, linted now with the same engine, are the baseline.
    const old = readDraftFile(io, options.baseline);
    const findings = (await sources.engineFor(old.text)).lint(options.baseline, old.text).findings;
    baseline = baselineOfDraft({ path: options.baseline, text: old.text, lines: new LineIndex(old.text), findings });
  }
  const fix: FixRequest | undefined = options.fix || options.fixDryRun ? (options.fixLevel ? { level: options.fixLevel } : {}) : undefined;
  const jobs = jobsFor({ requested: options.jobs, paths, cwd: io.cwd, store: sources.storeUrl !== undefined, bundle: workerBundle(), buildMs });
  // Says how the work was spread (the tests check that --jobs really starts workers).
  if (process.env.ACQUIS_DEBUG) io.stderr(`acquis: ${paths.length} file${paths.length === 1 ? '' : 's'} on ${jobs} thread${jobs === 1 ? '' : 's'}\n`);
  const linted = jobs > 1 ? lintInParallel(jobs, paths, options, io, fix, engine) : lintInTurn(sources, paths, io, fix);
  const info: RunInfo = {
    version,
    rules: RULES,
    acquis: { documents: engine.acquis.documents.length, precedents: engine.acquis.precedents.length },
  };
  const threshold = options.maxSeverity ?? engine.config.failOn;
  // Each file's report is written as soon as it is made (and is garbage at once, never kept until
  // the end) when nothing needs them all: no baseline, no diff, standard output.
  const needsAll = options.fixDryRun || options.baseline !== undefined || options.writeBaseline !== undefined || output.file !== undefined;
  const stream = needsAll ? undefined : STREAMED_FORMATS[options.format]?.(info);
  // Each file's outcome in the order given, as one at a time would have it: the fixes of the files
  // before a failure are written, the failure stops the run, nothing after it is written (in a
  // streamed report, the files before it are written: an unfinished report, and exit code 2).
  const reports: FileReport[] = [];
  let failing = false;
  let diffs = '';
  for await (const { path, file, outcome } of linted) {
    if ('failed' in outcome) throw outcome.failed;
    const { text } = outcome.done;
    if (options.fixDryRun) diffs += unifiedDiff(path, file.text, text);
    else if (options.fix && text !== file.text) writeBack(file, text);
    const report = { path, text, lines: new LineIndex(text), findings: outcome.done.findings };
    if (stream) {
      output.write(stream.file(report));
      failing ||= report.findings.some((f) => atOrAbove(f.severity, threshold));
    } else reports.push(report);
  }
  if (stream) {
    output.write(stream.end());
    return failing ? 1 : 0;
  }

  if (baselineOut && options.writeBaseline !== undefined) {
    const written = makeBaseline(reports, options.writeBaseline, io.cwd);
    baselineOut.write(formatBaseline(written));
    io.stderr(`${options.writeBaseline}: baseline of ${written.findings.length} finding${written.findings.length === 1 ? '' : 's'} written.\n`);
  }
  if (baseline && options.baseline !== undefined) {
    const { known, gone } = applyBaseline(reports, baseline, options.baseline, io.cwd);
    io.stderr(`${options.baseline}: ${known} known finding${known === 1 ? '' : 's'} not reported; ${gone} from the baseline no longer found.\n`);
  }

  if (options.fixDryRun) output.write(diffs || 'No fixes to apply.\n');
  else output.write(LINT_FORMATTERS[options.format](reports, info));
  if (options.writeBaseline !== undefined) return 0;
  return reports.some((r) => r.findings.some((f) => atOrAbove(f.severity, threshold))) ? 1 : 0;
}

interface FileOutcome {
  /** The name reported (standard input as `<stdin>`). */
  path: string;
  file: TextFile;
  outcome: Outcome;
}

const shownPath = (path: string): string => (path === '-' ? STDIN_NAME : path);

/** One file after the other on this thread (with a shared store: an engine per text). */
async function* lintInTurn(sources: AcquisSources, paths: string[], io: Io, fix: FixRequest | undefined): AsyncGenerator<FileOutcome> {
  for (const given of paths) {
    const file = readDraftFile(io, given, { stdin: true });
    const path = shownPath(given);
    // With a shared store: an engine that also holds the stored precedents this text may quote.
    const engine = await sources.engineFor(file.text);
    delayOptimisationFor(file.text.length);
    holdYoungGeneration();
    let outcome: Outcome;
    try {
      outcome = { done: lintText(engine, path, file.text, fix) };
    } catch (error) {
      outcome = { failed: error };
    }
    yield { path, file, outcome };
  }
  if (process.env.ACQUIS_DEBUG) io.stderr(`acquis: young generation ${youngGenerationMb().toFixed(1)} MB at the end\n`);
}

/**
 * The files spread over `jobs` threads: this one and `jobs - 1` workers. The workers start first;
 * meanwhile the files are read here, in the order given (a file that cannot be read ends the
 * reading: one at a time, nothing after it would have been read). Then the largest files are
 * handed out first, each to the first thread free, so that the run ends on small ones; at the end
 * this thread takes back what still waits in a worker's queue. Outcomes are yielded in the order given.
 */
async function* lintInParallel(
  jobs: number,
  paths: string[],
  options: LintOptions,
  io: Io,
  fix: FixRequest | undefined,
  engine: AcquisSources['local'],
): AsyncGenerator<FileOutcome> {
  // Several threads are started only for much text (jobs.ts): before the workers compile.
  delayOptimisationFor(Number.POSITIVE_INFINITY);
  const outcomes: Array<Outcome | undefined> = [];
  const acquis = { acquis: options.acquis, builtin: options.builtin, ...(options.config ? { config: options.config } : {}), ...(options.index ? { index: options.index } : {}) };
  const setup = { acquis, cwd: io.cwd, ...(fix ? { fix } : {}) };
  const order: number[] = [];
  let nextInOrder = 0;
  const files: TextFile[] = [];
  const take = (): PoolTask | undefined => {
    if (nextInOrder >= order.length) return undefined;
    const index = order[nextInOrder++]!;
    return { index, path: shownPath(paths[index]!), text: files[index]!.text };
  };
  const pool = LintPool.start(jobs - 1, workerBundle()!, setup, paths.length, take, (index, outcome) => (outcomes[index] = outcome));
  let unreadable: { index: number; error: unknown } | undefined;
  try {
    for (let index = 0; index < paths.length; index++) {
      try {
        files[index] = readDraftFile(io, paths[index]!, { stdin: true });
      } catch (error) {
        unreadable = { index, error };
        break;
      }
      order.push(index);
    }
    // Largest first (a stable sort: equal sizes keep the order given).
    order.sort((a, b) => files[b]!.text.length - files[a]!.text.length);
    pool.feedAll();
    // This thread lints too, a file at a time, letting the workers' replies in between.
    for (;;) {
      for (let task = pool.nextForMain(); task; task = pool.nextForMain()) {
        try {
          outcomes[task.index] = { done: lintText(engine, task.path, task.text, fix) };
        } catch (error) {
          outcomes[task.index] = { failed: error };
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        pool.feedAll();
      }
      if (pool.pending === 0) break;
      await pool.drain();
    }
  } finally {
    pool.close();
  }
  for (let index = 0; index < paths.length; index++) {
    if (unreadable?.index === index) throw unreadable.error;
    yield { path: shownPath(paths[index]!), file: files[index]!, outcome: outcomes[index]! };
  }
}
