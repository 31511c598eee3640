// Bundles the CLI and the language server with esbuild, then writes the snapshot of the built-in
// acquis. One self-contained file per entry point: start-up time counts for a command run in CI.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies (tinyglobby's fdir) read import.meta.url, which a CommonJS bundle lacks.
  // ACQUIS_PRODUCTION: grammar validations run in the tests, not in every process (grammar/src/parser.ts).
  define: { 'import.meta.url': '__acquis_import_meta_url', ACQUIS_PRODUCTION: 'true' },
  banner: { js: "var __acquis_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  // pdf.js (an ES module, loaded only when a PDF is imported) stays in node_modules.
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', external: ['pdfjs-dist'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  // Huge documents are linted in a worker thread of the server (server/src/lsp/analyses.ts).
  build({ ...common, entryPoints: ['server/src/lsp/lint-worker.ts'], outfile: 'dist/lint-worker.js' }),
  // The VS Code client: `vscode` is provided by the editor at run time.
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);
// pdf.js beside the CLI bundle (server/src/cli/office/pdf-text.ts loads it from there): a VSIX or an
// installed package carries dist/ but no node_modules. Its licence goes with it.
mkdirSync('dist/pdfjs', { recursive: true });
for (const [from, to] of [['legacy/build/pdf.min.mjs', 'pdf.mjs'], ['legacy/build/pdf.worker.min.mjs', 'pdf.worker.mjs'], ['LICENSE', 'LICENSE']]) {
  copyFileSync(`node_modules/pdfjs-dist/${from}`, `dist/pdfjs/${to}`);
}
execFileSync(process.execPath, ['dist/cli.js', 'build-snapshot'], { stdio: ['ignore', 'ignore', 'inherit'] });
