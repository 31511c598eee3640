/**
 * The language server with a shared store: precedents found only in the store are flagged; when
 * the server stops in the middle of the session the user is warned once and linting goes on
 * against the local acquis; when it is back, drafts are checked against it again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquis, describeRun } from '../cli/helpers';
import { LspClient } from '../lsp/lsp-client';
import { SEARCH_ACQUIS } from '../search/fixtures';
import { writeFiles } from '../cli/helpers';
import { createStore, skipWithoutPostgres, useCluster } from './postgres';

const skip = skipWithoutPostgres();

// A departure from A/99/100, para. 4 ("hostile" for "neighbouring"): a diagnostic (agreed language is not one).
const QUOTE = 'States should protect lighthouse keepers and their beacons from interference by hostile fleets.';
const draft = (n: number) => `---\ntitle: Draft ${n}\n---\n\n1. ${QUOTE}\n\n2. Paragraph ${n} of new text on coastal matters.\n`;
const departures = (p: { diagnostics: Array<{ code?: unknown; message: unknown }> }) =>
  p.diagnostics.filter((d) => d.code === 'precedent.deviation' && String(d.message).includes('A/99/100, para. 4'));

describe.skipIf(skip)('the language server with a shared store', () => {
  const cluster = useCluster();
  let dir: string;
  let client: LspClient;

  beforeAll(async () => {
    const store = createStore(cluster(), 'acquis_lsp');
    dir = mkdtempSync(join(tmpdir(), 'acquis-store-lsp-'));
    writeFiles(dir, SEARCH_ACQUIS);
    const pub = acquis(['publish', 'acquis', '--store', store.publisher], dir);
    expect(pub.status, describeRun(pub)).toBe(0);
    // Only the store holds the lighthouse documents: the project has no acquis folder.
    writeFileSync(join(dir, 'acquis.config.yaml'), `builtin: true\nstore: ${store.reader}\n`);
    client = new LspClient({ cwd: dir });
    // Warnings come as window/showMessageRequest (the shared client records only notifications).
    client.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      client.messages.push(p.message);
      return null;
    });
    await client.initialize(dir);
  }, 120_000);
  afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to the local acquis while the store is down, and recovers', async () => {
    const uri = pathToFileURL(join(dir, 'draft.draft')).href;
    await client.open(uri, draft(1), 1);
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    expect(departures(first), JSON.stringify(first.diagnostics) + client.messages.join('\n')).toHaveLength(1);

    cluster().pause();
    await client.change(uri, 2, [{ text: draft(2) }]);
    const during = await client.diagnostics(uri, (p) => p.version === 2);
    // Linted against the local (built-in) acquis: the store's precedent is not there.
    expect(departures(during)).toHaveLength(0);
    expect(client.messages.filter((m) => m.includes('cannot be used')), client.messages.join('\n')).toHaveLength(1);
    expect(client.messages.find((m) => m.includes('cannot be used'))).toMatch(/the shared store postgres:\/\/acquis_reader@127\.0\.0\.1:\d+\/acquis_lsp cannot be used .*linting against the local acquis until it is back/);
    // Still down: no second warning.
    await client.change(uri, 3, [{ text: draft(3) }]);
    expect(departures(await client.diagnostics(uri, (p) => p.version === 3))).toHaveLength(0);
    expect(client.messages.filter((m) => m.includes('cannot be used'))).toHaveLength(1);
    // Search falls back too.
    const local = await client.request<{ results: Array<{ citation: string }> }>('workspace/executeCommand', {
      command: 'acquis.search',
      arguments: ['critical infrastructure', { uri }],
    });
    expect(local.results.length).toBeGreaterThan(0);

    cluster().resume();
    // The probe notices, the server says so and lints the open draft again (same version).
    const deadline = Date.now() + 30_000;
    while (!client.messages.some((m) => m.includes('is back')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(client.messages.some((m) => m.includes('is back'))).toBe(true);
    const after = await client.diagnostics(uri, (p) => p.version === 3 && departures(p).length === 1);
    expect(departures(after)).toHaveLength(1);
    const found = await client.request<{ results: Array<{ citation: string; location: unknown }> }>('workspace/executeCommand', {
      command: 'acquis.search',
      arguments: ['protect lighthouse keepers', { uri }],
    });
    expect(found.results[0]!.citation).toBe('A/99/100, para. 4');
    // A stored document has no file to open.
    expect(found.results[0]!.location).toBeNull();
  }, 120_000);
});
