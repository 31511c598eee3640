/**
 * The rules of matching through the language server over stdio: for each case of cases.ts, the
 * diagnostic sits on the changed words and the preferred quick fix gives the precedent's wording
 * exactly; no diagnostic where there is no departure; no quick fix that rewrites amendment text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, sharedClient } from '../lsp/lsp-client';
import { CASES } from './cases';

const FRONT = '---\ntitle: Case\nkind: draft\n---\n\n';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'draft', 1, text), edits);
}

function rangeText(text: string, d: Diagnostic): string {
  return TextDocument.create('x', 'draft', 1, text).getText(d.range);
}

const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value);

describe('code actions judge quotes as a legal adviser would', () => {
  const client = sharedClient({ beforeAll, afterAll });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const uri = fileUri(`test/fixtures/judgement-${i}.draft`);
    const text = `${FRONT}${c.draft}\n`;
    await client.open(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
    const deviation = diagnostics.find((d) => d.code === 'precedent.deviation');
    if (!c.message) {
      expect(deviation).toBeUndefined();
      return;
    }
    expect(deviation, diagnostics.map(message).join('\n')).toBeDefined();
    expect(message(deviation!)).toContain(c.message);
    if (c.on) expect(rangeText(text, deviation!)).toBe(c.on);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: deviation!.range,
      context: { diagnostics: [deviation] },
    });
    const restore = actions.filter((a) => a.edit && /^Restore /.test(a.title));
    if (!c.fixed) {
      expect(restore).toEqual([]);
      return;
    }
    const preferred = actions.find((a) => a.isPreferred)!;
    expect(preferred.title).toMatch(/^Restore /);
    expect(apply(text, preferred.edit!.changes![uri]!).slice(FRONT.length)).toBe(`${c.fixed}\n`);
  });
});
