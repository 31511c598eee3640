/**
 * `acquis lint <files...>`: lint drafts against the acquis, print the findings in one of the
 * formats of `LINT_FORMATTERS`, optionally apply the safe fixes (`--fix`, written back through
 * the safe writes) or show them (`--fix-dry-run`), and compare with a baseline.
 * Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.
 */
import { Option, type Command } from 'commander';
import { version } from '../../../../package.json';
import { atOrAbove, DEFAULT_FIX_LEVEL, FIX_LEVEL_SETTINGS, fixAll, RULES, SEVERITIES, type FixLevelSetting, type Severity } from '../../engine/index.js';
import { LineIndex } from '../../engine/index.js';
import { applyBaseline, baselineOfDraft, formatBaseline, makeBaseline, readBaseline, type Baseline } from '../baseline.js';
import { sourcesFor, type AcquisSources } from './acquis-sources.js';
import { formatGithub } from '../format/github.js';
import { formatJson } from '../format/json.js';
import type { FileReport, RunInfo } from '../format/report.js';
import { formatSarif } from '../format/sarif.js';
import { formatText } from '../format/text.js';
import { InputError, STDIN_NAME } from '../../host/text-file.js';
import { guarded, type Io, type SetExit } from '../io.js';
import { expandInputs } from '../node-host.js';
import { acquisOptions, formatOption, outputOption, type AcquisCliOptions } from '../options.js';
import { openOutput, readDraftFile, writeBack } from '../output.js';
import { unifiedDiff } from '../unified-diff.js';

/** The output formats: the `--format` choices are this table's keys. */
export const LINT_FORMATTERS = {
  text: (reports: FileReport[]) => formatText(reports),
  json: (reports: FileReport[], info: RunInfo) => formatJson(reports, info),
  sarif: (reports: FileReport[], info: RunInfo) => formatSarif(reports, info),
  github: (reports: FileReport[]) => formatGithub(reports),
} satisfies Record<string, (reports: FileReport[], info: RunInfo) => string>;

export type LintFormat = keyof typeof LINT_FORMATTERS;

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
    .option('--store <url>', 'also use a shared store (postgres://...); default: ACQUIS_STORE, then `store:` in the configuration');
  outputOption(command, 'the report').action((files: string[], options: LintOptions) =>
    guarded(io, setExit, () => runLint(files, options, io)),
  );
}

/** The command's work, callable without commander. Returns the exit code. */
export async function runLint(inputs: string[], options: LintOptions, io: Io): Promise<number> {
  // The local acquis, and the shared store when one is configured (closed whatever happens).
  const sources = await sourcesFor(options, io.cwd);
  try {
    return await lintWith(sources, inputs, options, io);
  } finally {
    await sources.close();
  }
}

async function lintWith(sources: AcquisSources, inputs: string[], options: LintOptions, io: Io): Promise<number> {
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
  const reports: FileReport[] = [];
  let diffs = '';
  for (let path of paths) {
    const file = readDraftFile(io, path, { stdin: true });
    if (path === '-') path = STDIN_NAME;
    // With a shared store: an engine that also holds the stored precedents this text may quote.
    const engine = await sources.engineFor(file.text);
    let text = file.text;
    if (options.fix || options.fixDryRun) {
      // The command line's level, else the configuration's, else editorial only.
      const level = options.fixLevel ?? engine.config.fixLevel ?? DEFAULT_FIX_LEVEL;
      text = fixAll(file.text, (t) => engine.lint(path, t).findings, { level }).text;
      if (options.fixDryRun) diffs += unifiedDiff(path, file.text, text);
      else if (text !== file.text) writeBack(file, text);
    }
    const findings = engine.lint(path, text).findings;
    reports.push({ path, text, lines: new LineIndex(text), findings });
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

  const info: RunInfo = {
    version,
    rules: RULES,
    acquis: { documents: engine.acquis.documents.length, precedents: engine.acquis.precedents.length },
  };
  if (options.fixDryRun) output.write(diffs || 'No fixes to apply.\n');
  else output.write(LINT_FORMATTERS[options.format](reports, info));
  if (options.writeBaseline !== undefined) return 0;
  const threshold = options.maxSeverity ?? engine.config.failOn;
  return reports.some((r) => r.findings.some((f) => atOrAbove(f.severity, threshold))) ? 1 : 0;
}
