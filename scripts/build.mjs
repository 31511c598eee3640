// Bundles the CLI (and, later, the language server and the VS Code client) with esbuild.
// One self-contained file per entry point: start-up time counts for a command run in CI.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' });
