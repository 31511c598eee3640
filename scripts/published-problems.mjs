#!/usr/bin/env node
// Counts the problems the language server publishes for each draft given, as an editor shows them
// (by severity, then by rule): `node scripts/published-problems.mjs samples/oewg-pre-draft.draft`.
// Starts bin/acquis-lsp.js over stdio with the repository as the workspace; run `npm run build` first.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/published-problems.mjs <file.draft>...');
  process.exit(2);
}
const server = spawn(process.execPath, [resolve(root, 'bin/acquis-lsp.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const published = new Map();
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  published.set(p.uri, p.diagnostics);
  waiting.get(p.uri)?.(p.diagnostics);
});
connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.listen();
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
  capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
});
await connection.sendNotification('initialized', {});
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
for (const file of files) {
  const uri = pathToFileURL(resolve(file)).href;
  const done = new Promise((r) => waiting.set(uri, r));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'draft', version: 1, text: readFileSync(file, 'utf8') } });
  const diagnostics = await done;
  const bySeverity = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRule = {};
  for (const d of diagnostics) {
    const s = SEVERITY[d.severity ?? 1];
    bySeverity[s]++;
    byRule[`${s} ${d.code}`] = (byRule[`${s} ${d.code}`] ?? 0) + 1;
  }
  console.log(`${file}: ${diagnostics.length} problems (${Object.entries(bySeverity).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  for (const [k, v] of Object.entries(byRule).sort()) console.log(`  ${String(v).padStart(3)} ${k}`);
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
server.kill();
