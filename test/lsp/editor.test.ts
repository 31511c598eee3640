/**
 * The quiet editor (issue 10), over stdio as any client (Neovim, Helix, VS Code) sees it: agreed
 * language is not published as a problem; the hover starts with the comparison; code lenses say
 * "agreed language" for consensus only; the disable action leaves the cursor on the reason; the
 * documentation is shown; compare orders revisions by front matter; the report on an excerpt is
 * not judged on balance and names the file relative to the workspace; completion offers each
 * formulation once; built-in acquis files are never linted; package.json's settings follow the
 * rule registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver';
import { RULES } from '../../server/src/engine/rules/registry';
import { fileUri, LspClient, ROOT, sharedClient } from './lsp-client';

const P18_SECOND =
  'In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';
/** Para. 33 of A/70/174 with "not" dropped: a one-word departure. */
const P33 = 'It should not duplicate ongoing work by other international organizations and forums addressing issues such as criminal and terrorist use of ICTs, human rights and Internet governance.';
const VOTED = 'Confirming that ICTs are dual-use technologies and can be used for both legitimate and malicious purposes.';

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const text = (h: Hover | null) => (h?.contents as MarkupContent).value;

describe('the quiet editor over stdio', () => {
  const client = sharedClient({ beforeAll, afterAll });
  let n = 0;
  const open = async (content: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> => {
    const uri = fileUri(`test/fixtures/editor-${++n}.draft`);
    await client.open(uri, content, 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
    return { uri, diagnostics };
  };
  const run = <T>(command: string, ...args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

  it('publishes no diagnostic on verbatim agreed language, and one on the changed word of a departure', async () => {
    const { diagnostics } = await open(`1. ${P18_SECOND}\n\n2. ${P33.replace('should not', 'should')}\n`);
    expect(codes(diagnostics)).not.toContain('precedent.agreed');
    expect(diagnostics.filter((d) => d.range.start.line === 0)).toEqual([]);
    const departure = diagnostics.find((d) => d.code === 'precedent.deviation')!;
    expect(departure.range.start.line).toBe(2);
    // On the words around the dropped "not", not the whole quoted stretch.
    expect(departure.range.end.line).toBe(2);
    expect(departure.range.end.character - departure.range.start.character).toBeLessThanOrEqual('should duplicate'.length);
    // One entry per span.
    const spans = diagnostics.map((d) => JSON.stringify(d.range));
    expect(new Set(spans).size).toBe(spans.length);
    // The precedent as related information, in one short line (the hover has the text).
    const related = departure.relatedInformation!.find((r) => r.location.uri.endsWith('A-70-174.draft'))!;
    expect(related.message).toBe('precedent: A/70/174, para. 33 (consensus, 2015)');
  });

  it('hovers with the comparison first, then the source line, then the lineage; no internal labels', async () => {
    const { uri } = await open(`1. ${P33.replace('should not', 'should')}\n`);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    const value = text(hover);
    const lines = value.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\*\*Precedent:\*\* These efforts should \*\*not\*\* duplicate/);
    expect(lines[1]).toMatch(/^\*\*Draft:\*\* It should duplicate .* \(substantive departure\)$/);
    expect(lines[2]).toMatch(/^\*\*A\/70\/174, para\. 33\*\* · agreed language, adopted by consensus · 2015 · _/);
    expect(value).not.toMatch(/\.draft\(\d+/);
    // Agreed language: the quote itself first, then the source and the lineage.
    const agreed = await open(`1. ${P18_SECOND}\n`);
    const h2 = text(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: agreed.uri }, position: { line: 0, character: 40 } }));
    const l2 = h2.split('\n').filter(Boolean);
    expect(l2[0]).toMatch(/^\*\*Precedent = draft\*\*, word for word/);
    expect(l2[1]).toMatch(/^> In this regard/);
    expect(l2[2]).toMatch(/^\*\*A\/70\/174, para\. 18\*\*/);
    // One block per precedent: never the same precedent twice.
    expect(h2.split('---').length).toBe(1);
    // The lineage comes last: A/68/98 has the same formulation (a comma apart).
    const drift = await open(`1. ${P18_SECOND.replace(' with broad participation', '')}\n`);
    const h3 = text(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: drift.uri }, position: { line: 0, character: 40 } }));
    const l3 = h3.split('\n').filter(Boolean);
    expect(l3[0]).toMatch(/^\*\*Precedent:\*\* In this regard, .* dialogue \*\*with broad participation\*\* under/);
    expect(l3[1]).toMatch(/^\*\*Draft:\*\* In this regard, .* \(wording departure\)$/);
    expect(l3[2]).toMatch(/^\*\*A\/70\/174, para\. 18\*\*/);
    expect(l3[3]).toBe('Lineage: A/68/98, para. 29 (consensus, 2013)');
  });

  it('says "agreed language" in code lenses for consensus only, and names the vote otherwise', async () => {
    const { uri, diagnostics } = await open(`1. ${P18_SECOND}\n\n2. ${VOTED}\n`);
    expect(codes(diagnostics)).not.toContain('precedent.agreed');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [0, 'agreed language: A/70/174 para. 18'],
      [2, 'language adopted by vote (A/RES/73/266, 139-11-18)'],
    ]);
    const hover = text(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 30 } }));
    expect(hover).toContain('language adopted by vote (A/RES/73/266, 139-11-18)');
    expect(hover).not.toContain('agreed language');
  });

  it('disables a rule with [reason] selected by a follow-up command when the client takes no snippet edits', async () => {
    const source = `## A. Heading\n\n1. ${P33.replace('should not', 'should')}\n`;
    const { uri, diagnostics } = await open(source);
    const d = diagnostics.find((x) => x.code === 'precedent.deviation')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const disable = actions.find((a) => a.title.startsWith('Disable precedent.deviation'))!;
    const edit = disable.edit!.changes![uri]![0]!;
    expect(edit.newText).toBe('// acquis-disable precedent.deviation -- [reason]\n');
    expect(edit.range.start).toEqual({ line: 2, character: 0 });
    expect(disable.command?.command).toBe('acquis.selectRange');
    const [, selection] = disable.command!.arguments as [string, { start: { line: number; character: number }; end: { line: number; character: number } }];
    const line = edit.newText.split('\n')[0]!;
    expect(line.slice(selection.start.character, selection.end.character)).toBe('[reason]');
    expect(selection.start.line).toBe(2);
    expect(await run<boolean>('acquis.selectRange', ...disable.command!.arguments!)).toBe(true);
    expect(client.shownDocuments.at(-1)).toBe(uri);
    expect(client.shownSelections.at(-1)).toEqual(selection);
    // The documentation action asks the client to show the rule's Markdown page.
    const docs = actions.find((a) => a.title === 'Show documentation for precedent.deviation')!;
    expect(await run<boolean>(docs.command!.command, ...docs.command!.arguments!)).toBe(true);
    expect(client.shownDocuments.at(-1)).toMatch(/docs\/rules\.md#precedentdeviation$/);
  });

  it('compares two revisions in the order of their front matter, whichever is opened first, and can be swapped', async () => {
    const pre = fileUri('samples/oewg-pre-draft.draft');
    const revised = fileUri('samples/revised-pre-draft.draft');
    for (const [a, b] of [[pre, revised], [revised, pre]]) {
      const order = await run<{ older: string; newer: string; decided: boolean; reason: string }>('acquis.revisionOrder', a, b);
      expect(order).toMatchObject({ older: pre, newer: revised, decided: true });
      expect(order.reason).toBe('old: samples/oewg-pre-draft.draft, new: samples/revised-pre-draft.draft, ordered by the front matter by date: 2020-03-11 before 2020-05-27');
      const html = await run<string>('acquis.compareHtml', a, b);
      expect(html).toContain('<dt>Order</dt><dd class="order">old: samples/oewg-pre-draft.draft, new: samples/revised-pre-draft.draft');
      expect(html).toMatch(/<dt>Old<\/dt><dd>Initial/);
    }
    const swapped = await run<string>('acquis.compareHtml', pre, revised, { older: revised });
    expect(swapped).toContain('old: samples/revised-pre-draft.draft, new: samples/oewg-pre-draft.draft, as chosen (swapped by hand)');
    expect(swapped).toMatch(/<dt>Old<\/dt><dd>Revised/);
  });

  it('reports an excerpt without judging its balance, and names the file relative to the workspace', async () => {
    const uri = fileUri('samples/oewg-pre-draft.draft');
    await client.open(uri, readFileSync(join(ROOT, 'samples/oewg-pre-draft.draft'), 'utf8'), 1);
    const html = await run<string>('acquis.reportHtml', uri);
    expect(html).toContain('<dt>File</dt><dd>samples/oewg-pre-draft.draft</dd>');
    expect(html).not.toContain('file://');
    expect(html).toContain('class="legend excerpt"');
    expect(html).toContain('the balance between the items of the mandate is not judged');
    expect(html).not.toContain('Share of words per mandate item');
    const summary = await run<{ agreedShare: number }>('acquis.summary', uri);
    expect(Object.keys(summary)).toEqual(['agreedShare']);
  });

  it('completes each agreed formulation once, consensus only, with the lineage in the detail', async () => {
    const source = '1. the Group recommends regular';
    const uri = fileUri(`test/fixtures/editor-completion.draft`);
    await client.open(uri, `${source}\n`, 1);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: source.length } });
    const labels = items.map((i) => i.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(items.filter((i) => String(i.label).startsWith('institutional dialogue with broad participation'))).toHaveLength(1);
    expect(items[0]!.detail).toBe('A/70/174, para. 18 (consensus, 2015); also A/68/98, para. 29 (2013)');
    for (const i of items) expect(i.detail).toMatch(/\(consensus, /);
    // One word typed after a space: nothing (no words picked from the document).
    const one = '1. Purple ';
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: source.length } }, text: one }]);
    expect(await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: one.length } })).toEqual([]);
  });

  it('never lints a file of the built-in acquis opened in the editor', async () => {
    const uri = fileUri('server/acquis/A-70-174.draft');
    await client.open(uri, readFileSync(join(ROOT, 'server/acquis/A-70-174.draft'), 'utf8'), 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
    expect(diagnostics).toEqual([]);
  });
});

describe('snippet edits (LSP 3.18)', () => {
  it('leaves the cursor on the reason of a disable comment when the client takes snippet edits', async () => {
    const client = new LspClient();
    try {
      await client.initialize(ROOT, undefined, { workspaceEdit: { documentChanges: true, snippetEditSupport: true } });
      const uri = fileUri('test/fixtures/editor-snippet.draft');
      await client.open(uri, `1. ${P33.replace('should not', 'should')}\n`, 1);
      const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
      const d = diagnostics.find((x) => x.code === 'precedent.deviation')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const disable = actions.find((a) => a.title.startsWith('Disable precedent.deviation'))!;
      expect(disable.command).toBeUndefined();
      const change = disable.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: Array<TextEdit & { snippet?: { kind: string; value: string } }> };
      expect(change.textDocument).toEqual({ uri, version: 1 });
      expect(change.edits[0]!.snippet).toEqual({ kind: 'snippet', value: '// acquis-disable precedent.deviation -- ${1:reason}\n' });
    } finally {
      await client.stop();
    }
  });
});

describe('package.json settings', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;

  it('declares a severity for every rule of the registry, so the Settings UI can edit acquis.rules', () => {
    const rules = props['acquis.rules'];
    expect(rules.additionalProperties).toBe(false);
    // After adding or renaming a rule, or changing its summary: `node scripts/rule-settings.mjs`.
    expect(Object.keys(rules.properties).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      expect(rules.properties[rule.id].enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
      expect(rules.properties[rule.id].markdownDescription).toBe(`${rule.summary} Default: \`${rule.defaultSeverity}\`.`);
    }
  });

  it('declares acquis.fixLevel and the [draft] defaults', () => {
    expect(props['acquis.fixLevel']).toMatchObject({ enum: ['editorial', 'wording', 'all'], default: 'editorial' });
    expect(pkg.contributes.configurationDefaults['[draft]']).toEqual({
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.wordBasedSuggestions': 'off',
    });
  });
});
