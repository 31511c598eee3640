/**
 * The language features, called directly on analyses built in-process (no server, no client).
 * Cursors are marked `<|>` in the fixture text.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SymbolKind, type CompletionItem, type DocumentSymbol, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinAcquisDir, readAcquisFolder } from '../../server/src/cli/node-host';
import { createEngine, readDraft } from '../../server/src/engine/index';
import type { Analysis } from '../../server/src/lsp/analyses';
import { codeLenses } from '../../server/src/lsp/features/code-lens';
import { completion } from '../../server/src/lsp/features/completion';
import { definition } from '../../server/src/lsp/features/definition';
import { clientFeatures } from '../../server/src/lsp/features/client-features';
import { foldingRanges } from '../../server/src/lsp/features/folding';
import { formatting } from '../../server/src/lsp/features/formatting';
import { references } from '../../server/src/lsp/features/references';
import { documentSymbols, MAX_DOCUMENT_SYMBOLS, workspaceSymbols } from '../../server/src/lsp/features/symbols';
import memberStates from '../../server/src/engine/data/member-states.json';

const engine = createEngine(readAcquisFolder(builtinAcquisDir()).map((s) => ({ uri: pathToFileURL(s.uri).href, text: s.text })));

const P18_SECOND =
  'In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';
const P18_DRIFT =
  'In this regard, the Group recommends regular institutional dialogue under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.';

/** An analysis of `source` (with the cursor mark removed) and the cursor's offset. */
function analyse(source: string, name = 'fixture.draft'): { a: Analysis; at: number } {
  const at = source.indexOf('<|>');
  const text = source.replace('<|>', '');
  const uri = `file:///drafts/${name}`;
  const draft = readDraft(uri, text);
  const a: Analysis = {
    uri,
    version: 1,
    doc: TextDocument.create(uri, 'draft', 1, text),
    draft,
    result: engine.lintDraft(draft),
    entry: { engine, acquisDirs: [], settings: {} },
  };
  return { a, at };
}

function apply(a: Analysis, edits: TextEdit[]): string {
  return TextDocument.applyEdits(a.doc, edits);
}

/** Zero-based line of the first line of `file` (in server/acquis) starting with `prefix`. */
function acquisLine(file: string, prefix: string): number {
  return readFileSync(`${builtinAcquisDir()}/${file}`, 'utf8').split('\n').findIndex((l) => l.startsWith(prefix));
}

describe('document symbols', () => {
  it('nests sections, paragraphs and sub-paragraphs, with labels, first words and status', () => {
    const { a } = analyse(`---
title: Outline
---

The General Assembly,

# I. Introduction

## A. Threats

1. States expressed concern at the growing number of malicious ICT activities. {status: pending}

PP3. Noting that considerable progress has been achieved,

2. The OEWG recommends:
  (a) further dialogue among States;
  (b) capacity-building.
`);
    const symbols = documentSymbols(a);
    expect(symbols.map((s) => [s.name, s.kind])).toEqual([
      ['The General Assembly,', SymbolKind.String],
      ['I. Introduction', SymbolKind.Namespace],
    ]);
    const section = symbols[1]!.children![0]!;
    expect([section.name, section.kind]).toEqual(['A. Threats', SymbolKind.Module]);
    const [p1, pp3, p2] = section.children as [DocumentSymbol, DocumentSymbol, DocumentSymbol];
    expect(p1.name).toBe('1. States expressed concern at the growing number of …');
    expect(p1.detail).toBe('pending');
    expect(p1.kind).toBe(SymbolKind.Field);
    expect(pp3.name).toMatch(/^PP3 Noting that/);
    expect(p2.children!.map((c) => c.name)).toEqual(['(a) further dialogue among States;', '(b) capacity-building.']);
    // Ranges nest: the section holds its paragraphs, a paragraph its sub-paragraphs.
    expect(p2.range.end.line).toBeGreaterThanOrEqual(p2.children![1]!.range.end.line);
    expect(p2.selectionRange.start).toEqual(p2.range.start);
  });

  it('keeps every range inside its parent and every selection inside its range, on the samples', () => {
    const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character <= y.character);
    const inside = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) => before(outer.start, inner.start) && before(inner.end, outer.end);
    const check = (s: DocumentSymbol, parent?: DocumentSymbol): number => {
      expect(s.name.trim()).not.toBe('');
      expect(inside(s.selectionRange, s.range)).toBe(true);
      if (parent) expect(inside(s.range, parent.range)).toBe(true);
      return 1 + (s.children ?? []).reduce((n, c) => n + check(c, s), 0);
    };
    for (const file of ['samples/demo.draft', 'samples/oewg-pre-draft.draft']) {
      const count = documentSymbols(analyse(readFileSync(file, 'utf8')).a).reduce((n, s) => n + check(s), 0);
      expect(count).toBeGreaterThan(20);
    }
  });
});

describe('the outline of a huge draft', () => {
  it('holds at most MAX_DOCUMENT_SYMBOLS symbols: sections kept, sub-paragraphs dropped first', () => {
    const para = (n: number) => `${n}. States cooperate.\n(a) First;\n(b) Second.\n`;
    const count = 2_000;
    const text = `# I. First\n\n${Array.from({ length: count }, (_, i) => para(i + 1)).join('\n')}\n# II. Second\n\n${para(count + 1)}`;
    const uri = 'file:///drafts/outline.draft';
    const draft = readDraft(uri, text);
    const a = { uri, version: 1, doc: TextDocument.create(uri, 'draft', 1, text), draft, result: { findings: [], matches: [], suppressed: [], cancelled: false }, entry: { engine, acquisDirs: [], settings: {} } } as Analysis;
    const symbols = documentSymbols(a);
    // 2,001 paragraphs and 4,002 sub-paragraphs: over the limit, so the paragraphs without theirs.
    expect(symbols.map((s) => s.name)).toEqual(['I. First', 'II. Second']);
    expect(symbols[0]!.children).toHaveLength(count);
    expect(symbols[0]!.children!.every((c) => c.children!.length === 0)).toBe(true);
    expect(symbols[1]!.children).toHaveLength(1);
    expect(count + 1 + 2 * (count + 1)).toBeGreaterThan(MAX_DOCUMENT_SYMBOLS);
  });
});

describe('workspace symbols', () => {
  it('finds the acquis paragraphs by the words of their text', () => {
    const found = workspaceSymbols('broad participation', [engine]);
    const p18 = found.find((s) => s.name.startsWith('A/70/174 para. 18'))!;
    expect(p18).toBeDefined();
    expect(p18.name).toContain('broad participation');
    expect(p18.containerName).toMatch(/^Report of the Group of Governmental Experts/);
    const location = p18.location as { uri: string; range: { start: { line: number } } };
    expect(location.uri).toMatch(/server\/acquis\/A-70-174\.draft$/);
    expect(location.range.start.line).toBe(acquisLine('A-70-174.draft', '18.'));
  });

  it('matches the symbol and the pinpoint, and caps the list', () => {
    expect(workspaceSymbols('A/70/174', [engine]).map((s) => s.name)).toEqual(['A/70/174 para. 18', 'A/70/174 para. 33', 'A/70/174 para. 35']);
    expect(workspaceSymbols('pp3', [engine]).map((s) => s.name)).toEqual(expect.arrayContaining(['A/RES/73/27 PP3', 'A/RES/73/266 PP3']));
    expect(workspaceSymbols('', [engine]).length).toBeLessThanOrEqual(200);
    expect(workspaceSymbols('no such words anywhere', [engine])).toEqual([]);
  });
});

describe('definition', () => {
  it('goes from a citation with a pinpoint to that paragraph of the acquis document', () => {
    const { a, at } = analyse('1. As the Group said (A/70/174, para. 3<|>3), the United Nations should lead.\n');
    const [target] = definition(a, at)!;
    expect(target!.uri).toMatch(/server\/acquis\/A-70-174\.draft$/);
    expect(target!.range.start).toEqual({ line: acquisLine('A-70-174.draft', '33.'), character: 0 });
  });

  it('goes to the pinpoint under the cursor, and reads `, para.` after a resolution', () => {
    const { a } = analyse('1. See A/68/98, paras. 13 and 29, and resolution 73/27, para. 5.\n');
    const text = a.draft.text;
    const lines = (at: number) => definition(a, at)!.map((l) => [l.uri.replace(/.*\//, ''), l.range.start.line]);
    expect(lines(text.indexOf('29'))).toEqual([['A-68-98.draft', acquisLine('A-68-98.draft', '29.')]]);
    expect(lines(text.indexOf('paras.'))).toEqual([
      ['A-68-98.draft', acquisLine('A-68-98.draft', '13.')],
      ['A-68-98.draft', acquisLine('A-68-98.draft', '29.')],
    ]);
    expect(lines(text.indexOf('5.'))).toEqual([['A-RES-73-27.draft', acquisLine('A-RES-73-27.draft', 'OP5.')]]);
  });

  it('goes from a citation without a pinpoint, or a resolution number, to the first line', () => {
    const { a, at } = analyse('1. See A/68/<|>98 and resolutions 73/27 and 73/266.\n');
    expect(definition(a, at)!.map((l) => [l.uri.replace(/.*\//, ''), l.range.start.line])).toEqual([['A-68-98.draft', 0]]);
    const text = a.draft.text;
    const onSecond = definition(a, text.indexOf('73/266') + 2)!;
    expect(onSecond.map((l) => l.uri.replace(/.*\//, ''))).toEqual(['A-RES-73-266.draft']);
  });

  it('goes from a cross-reference to the paragraph of the draft it names', () => {
    const { a, at } = analyse('1. First.\n\n2. Second paragraph\nover two lines.\n\n3. As in paragraph <|>2 above.\n');
    expect(definition(a, at)).toEqual([{ uri: a.uri, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 15 } } }]);
  });

  it('goes to the paragraph under the cursor in a list, or to all of them', () => {
    const { a } = analyse('1. One.\n\n2. Two.\n\n3. See paragraphs 1 and 2 above.\n');
    const at = (s: string) => a.draft.text.indexOf(s);
    const lines = (offset: number) => definition(a, offset)!.map((l) => l.range.start.line);
    expect(lines(at('2 above'))).toEqual([2]);
    expect(lines(at('paragraphs'))).toEqual([0, 2]);
  });

  it('goes to the sub-paragraph a cross-reference names', () => {
    const { a, at } = analyse('1. The OEWG recommends:\n  (a) dialogue;\n  (b) capacity-building.\n\n2. As in paragraph 1 (<|>b) above.\n');
    expect(definition(a, at)!.map((l) => a.doc.getText(l.range))).toEqual(['(b) capacity-building.']);
  });

  it('goes from a quote of agreed language to its precedent', () => {
    const { a } = analyse(`1. ${P18_SECOND}\n`);
    const [target] = definition(a, a.draft.text.indexOf('broad participation'))!;
    expect(target!.uri).toMatch(/A-70-174\.draft$/);
    const source = readFileSync(`${builtinAcquisDir()}/A-70-174.draft`, 'utf8');
    const line = source.split('\n')[target!.range.start.line]!;
    expect(line.slice(target!.range.start.character)).toMatch(/^In this regard, the Group/);
  });

  it('has nothing for plain text', () => {
    const { a, at } = analyse('1. Plain <|>words.\n');
    expect(definition(a, at)).toBeNull();
  });
});

describe('references', () => {
  it('lists the quotes of the same precedent in every open draft', () => {
    const one = analyse(`1. Opening words.\n\n2. ${P18_SECOND}\n`, 'one.draft').a;
    const two = analyse(`5. ${P18_DRIFT}\n\n6. ${P18_SECOND}\n`, 'two.draft').a;
    const unrelated = analyse('1. Nothing agreed here at all, in this paragraph.\n', 'three.draft').a;
    const found = references(one, one.draft.text.indexOf('institutional dialogue'), [one, two, unrelated]);
    expect(found.map((l) => [l.uri.replace(/.*\//, ''), l.range.start.line])).toEqual([
      ['one.draft', 2],
      ['two.draft', 0],
      ['two.draft', 2],
    ]);
  });

  it('lists the cross-references to a paragraph from its label', () => {
    const { a, at } = analyse('1. First.\n\n<|>2. Second.\n\n3. See paragraph 2 above and paragraphs 1 and 2 above.\n\n[^1]: As paragraph 2 above says.\n');
    const found = references(a, at, [a]);
    expect(found.map((l) => a.doc.getText(l.range))).toEqual(['paragraph 2 above', 'paragraphs 1 and 2 above', 'paragraph 2 above']);
  });
});

describe('folding ranges', () => {
  it('folds the front matter, sections, long paragraphs and runs of notes', () => {
    const { a } = analyse(`---
title: Folding
kind: draft
---

// first note
// second note

# I. Introduction

1. A paragraph
over two lines.

2. One line.
// a lone note

## A. Part

3. Last.
`);
    expect(foldingRanges(a)).toEqual([
      { startLine: 0, endLine: 3 },
      { startLine: 5, endLine: 6, kind: 'comment' },
      { startLine: 8, endLine: 18, kind: 'region' },
      { startLine: 10, endLine: 11 },
      { startLine: 16, endLine: 18, kind: 'region' },
    ]);
    // Within the client's rangeLimit: the front matter and sections first, then the rest in order.
    clientFeatures.foldingRangeLimit = 4;
    try {
      expect(foldingRanges(a)).toEqual([
        { startLine: 0, endLine: 3 },
        { startLine: 5, endLine: 6, kind: 'comment' },
        { startLine: 8, endLine: 18, kind: 'region' },
        { startLine: 16, endLine: 18, kind: 'region' },
      ]);
    } finally {
      clientFeatures.foldingRangeLimit = undefined;
    }
  });
});

describe('code lenses', () => {
  it('summarises the precedent matches of each paragraph on its label line', () => {
    const p33 = 'The United Nations should play a leading role in promoting dialogue on the security of ICTs in their use by States.';
    const { a } = analyse(
      [
        `1. ${P18_SECOND}`,
        '2. Nothing agreed here.',
        `3. ${P18_DRIFT}`,
        `4. ${P18_SECOND} ${P18_SECOND}`,
        `5. ${p33.replace('should', 'must')}`,
        `6. ${P18_SECOND} ${P18_DRIFT}`,
      ].join('\n\n') + '\n',
    );
    expect(codeLenses(a).map((l) => [l.range.start.line, l.command!.title, l.command!.command])).toEqual([
      [0, 'agreed language: A/70/174 para. 18', ''],
      [4, '1 departure (wording)', ''],
      [6, 'agreed language: 2 spans', ''],
      [8, '1 departure (substantive)', ''],
      [10, 'agreed language: A/70/174 para. 18, 1 departure', ''],
    ]);
    // The range is the label line.
    const first = codeLenses(a)[0]!;
    expect(first.range.start).toEqual({ line: 0, character: 0 });
    expect(first.range.end.line).toBe(0);
  });
});

describe('formatting', () => {
  it('renumbers in order, keeps suffixes with their base, and updates cross-references', () => {
    const text = [
      '---',
      'title: Renumbering 1. 3.',
      '---',
      '',
      '1. First {++@Japan: paragraph++}.',
      '',
      '3. Second, see paragraph 7 below.',
      '',
      '3bis. Inserted after the second.',
      '',
      '7. Fourth, see paragraph 3bis above, paragraphs 3 and 7 above, A/70/174, para. 18, and paragraph 9 below.',
      '  (a) sub-paragraph, as paragraph 3 (a) above;',
      '',
      '[^1]: On paragraph 7 above.',
      '',
    ].join('\n');
    const { a } = analyse(text);
    const edits = formatting(a);
    expect(edits.every((e) => /^\d+$/.test(e.newText) && /^\d+$/.test(a.doc.getText(e.range)))).toBe(true);
    expect(apply(a, edits)).toBe(
      text
        .replace('3. Second, see paragraph 7 below', '2. Second, see paragraph 3 below')
        .replace('3bis. Inserted', '2bis. Inserted')
        .replace('7. Fourth, see paragraph 3bis above, paragraphs 3 and 7 above', '3. Fourth, see paragraph 2bis above, paragraphs 2 and 3 above')
        .replace('as paragraph 3 (a) above', 'as paragraph 2 (a) above')
        .replace('On paragraph 7 above', 'On paragraph 3 above'),
    );
  });

  it('renumbers PP and OP labels in their own sequences, and sub-items within their parent', () => {
    const { a } = analyse('PP1. Recalling,\n\nPP4. Noting,\n\nOP2. Decides:\n\nOP2.1. first;\n\nOP2.3. second;\n\nOP5. Requests.\n\nOP5.2. third.\n');
    expect(apply(a, formatting(a))).toBe('PP1. Recalling,\n\nPP2. Noting,\n\nOP1. Decides:\n\nOP1.1. first;\n\nOP1.2. second;\n\nOP2. Requests.\n\nOP2.1. third.\n');
  });

  it('returns no edits when the numbering is already in order, and leaves a quoted cross-reference alone', () => {
    expect(formatting(analyse('1. One.\n\n2. Two, see paragraph 1 above.\n').a)).toEqual([]);
    const { a } = analyse('1. One.\n\n3. Three, quoting "see paragraph 3 above" as written.\n');
    expect(apply(a, formatting(a))).toBe('1. One.\n\n2. Three, quoting "see paragraph 3 above" as written.\n');
  });

  it('leaves an excerpt, which keeps the numbers of its source, alone', () => {
    expect(formatting(analyse('---\nexcerpt: true\n---\n\n5. Five.\n\n12. Twelve.\n').a)).toEqual([]);
  });

  it('renumbers only what was parsed as labels when the markup is broken', () => {
    const { a } = analyse('1. One [unclosed bracket.\n\n4. Four {++@Japan: unclosed insertion.\n\n9. Nine.\n');
    expect(a.draft.problems.length).toBeGreaterThan(0);
    const after = apply(a, formatting(a));
    expect(after.replace(/^\d+\./gm, 'N.')).toBe(a.draft.text.replace(/^\d+\./gm, 'N.'));
  });
});

describe('completion', () => {
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it('offers the rest of an agreed sentence after its first words, verbatim', () => {
    const { a, at } = analyse('12. States agreed that the Group recommends regular<|>\n');
    const items = completion(a, at);
    const item = items.find((i) => i.insertText?.startsWith('institutional dialogue with broad participation'))!;
    expect(item).toBeDefined();
    expect(item.insertText).toBe(P18_SECOND.slice(P18_SECOND.indexOf('institutional')));
    // One item for the formulation of A/70/174 and A/68/98 (a comma apart), the lineage in the detail.
    expect(item.detail).toBe('A/70/174, para. 18 (consensus, 2015); also A/68/98, para. 29 (2013)');
    expect(items.filter((i) => i.insertText?.startsWith('institutional dialogue with broad participation'))).toHaveLength(1);
    expect(item.documentation).toBe(P18_SECOND);
    // The cursor touches "regular": the edit replaces that word with itself and the rest.
    expect(apply(a, [item.textEdit as TextEdit])).toBe(`12. States agreed that ${P18_SECOND.slice(P18_SECOND.indexOf('the Group'))}\n`);
    // Consensus language first.
    expect(items[0]!.detail).toMatch(/consensus/);
  });

  it('completes an unfinished word and punctuation already typed', () => {
    const partial = analyse('1. In this regard, the Group recommends regul<|>\n');
    const [first] = completion(partial.a, partial.at);
    expect(apply(partial.a, [first!.textEdit as TextEdit])).toBe(`1. ${P18_SECOND}\n`);
    const comma = analyse('1. In this regard,<|>\n');
    const after = completion(comma.a, comma.at).find((i) => i.detail?.startsWith('A/70/174'))!;
    expect(apply(comma.a, [after.textEdit as TextEdit])).toBe(`1. ${P18_SECOND}\n`);
  });

  it('offers nothing for one word or words that begin no agreed sentence', () => {
    const one = analyse('1. Regular<|>\n');
    expect(completion(one.a, one.at)).toEqual([]);
    const none = analyse('1. Purple elephants dance<|>\n');
    expect(completion(none.a, none.at)).toEqual([]);
  });

  it('offers the symbols of the acquis after a partial symbol', () => {
    const { a, at } = analyse('1. As in A/70<|>\n');
    const items = completion(a, at);
    expect(labels(items)).toEqual(['A/70/174']);
    expect(items[0]!.detail).toMatch(/^Report of the Group/);
    expect(apply(a, [items[0]!.textEdit as TextEdit])).toBe('1. As in A/70/174\n');
    const all = analyse('1. As in A/<|>\n');
    expect(labels(completion(all.a, all.at))).toEqual(['A/65/201', 'A/68/98', 'A/70/174', 'A/RES/73/266', 'A/RES/73/27']);
  });

  it('offers the paragraphs of a cited document, and resolution numbers', () => {
    const pins = analyse('1. As in A/70/174, para. <|>\n');
    expect(labels(completion(pins.a, pins.at))).toEqual(['18', '33', '35']);
    const res = analyse('1. By resolution 73/<|>\n');
    expect(labels(completion(res.a, res.at)).sort()).toEqual(['73/266', '73/27']);
  });

  it('offers delegations after an amendment opening, those of the draft first', () => {
    const { a, at } = analyse('1. Text {++@Mexico: words++} and more {++@Ir<|>\n');
    const items = completion(a, at);
    const iran = items.find((i) => i.label === 'Iran (Islamic Republic of)')!;
    expect(iran.insertText).toBe('Iran (Islamic Republic of):');
    expect(apply(a, [iran.textEdit as TextEdit])).toBe('1. Text {++@Mexico: words++} and more {++@Iran (Islamic Republic of):\n');
    expect(labels(items)).toEqual(expect.arrayContaining(['Iraq', 'Ireland']));
    const open = analyse('1. Text {++@Mexico: words++} {>>@<|>\n');
    expect(completion(open.a, open.at)[0]!.label).toBe('Mexico');
  });

  it('offers the paragraph numbers after "paragraph "', () => {
    const { a, at } = analyse('1. First paragraph.\n\n2bis. The second one here.\n\nPP3. Not cited this way.\n\n4. See paragraph <|>\n');
    const items = completion(a, at);
    expect(labels(items)).toEqual(['1', '2bis', '4']);
    expect(items[1]!.detail).toBe('The second one here.');
    const more = analyse('1. One.\n\n2. Two.\n\n3. See paragraphs 1 and <|>\n');
    expect(labels(completion(more.a, more.at))).toEqual(['1', '2', '3']);
  });
});

describe('member states data', () => {
  it('holds the clean names of the A/73/505 voting records', () => {
    expect(memberStates.source).toMatch(/A\/73\/505/);
    expect(memberStates.names).toContain('Iran (Islamic Republic of)');
    expect(memberStates.names).toContain('Bolivia (Plurinational State of)');
    expect(memberStates.names).toContain('United Republic of Tanzania');
    expect(memberStates.names).toContain('Lao People’s Democratic Republic');
    expect(memberStates.names).toContain('Guinea-Bissau');
    expect(memberStates.names.filter((n) => /\s{2}|Sta te|Uni ted| ’/.test(n))).toEqual([]);
    expect(new Set(memberStates.names).size).toBe(memberStates.names.length);
  });
});
