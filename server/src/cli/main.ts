/**
 * The `acquis` command line: a thin shell that reads files, calls the engine and prints.
 * Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.
 */
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { version } from '../../../package.json';
import { atOrAbove, DEFAULT_FIX_LEVEL, FIX_LEVEL_SETTINGS, fixAll, RULES, SEVERITIES, type Finding, type FixLevelSetting, type Severity } from '../engine/index.js';
import { LineIndex } from '../engine/text/line-index.js';
import { formatGithub } from './format/github.js';
import { formatJson } from './format/json.js';
import type { FileReport, RunInfo } from './format/report.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import { engineFor } from './engine-for.js';
import { expandInputs, InputError, readText, writeAtomic, writeBuiltinSnapshot } from './node-host.js';
import { unifiedDiff } from './unified-diff.js';
import { registerCompare } from './commands/compare.js';
import { registerCompile } from './commands/compile.js';
import { registerImport } from './commands/import.js';
import { registerReport } from './commands/report.js';
import { registerResolve } from './commands/resolve.js';
import { registerView } from './commands/view.js';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});

interface LintOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  acquis: string[];
  builtin: boolean;
  config?: string;
  maxSeverity?: Severity | 'none';
  fix?: boolean;
  fixDryRun?: boolean;
  fixLevel?: FixLevelSetting;
  output?: string;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('acquis')
    .description('Checks negotiating drafts against agreed UN language.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('lint')
    .description('Lint .draft files against the acquis (agreed language).')
    .argument('<files...>', 'files, folders or globs (quote globs: "drafts/**/*.draft")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('--acquis <dir>', 'add a folder of adopted .draft documents (repeatable)', collect, [])
    .option('--no-builtin', 'do not use the built-in acquis')
    .option('-c, --config <file>', 'configuration file (default: acquis.config.yaml here or above)')
    .addOption(
      new Option('--max-severity <level>', 'fail (exit 1) on a finding at or above this level (default: warning)').choices([
        ...SEVERITIES,
        'none',
      ]),
    )
    .option('--fix', 'apply safe fixes to the files (atomic writes)')
    .option('--fix-dry-run', 'print the fixes as a diff instead of writing them')
    .addOption(
      new Option('--fix-level <level>', 'how far --fix goes: editorial (default), wording or all (substantive too)').choices(FIX_LEVEL_SETTINGS),
    )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .action(async (files: string[], options: LintOptions) => {
      exitCode = await lint(files, options, io);
    });

  program
    .command('lsp')
    .description('Start the language server (LSP over stdio by default; --node-ipc for VS Code).')
    .option('--stdio', 'talk over standard input and output (default)')
    .option('--node-ipc', 'talk over the Node IPC channel')
    .allowUnknownOption()
    .action(() => {
      // The server runs until its client exits it; the CLI's own exit code does not apply.
      exitCode = -1;
      const { join } = require('node:path') as typeof import('node:path');
      require(join(__dirname, 'server.js'));
    });

  program
    .command('build-snapshot', { hidden: true })
    .description('Write the snapshot of the built-in acquis (part of the build).')
    .action(() => {
      io.stdout(`${writeBuiltinSnapshot()}\n`);
    });

  program
    .command('rules')
    .description('List the rules with their default severity.')
    .action(() => {
      for (const rule of RULES) io.stdout(`${rule.id.padEnd(22)} ${rule.defaultSeverity.padEnd(8)} ${rule.summary}\n`);
      io.stdout(`${'syntax'.padEnd(22)} ${'error'.padEnd(8)} The draft does not follow the .draft markup.\n`);
    });

  const setExit = (code: number): void => {
    exitCode = code;
  };
  registerImport(program, io, setExit);
  registerResolve(program, io, setExit);
  registerView(program, io, setExit);
  registerCompile(program, io, setExit);
  registerCompare(program, io, setExit);
  registerReport(program, io, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      io.stderr(`${error.location}error: ${error.message}\n`);
      return 2;
    }
    io.stderr(`acquis: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function lint(inputs: string[], options: LintOptions, io: Io): Promise<number> {
  const engine = engineFor(options, io.cwd);
  const paths = await expandInputs(inputs, io.cwd);
  const reports: FileReport[] = [];
  let diffs = '';
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    const original = readText(full, path);
    let text = original;
    if (options.fix || options.fixDryRun) {
      const level = options.fixLevel ?? engine.config.fixLevel ?? DEFAULT_FIX_LEVEL;
      text = fixAll(original, (t) => engine.lint(path, t).findings, { level }).text;
      if (options.fixDryRun) diffs += unifiedDiff(path, original, text);
      else if (text !== original) writeAtomic(full, text);
    }
    const findings = engine.lint(path, text).findings;
    reports.push({ path, text, lines: new LineIndex(text), findings });
  }
  const info: RunInfo = {
    version,
    rules: RULES,
    acquis: { documents: engine.acquis.documents.length, precedents: engine.acquis.precedents.length },
  };
  if (options.fixDryRun) {
    io.stdout(diffs || 'No fixes to apply.\n');
  } else {
    const rendered = render(options.format, reports, info);
    if (options.output) writeAtomic(resolve(io.cwd, options.output), rendered);
    else io.stdout(rendered);
  }
  const threshold = options.maxSeverity ?? engine.config.failOn;
  const failing = reports.some((r) => r.findings.some((f: Finding) => atOrAbove(f.severity, threshold)));
  return failing ? 1 : 0;
}

function render(format: LintOptions['format'], reports: FileReport[], info: RunInfo): string {
  switch (format) {
    case 'json':
      return formatJson(reports, info);
    case 'sarif':
      return formatSarif(reports, info);
    case 'github':
      return formatGithub(reports);
    default:
      return formatText(reports);
  }
}
