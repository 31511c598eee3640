/** Process entry of the `acquis` command (bundled to dist/cli.js). */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`acquis: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
