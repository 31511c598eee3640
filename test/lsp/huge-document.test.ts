/**
 * A huge document does not stall the language server. While a document of megabytes is opened,
 * linted and published, and the editor asks for its outline, folding and code lenses as VS Code
 * does on opening, requests about another document (hover, completion, code actions) are still
 * answered at once. The huge document's diagnostics are complete and exactly what converting a
 * plain lint of the text gives, and requests about the huge document itself are answered (by the
 * worker that holds it).
 *
 * The bound is for a loaded, shared CI machine: before this work the server's thread parsed,
 * aligned and converted the huge document itself and left other requests waiting for several
 * seconds (3.4 s publishing the diagnostics of 10 MB, 12 s with the outline and lenses).
 * bench/lsp-latency.mjs measures the figure with a 10 MB document.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-protocol';
import { generateDraft } from '../../bench/draft-gen';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { createEngine } from '../../server/src/engine/index';
import { publishedFindings, toDiagnostic } from '../../server/src/lsp/convert';
import { docsUri } from '../../server/src/lsp/docs-links';
import { precedentRange } from '../../server/src/lsp/features/locations';
import { fileUri, sharedClient } from './lsp-client';

/** The slowest answer allowed about another document (the old behaviour took seconds). */
const SLOWEST_MS = 1_500;
/** Most answers come far quicker: at least 90% within this. */
const USUAL_MS = 300;

/** The bench draft repeated, paragraphs renumbered, to `size` characters. */
function hugeDraft(size: number): string {
  const d = generateDraft().draft;
  const head = d.slice(0, d.indexOf('\n1. ') + 1);
  const body = d.slice(d.indexOf('\n1. ') + 1);
  let n = 0;
  const parts = [head];
  let length = head.length;
  while (length < size) {
    const part = body.replace(/^(\d+)\. /gm, () => `${++n}. `);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

describe('a huge document', () => {
  const client = sharedClient({ beforeAll, afterAll });

  it('leaves requests about another document answered at once while it is linted and published, and gets complete diagnostics', async () => {
    const small = fileUri('test/fixtures/huge-neighbour.draft');
    const smallText = readFileSync('samples/demo.draft', 'utf8');
    await client.open(small, smallText, 1);
    await client.diagnostics(small, (p) => p.version === 1);

    const huge = fileUri('test/fixtures/huge-document.draft');
    const hugeText = hugeDraft(2_500_000);
    await client.open(huge, hugeText, 1);
    // As an editor does on opening: the outline, folding and code lenses of the huge document.
    const doc = { textDocument: { uri: huge } };
    const all = Promise.all([
      client.diagnostics(huge, (p) => p.version === 1, 240_000),
      client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc),
      client.request<FoldingRange[]>('textDocument/foldingRange', doc),
      client.request<unknown[]>('textDocument/codeLens', doc),
    ]);
    let done = false;
    void all.then(() => (done = true), () => (done = true));

    // Hover, completion and code actions on the small document, one after another, until all is in.
    const line = smallText.split('\n').findIndex((l) => /^\d+\. /.test(l));
    const position = { line, character: 5 };
    const asks = [
      () => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position }),
      () => client.request('textDocument/completion', { textDocument: { uri: small }, position }),
      () => client.request('textDocument/codeAction', { textDocument: { uri: small }, range: { start: position, end: position }, context: { diagnostics: [] } }),
    ];
    const times: number[] = [];
    for (let k = 0; !done; k++) {
      const t = performance.now();
      await asks[k % asks.length]!();
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const [published, symbols, folds, lenses] = await all;
    expect(times.length).toBeGreaterThan(10);
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted.at(-1), `answers (ms): ${sorted.map(Math.round).join(' ')}`).toBeLessThan(SLOWEST_MS);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(USUAL_MS);

    // Complete and correct: what converting a plain lint of the same text gives, field by field.
    // (As the server reads the built-in acquis: documents known by their file URIs.)
    const engine = createEngine(readAcquisFolder(builtinAcquisDir()).map((f) => ({ ...f, uri: pathToFileURL(f.uri).href })));
    const textDoc = TextDocument.create(huge, 'draft', 1, hugeText);
    const expected: Diagnostic[] = publishedFindings(engine.lint(huge, hugeText).findings).map(({ finding, index }) =>
      toDiagnostic(textDoc, finding, index, docsUri, (u, span) => precedentRange(engine, u, span)),
    );
    expect(published.diagnostics.length).toBeGreaterThan(100);
    expect(published.diagnostics).toEqual(expected);
    expect(published.diagnostics.some((d) => d.relatedInformation?.length)).toBe(true);

    // The huge document's own requests are answered too (by the worker that holds it).
    expect(symbols.length).toBeGreaterThan(10);
    expect(folds.length).toBeGreaterThan(100);
    expect(lenses.length).toBeGreaterThan(10);
    const departure = published.diagnostics.find((d) => d.code === 'precedent.deviation')!;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: huge }, position: departure.range.start });
    expect(JSON.stringify(hover?.contents)).toMatch(/A\/\d+/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: huge },
      range: departure.range,
      context: { diagnostics: [departure] },
    });
    expect(actions.find((a) => a.isPreferred)?.title).toMatch(/^Restore /);
  }, 300_000);

  it('is sent to the worker as edits after its first lint, and the worker lints the text the editor has', async () => {
    const uri = fileUri('test/fixtures/huge-edited.draft');
    const text = hugeDraft(600_000);
    await client.open(uri, text, 1);
    await client.diagnostics(uri, (p) => p.version === 1, 240_000);
    // Edits as an editor sends them: a word typed, a line removed, two changes in one message,
    // one of them a line break; each version waits for its diagnostics (so each is sent to the worker).
    const lines = text.split('\n');
    const paragraph = lines.findIndex((l) => /^\d+\. .{40}/.test(l));
    const edits = [
      [{ range: { start: { line: paragraph, character: 8 }, end: { line: paragraph, character: 8 } }, text: 'not ' }],
      [{ range: { start: { line: paragraph + 2, character: 0 }, end: { line: paragraph + 3, character: 0 } }, text: '' }],
      [
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Recalling agreed language.\n\n' },
        { range: { start: { line: lines.length - 3, character: 2 }, end: { line: lines.length - 3, character: 5 } }, text: 'should' },
      ],
    ];
    const mirror = TextDocument.create(uri, 'draft', 1, text);
    let published: { diagnostics: Diagnostic[] } | undefined;
    for (const [k, changes] of edits.entries()) {
      const version = k + 2;
      await client.change(uri, version, changes);
      TextDocument.update(mirror, changes, version);
      published = await client.diagnostics(uri, (p) => p.version === version, 240_000);
    }
    const engine = createEngine(readAcquisFolder(builtinAcquisDir()).map((f) => ({ ...f, uri: pathToFileURL(f.uri).href })));
    const expected = publishedFindings(engine.lint(uri, mirror.getText()).findings).map(({ finding, index }) =>
      toDiagnostic(mirror, finding, index, docsUri, (u, span) => precedentRange(engine, u, span)),
    );
    expect(published!.diagnostics).toEqual(expected);
    // The worker's copy is the editor's text: a request about the last edited line reads it there.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(10);
    await client.close(uri);
  }, 300_000);
});
