#!/usr/bin/env node
// End-to-end runner for the VS Code extension: `node test/e2e/run.mjs` from the repository root.
//
//   1. scripts/e2e-setup.sh (idempotent): Node 24 + code-server 4.139.1 in a cache outside the clone
//      (${ACQUIS_E2E_CACHE:-$HOME/.cache/acquis-e2e});
//   2. `npm run build`, then the VSIX with `npm exec --yes @vscode/vsce@3 -- package ...`;
//   3. a temp dir with fresh HOME / XDG folders, user-data-dir, extensions-dir and a workspace made
//      from samples/demo.draft (plus second.draft and .vscode/settings.json with fix-all on save);
//   4. code-server --install-extension, then code-server on 127.0.0.1:<free port> in its own
//      session (setsid), polled on /healthz;
//   5. test/e2e/vscode.e2e.ts (compiled with esbuild) drives Debian's Chromium via playwright-core.
// Screenshots and logs: test-output/e2e/. Exit 0 on success, 1 on failure; code-server (its whole
// process group) and Chromium are always stopped.
//
// Options: --skip-build (use dist/ as is), --vsix <file> (use this VSIX, skip build and package),
//          --keep (keep the temp dir). Env: ACQUIS_E2E_CACHE, ACQUIS_E2E_CHROMIUM (/usr/bin/chromium),
//          ACQUIS_E2E_TIMEOUT (watchdog over everything after the setup, seconds, default 300).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, openSync, readFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'test-output', 'e2e');
const args = process.argv.slice(2);
const opt = (name) => args.includes(name);
const optValue = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const started = Date.now();
const log = (m) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${m}`);

let tmp;
let codeServer; // the ChildProcess, leader of its own process group
let failed = false;

function fail(message) {
  const e = new Error(message);
  e.e2e = true;
  throw e;
}

function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.status !== 0) {
    fail(`${cmd} ${argv.join(' ')} exited with ${r.status ?? r.signal}${r.error ? ` (${r.error.message})` : ''}\n${(r.stdout ?? '').slice(-3000)}${(r.stderr ?? '').slice(-3000)}`);
  }
  return r.stdout ?? '';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitHealthy(url, timeoutMs, exited) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) fail(`code-server exited before answering ${url} (see test-output/e2e/code-server.log)`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return await r.text();
    } catch { /* not up yet */ }
    if (Date.now() > deadline) fail(`code-server did not answer ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopCodeServer() {
  if (!codeServer || codeServer.exitCode !== null || codeServer.signalCode !== null) return Promise.resolve();
  const pgid = codeServer.pid;
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(); };
    codeServer.once('exit', done);
    try { process.kill(-pgid, 'SIGTERM'); } catch { return done(); }
    const timer = setTimeout(() => {
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      setTimeout(resolve, 500);
    }, 5000);
  }).then(() => {
    // Anything left in the group (file watcher, extension host, language server)?
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* the group is empty */ }
  });
}

async function cleanup() {
  await stopCodeServer();
  if (tmp && !opt('--keep')) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) log(`kept ${tmp}`);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { log(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  // 1. Tools.
  log('setup: scripts/e2e-setup.sh');
  const paths = Object.fromEntries(run('bash', [path.join(root, 'scripts/e2e-setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'] })
    .split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const node24 = paths.NODE24;
  const csEntry = paths.CODE_SERVER;
  const chromiumPath = process.env.ACQUIS_E2E_CHROMIUM ?? '/usr/bin/chromium';
  if (!node24 || !existsSync(node24) || !csEntry || !existsSync(csEntry)) fail(`e2e-setup.sh did not report usable paths: ${JSON.stringify(paths)}`);
  if (!existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath}: run scripts/ensure-chromium.sh`);

  // The watchdog starts once the tools are there: a cold setup (a native build of code-server,
  // several minutes on a busy machine) is bounded by npm, not by the test's own budget.
  const timeoutS = Number(process.env.ACQUIS_E2E_TIMEOUT ?? 300);
  const watchdog = setTimeout(() => {
    console.error(`E2E FAILED: the run after setup exceeded ${timeoutS} s`);
    cleanup().finally(() => process.exit(1));
  }, timeoutS * 1000);
  watchdog.unref();

  tmp = mkdtempSync(path.join(os.tmpdir(), 'acquis-e2e-'));

  // 2. Build and package.
  let vsix = optValue('--vsix');
  if (vsix) {
    vsix = path.resolve(vsix);
  } else {
    if (!opt('--skip-build')) {
      log('build: npm run build');
      run('npm', ['run', 'build', '--silent']);
    }
    vsix = path.join(tmp, 'acquis.vsix');
    log('package: npm exec @vscode/vsce@3 package');
    // --no-rewrite-relative-links: without a repository in package.json, vsce refuses README's
    // relative links ("Couldn't detect the repository where this extension is published").
    run('npm', ['exec', '--yes', '@vscode/vsce@3', '--', 'package', '--no-dependencies', '--allow-missing-repository',
      '--skip-license', '--no-rewrite-relative-links', '-o', vsix]);
    // Zip entry names are stored uncompressed in the central directory: no unzip needed.
    const zip = readFileSync(vsix).toString('latin1');
    const listing = { includes: (name) => zip.includes(name) };
    const needed = ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/builtin-acquis.json',
      'extension/client/language-configuration.json', 'extension/client/snippets/draft.json',
      'extension/grammar/draft.tmLanguage.json'];
    const missing = needed.filter((f) => !listing.includes(f));
    if (!zip.includes('extension/server/acquis/')) missing.push('extension/server/acquis/*');
    if (missing.length) fail(`the VSIX lacks ${missing.join(', ')}`);
  }

  // 3. Fresh folders and the workspace.
  const home = path.join(tmp, 'home');
  const dirs = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local/state'),
    XDG_RUNTIME_DIR: path.join(tmp, 'runtime'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true, mode: 0o700 });
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  copyFileSync(path.join(root, 'samples/demo.draft'), path.join(workspace, 'demo.draft'));
  copyFileSync(path.join(root, 'test/e2e/fixtures/second.draft'), path.join(workspace, 'second.draft'));
  // Two revisions for compare (their front matter dates order them).
  copyFileSync(path.join(root, 'samples/oewg-pre-draft.draft'), path.join(workspace, 'oewg-pre-draft.draft'));
  copyFileSync(path.join(root, 'samples/revised-pre-draft.draft'), path.join(workspace, 'revised-pre-draft.draft'));
  writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({
    'editor.codeActionsOnSave': { 'source.fixAll.acquis': 'explicit' },
    // The fix-on-save step restores a dropped "not" (a substantive departure): fix-all at every level.
    'acquis.fixLevel': 'all',
  }, null, 2));
  writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 300,
    'files.autoSave': 'off',
    'git.enabled': false,
  }, null, 2));

  const env = { ...process.env, ...dirs, PATH: `${path.dirname(node24)}:${process.env.PATH}` };
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];

  // 4. Install the VSIX, then start code-server.
  log(`install: ${path.basename(vsix)}`);
  const installed = run(node24, [csEntry, ...common, '--install-extension', vsix], { env });
  if (!/acquis/i.test(installed + readdirSync(extensionsDir).join(' '))) fail(`--install-extension did not install acquis: ${installed}`);

  const port = await freePort();
  const csLog = path.join(outDir, 'code-server.log');
  const logFd = openSync(csLog, 'w');
  // detached: the child calls setsid(), so it leads its own session and process group; stopping
  // -pid reaches the file watcher, extension host and language server too.
  codeServer = spawn(node24, [csEntry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', workspace], {
    env, cwd: workspace, detached: true, stdio: ['ignore', logFd, logFd],
  });
  log(`code-server: pid ${codeServer.pid}, port ${port}`);
  await waitHealthy(`http://127.0.0.1:${port}/healthz`, 30_000, () => codeServer.exitCode !== null);
  log('code-server healthy');

  // 5. The UI test.
  const compiled = path.join(tmp, 'vscode.e2e.mjs');
  const require = createRequire(path.join(root, 'package.json'));
  const esbuild = require('esbuild');
  await esbuild.build({ entryPoints: [path.join(root, 'test/e2e/vscode.e2e.ts')], outfile: compiled, bundle: false,
    platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  const { chromium } = require('playwright-core');
  const { runVscodeE2E } = await import(pathToFileURL(compiled).href);
  const profileDir = path.join(tmp, 'chromium-profile');
  await runVscodeE2E({
    chromium, executablePath: chromiumPath, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`,
    workspace, outDir, profileDir, env: { ...dirs, PATH: process.env.PATH }, log,
  });

  // Keep the extension host log for debugging.
  copyLogs(userDataDir);
}

function copyLogs(userDataDir) {
  try {
    const logs = path.join(userDataDir, 'logs');
    if (!existsSync(logs)) return;
    cpSync(logs, path.join(outDir, 'vscode-logs'), { recursive: true });
  } catch { /* best effort */ }
}

try {
  await main();
} catch (e) {
  failed = true;
  if (tmp) copyLogs(path.join(tmp, 'user-data'));
  console.error(`\nE2E FAILED: ${e?.e2e ? e.message : e?.stack ?? e}`);
  console.error(`screenshots and logs: ${path.relative(process.cwd(), outDir) || '.'}/`);
} finally {
  await cleanup();
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failed) {
  process.exit(1);
} else {
  log(`E2E PASSED in ${seconds} s; screenshots in ${path.relative(process.cwd(), outDir) || '.'}/`);
  process.exit(0);
}
