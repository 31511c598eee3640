/** Process entry of `acquis lint` (bundled to dist/cli-lint.js; bin/acquis.js chooses it). */
import { lintMain } from './lint-main.js';
import { runAsProcess } from './run-process.js';

runAsProcess((argv) => lintMain(argv));
