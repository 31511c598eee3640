#!/usr/bin/env node
/**
 * `npm run test:install`: the package as a user gets it, on Node 20 and Node 22.
 *
 * 1. `npm pack` the built repository (dist/ must exist: `npm run build`).
 * 2. For the machine's Node (20) and Node 22 (scripts/node-setup.sh, from the npm registry):
 *    a fresh project, `npm install <tarball>` run by that Node, no native module built
 *    (no `build/Release` anywhere under node_modules).
 * 3. The installed `acquis` answers exactly as the repository's own does on the machine's Node:
 *    the same stdout and exit code for lint (text, JSON, SARIF), compare, view and `--fix`, each
 *    run twice (the second run reads the V8 code cache the first one wrote).
 * 4. The installed language server, over stdio, publishes the same diagnostics for the demo.
 *
 * Prints one line per check and exits 1 on the first difference. Outputs go to test-output/install/.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE22 = '22.23.5';
const OUT = join(ROOT, 'test-output', 'install');

function log(line) {
  process.stdout.write(`[install] ${line}\n`);
}

function fail(message) {
  process.stderr.write(`[install] FAIL: ${message}\n`);
  process.exit(1);
}

/** The environment of a plain shell: no variables of an outer `npm run`. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|NPM_)/.test(k) && k !== 'NODE' && k !== 'INIT_CWD') env[k] = v;
  return { ...env, ...extra };
}

function nodeOf(version) {
  return execFileSync('bash', [join(ROOT, 'scripts', 'node-setup.sh'), version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

function pack(dir) {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) fail('dist/ is missing: run `npm run build` first.');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
  return join(dir, JSON.parse(out)[0].filename);
}

/** Files named `build/Release/*.node` under `dir`: what node-gyp leaves behind. */
function builtAddons(dir) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p, { throwIfNoEntry: false });
      if (!s || !s.isDirectory()) continue;
      if (name === 'Release' && d.endsWith(`${'/'}build`)) found.push(...readdirSync(p).filter((f) => f.endsWith('.node')).map((f) => join(p, f)));
      else walk(p);
    }
  };
  walk(dir);
  return found;
}

function install(node, tarball, dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'drafting-team', private: true }));
  // npm itself is run by the Node under test (its `#!/usr/bin/env node` finds that one first).
  const env = cleanEnv({ PATH: `${dirname(node)}:${process.env.PATH}` });
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: dir, env, encoding: 'utf8' });
  if (r.status !== 0) fail(`npm install under ${node}: ${r.stderr}`);
  const addons = builtAddons(join(dir, 'node_modules'));
  if (addons.length) fail(`native modules were built: ${addons.join(', ')}`);
  return join(dir, 'node_modules', 'acquis');
}

/** A scratch copy of the samples, so that `--fix` has something of its own to change. */
function samplesCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'acquis-install-samples-'));
  cpSync(join(ROOT, 'samples'), dir, { recursive: true });
  return dir;
}

const CASES = [
  ['--version'],
  ['lint', 'demo.draft'],
  ['lint', 'oewg-pre-draft.draft', 'revised-pre-draft.draft', '--format', 'json'],
  ['lint', 'demo.draft', '--format', 'sarif'],
  ['compare', 'oewg-pre-draft.draft', 'revised-pre-draft.draft', '--format', 'json'],
  ['view', 'oewg-pre-draft.draft', '--as', 'Japan'],
];

/** stdout, exit code, and (for --fix) the file after, of each case. */
function answers(node, pkg, label) {
  const results = [];
  for (const pass of ['cold', 'warm']) {
    for (const args of CASES) {
      const cwd = samplesCopy();
      const r = spawnSync(node, [join(pkg, 'bin', 'acquis.js'), ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
      // SARIF names the folder it ran in (a fresh temporary one each time).
      results.push({ pass, args: args.join(' '), status: r.status, stdout: r.stdout.replaceAll(pathToFileURL(cwd).href, 'file:///<cwd>') });
      rmSync(cwd, { recursive: true, force: true });
    }
    const cwd = samplesCopy();
    const r = spawnSync(node, [join(pkg, 'bin', 'acquis.js'), 'lint', 'demo.draft', '--fix', '--format', 'json'], { cwd, encoding: 'utf8', env: cleanEnv() });
    results.push({ pass, args: 'lint demo.draft --fix', status: r.status, stdout: r.stdout, fixed: readFileSync(join(cwd, 'demo.draft'), 'utf8') });
    rmSync(cwd, { recursive: true, force: true });
  }
  writeFileSync(join(OUT, `${label}.json`), JSON.stringify(results, null, 1));
  return results;
}

/** Diagnostics the language server publishes for the demo, opened over stdio. */
async function lspDiagnostics(node, pkg) {
  const child = spawn(node, [join(pkg, 'bin', 'acquis-lsp.js'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'], env: cleanEnv() });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(join(ROOT, 'samples', 'demo.draft')).href;
  const published = new Promise((resolvePublished) => {
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.uri === uri) resolvePublished(p.diagnostics);
    });
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'draft', version: 1, text: readFileSync(join(ROOT, 'samples', 'demo.draft'), 'utf8') },
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 60 s')), 60_000).unref());
  const diagnostics = await Promise.race([published, timeout]);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}

function same(a, b, what) {
  if (JSON.stringify(a) !== JSON.stringify(b)) fail(`${what} differs (outputs in ${OUT})`);
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'acquis-install-'));
  try {
    const tarball = pack(work);
    log(`packed ${tarball.split('/').pop()} (${(statSync(tarball).size / 1e6).toFixed(1)} MB)`);
    const reference = answers(process.execPath, ROOT, 'repository');
    const referenceLsp = await lspDiagnostics(process.execPath, ROOT);
    if (!referenceLsp.length) fail('the repository server published no diagnostics for the demo');
    for (const [label, node] of [['node20', process.execPath], ['node22', nodeOf(NODE22)]]) {
      const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
      const pkg = install(node, tarball, join(work, label));
      log(`${version}: npm install of the tarball, no native build`);
      same(answers(node, pkg, label), reference, `${version}: the installed CLI's answers`);
      log(`${version}: ${CASES.length + 1} commands, cold and warm, answer as the repository does`);
      same(await lspDiagnostics(node, pkg), referenceLsp, `${version}: the installed language server's diagnostics`);
      log(`${version}: the language server publishes the same ${referenceLsp.length} diagnostics`);
    }
    log('ok');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error.stack ?? String(error)));
