/**
 * The language features over stdio with a real LSP client (the bundled server, `npm run build`):
 * completion, outline and workspace symbols, definition, references, folding, code lens,
 * formatting, the fix-all command, work-done progress while a large acquis is indexed, and a burst
 * of edits across two documents. protocol.test.ts covers diagnostics, code actions and hover;
 * features.test.ts calls the same features in-process.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ApplyWorkspaceEditParams,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT } from './lsp-client';

const P18_SECOND =
  'In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';
const P18_DRIFT =
  'In this regard, the Group recommends regular institutional dialogue under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';
const DROPPED = 'with broad participation ';

const acquisPath = (file: string): string => join(ROOT, 'server', 'acquis', file);
const A_70_174 = /server\/acquis\/A-70-174\.draft$/;

/** Zero-based line of the first line of a built-in acquis file starting with `prefix`. */
function acquisLine(file: string, prefix: string): number {
  return readFileSync(acquisPath(file), 'utf8').split('\n').findIndex((l) => l.startsWith(prefix));
}

/** The text of `range` in a built-in acquis file, read from disk (not from the server). */
function acquisText(file: string, range: Range): string {
  return TextDocument.create('x', 'draft', 1, readFileSync(acquisPath(file), 'utf8')).getText(range);
}

/** The source without its cursor mark `<|>`, and the cursor's position (UTF-16, as LSP counts). */
function withCursor(source: string): { text: string; position: Position } {
  const at = source.indexOf('<|>');
  if (at < 0) throw new Error('no cursor mark in the fixture');
  return { text: source.replace('<|>', ''), position: positionOf(source, at) };
}

function positionOf(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: text.slice(0, offset).split('\n').length - 1, character: offset - lineStart };
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'draft', 1, text), edits);
}

const itemsOf = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (r === null ? [] : Array.isArray(r) ? r : r.items);
const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const fileName = (uri: string): string => uri.replace(/.*\//, '');
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

/** Ranges compare by position: `inner` lies within `outer`. */
function within(inner: Range, outer: Range): boolean {
  const le = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('language features over stdio', () => {
  let client: LspClient;
  /** Documents opened by the current test, closed after it so that workspace-wide requests see only a test's own. */
  const opened: string[] = [];

  const open = async (name: string, text: string): Promise<string> => {
    const uri = name.includes('/') ? fileUri(name) : fileUri(`test/fixtures/${name}`);
    await client.open(uri, text, 1);
    opened.push(uri);
    return uri;
  };
  const complete = async (uri: string, position: Position): Promise<CompletionItem[]> =>
    itemsOf(await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position }));

  beforeAll(async () => {
    client = new LspClient();
    const init = await client.initialize();
    const caps = init.capabilities as Record<string, unknown>;
    // Every feature tested here is declared.
    expect(caps).toMatchObject({
      completionProvider: { triggerCharacters: expect.arrayContaining([' ', '/', '@']) },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: {},
      documentFormattingProvider: true,
      executeCommandProvider: { commands: expect.arrayContaining(['acquis.fixAll']) },
    });
  });
  afterEach(async () => {
    for (const uri of opened.splice(0)) await client.close(uri);
  });
  afterAll(async () => {
    await client.stop();
  });

  describe('completion', () => {
    it('offers the rest of an agreed formulation after "the Group recommends regular" is typed, with its source', async () => {
      const start = '12. States agreed that the Group recommends';
      const uri = await open('pf-complete-formulation.draft', `${start}\n`);
      // Type " regular" as an incremental change: the completion must see version 2.
      const end = { line: 0, character: start.length };
      await client.change(uri, 2, [{ range: { start: end, end }, text: ' regular' }]);
      const text = `${start} regular\n`;
      const items = await complete(uri, { line: 0, character: start.length + ' regular'.length });
      const item = items.find((i) => i.insertText?.startsWith('institutional dialogue with broad participation'));
      expect(item, labels(items).join(' | ')).toBeDefined();
      expect(item!.detail).toBe('A/70/174, para. 18 (consensus, 2015); also A/68/98, para. 29 (2013)');
      expect(item!.insertText).toBe(P18_SECOND.slice(P18_SECOND.indexOf('institutional')));
      expect(item!.documentation).toBe(P18_SECOND);
      // The edit replaces the word the cursor touches, so applying it gives the agreed sentence verbatim.
      expect(apply(text, [item!.textEdit as TextEdit])).toBe(`12. States agreed that ${P18_SECOND.slice(P18_SECOND.indexOf('the Group'))}\n`);
      expect(items[0]!.detail).toMatch(/consensus/);
    });

    it('offers the acquis symbols after "A/70"', async () => {
      const { text, position } = withCursor('1. As in A/70<|>\n');
      const uri = await open('pf-complete-symbol.draft', text);
      const items = await complete(uri, position);
      expect(labels(items)).toEqual(['A/70/174']);
      expect(items[0]!.detail).toMatch(/^Report of the Group of Governmental Experts/);
      expect(apply(text, [items[0]!.textEdit as TextEdit])).toBe('1. As in A/70/174\n');
    });

    it('offers "Iran (Islamic Republic of)" after "{++@Ir"', async () => {
      const { text, position } = withCursor('1. Text {++@Mexico: words++} and more {++@Ir<|>\n');
      const uri = await open('pf-complete-proposer.draft', text);
      const items = await complete(uri, position);
      const iran = items.find((i) => i.label === 'Iran (Islamic Republic of)');
      expect(iran, labels(items).join(' | ')).toBeDefined();
      expect(iran!.insertText).toBe('Iran (Islamic Republic of):');
      expect(apply(text, [iran!.textEdit as TextEdit])).toBe('1. Text {++@Mexico: words++} and more {++@Iran (Islamic Republic of):\n');
      expect(labels(items)).toEqual(expect.arrayContaining(['Iraq', 'Ireland']));
      expect(labels(items)).not.toContain('Mexico');
    });

    it('offers the paragraph numbers of the draft after "paragraph "', async () => {
      const { text, position } = withCursor('1. First paragraph.\n\n2bis. The second one here.\n\nPP3. Not cited this way.\n\n4. See paragraph <|>\n');
      const uri = await open('pf-complete-paragraph.draft', text);
      const items = await complete(uri, position);
      expect(labels(items)).toEqual(['1', '2bis', '4']);
      expect(items[1]!.detail).toBe('The second one here.');
    });
  });

  describe('symbols', () => {
    it('outlines samples/demo.draft: sections with their paragraphs, ranges holding their selection and children', async () => {
      const uri = await open('samples/demo.draft', readFileSync(join(ROOT, 'samples/demo.draft'), 'utf8'));
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      // Hierarchical symbols (DocumentSymbol), not flat SymbolInformation.
      expect(symbols.every((s) => 'selectionRange' in s)).toBe(true);
      expect(symbols.map((s) => s.name)).toEqual(['I. Introduction', 'II. Substantive discussions', 'III. Conclusions and recommendations']);
      const [intro, discussions, conclusions] = symbols as [DocumentSymbol, DocumentSymbol, DocumentSymbol];
      expect(intro.children!.map((c) => c.name.split(' ')[0])).toEqual(['1.', '2.']);
      expect(discussions.children!.map((c) => c.name)).toEqual([
        'A. Existing and potential threats',
        'B. Rules, norms and principles for responsible State behaviour',
        'C. International law',
        'D. Confidence-building measures',
        'E. Capacity-building',
        'F. Regular institutional dialogue',
      ]);
      const dialogue = discussions.children![5]!;
      expect(dialogue.children!.map((c) => c.name.split(' ')[0])).toEqual(['11.', '12.', '13.', '14.', '15.']);
      const p16 = conclusions.children![0]!;
      expect(p16.name).toBe('16. The OEWG recommends:');
      expect(p16.children!.map((c) => c.name.slice(0, 3))).toEqual(['(a)', '(b)']);
      // Each range holds its selection range and its children's ranges, at every level.
      let count = 0;
      const check = (s: DocumentSymbol, parent?: DocumentSymbol): void => {
        count++;
        expect(within(s.selectionRange, s.range), s.name).toBe(true);
        if (parent) expect(within(s.range, parent.range), `${s.name} in ${parent.name}`).toBe(true);
        for (const c of s.children ?? []) check(c, s);
      };
      for (const s of symbols) check(s);
      expect(count).toBe(3 + 6 + 16 + 2);
      // The selection range of a paragraph is its label, of a section its heading, as written in the document.
      const doc = TextDocument.create(uri, 'draft', 1, readFileSync(join(ROOT, 'samples/demo.draft'), 'utf8'));
      expect(doc.getText(dialogue.children![1]!.selectionRange)).toBe('12.');
      expect(doc.getText(dialogue.selectionRange)).toBe('## F. Regular institutional dialogue');
    });

    it('finds A/70/174 para. 18 as a workspace symbol for "broad participation", located in server/acquis', async () => {
      const found = await client.request<Array<WorkspaceSymbol | SymbolInformation>>('workspace/symbol', { query: 'broad participation' });
      const p18 = found.find((s) => s.name.startsWith('A/70/174 para. 18'));
      expect(p18, found.map((s) => s.name).join(' | ')).toBeDefined();
      expect(p18!.name).toContain('broad participation');
      expect(p18!.containerName).toMatch(/^Report of the Group of Governmental Experts/);
      const location = p18!.location as Location;
      expect(location.uri).toMatch(A_70_174);
      expect(location.uri).toBe(pathToFileURL(acquisPath('A-70-174.draft')).href);
      expect(location.range.start).toEqual({ line: acquisLine('A-70-174.draft', '18.'), character: 0 });
      expect(acquisText('A-70-174.draft', location.range)).toContain('regular institutional dialogue with broad participation');
      expect(await client.request('workspace/symbol', { query: 'no such words anywhere' })).toEqual([]);
    });
  });

  describe('definition', () => {
    const source = [
      '1. As the Group said (A/70/174, para. 33), the United Nations should lead.',
      '',
      '2. Second paragraph',
      'over two lines.',
      '',
      '3. As in paragraph 2 above.',
      '',
      `4. ${P18_SECOND}`,
      '',
    ].join('\n');
    const at = (needle: string, plus = 0): Position => positionOf(source, source.indexOf(needle) + plus);
    const definition = (uri: string, position: Position) => client.request<Location[] | Location | null>('textDocument/definition', { textDocument: { uri }, position });
    const asList = (r: Location[] | Location | null): Location[] => (r === null ? [] : Array.isArray(r) ? r : [r]);

    it('goes from "A/70/174, para. 33" to paragraph 33 of A-70-174.draft', async () => {
      const uri = await open('pf-definition.draft', source);
      const targets = asList(await definition(uri, at('para. 33', 'para. 3'.length)));
      expect(targets).toHaveLength(1);
      expect(targets[0]!.uri).toMatch(A_70_174);
      expect(targets[0]!.range.start).toEqual({ line: acquisLine('A-70-174.draft', '33.'), character: 0 });
      expect(acquisText('A-70-174.draft', targets[0]!.range)).toMatch(/^33\. The United Nations should play a leading role/);
    });

    it('goes from "paragraph 2 above" to paragraph 2 of the same draft', async () => {
      const uri = await open('pf-definition.draft', source);
      const targets = asList(await definition(uri, at('paragraph 2 above', 'paragraph '.length)));
      expect(targets).toEqual([{ uri, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 15 } } }]);
    });

    it('goes from a quoted agreed span to its precedent', async () => {
      const uri = await open('pf-definition.draft', source);
      const targets = asList(await definition(uri, at('broad participation')));
      expect(targets).toHaveLength(1);
      expect(targets[0]!.uri).toMatch(A_70_174);
      expect(acquisText('A-70-174.draft', targets[0]!.range).replace(/\s+/g, ' ')).toMatch(/^In this regard, the Group recommends regular institutional dialogue/);
      // Plain words have no definition.
      expect(asList(await definition(uri, at('over two lines')))).toEqual([]);
    });
  });

  it('finds the references of a precedent quoted in two open drafts', async () => {
    const one = await open('pf-references-one.draft', `1. Opening words.\n\n2. ${P18_SECOND}\n`);
    const two = await open('pf-references-two.draft', `5. Nothing agreed here at all, in this paragraph.\n\n6. ${P18_SECOND}\n`);
    const found = await client.request<Location[] | null>('textDocument/references', {
      textDocument: { uri: one },
      position: { line: 2, character: 3 + P18_SECOND.indexOf('institutional dialogue') },
      context: { includeDeclaration: true },
    });
    expect((found ?? []).map((l) => [l.uri, l.range.start.line])).toEqual([
      [one, 2],
      [two, 2],
    ]);
    expect(found![1]!.range.start.character).toBe(3);
  });

  it('returns folding ranges for the front matter, sections, long paragraphs and runs of notes', async () => {
    const text = [
      '---',
      'title: Folding',
      'kind: draft',
      '---',
      '',
      '// first note',
      '// second note',
      '',
      '# I. Introduction',
      '',
      '1. A paragraph',
      'over two lines.',
      '',
      '2. One line.',
      '// a lone note',
      '',
      '## A. Part',
      '',
      '3. Last.',
      '',
    ].join('\n');
    const uri = await open('pf-folding.draft', text);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges).toEqual([
      { startLine: 0, endLine: 3 },
      { startLine: 5, endLine: 6, kind: 'comment' },
      { startLine: 8, endLine: 18, kind: 'region' },
      { startLine: 10, endLine: 11 },
      { startLine: 16, endLine: 18, kind: 'region' },
    ]);
  });

  it('shows code lenses such as "agreed language: A/70/174 para. 18" on the label line', async () => {
    const uri = await open('pf-lens.draft', [`1. ${P18_SECOND}`, '2. Nothing agreed here.', `3. ${P18_DRIFT}`].join('\n\n') + '\n');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [0, 'agreed language: A/70/174 para. 18'],
      [4, '1 departure (wording)'],
    ]);
    expect(lenses[0]!.range.start).toEqual({ line: 0, character: 0 });
    expect(lenses[0]!.range.end.line).toBe(0);
  });

  it('formats by renumbering 1. 3. 3bis. 7. to 1. 2. 2bis. 3., cross-references included', async () => {
    const text = [
      '1. First, see paragraph 7 below.',
      '',
      '3. Second paragraph.',
      '',
      '3bis. Inserted after the second, as paragraph 3 above says.',
      '',
      '7. Fourth, recalling paragraph 3bis above.',
      '',
      '[^1]: On paragraph 7 above.',
      '',
    ].join('\n');
    const uri = await open('pf-format.draft', text);
    const edits = await client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).not.toBeNull();
    expect(apply(text, edits!)).toBe(
      [
        '1. First, see paragraph 3 below.',
        '',
        '2. Second paragraph.',
        '',
        '2bis. Inserted after the second, as paragraph 2 above says.',
        '',
        '3. Fourth, recalling paragraph 2bis above.',
        '',
        '[^1]: On paragraph 3 above.',
        '',
      ].join('\n'),
    );
    // Formatting the formatted text changes nothing.
    await client.change(uri, 2, [{ text: apply(text, edits!) }]);
    expect(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it('executes acquis.fixAll for a document: the edit reaches the client through workspace/applyEdit', async () => {
    // An editorial fix (a US spelling) is applied; the wording departure is left to its quick fix.
    const text = `1. ${P18_DRIFT}\n\n2. Norms of responsible State behavior.\n`;
    const uri = await open('pf-fixall.draft', text);
    const before = client.appliedEdits.length;
    const applied = await client.request<boolean>('workspace/executeCommand', { command: 'acquis.fixAll', arguments: [uri] });
    expect(applied).toBe(true);
    expect(client.appliedEdits).toHaveLength(before + 1);
    const params = client.appliedEdits.at(-1) as ApplyWorkspaceEditParams;
    expect(params.label).toBe('Acquis: fix all');
    expect(Object.keys(params.edit.changes ?? {})).toEqual([uri]);
    expect(apply(text, params.edit.changes![uri]!)).toBe(`1. ${P18_DRIFT}\n\n2. Norms of responsible State behaviour.\n`);
    // A document that is not open has nothing to fix, and no edit is sent.
    const none = await client.request<boolean>('workspace/executeCommand', { command: 'acquis.fixAll', arguments: [fileUri('test/fixtures/pf-not-open.draft')] });
    expect(none).toBe(false);
    expect(client.appliedEdits).toHaveLength(before + 1);
  });

  it('after a burst of 50 incremental edits across two documents, publishes both final versions and still answers a hover', async () => {
    const initial = `1. ${P18_DRIFT}\n\n2. Some new text.\n`;
    const a = await open('pf-burst-a.draft', initial);
    const b = await open('pf-burst-b.draft', initial);
    // Document a: 25 characters typed at the start of paragraph 2. Document b: the dropped words
    // typed back one character at a time where they belong. Interleaved, nothing awaited between.
    const gap = 3 + P18_DRIFT.indexOf('under the auspices');
    for (let i = 0; i < 50; i++) {
      const k = Math.floor(i / 2);
      const version = k + 2;
      if (i % 2 === 0) {
        const at = { line: 2, character: 3 + k };
        await client.change(a, version, [{ range: { start: at, end: at }, text: 'x' }]);
      } else {
        const at = { line: 0, character: gap + k };
        await client.change(b, version, [{ range: { start: at, end: at }, text: DROPPED[k]! }]);
      }
    }
    const [lastA, lastB] = await Promise.all([client.diagnostics(a, (p) => p.version === 26), client.diagnostics(b, (p) => p.version === 26)]);
    expect(codes(lastA.diagnostics)).toContain('precedent.deviation');
    expect(codes(lastB.diagnostics)).not.toContain('precedent.deviation');
    // Agreed language is not a problem: no diagnostic; the code lens says it.
    expect(codes(lastB.diagnostics)).not.toContain('precedent.agreed');
    const lensesB = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: b } });
    expect(lensesB.map((l) => l.command?.title)).toEqual(['agreed language: A/70/174 para. 18']);
    // Nothing was published for a version the client never sent, and no version went backwards.
    for (const uri of [a, b]) {
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
      expect(versions.every((v) => v >= 1 && v <= 26)).toBe(true);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
    }
    // The server holds the texts the edits made.
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: a } });
    expect(outline.map((s) => s.name)[1]).toBe(`2. ${'x'.repeat(25)}Some new text.`);
    const lens = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: b } });
    expect(lens.map((l) => l.command?.title)).toEqual(['agreed language: A/70/174 para. 18']);
    // And it still answers.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 40 } });
    expect((hover?.contents as { value: string } | undefined)?.value).toContain('A/70/174, para. 18');
  });
});

describe('work-done progress while a large acquis is indexed', () => {
  const DOCUMENTS = 60;
  let dir: string;
  let client: LspClient;

  /** Generated paragraphs: each document has its own words, so a quote matches one document only. */
  const paragraph = (doc: number, n: number): string => {
    const tag = `topic${doc}x${n}`;
    return `The Conference on the ${tag} question recommends that States exchange views on ${tag} cooperation, report on ${tag} measures at the next session, and consider ${tag} guidelines in good faith.`;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acquis-lsp-progress-'));
    mkdirSync(join(dir, 'adopted'));
    for (let i = 1; i <= DOCUMENTS; i++) {
      const body = [1, 2, 3].map((n) => `${n}. ${paragraph(i, n)}`).join('\n\n');
      writeFileSync(
        join(dir, 'adopted', `doc-${String(i).padStart(3, '0')}.draft`),
        `---\ntitle: Generated document ${i}\nsymbol: A/TEST/${i}\nyear: 2020\nkind: report\nadoption: consensus\n---\n\n${body}\n`,
      );
    }
    writeFileSync(join(dir, 'acquis.config.yaml'), 'acquis:\n  - adopted\n');
    client = new LspClient({ cwd: dir });
    await client.initialize(dir);
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports begin and end with $/progress, and the draft is linted against the generated acquis', async () => {
    const quoted = paragraph(42, 2);
    const uri = pathToFileURL(join(dir, 'draft.draft')).href;
    // Paragraph 1 quotes A/TEST/42 para. 2 with a word dropped; paragraph 2 quotes it verbatim.
    const text = `1. ${quoted.replace(' in good faith', ' in faith')}\n\n2. ${quoted}\n`;
    await client.open(uri, text, 1);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    const deviation = diagnostics.find((d) => d.code === 'precedent.deviation');
    expect(deviation, JSON.stringify(diagnostics.map((d) => [d.code, d.message]))).toBeDefined();
    expect(deviation!.range.start.line).toBe(0);
    expect(deviation!.relatedInformation?.map((r) => r.location.uri)).toContain(pathToFileURL(join(dir, 'adopted', 'doc-042.draft')).href);
    // The verbatim quote on line 2 is agreed language: no diagnostic, a code lens.
    expect(diagnostics.some((d) => d.code === 'precedent.agreed')).toBe(false);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.some((l) => l.range.start.line === 2 && l.command?.title.startsWith('agreed language: '))).toBe(true);

    // The progress notifications came before the diagnostics on the same stream: all are here.
    type Progress = { token: string | number; value: { kind: string; title?: string; percentage?: number; message?: string } };
    const progress = client.progress as Progress[];
    const begin = progress.findIndex((p) => p.value.kind === 'begin');
    const end = progress.findIndex((p) => p.value.kind === 'end');
    expect(begin, JSON.stringify(progress)).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(begin);
    expect(progress[begin]!.value.title).toBe('Acquis: indexing the acquis');
    // The built-in acquis comes ready-built from its snapshot (as in the CLI): only the project's are parsed.
    expect(progress[begin]!.value.message).toBe(`${DOCUMENTS} documents`);
    expect(progress[end]!.token).toBe(progress[begin]!.token);
    const reports = progress.slice(begin + 1, end).filter((p) => p.token === progress[begin]!.token && p.value.kind === 'report');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.at(-1)!.value.percentage).toBe(100);
  });

  it('reads the acquis on worker threads when asked (ACQUIS_READ_JOBS), with the same diagnostics and progress', async () => {
    const uri = pathToFileURL(join(dir, 'draft.draft')).href;
    const text = `1. ${paragraph(42, 2).replace(' in good faith', ' in faith')}\n\n2. ${paragraph(42, 2)}\n`;
    process.env.ACQUIS_READ_JOBS = '2';
    process.env.ACQUIS_DEBUG = '1';
    let two: LspClient;
    try {
      two = new LspClient({ cwd: dir });
    } finally {
      delete process.env.ACQUIS_READ_JOBS;
      delete process.env.ACQUIS_DEBUG;
    }
    try {
      await two.initialize(dir);
      await two.open(uri, text, 1);
      const [one, other] = await Promise.all([client.diagnostics(uri, (p) => p.version === 1, 60_000), two.diagnostics(uri, (p) => p.version === 1, 60_000)]);
      expect(other.diagnostics.some((d) => d.code === 'precedent.deviation')).toBe(true);
      expect(other.diagnostics).toEqual(one.diagnostics);
      expect(two.messages.join('')).toContain(`acquis: reading ${DOCUMENTS} acquis files on 2 threads`);
      type Progress = { token: string | number; value: { kind: string; percentage?: number } };
      const progress = two.progress as Progress[];
      const reports = progress.filter((p) => p.value.kind === 'report');
      expect(progress.some((p) => p.value.kind === 'end')).toBe(true);
      expect(reports.at(-1)?.value.percentage).toBe(100);
    } finally {
      await two.stop();
    }
  });

  it('serves the generated acquis to workspace symbols and go to definition', async () => {
    const uri = pathToFileURL(join(dir, 'draft.draft')).href;
    const found = await client.request<Array<WorkspaceSymbol | SymbolInformation>>('workspace/symbol', { query: 'topic42x2' });
    expect(found.map((s) => (s.location as Location).uri)).toEqual([pathToFileURL(join(dir, 'adopted', 'doc-042.draft')).href]);
    expect(found[0]!.name).toMatch(/^A\/TEST\/42 para\. 2: .*topic42x2 question/);
    const targets = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 2, character: 10 } });
    expect(targets.map((l) => [l.uri, l.range.start.line])).toEqual([[pathToFileURL(join(dir, 'adopted', 'doc-042.draft')).href, 10]]);
  });
});
