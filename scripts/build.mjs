// Bundles the CLI and the language server with esbuild, then writes the snapshot of the built-in
// acquis. One self-contained file per entry point: start-up time counts for a command run in CI.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * commander requires node:child_process at load time, for executable subcommands, which Acquis
 * does not use; loading it (and net, dgram, streams behind it) cost every run about 2 ms. The
 * bundle gets it on first use instead. The build fails if commander's source changes shape.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${args.path}: the require of node:child_process was not found (commander changed)`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * CommonJS packages that only some runs use (YAML and Ajv read a configuration file; most lints
 * have none): bundled as usual, but evaluated at their first use instead of when the module that
 * imports them is. The package is replaced by a module whose exports are getters over the real
 * one, which esbuild keeps inside a function (its CommonJS wrapper runs on the first `require`).
 * The export names are the real module's, read here; importers only ever read properties of it
 * (`import_yaml.parseDocument(...)`), so each read goes through a getter. Evaluating both took
 * about 5 ms of every `acquis lint`.
 */
const lazyPackages = (names) => ({
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const file = require.resolve(args.path);
      const real = require(file);
      const lines = [`let real;`, `const load = () => (real ??= require(${JSON.stringify(file)}));`];
      if (real.__esModule) lines.push(`Object.defineProperty(exports, '__esModule', { value: true });`);
      for (const key of Object.keys(real)) lines.push(`Object.defineProperty(exports, ${JSON.stringify(key)}, { enumerable: true, get: () => load()[${JSON.stringify(key)}] });`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: process.cwd() };
    });
  },
});

/**
 * Chevrotain's lexer fills a 65,536-entry table for its first-character optimisation on every
 * construction, even in safe mode, which never reads it (grammar/src/tokens.ts turns that
 * optimisation off): about 2.5 ms of every run. The bundle fills it only when the optimisation is
 * computed, which is the only code that reads it. The build fails if Chevrotain's source changes shape.
 */
const chevrotainSafeModeTable = {
  name: 'chevrotain-safe-mode-table',
  setup(b) {
    b.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const eager = 'tracer("initCharCodeToOptimizedIndexMap", () => {\n        initCharCodeToOptimizedIndexMap();\n    });';
      if (!source.includes(eager)) throw new Error(`${args.path}: the first-character table's initialisation was not found (chevrotain changed)`);
      const lazy = 'if (!options.safeMode) tracer("initCharCodeToOptimizedIndexMap", () => {\n        initCharCodeToOptimizedIndexMap();\n    });';
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * Chevrotain's Parser class takes about 230 methods from ten mixin classes, one property at a
 * time, when its module is evaluated. V8 keeps a prototype in fast mode and copies its property
 * table on every addition, so the copy cost about 1.5 ms of every run. Adding and deleting one
 * property first turns the prototype into a dictionary, where additions are cheap; V8 makes it
 * fast again, once, when it is first used as a prototype. Same methods, same order; the build
 * fails if Chevrotain's source changes shape.
 */
const chevrotainMixinsInBulk = {
  name: 'chevrotain-mixins-in-bulk',
  setup(b) {
    b.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]utils[\\/]apply_mixins\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const start = 'export function applyMixins(derivedCtor, baseCtors) {\n';
      if (!source.includes(start)) throw new Error(`${args.path}: applyMixins was not found (chevrotain changed)`);
      const dictionary = 'derivedCtor.prototype.__acquisDictionary = 0;\n    delete derivedCtor.prototype.__acquisDictionary;\n';
      return { contents: source.replace(start, start + '    ' + dictionary), loader: 'js' };
    });
  },
};

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
  plugins: [lazyPackages(['yaml', 'ajv']), chevrotainSafeModeTable, chevrotainMixinsInBulk],
};

await Promise.all([
  // pdf.js (an ES module, loaded only when a PDF is imported) stays in node_modules.
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', external: ['pdfjs-dist'], plugins: [lazyChildProcess, ...common.plugins] }),
  // `acquis lint` alone (bin/acquis.js loads it for that command): about half the code to read,
  // deserialise and evaluate, and static imports that esbuild can trim.
  build({ ...common, entryPoints: ['server/src/cli/lint-bin.ts'], outfile: 'dist/cli-lint.js', plugins: [lazyChildProcess, ...common.plugins] }),
  // `acquis lint` over many files lints on worker threads too (server/src/cli/parallel/).
  build({ ...common, entryPoints: ['server/src/cli/parallel/worker-main.ts'], outfile: 'dist/cli-lint-worker.js' }),
  // A large acquis is read and parsed on worker threads (server/src/host/acquis-readers.ts).
  build({ ...common, entryPoints: ['server/src/host/acquis-read-worker.ts'], outfile: 'dist/acquis-read-worker.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  // Huge documents are linted in a worker thread of the server (server/src/lsp/analyses.ts).
  build({ ...common, entryPoints: ['server/src/lsp/lint-worker.ts'], outfile: 'dist/lint-worker.js' }),
  // The VS Code client: `vscode` is provided by the editor at run time.
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]);
// esbuild leaves non-ASCII characters in regular expression literals; an all-ASCII bundle is read
// as Latin-1, three times faster than decoding UTF-8 (bin/load-bundle.js).
await asciiOnly('dist/cli.js');
await asciiOnly('dist/cli-lint.js');
await asciiOnly('dist/cli-lint-worker.js');
await asciiOnly('dist/acquis-read-worker.js');
// pdf.js beside the CLI bundle (server/src/cli/office/pdf-text.ts loads it from there): a VSIX or an
// installed package carries dist/ but no node_modules. Its licence goes with it.
mkdirSync('dist/pdfjs', { recursive: true });
for (const [from, to] of [['legacy/build/pdf.min.mjs', 'pdf.mjs'], ['legacy/build/pdf.worker.min.mjs', 'pdf.worker.mjs'], ['LICENSE', 'LICENSE']]) {
  copyFileSync(`node_modules/pdfjs-dist/${from}`, `dist/pdfjs/${to}`);
}
execFileSync(process.execPath, ['dist/cli.js', 'build-snapshot'], { stdio: ['ignore', 'ignore', 'inherit'] });
// One lint through bin/acquis.js writes the V8 code cache of the new bundle (bin/load-bundle.js),
// so that the first real run, in a fresh clone or on CI, starts from it with the lint path compiled.
execFileSync(process.execPath, ['bin/acquis.js', 'lint', 'samples/demo.draft', '--max-severity', 'none'], { stdio: ['ignore', 'ignore', 'inherit'] });
// That cache is of no use in an npm package (its name carries the bundle's time, which an install
// changes): npm leaves it out through a nested .npmignore, which applies under the "files" list.
// (vsce refuses a "!" pattern in "files" beside a .vscodeignore, so the VSIX carries it, unused.)
writeFileSync('dist/.npmignore', '.cache/\n');

/**
 * Rewrite every non-ASCII character of a bundle as a \u escape. Outside comments (which minified
 * bundles do not keep) such a character can only stand in a string, template or regular
 * expression literal (esbuild already escapes strings and identifiers), where `\uXXXX` means the
 * same UTF-16 unit; an identity escape in front of it (`\–`) is dropped, as it would otherwise
 * escape the backslash of the new escape.
 */
async function asciiOnly(file) {
  const text = await readFile(file, 'utf8');
  const hex = (unit) => `\\u${unit.toString(16).padStart(4, '0')}`;
  const out = text.replace(/(\\*)([^\x00-\x7f]+)/g, (_, slashes, chars) => {
    const kept = slashes.length % 2 ? slashes.slice(1) : slashes;
    let escaped = '';
    for (let i = 0; i < chars.length; i++) escaped += hex(chars.charCodeAt(i));
    return kept + escaped;
  });
  if (out !== text) await writeFile(file, out);
}
