/**
 * Lineage declared by adopted texts: `restates:` in the front matter and `// acquis-restates`
 * before a paragraph or sub-paragraph (docs/markup.md, "Lineage").
 */
import { describe, expect, it } from 'vitest';
import { inlineView, parse } from '../../grammar/src/index';

describe('restates in the front matter', () => {
  it('reads a list of symbols', () => {
    const { document, problems } = parse('---\nsymbol: A/RES/73/27\nadoption: vote 109-45-16\nrestates: A/68/98, A/70/174\n---\n\n1. Text.\n');
    expect(problems).toEqual([]);
    expect(document.frontMatter?.restates).toEqual(['A/68/98', 'A/70/174']);
  });

  it('accepts "and" and reports what is not a symbol, at the value', () => {
    const text = '---\nsymbol: X/1\nrestates: A/68/98 and the 2015 report\n---\n';
    const { document, problems } = parse(text);
    expect(document.frontMatter?.restates).toEqual(['A/68/98']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('syntax.restates');
    expect(problems[0]!.message).toContain('the 2015 report');
    expect(text.slice(problems[0]!.span.start, problems[0]!.span.end)).toBe('A/68/98 and the 2015 report');
  });
});

describe('// acquis-restates before a paragraph or a sub-paragraph', () => {
  const text = [
    'PP12. Confirming the conclusions of the Group, in its 2013 and 2015 reports, that international law applies,',
    '',
    '// acquis-restates A/68/98, A/70/174 -- "enshrined in the reports of the Group"',
    'OP1. Welcomes the following set of rules:',
    '',
    'OP2. Calls upon Member States:',
    '  // acquis-restates A/RES/70/237 -- agreed by consensus in 2015',
    '  (a) To be guided by the 2015 report;',
    '  (b) To support cooperative measures;',
    '',
  ].join('\n');
  const { document, problems } = parse(text);

  it('attaches the lineage to the block that follows, and to nothing else', () => {
    expect(problems).toEqual([]);
    const [pp12, op1, op2] = document.paragraphs;
    expect(pp12!.restates).toBeUndefined();
    expect(op1!.restates?.symbols).toEqual(['A/68/98', 'A/70/174']);
    expect(op1!.restates?.note).toBe('"enshrined in the reports of the Group"');
    expect(op2!.restates).toBeUndefined();
    expect(op2!.subparagraphs.map((s) => s.restates?.symbols)).toEqual([['A/RES/70/237'], undefined]);
    expect(op2!.subparagraphs[0]!.restates?.note).toBe('agreed by consensus in 2015');
  });

  it('is not part of the text', () => {
    const op2 = document.paragraphs[2]!;
    expect(op2.subparagraphs).toHaveLength(2);
    expect(inlineView(op2.content, text).text).toBe('Calls upon Member States:');
    expect(inlineView(op2.subparagraphs[0]!.content, text).text).toBe('To be guided by the 2015 report;');
  });

  it('reports a line without symbols, and keeps the text', () => {
    const bad = parse('// acquis-restates the GGE reports\n1. Text of the paragraph.\n');
    expect(bad.problems.map((p) => p.code)).toEqual(['syntax.restates']);
    expect(bad.document.paragraphs[0]!.restates).toBeUndefined();
    expect(bad.document.paragraphs).toHaveLength(1);
  });
});
