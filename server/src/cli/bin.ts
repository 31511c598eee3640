/** Process entry of the `acquis` command (bundled to dist/cli.js). */
import { main } from './main.js';
import { stderr, stdout } from './std-streams.js';

/**
 * A finished command exits as soon as its output is written: nothing it leaves behind (a pool's
 * idle timer, a worker thread) may keep the process, and its user, waiting.
 */
function exitWhenDrained(code: number): void {
  stdout.onDrained(() => stderr.onDrained(() => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a long-running command (the language server) owns the process from here on.
    if (code >= 0) exitWhenDrained(code);
  },
  (error: unknown) => {
    stderr.write(`acquis: ${String(error)}\n`);
    exitWhenDrained(2);
  },
);
