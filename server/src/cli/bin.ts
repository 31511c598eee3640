/** Process entry of the `acquis` command (bundled to dist/cli.js). */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a long-running command (the language server) owns the process from here on.
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`acquis: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
