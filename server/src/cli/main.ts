/**
 * The `acquis` command line: a thin shell that reads files, calls the engine and prints.
 * Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.
 *
 * Start-up counts (a CI job runs one command per draft), so this module loads nothing heavy:
 * each command lives in its own module under commands/, loaded with a dynamic import only when
 * that command runs (all of them only to list them, for `--help` or a mistyped command).
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../../package.json';
import { processIo, reportFailure, type Io, type SetExit } from './io.js';

type Register = (program: Command, io: Io, setExit: SetExit) => void;

interface CommandEntry {
  name: string;
  load: () => Promise<Register>;
}

/** Every command: its module is evaluated only when it runs (or when all of them are listed). */
const COMMANDS: CommandEntry[] = [
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

/** The command `argv` asks for (`acquis help <command>` too), if it is one of ours. */
function requested(argv: string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const setExit: SetExit = (code) => {
    exitCode = code;
  };
  const program = new Command('acquis')
    .description('Checks negotiating drafts against agreed UN language.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    // The command asked for, alone; or all of them to list them (help, a mistyped command).
    const wanted = requested(argv);
    for (const entry of wanted ? [wanted] : COMMANDS) (await entry.load())(program, io, setExit);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    return reportFailure(io, error);
  }
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
