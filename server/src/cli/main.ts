/**
 * The `acquis` command line: a thin shell that reads files, calls the engine and prints.
 * Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.
 *
 * Start-up counts (a CI job runs one command per draft), so this module loads nothing heavy:
 * each command lives in its own module under commands/, loaded with a dynamic import only when
 * that command runs (all of them only to list them, for `--help` or a mistyped command).
 * `acquis lint` itself runs from a bundle of its own (lint-main.ts, dist/cli-lint.js).
 */
import type { Command } from 'commander';
import { processIo, type Io, type SetExit } from './io.js';
import { runProgram, type CommandEntry } from './program.js';

/** Every command: its module is evaluated only when it runs (or when all of them are listed). */
export const COMMANDS: CommandEntry[] = [
  { name: 'lint', load: async () => (await import('./commands/lint.js')).registerLint },
  { name: 'lsp', load: async () => registerLsp },
  { name: 'rules', load: async () => (await import('./commands/rules.js')).registerRules },
  { name: 'build-snapshot', load: async () => (await import('./commands/rules.js')).registerBuildSnapshot },
  { name: 'import', load: async () => (await import('./commands/import.js')).registerImport },
  { name: 'export', load: async () => (await import('./commands/export.js')).registerExport },
  { name: 'resolve', load: async () => (await import('./commands/resolve.js')).registerResolve },
  { name: 'view', load: async () => (await import('./commands/view.js')).registerView },
  { name: 'compile', load: async () => (await import('./commands/compile.js')).registerCompile },
  { name: 'compare', load: async () => (await import('./commands/compare.js')).registerCompare },
  { name: 'report', load: async () => (await import('./commands/report.js')).registerReport },
  { name: 'search', load: async () => (await import('./commands/search.js')).registerSearch },
  { name: 'index', load: async () => (await import('./commands/index.js')).registerIndex },
  { name: 'publish', load: async () => (await import('./commands/publish.js')).registerPublish },
];

/** Run the whole CLI on `argv`; returns the exit code (-1: the language server owns the process). */
export function main(argv: string[], io: Io = processIo()): Promise<number> {
  return runProgram(argv, io, COMMANDS);
}

function registerLsp(program: Command, _io: Io, setExit: SetExit): void {
  program
    .command('lsp')
    .description('Start the language server (LSP over stdio by default; --node-ipc for VS Code).')
    .option('--stdio', 'talk over standard input and output (default)')
    .option('--node-ipc', 'talk over the Node IPC channel')
    .allowUnknownOption()
    .action(() => {
      // The server runs until its client exits it; the CLI's own exit code does not apply.
      setExit(-1);
      const { join } = require('node:path') as typeof import('node:path');
      require(join(__dirname, 'server.js'));
    });
}
