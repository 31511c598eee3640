/** Process entry of the `acquis` command (bundled to dist/cli.js). */
import { main } from './main.js';
import { runAsProcess } from './run-process.js';

runAsProcess((argv) => main(argv));
