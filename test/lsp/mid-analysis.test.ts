/**
 * Edits that arrive while a document is being analysed. The server's documents are changed in
 * place (the library's TextDocument and our PieceDocument alike), so an analysis must remember the
 * version and text it started from: one that read the document's version when it finished
 * published an older text's findings under the newer version, at offsets one edit out of date.
 * (Found by the language server fuzz test, which caught it once in CI under load.)
 *
 * Every version here is a different text, each paragraph changed, so the matcher's caches miss and
 * each analysis is long enough, with the yields it makes, for the next edit to land inside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, sharedClient } from './lsp-client';

const SAMPLE = readFileSync(join(ROOT, 'samples/oewg-pre-draft.draft'), 'utf8');
const VERSIONS = 24;

/** Version `v`: a line more at the top than the one before (every offset moves), and new words. */
function textOf(v: number): string {
  return '\n'.repeat(v) + SAMPLE.replaceAll(' the ', ` the v${v} `);
}

const client = sharedClient({ beforeAll, afterAll }, { settings: { lintDelay: 0 } });

const shape = (d: Diagnostic) => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

it('publishes, under each version, the findings of that version’s text', async () => {
  const uri = pathToFileURL(join(ROOT, 'mid-analysis.draft')).href;
  // A first lint builds the engine, so that the edits below meet analyses, not the engine's start.
  await client.open(uri, textOf(1), 1);
  await client.diagnostics(uri, (p) => p.version === 1, 30_000);
  const start = client.published.length;
  for (let v = 2; v <= VERSIONS; v++) {
    const end = { line: 1_000_000, character: 0 };
    await client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end }, text: textOf(v) }]);
    // Spread over the analyses: some edits land before one starts, most while one runs.
    await new Promise((r) => setTimeout(r, 3 + ((v * 7) % 23)));
  }
  await client.diagnostics(uri, (p) => p.version === VERSIONS, 30_000);
  const mine = client.published.slice(start).filter((p) => p.uri === uri);
  await client.close(uri);
  expect(mine.length).toBeGreaterThan(0);
  for (const published of mine) {
    const fresh = pathToFileURL(join(ROOT, `mid-analysis-${published.version}.draft`)).href;
    await client.open(fresh, textOf(published.version!), 1);
    const reference: PublishDiagnosticsParams = await client.diagnostics(fresh, (p) => p.version === 1, 30_000);
    await client.close(fresh);
    expect(published.diagnostics.map(shape), `version ${published.version}`).toEqual(reference.diagnostics.map(shape));
  }
}, 120_000);
