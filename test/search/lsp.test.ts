/**
 * Find agreed language over stdio: the `acquis.search` command, ranked workspace symbols, and the
 * code action on a paragraph that quotes no agreed language (and its absence on one that does).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client';
import { SEARCH_ACQUIS } from './fixtures';

interface Result {
  version: number;
  results: Array<{ citation: string; adoption: { kind: string }; insertText: string; insertTextWithCitation: string; location: { uri: string } | null; lineage: unknown[] }>;
}
interface Action {
  title: string;
  kind: string;
  command?: { command: string; arguments: Array<{ uri: string; query: string; range: unknown }> };
}

const DRAFT = `---
title: Draft report on coastal signalling
symbol: A/AC.999/2031/CRP.1
---

1. States should protect lighthouse keepers and their beacons from interference by neighbouring fleets.

2. Keepers of lighthouses deserve protection from the fleets of their neighbours, and their beacons must be shielded from any interference.

3. Short.
`;

describe('Find agreed language over the protocol', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acquis-search-lsp-'));
    for (const [path, text] of Object.entries(SEARCH_ACQUIS)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, 'acquis.config.yaml'), 'builtin: false\nacquis: [acquis]\n');
    writeFileSync(join(dir, 'draft.draft'), DRAFT);
    uri = pathToFileURL(join(dir, 'draft.draft')).href;
    client = new LspClient({ cwd: dir });
    await client.initialize(dir);
    await client.open(uri, DRAFT, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
  });
  afterAll(async () => {
    await client.stop();
  });
  const run = <T>(command: string, ...args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

  it('lists acquis.search among the server commands', async () => {
    const again = new LspClient({ cwd: dir });
    try {
      const init = (await again.initialize(dir)) as { capabilities: { executeCommandProvider: { commands: string[] } } };
      expect(init.capabilities.executeCommandProvider.commands).toContain('acquis.search');
    } finally {
      await again.stop();
    }
  });

  it('runs acquis.search with the document configuration, consensus first, with what to insert', async () => {
    const out = await run<Result>('acquis.search', 'protect lighthouse keepers from interference', { uri });
    expect(out.version).toBe(1);
    expect(out.results[0]!.citation).toBe('A/99/100, para. 4');
    expect(out.results[1]!.citation).toBe('A/RES/80/7, PP2');
    expect(out.results[0]!.insertText).toBe('States should protect lighthouse keepers and their beacons from interference by neighbouring fleets.');
    expect(out.results[0]!.insertTextWithCitation).toBe(`${out.results[0]!.insertText} (A/99/100, para. 4)`);
    expect(out.results[0]!.location!.uri).toBe(pathToFileURL(join(dir, 'acquis', 'A-99-100.draft')).href);
    expect(out.results[0]!.lineage).toHaveLength(1);
    const consensus = await run<Result>('acquis.search', 'protect lighthouse keepers', { uri, consensusOnly: true });
    expect(consensus.results.every((r) => r.adoption.kind === 'consensus')).toBe(true);
  });

  it('takes quotes, backslashes and SQL as words, and rejects a missing query', async () => {
    const out = await run<Result>('acquis.search', `"DROP TABLE harbours; --" C:\\harbour\\beacons ' OR 1=1`, { uri });
    expect(out.results[0]!.citation).toBe('A/98/9, para. 3');
    await expect(run('acquis.search')).rejects.toThrow(/needs a query/);
  });

  it('offers "Find agreed language" on a paragraph with no agreed language, with its words', async () => {
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 7, character: 5 }, end: { line: 7, character: 5 } },
      context: { diagnostics: [] },
    });
    const find = actions.find((a) => a.title === 'Find agreed language for this paragraph');
    expect(find, JSON.stringify(actions)).toBeDefined();
    expect(find!.kind).toBe('refactor.rewrite.acquis.findAgreedLanguage');
    expect(find!.command!.command).toBe('acquis.findAgreedLanguage');
    const { query, uri: target } = find!.command!.arguments[0]!;
    expect(target).toBe(uri);
    expect(query).toMatch(/^Keepers of lighthouses deserve protection/);
    // The query the client runs finds the consensus formulation first.
    const out = await run<Result>('acquis.search', query, { uri });
    expect(out.results[0]!.citation).toBe('A/99/100, para. 4');
  });

  it('does not offer it on a paragraph that quotes agreed language, nor on a short one', async () => {
    for (const line of [5, 9]) {
      const actions = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line, character: 4 }, end: { line, character: 4 } },
        context: { diagnostics: [] },
      });
      expect(actions.map((a) => a.title)).not.toContain('Find agreed language for this paragraph');
    }
  });

  it('adds ranked acquis paragraphs to the workspace symbols', async () => {
    // No paragraph holds every one of these words ("lighthouses"), so substring symbols find none.
    const query = 'lighthouses beacons interference fleets';
    const symbols = await client.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query });
    const ranked = symbols.filter((s) => s.name.startsWith(`${query}: `));
    expect(ranked[0]!.name).toContain('A/99/100 para. 4');
    // The substring symbols are still there.
    const plain = await client.request<Array<{ name: string }>>('workspace/symbol', { query: 'tidal' });
    expect(plain.some((s) => s.name.startsWith('A/99/100 para. 5'))).toBe(true);
  });
});
