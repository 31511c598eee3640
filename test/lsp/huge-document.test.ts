/**
 * A huge document does not stall the language server: while a document of several megabytes is
 * linted (in the server's worker thread), requests about another document are answered at once,
 * and the huge document still gets its diagnostics, the same as a plain lint gives.
 * The bound here is generous (CI machines are slow and shared); bench/lsp-latency.mjs measures
 * the figure with a 10 MB document.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { generateDraft } from '../../bench/draft-gen';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { createEngine } from '../../server/src/engine/index';
import { publishedFindings } from '../../server/src/lsp/convert';
import { LspClient } from './lsp-client';

/** The bench draft repeated, paragraphs renumbered, to `size` characters. */
function hugeDraft(size: number): string {
  const d = generateDraft().draft;
  const head = d.slice(0, d.indexOf('\n1. ') + 1);
  const body = d.slice(d.indexOf('\n1. ') + 1);
  let n = 0;
  let text = head;
  while (text.length < size) text += body.replace(/^(\d+)\. /gm, () => `${++n}. `);
  return text;
}

describe('a huge document', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient();
    await client.initialize();
  });
  afterAll(async () => {
    await client.stop();
  });

  it('leaves other requests answered quickly while it is linted, then gets its diagnostics', async () => {
    const small = 'file:///small/demo.draft';
    const smallText = readFileSync('samples/demo.draft', 'utf8');
    await client.open(small, smallText, 1);
    await client.diagnostics(small);

    const huge = 'file:///huge/big.draft';
    const hugeText = hugeDraft(2_500_000);
    await client.open(huge, hugeText, 1);
    const published = client.diagnostics(huge, (p) => p.version === 1, 240_000);
    let done = false;
    void published.then(() => (done = true));

    // Hover on the small document, again and again while the huge one is being linted.
    const times: number[] = [];
    const position = { line: smallText.split('\n').findIndex((l) => /^\d+\. /.test(l)), character: 5 };
    for (let i = 0; i < 20 && !done; i++) {
      const t = performance.now();
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position });
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(times.length).toBeGreaterThan(3);
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(1_000);

    const { diagnostics } = await published;
    // What a plain lint of the text gives, as the server publishes it (rule by rule, in order).
    const expected = publishedFindings(createEngine(readAcquisFolder(builtinAcquisDir())).lint(huge, hugeText).findings);
    expect(diagnostics.length).toBeGreaterThan(100);
    expect(diagnostics.map((d) => d.code)).toEqual(expected.map((e) => e.finding.ruleId));
  }, 300_000);
});
