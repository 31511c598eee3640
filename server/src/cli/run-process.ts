/** How a bundle's entry runs a command line as this process: exit code, exit once output is out. */
import { stderr, stdout } from './std-streams.js';

/**
 * A finished command exits as soon as its output is written: nothing it leaves behind (a pool's
 * idle timer, a worker thread) may keep the process, and its user, waiting.
 */
function exitWhenDrained(code: number): void {
  stdout.onDrained(() => stderr.onDrained(() => process.exit(code)));
}

/** Run `run` on this process's arguments and exit with its code (-1: it owns the process from here on). */
export function runAsProcess(run: (argv: string[]) => Promise<number>): void {
  run(process.argv.slice(2)).then(
    (code) => {
      // -1: a long-running command (the language server) owns the process from here on.
      if (code >= 0) exitWhenDrained(code);
    },
    (error: unknown) => {
      stderr.write(`acquis: ${String(error)}\n`);
      exitWhenDrained(2);
    },
  );
}
