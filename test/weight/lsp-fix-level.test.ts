/**
 * Fix levels and amendments in the language server, over stdio: `source.fixAll.acquis` (what
 * fix-on-save runs) applies editorial fixes only by default, follows `acquis.fixLevel`, never
 * reverts the revised pre-draft's accepted "in its entirety" and never rewrites amendment text;
 * Japan's proposals come as their own diagnostics, with no quick fix that would rewrite them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, sharedClient, type LspClient } from '../lsp/lsp-client';

const REVISED = readFileSync('samples/revised-pre-draft.draft', 'utf8');
const PRE_DRAFT = readFileSync('samples/oewg-pre-draft.draft', 'utf8');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'draft', 1, text), edits);
}

const marks = (text: string): string[] => text.match(/\{(?:\+\+|--|~~|>>|==)[\s\S]*?(?:\+\+|--|~~|<<|==)\}/g) ?? [];
const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

async function fixAllOf(client: LspClient, uri: string, text: string): Promise<string> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.acquis'] },
  });
  return actions.length ? apply(text, actions[0]!.edit!.changes![uri]!) : text;
}

describe('fix-all in the language server, default level', () => {
  const client = sharedClient({ beforeAll, afterAll });

  it('keeps the accepted "in its entirety" and applies only the editorial fixes', async () => {
    const uri = fileUri('test/fixtures/weight-revised.draft');
    await client.open(uri, REVISED, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const fixed = await fixAllOf(client, uri, REVISED);
    expect(fixed.match(/in its entirety/g)).toEqual(REVISED.match(/in its entirety/g));
    expect(fixed).toContain('Responsible State Behaviour');
    expect(fixed).toContain('how international law applies in');
  });

  it("reports Japan's proposal as its own diagnostic, without a fix that would rewrite it", async () => {
    const uri = fileUri('test/fixtures/weight-pre-draft.draft');
    await client.open(uri, PRE_DRAFT, 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1);
    const proposal = diagnostics.find((d) => message(d).startsWith('Japan\'s proposal in para. 22 adds "in its entirety"'))!;
    expect(proposal).toBeDefined();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: proposal.range,
      context: { diagnostics: [proposal] },
    });
    // Accepting or rejecting the amendment is the delegation's business; restoring over it is not offered.
    expect(actions.filter((a) => /^Restore/.test(a.title)).map((a) => a.title)).toEqual([]);
  });
});

describe('fix-all in the language server, acquis.fixLevel set', () => {
  const client = sharedClient({ beforeAll, afterAll }, { settings: { fixLevel: 'wording' } });

  it('wording: restores words, still not the substantive "in its entirety"', async () => {
    const uri = fileUri('test/fixtures/weight-revised-wording.draft');
    await client.open(uri, REVISED, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const fixed = await fixAllOf(client, uri, REVISED);
    expect(fixed).not.toContain('how international law applies in');
    expect(fixed.match(/in its entirety/g)).toEqual(REVISED.match(/in its entirety/g));
  });

  it('never rewrites amendment text', async () => {
    const uri = fileUri('test/fixtures/weight-pre-draft-wording.draft');
    await client.open(uri, PRE_DRAFT, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const fixed = await fixAllOf(client, uri, PRE_DRAFT);
    expect(fixed).not.toBe(PRE_DRAFT);
    expect(marks(fixed)).toEqual(marks(PRE_DRAFT));
  });
});
