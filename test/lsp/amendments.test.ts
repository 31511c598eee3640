/** Accepting and rejecting amendments from the editor: code actions and the command, over stdio. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, sharedClient } from './lsp-client';

const TEXT = [
  '22. States reaffirmed that international law, and in particular the Charter of the United',
  'Nations{++@Japan: in its entirety++}{>>@Japan: See the general comments.<<}, is applicable.',
  '',
  '23. Measures reinforce {~~@Japan: respect for~>adherence to~~} international law and {--@Iran (Islamic Republic of): existing--} norms.',
  '',
].join('\n');

const client = sharedClient({ beforeAll, afterAll });
const uri = fileUri('test/fixtures/amendments.draft');
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'draft', 1, text), edits);

beforeAll(async () => {
  await client.open(uri, TEXT, 1);
  await client.diagnostics(uri, (p) => p.version === 1);
});

async function actionsAt(line: number, character: number): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character }, end: { line, character } },
    context: { diagnostics: [], only: ['refactor.rewrite'] },
  });
}

it('offers accept and reject for the amendment at the cursor, and for all its proposer\'s', async () => {
  const actions = await actionsAt(1, 12);
  expect(actions.map((a) => a.title)).toEqual([
    'Accept this insertion by Japan',
    'Reject this insertion by Japan',
    'Accept all proposals by Japan',
    'Reject all proposals by Japan',
  ]);
  const accepted = apply(TEXT, actions[0]!.edit!.changes![uri]!);
  expect(accepted).toContain('Charter of the United\nNations in its entirety, is applicable.');
  expect(accepted).toContain('{~~@Japan: respect for~>adherence to~~}');
  const rejected = apply(TEXT, actions[1]!.edit!.changes![uri]!);
  expect(rejected).toContain('Charter of the United\nNations, is applicable.');
  const all = apply(TEXT, actions[2]!.edit!.changes![uri]!);
  expect(all).toContain('Measures reinforce adherence to international law and {--@Iran (Islamic Republic of): existing--} norms.');
});

it('names a multi-word proposer and offers nothing outside amendments', async () => {
  const titles = (await actionsAt(3, TEXT.split('\n')[3]!.indexOf('existing'))).map((a) => a.title);
  expect(titles).toContain('Accept this deletion by Iran (Islamic Republic of)');
  expect(await actionsAt(0, 5)).toEqual([]);
});

it('applies every proposal of a delegation through the acquis.resolveAmendments command', async () => {
  const before = client.appliedEdits.length;
  const ok = await client.request('workspace/executeCommand', { command: 'acquis.resolveAmendments', arguments: [uri, 'reject', { proposer: 'Japan' }] });
  expect(ok).toBe(true);
  const edit = client.appliedEdits[before] as { edit: { changes: Record<string, TextEdit[]> } };
  const result = apply(TEXT, edit.edit.changes[uri]!);
  expect(result).not.toContain('@Japan');
  expect(result).toContain('@Iran (Islamic Republic of)');
});
