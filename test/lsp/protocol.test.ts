/**
 * The language server over stdio with a real LSP client: diagnostics, incremental edits,
 * cancellation, code actions and fix-all, hover, configuration changes, closing, UTF-16 positions
 * and malformed requests.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, sharedClient } from './lsp-client';

const demoText = readFileSync('samples/demo.draft', 'utf8');
const P18_DRIFT =
  'In this regard, the Group recommends regular institutional dialogue under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';

function apply(text: string, edits: TextEdit[]): string {
  const doc = TextDocument.create('x', 'draft', 1, text);
  return TextDocument.applyEdits(doc, edits);
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe('language server over stdio', () => {
  const client = sharedClient({ beforeAll, afterAll });

  it('declares incremental sync and the fix-all code action kind', () => {
    const caps = client.initializeResult!.capabilities as Record<string, any>;
    expect(caps.textDocumentSync.change).toBe(2);
    expect(caps.codeActionProvider.codeActionKinds).toContain('source.fixAll.acquis');
    expect(caps.hoverProvider).toBe(true);
  });

  it('publishes diagnostics with codes, documentation links and the precedent as related information', async () => {
    const uri = fileUri('samples/demo.draft');
    await client.open(uri, demoText, 1);
    const { diagnostics, version } = await client.diagnostics(uri, (p) => p.version === 1);
    expect(version).toBe(1);
    const drop = diagnostics.find((d) => message(d).includes('with broad participation'))!;
    expect(drop.code).toBe('precedent.deviation');
    expect(drop.source).toBe('acquis');
    expect(drop.codeDescription!.href).toMatch(/^file:.*docs\/rules\.md#precedentdeviation$/);
    // The quoted stretch in the draft, then the precedent in one short line (the hover has the
    // text): its source, not its whole paragraph again.
    const [stretch, precedent] = drop.relatedInformation!;
    expect(stretch!.location.uri).toBe(uri);
    expect(stretch!.message).toBe('Quoted stretch of A/70/174, para. 18');
    expect(precedent!.location.uri).toMatch(/server\/acquis\/A-70-174\.draft$/);
    expect(precedent!.message).toBe('precedent: A/70/174, para. 18 (consensus, 2015)');
    // Agreed language is not a problem: it is not published (the code lens and hover show it).
    expect(codes(diagnostics)).not.toContain('precedent.agreed');
    expect(codes(diagnostics)).toContain('precedent.deviation');
  });

  it('re-lints after an incremental edit, and clears the departure once fixed', async () => {
    const uri = fileUri('test/fixtures/incremental.draft');
    await client.open(uri, `1. ${P18_DRIFT}\n`, 1);
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    expect(first.diagnostics.some((d) => message(d).includes('drops "with broad participation"'))).toBe(true);
    // Insert the dropped words: one incremental change in the middle of the line.
    const at = 3 + P18_DRIFT.indexOf('under the auspices');
    await client.change(uri, 2, [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, text: 'with broad participation ' }]);
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    expect(codes(second.diagnostics)).not.toContain('precedent.deviation');
    expect(codes(second.diagnostics)).not.toContain('precedent.agreed');
  });

  it('cancels superseded work: a burst of edits ends in diagnostics for the last version only', async () => {
    const uri = fileUri('test/fixtures/burst.draft');
    const text = `1. ${P18_DRIFT}\n\n2. Some new text.\n`;
    await client.open(uri, text, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const before = client.published.filter((p) => p.uri === uri).length;
    for (let v = 2; v <= 21; v++) {
      const line = 2;
      const character = 3 + (v - 2);
      await client.change(uri, v, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
    }
    const last = await client.diagnostics(uri, (p) => p.version === 21);
    expect(last.version).toBe(21);
    const published = client.published.filter((p) => p.uri === uri).slice(before);
    expect(published.length).toBeLessThan(20);
    expect(published.every((p) => (p.version ?? 0) <= 21)).toBe(true);
  });

  it('offers the precedent fix (preferred), the suppression and the docs, and fix-all', async () => {
    const uri = fileUri('test/fixtures/actions.draft');
    const text = `1. ${P18_DRIFT}\n`;
    await client.open(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
    const deviation = diagnostics.find((d) => d.code === 'precedent.deviation')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: deviation.range,
      context: { diagnostics: [deviation] },
    });
    const preferred = actions.find((a) => a.isPreferred)!;
    expect(preferred.title).toMatch(/^Restore the (agreed )?wording of A\/70\/174, para\. 18$/);
    const fixed = apply(text, preferred.edit!.changes![uri]!);
    expect(fixed).toContain('regular institutional dialogue with broad participation under the auspices');
    expect(fixed.length).toBe(text.length + 'with broad participation '.length);

    const disable = actions.find((a) => a.title.startsWith('Disable precedent.deviation'))!;
    expect(apply(text, disable.edit!.changes![uri]!)).toBe(`// acquis-disable precedent.deviation -- [reason]\n${text}`);

    const docs = actions.find((a) => a.title.startsWith('Show documentation'))!;
    await client.request('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    expect(client.shownDocuments.at(-1)).toMatch(/docs\/rules\.md#precedentdeviation$/);

    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.acquis'] },
    });
    // Fix-all applies editorial fixes only by default: restoring dropped words is a wording fix,
    // taken by the quick fix above or with acquis.fixLevel (test/lsp/fix-level.test.ts).
    expect(fixAll).toHaveLength(0);
  });

  it('hovers a departure with the precedent, its adoption and lineage, and a citation with its text', async () => {
    const uri = fileUri('test/fixtures/hover.draft');
    const text = `1. ${P18_DRIFT}\n\n2. See A/70/174, para. 33 on further work.\n`;
    await client.open(uri, text, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const onDrift = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } });
    const md = (onDrift.contents as { value: string }).value;
    expect(md).toContain('A/70/174, para. 18');
    expect(md).toContain('consensus');
    expect(md).toContain('2015');
    expect(md).toContain('**with broad participation**');
    expect(md).toContain('Lineage');
    const onCitation = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10 } });
    expect((onCitation.contents as { value: string }).value).toContain('The United Nations should play a leading role');
  });

  it('counts positions in UTF-16 code units', async () => {
    const uri = fileUri('test/fixtures/utf16.draft');
    const prefix = '国际 🌍 — ';
    const text = `1. ${prefix}${P18_DRIFT}\n`;
    await client.open(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
    const deviation = diagnostics.find((d) => d.code === 'precedent.deviation')!;
    // The quoted stretch ("In this regard ...") starts after "1. " and the prefix, whose emoji is
    // two UTF-16 units; the finding itself is on the changed words, after "institutional".
    expect(deviation.relatedInformation![0]!.location.range.start).toEqual({ line: 0, character: 3 + prefix.length });
    expect(deviation.range.start).toEqual({ line: 0, character: 3 + prefix.length + P18_DRIFT.indexOf('dialogue under') });
    expect(prefix.length).toBe(8); // 国, 际, the emoji's two UTF-16 units, three spaces and a dash
  });

  it('answers a malformed request with an LSP error and keeps serving', async () => {
    const uri = fileUri('test/fixtures/hover.draft');
    await expect(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 'x' } })).rejects.toMatchObject({
      code: -32602,
    });
    const ok = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } });
    expect(ok).not.toBeNull();
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = fileUri('test/fixtures/hover.draft');
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('configuration', () => {
  it('follows acquis.config.yaml and re-lints when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acquis-lsp-'));
    const draft = join(dir, 'draft.draft');
    writeFileSync(draft, `1. ${P18_DRIFT}\n`);
    const client = new LspClient({ cwd: dir });
    try {
      await client.initialize(dir);
      const uri = pathToFileURL(draft).href;
      await client.open(uri, readFileSync(draft, 'utf8'), 1);
      const before = await client.diagnostics(uri, (p) => p.version === 1);
      expect(before.diagnostics.find((d) => d.code === 'precedent.deviation')!.severity).toBe(2);
      writeFileSync(join(dir, 'acquis.config.yaml'), 'rules:\n  precedent.deviation: error\n');
      const published = client.published.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(join(dir, 'acquis.config.yaml')).href, type: 1 }],
      });
      const after = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= published);
      expect(after.diagnostics.find((d) => d.code === 'precedent.deviation')!.severity).toBe(1);
      // Client settings apply too (the project file wins where both speak).
      client.settings = { rules: { 'precedent.agreed': 'off' }, builtin: true };
      const count = client.published.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const third = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= count);
      expect(third.diagnostics.find((d) => d.code === 'precedent.deviation')!.severity).toBe(1);
    } finally {
      await client.stop();
    }
  });
});
