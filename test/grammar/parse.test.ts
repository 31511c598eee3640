/**
 * The `.draft` parser against docs/markup.md: structure, the negotiation layer, what is
 * recognised inside the text, views, line endings. Expectations are written on a "sliced" copy of
 * the tree (every span replaced by the characters it covers), so each one asserts the structure
 * and that every span slices back to the right text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inlineView,
  parse,
  type Amendment,
  type DraftDocument,
  type Inline,
  type Paragraph,
  type ParseResult,
  type Subparagraph,
  type ViewMode,
} from '../../grammar/src/index';
import { badSpans, sliced } from './helpers';

type Expected = Record<string, unknown>;

/**
 * Parse `input`; every span must lie in the text; the sliced document must match `expected`
 * (a subset, arrays exact), and the sliced problems must match `problems` (none by default).
 */
function check(input: string, expected: Expected, problems: Expected[] = []): ParseResult {
  const result = parse(input);
  expect(badSpans(result, input.length), 'spans outside the text').toEqual([]);
  expect(sliced(result.problems, input)).toMatchObject(problems);
  expect(sliced(result.document, input)).toMatchObject(expected);
  return result;
}

/** The inline content of the first paragraph of `input`, sliced, checked like `check`. */
function checkInline(input: string, content: Expected[], problems: Expected[] = []): Paragraph {
  const result = check(input, {}, problems);
  const paragraph = result.document.paragraphs[0];
  expect(paragraph, 'no paragraph').toBeDefined();
  expect(sliced(paragraph!.content, input)).toMatchObject(content);
  return paragraph!;
}

const text = (span: string): Expected => ({ type: 'text', span });

const view = (input: string, mode: ViewMode, index = 0): string => {
  const { document } = parse(input);
  return inlineView(document.paragraphs[index]!.content, input, mode).text;
};

/** `(a) letter` lines, indented two spaces per level below 1, checking `level` against depth. */
function outline(subs: Subparagraph[], depth = 1): string[] {
  return subs.flatMap((s) => {
    expect(s.level, `level of ${s.label.text}`).toBe(depth);
    return [`${'  '.repeat(depth - 1)}${s.label.text} ${s.label.style}`, ...outline(s.children, depth + 1)];
  });
}

/** Every amendment in a tree (a rationale is counted where it stands in the text, not twice). */
function amendments(root: unknown): Amendment[] {
  const out: Amendment[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const node = value as Record<string, unknown>;
      if (node.type === 'amendment') out.push(node as unknown as Amendment);
      for (const [key, child] of Object.entries(node)) if (key !== 'rationale') visit(child);
    }
  };
  visit(root);
  return out;
}

const labels = (document: DraftDocument): string[] => document.paragraphs.map((p) => p.label?.text ?? '-');

// --- Front matter -----------------------------------------------------------------------------

describe('front matter', () => {
  it.each<{ name: string; input: string; expected: Expected; problems?: Expected[] }>([
    {
      name: 'fields, quotes removed, keys lower-cased, entry spans',
      input: '---\ntitle: "Initial Pre-draft"\nSymbol: A/AC.290/2020/CRP.1\nbody: OEWG\nexcerpt: true\n---\n\n1. Text.',
      expected: {
        frontMatter: {
          type: 'frontMatter',
          span: '---\ntitle: "Initial Pre-draft"\nSymbol: A/AC.290/2020/CRP.1\nbody: OEWG\nexcerpt: true\n---',
          entries: [
            { key: 'title', value: 'Initial Pre-draft', span: 'title: "Initial Pre-draft"', keySpan: 'title', valueSpan: 'Initial Pre-draft' },
            { key: 'symbol', value: 'A/AC.290/2020/CRP.1', span: 'Symbol: A/AC.290/2020/CRP.1', keySpan: 'Symbol', valueSpan: 'A/AC.290/2020/CRP.1' },
            { key: 'body', value: 'OEWG', keySpan: 'body', valueSpan: 'OEWG' },
            { key: 'excerpt', value: 'true' },
          ],
          fields: { title: 'Initial Pre-draft', symbol: 'A/AC.290/2020/CRP.1', body: 'OEWG', excerpt: 'true' },
        },
        paragraphs: [{ label: { text: '1' }, span: '1. Text.' }],
      },
    },
    {
      name: 'adoption: consensus',
      input: '---\nsymbol: A/70/174\nadoption: consensus\n---\n\n18. Text.',
      expected: { frontMatter: { adoption: { kind: 'consensus' }, fields: { adoption: 'consensus' } }, paragraphs: [{ span: '18. Text.' }] },
    },
    {
      name: 'adoption: vote with the tally',
      input: '---\nadoption: vote 109-45-16\nadopted-by: First Committee\n---\nPP1. Text.',
      expected: {
        frontMatter: {
          adoption: { kind: 'vote', inFavour: 109, against: 45, abstaining: 16 },
          fields: { adoption: 'vote 109-45-16', 'adopted-by': 'First Committee' },
        },
        paragraphs: [{ kind: 'preambular', span: 'PP1. Text.' }],
      },
    },
    {
      name: 'a repeated key: the last one wins',
      input: '---\nbody: GGE\nbody: OEWG\n---\n',
      expected: { frontMatter: { fields: { body: 'OEWG' }, entries: [{ value: 'GGE' }, { value: 'OEWG' }] } },
    },
    {
      name: 'an unreadable adoption is a problem on its value',
      input: '---\ntitle: T\nadoption: by show of hands\n---\n\n1. Text.',
      expected: { frontMatter: { fields: { adoption: 'by show of hands' } }, paragraphs: [{ span: '1. Text.' }] },
      problems: [{ code: 'syntax.adoption', span: 'by show of hands', message: expect.stringContaining('by show of hands') }],
    },
    {
      name: 'a line that is not `key: value` is a problem; a `#` line is a comment',
      input: '---\n# transcribed by hand\ntitle: T\nnot a field\n---\n\n1. Text.',
      expected: { frontMatter: { entries: [{ key: 'title' }] }, paragraphs: [{ span: '1. Text.' }] },
      problems: [{ code: 'syntax.frontMatter', span: 'not a field', message: expect.stringContaining('key: value') }],
    },
    {
      name: 'unclosed: a problem on the fence, the block ends at the first blank line, the rest is parsed',
      input: '---\ntitle: T\nadoption: consensus\n\n# I. Introduction\n\n1. First.\n\n2. Second.',
      expected: {
        frontMatter: { span: '---\ntitle: T\nadoption: consensus', fields: { title: 'T', adoption: 'consensus' }, adoption: { kind: 'consensus' } },
        children: [{ type: 'section', heading: { title: 'I. Introduction' } }],
        paragraphs: [
          { label: { text: '1' }, span: '1. First.' },
          { label: { text: '2' }, span: '2. Second.' },
        ],
      },
      problems: [{ code: 'syntax.unclosed', span: '---', message: expect.stringContaining('front matter is not closed') }],
    },
    {
      name: 'only at the very top: a later `---` line is text',
      input: '1. Text.\n\n---\n',
      expected: { paragraphs: [{ span: '1. Text.' }, { kind: 'unnumbered', span: '---' }] },
    },
    {
      // BUG: the fence matcher accepts offset 1 (meant for a BOM) after a leading line break.
      name: 'only at the very top: a `---` on the second line, after a blank first line, is text',
      input: '\n---\ntitle: T\n---\n\n1. Text.',
      expected: { paragraphs: [{ kind: 'unnumbered', span: '---\ntitle: T\n---' }, { span: '1. Text.' }] },
    },
  ])('$name', ({ input, expected, problems }) => {
    check(input, expected, problems);
  });

  it('has no front matter when the file does not start with a fence', () => {
    expect(parse('1. Text.').document.frontMatter).toBeUndefined();
  });

  it('an adoption vote may be written with en dashes and "recorded"', () => {
    const { document, problems } = parse('---\nadoption: recorded vote 139–11–18\n---\n');
    expect(problems).toEqual([]);
    expect(document.frontMatter?.adoption).toEqual({ kind: 'vote', inFavour: 139, against: 11, abstaining: 18 });
  });
});

// --- Structure --------------------------------------------------------------------------------

describe('headings and sections', () => {
  it('nests `##` in `#` and `###` in `##`, with heading numbers and titles', () => {
    const input = [
      '# II. Substantive discussions',
      '',
      '## A. Existing and potential threats',
      '',
      '3. Threats.',
      '',
      '## B. International law',
      '',
      '4. Law.',
      '',
      '### 1. Sovereignty',
      '',
      '5. Deep.',
      '',
      '# III. Conclusions',
      '',
      '6. End.',
    ].join('\n');
    const { document } = check(input, {
      children: [
        {
          type: 'section',
          span: input.slice(0, input.indexOf('\n\n# III')),
          heading: { type: 'heading', span: '# II. Substantive discussions', level: 1, number: 'II', title: 'II. Substantive discussions' },
          children: [
            {
              type: 'section',
              span: '## A. Existing and potential threats\n\n3. Threats.',
              heading: { level: 2, number: 'A', title: 'A. Existing and potential threats' },
              children: [{ type: 'paragraph', span: '3. Threats.' }],
            },
            {
              type: 'section',
              span: '## B. International law\n\n4. Law.\n\n### 1. Sovereignty\n\n5. Deep.',
              heading: { level: 2, number: 'B' },
              children: [
                { type: 'paragraph', span: '4. Law.' },
                {
                  type: 'section',
                  heading: { span: '### 1. Sovereignty', level: 3, number: '1', title: '1. Sovereignty' },
                  children: [{ type: 'paragraph', span: '5. Deep.' }],
                },
              ],
            },
          ],
        },
        {
          type: 'section',
          span: '# III. Conclusions\n\n6. End.',
          heading: { level: 1, number: 'III' },
          children: [{ type: 'paragraph', span: '6. End.' }],
        },
      ],
    });
    expect(labels(document)).toEqual(['3', '4', '5', '6']);
  });

  it('a `##` after a `###` closes the sub-section; text before any heading stays at the top', () => {
    const input = 'The General Assembly,\n\n## A. One\n\n### 1. Sub\n\n1. a\n\n## B. Two\n\n2. b';
    const { document } = check(input, {
      children: [
        { type: 'paragraph', kind: 'unnumbered', span: 'The General Assembly,' },
        { type: 'section', heading: { number: 'A' }, children: [{ type: 'section', heading: { number: '1' }, children: [{ span: '1. a' }] }] },
        { type: 'section', heading: { number: 'B' }, children: [{ span: '2. b' }] },
      ],
    });
    expect(labels(document)).toEqual(['-', '1', '2']);
  });

  it('a heading without a number has none; heading content is inline markup', () => {
    const { document } = check('# Annex\n\n## C. [International | Applicable] law', {
      children: [
        {
          heading: { title: 'Annex', content: [text('Annex')] },
          children: [
            {
              heading: {
                number: 'C',
                content: [text('C.'), { type: 'bracket', span: '[International | Applicable]', options: [[text('International')], [text('Applicable')]] }, text('law')],
              },
            },
          ],
        },
      ],
    });
    expect((document.children[0] as { heading: { number?: string } }).heading.number).toBeUndefined();
  });

  it('a heading is one line: a text line right under it is a paragraph, not part of the title', () => {
    // BUG: the heading's lineTail runs on over the next line, swallowing the paragraph.
    check('# I. Introduction\nThe General Assembly,\n\nPP1. Recalling its resolutions,', {
      children: [
        {
          type: 'section',
          heading: { span: '# I. Introduction', title: 'I. Introduction' },
          children: [
            { type: 'paragraph', kind: 'unnumbered', span: 'The General Assembly,' },
            { type: 'paragraph', kind: 'preambular', span: 'PP1. Recalling its resolutions,' },
          ],
        },
      ],
      paragraphs: [{ span: 'The General Assembly,' }, { span: 'PP1. Recalling its resolutions,' }],
    });
  });
});

describe('numbered paragraphs', () => {
  it.each<[string, string, string, string, string | undefined]>([
    // label as written, kind, text, number, suffix
    ['12.', 'numbered', '12', '12', undefined],
    ['1.1.', 'numbered', '1.1', '1.1', undefined],
    ['12bis.', 'numbered', '12bis', '12', 'bis'],
    ['12ter.', 'numbered', '12ter', '12', 'ter'],
    ['12quater.', 'numbered', '12quater', '12', 'quater'],
    ['12alt.', 'numbered', '12alt', '12', 'alt'],
    ['12alt2.', 'numbered', '12alt2', '12', 'alt2'],
    ['PP3.', 'preambular', 'PP3', '3', undefined],
    ['PP2bis.', 'preambular', 'PP2bis', '2', 'bis'],
    ['OP5.', 'operative', 'OP5', '5', undefined],
    ['OP7ter.', 'operative', 'OP7ter', '7', 'ter'],
    ['OP6alt.', 'operative', 'OP6alt', '6', 'alt'],
    ['OP1.2.', 'operative', 'OP1.2', '1.2', undefined],
  ])('%s is %s, label %s, number %s, suffix %s', (written, kind, labelText, number, suffix) => {
    const input = `${written} Affirms the text.`;
    const { document } = check(input, {
      paragraphs: [
        {
          type: 'paragraph',
          kind,
          span: input,
          label: { span: written, text: labelText, number },
          contentSpan: 'Affirms the text.',
          content: [text('Affirms the text.')],
          subparagraphs: [],
          suppressions: [],
        },
      ],
    });
    expect(document.paragraphs[0]!.label!.suffix).toBe(suffix);
  });

  it('unnumbered paragraphs: any other run of text lines', () => {
    check('The General Assembly,\n\nPP1. Recalling.\n\nDecides to remain seized of the matter.', {
      paragraphs: [
        { kind: 'unnumbered', span: 'The General Assembly,', contentSpan: 'The General Assembly,', content: [text('The General Assembly,')], subparagraphs: [] },
        { kind: 'preambular', span: 'PP1. Recalling.' },
        { kind: 'unnumbered', span: 'Decides to remain seized of the matter.' },
      ],
    });
    expect(parse('The General Assembly,').document.paragraphs[0]!.label).toBeUndefined();
  });

  it('a label needs a full stop and a space: `12.5 per cent` is text', () => {
    check('12.5 per cent of States replied.', { paragraphs: [{ kind: 'unnumbered', span: '12.5 per cent of States replied.' }] });
  });

  it('continuation lines belong to the paragraph and read joined with a space', () => {
    const input = '22. In their discussions,\nStates reaffirmed\n  that international law applies.\n\n23. Next.';
    check(input, {
      paragraphs: [
        {
          span: '22. In their discussions,\nStates reaffirmed\n  that international law applies.',
          contentSpan: 'In their discussions,\nStates reaffirmed\n  that international law applies.',
          content: [text('In their discussions,\nStates reaffirmed\n  that international law applies.')],
        },
        { span: '23. Next.' },
      ],
    });
    expect(view(input, 'current')).toBe('In their discussions, States reaffirmed that international law applies.');
  });

  it('a new label ends the paragraph even without a blank line', () => {
    check('1. One\ncontinued.\n2. Two.\nPP3. Three.', {
      paragraphs: [{ span: '1. One\ncontinued.' }, { span: '2. Two.' }, { span: 'PP3. Three.' }],
    });
  });
});

describe('sub-paragraphs', () => {
  const subsOf = (body: string): string[] => {
    const input = `16. The Group recommends:\n${body}`;
    const { document, problems } = parse(input);
    expect(problems).toEqual([]);
    expect(badSpans(document, input.length)).toEqual([]);
    expect(document.paragraphs).toHaveLength(1);
    return outline(document.paragraphs[0]!.subparagraphs);
  };

  it.each<[string, string[], string[]]>([
    ['(a) (b)', ['(a)', '(b)'], ['(a) letter', '(b) letter']],
    ['(a) (i) (ii) (b)', ['(a)', '  (i)', '  (ii)', '(b)'], ['(a) letter', '  (i) roman', '  (ii) roman', '(b) letter']],
    ['a / i / a returns to level 1', ['(a)', '(i)', '(a)'], ['(a) letter', '  (i) roman', '(a) letter']],
    ['(h) (i) (j): (i) after (h) is a letter', ['(h)', '(i)', '(j)'], ['(h) letter', '(i) letter', '(j) letter']],
    ['(u) (v) and (w) (x) are letters', ['(t)', '(u)', '(v)', '(w)', '(x)', '(y)'], ['(t) letter', '(u) letter', '(v) letter', '(w) letter', '(x) letter', '(y) letter']],
    ['(i) first is roman', ['(i)', '(ii)', '(iii)'], ['(i) roman', '(ii) roman', '(iii) roman']],
    ['roman (iv) (v) (vi) and (ix) (x)', ['(i)', '(ii)', '(iii)', '(iv)', '(v)', '(vi)', '(vii)', '(viii)', '(ix)', '(x)'], ['(i) roman', '(ii) roman', '(iii) roman', '(iv) roman', '(v) roman', '(vi) roman', '(vii) roman', '(viii) roman', '(ix) roman', '(x) roman']],
    ['(i) (a) nests letters under roman', ['(i)', '  (a)', '  (b)', '(ii)'], ['(i) roman', '  (a) letter', '  (b) letter', '(ii) roman']],
    ['(a) (1) (A): number and capital styles open deeper levels', ['(a)', '(1)', '(A)', '(b)'], ['(a) letter', '  (1) number', '    (A) capital', '(b) letter']],
    ['(b) (i) after a roman run under (a)', ['(a)', '(i)', '(ii)', '(b)', '(i)'], ['(a) letter', '  (i) roman', '  (ii) roman', '(b) letter', '  (i) roman']],
  ])('%s', (_name, lines, expected) => {
    expect(subsOf(lines.map((l) => `  ${l.trim()} text;`).join('\n'))).toEqual(expected);
  });

  // BUG: a single (v) or (x) is read as roman only when it directly follows roman 4 or 9, and
  // as a letter otherwise; docs/markup.md says they are letters only after (h), (u), (w) and
  // roman numerals otherwise. In an excerpt (acquis files transcribe some sub-paragraphs only)
  // the roman (v) after (i) is nested as a letter under (i).
  it.each<[string, string[], string[]]>([
    ['excerpt (i) (v): both roman, level 1', ['(i)', '(v)'], ['(i) roman', '(v) roman']],
    ['excerpt (x) (xi): both roman, level 1', ['(x)', '(xi)'], ['(x) roman', '(xi) roman']],
    ['(a) (i) (iii) (v): roman under (a)', ['(a)', '(i)', '(iii)', '(v)'], ['(a) letter', '  (i) roman', '  (iii) roman', '  (v) roman']],
  ])('%s', (_name, lines, expected) => {
    expect(subsOf(lines.map((l) => `  ${l} text;`).join('\n'))).toEqual(expected);
  });

  it('double letters (aa) (bb) (cc) (dd) are letters', () => {
    // BUG: (cc) (like (ll) or (vv)) is read as a roman numeral, 200, and nested under (bb).
    expect(subsOf(['(z)', '(aa)', '(bb)', '(cc)', '(dd)'].map((l) => `  ${l} text;`).join('\n'))).toEqual([
      '(z) letter',
      '(aa) letter',
      '(bb) letter',
      '(cc) letter',
      '(dd) letter',
    ]);
  });

  it('the chapeau is the text before the first sub-paragraph; sub-paragraph spans and content', () => {
    const input = [
      '16. The OEWG recommends:',
      '  (a) Further dialogue among all States',
      '  to discuss norms;',
      '    (i) first point;',
      '  (b) [placeholder: the format of the future process].[^1]',
    ].join('\n');
    check(input, {
      paragraphs: [
        {
          span: input,
          contentSpan: 'The OEWG recommends:',
          content: [text('The OEWG recommends:')],
          subparagraphs: [
            {
              type: 'subparagraph',
              // A sub-paragraph's span covers its own sub-paragraphs.
              span: '(a) Further dialogue among all States\n  to discuss norms;\n    (i) first point;',
              label: { span: '(a)', text: '(a)', style: 'letter' },
              level: 1,
              contentSpan: 'Further dialogue among all States\n  to discuss norms;',
              content: [text('Further dialogue among all States\n  to discuss norms;')],
              children: [{ span: '(i) first point;', label: { text: '(i)', style: 'roman' }, level: 2, content: [text('first point;')], children: [] }],
            },
            {
              span: '(b) [placeholder: the format of the future process].[^1]',
              label: { span: '(b)' },
              contentSpan: '[placeholder: the format of the future process].[^1]',
              content: [
                { type: 'bracket', placeholder: true, span: '[placeholder: the format of the future process]' },
                text('.'),
                { type: 'footnoteReference', id: '1', span: '[^1]' },
              ],
              children: [],
            },
          ],
        },
      ],
    });
  });

  it('sub-paragraphs after a blank line still belong to the paragraph', () => {
    check('1. Chapeau:\n(a) one;\n\n(b) two.\n\n2. Next.', {
      paragraphs: [
        { span: '1. Chapeau:\n(a) one;\n\n(b) two.', subparagraphs: [{ span: '(a) one;' }, { span: '(b) two.' }] },
        { span: '2. Next.', subparagraphs: [] },
      ],
    });
  });

  it('a sub-paragraph with no paragraph above gets an empty unnumbered parent', () => {
    check('(a) Alone.', {
      paragraphs: [{ kind: 'unnumbered', content: [], contentSpan: '', span: '(a) Alone.', subparagraphs: [{ span: '(a) Alone.' }] }],
    });
  });
});

describe('footnotes', () => {
  it('references in the text and definitions after, with inline content', () => {
    const input = '2. Text.[^1] More[^note-2].\n\n[^1]: See paragraph 22 above.\n[^note-2]: A/70/174, para. 13.';
    check(input, {
      paragraphs: [
        {
          content: [
            text('Text.'),
            { type: 'footnoteReference', id: '1', span: '[^1]' },
            text('More'),
            { type: 'footnoteReference', id: 'note-2', span: '[^note-2]' },
            text('.'),
          ],
        },
      ],
      footnotes: [
        {
          type: 'footnoteDefinition',
          id: '1',
          span: '[^1]: See paragraph 22 above.',
          contentSpan: 'See paragraph 22 above.',
          content: [text('See'), { type: 'crossReference', span: 'paragraph 22 above', paragraphs: ['22'], direction: 'above' }, text('.')],
        },
        {
          id: 'note-2',
          span: '[^note-2]: A/70/174, para. 13.',
          content: [{ type: 'citation', kind: 'symbol', span: 'A/70/174, para. 13', documents: ['A/70/174'], paragraphs: ['13'] }, text('.')],
        },
      ],
    });
  });

  it('a definition is not a paragraph, and it stays in its section', () => {
    const { document } = check('## A. Threats\n\n1. Text.[^1]\n\n[^1]: A note.', {
      children: [{ children: [{ type: 'paragraph' }, { type: 'footnoteDefinition', id: '1' }] }],
    });
    expect(labels(document)).toEqual(['1']);
  });
});

// --- Quotations and brackets ------------------------------------------------------------------

describe('quotations', () => {
  it('curly quotation with an editorial bracket inside', () => {
    checkInline('1. The Group said “the State [shall] act” here.', [
      text('The Group said'),
      {
        type: 'quotation',
        span: '“the State [shall] act”',
        closed: true,
        content: [text('the State'), { type: 'bracket', role: 'editorial', span: '[shall]', options: [[text('shall')]] }, text('act')],
      },
      text('here.'),
    ]);
  });

  it('straight quotation with an editorial bracket inside', () => {
    checkInline('1. It reads "[the] States should".', [
      text('It reads'),
      { type: 'quotation', span: '"[the] States should"', closed: true, content: [{ type: 'bracket', role: 'editorial', span: '[the]' }, text('States should')] },
      text('.'),
    ]);
  });

  it('a quotation inside a negotiation bracket: the outer bracket negotiates, the inner is editorial', () => {
    checkInline('1. [the “public core [of the] Internet”]', [
      {
        type: 'bracket',
        role: 'negotiation',
        span: '[the “public core [of the] Internet”]',
        options: [[text('the'), { type: 'quotation', content: [text('public core'), { type: 'bracket', role: 'editorial', span: '[of the]' }, text('Internet')] }]],
      },
    ]);
  });

  it('block quotation lines: brackets inside are editorial, consecutive lines form one quote', () => {
    check('1. The report says:\n> States [should] cooperate\n> in good faith.\n\n2. Next.', {
      children: [
        { type: 'paragraph', span: '1. The report says:' },
        {
          type: 'blockQuote',
          span: '> States [should] cooperate\n> in good faith.',
          content: [text('States'), { type: 'bracket', role: 'editorial', span: '[should]' }, text('cooperate'), text('in good faith.')],
        },
        { type: 'paragraph', span: '2. Next.' },
      ],
    });
  });
});

describe('negotiation brackets', () => {
  it('a bracket is negotiation text, its words kept as one option', () => {
    checkInline('6. [Some States called for a treaty.]', [
      { type: 'bracket', role: 'negotiation', placeholder: false, closed: true, span: '[Some States called for a treaty.]', options: [[text('Some States called for a treaty.')]] },
    ]);
  });

  it('brackets nest', () => {
    checkInline('1. [States [should | shall] cooperate]', [
      {
        type: 'bracket',
        span: '[States [should | shall] cooperate]',
        options: [[text('States'), { type: 'bracket', span: '[should | shall]', options: [[text('should')], [text('shall')]] }, text('cooperate')]],
      },
    ]);
  });

  it.each(['[placeholder]', '[placeholder: further principles]', '[Placeholder: format]', '[...]', '[…]', '[ … ]'])('%s is a placeholder', (mark) => {
    checkInline(`23. Principles include ${mark}.`, [text('Principles include'), { type: 'bracket', placeholder: true, span: mark, closed: true }, text('.')]);
  });

  it.each(['[further principles]', '[placeholders are listed]', '[....]'])('%s is not a placeholder', (mark) => {
    checkInline(`23. Principles include ${mark}.`, [text('Principles include'), { type: 'bracket', placeholder: false, span: mark }, text('.')]);
  });

  it('alternatives: one option per `|`, trimmed; an escaped `\\|` does not split', () => {
    checkInline('23. The [UN Charter | Charter of the United Nations] and [a \\| b | c].', [
      text('The'),
      { type: 'bracket', span: '[UN Charter | Charter of the United Nations]', options: [[text('UN Charter')], [text('Charter of the United Nations')]] },
      text('and'),
      { type: 'bracket', span: '[a \\| b | c]', options: [[text('a \\| b')], [text('c')]] },
      text('.'),
    ]);
  });

  it('an option may hold markup; a `|` inside an amendment does not split the bracket', () => {
    checkInline('1. [x {++p | q++} | z]', [
      {
        type: 'bracket',
        options: [[text('x'), { type: 'amendment', kind: 'insert', span: '{++p | q++}', content: [text('p | q')] }], [text('z')]],
      },
    ]);
  });

  it('escaped brackets are literal text', () => {
    const p = checkInline('1. A \\[literal\\] bracket.', [text('A \\[literal\\] bracket.')]);
    expect(inlineView(p.content, '1. A \\[literal\\] bracket.', 'current').text).toBe('A [literal] bracket.');
  });
});

// --- Amendments -------------------------------------------------------------------------------

describe('amendments', () => {
  it.each<{ name: string; mark: string; expected: Expected }>([
    {
      name: 'insert with a proposer',
      mark: '{++@Japan: in its entirety++}',
      expected: { kind: 'insert', proposer: 'Japan', proposerSpan: 'Japan', contentSpan: 'in its entirety', content: [text('in its entirety')], closed: true },
    },
    {
      name: 'delete',
      mark: '{--@Japan: existing--}',
      expected: { kind: 'delete', proposer: 'Japan', contentSpan: 'existing', content: [text('existing')], closed: true },
    },
    {
      name: 'replace: old text and new text',
      mark: '{~~@Japan: respect for~>adherence to~~}',
      expected: {
        kind: 'replace',
        proposer: 'Japan',
        contentSpan: 'respect for',
        content: [text('respect for')],
        replacementSpan: 'adherence to',
        replacement: [text('adherence to')],
        closed: true,
      },
    },
    {
      name: 'comment by a delegation whose name has parentheses',
      mark: '{>>@Iran (Islamic Republic of): the term has no agreed meaning<<}',
      expected: {
        kind: 'comment',
        proposer: 'Iran (Islamic Republic of)',
        proposerSpan: 'Iran (Islamic Republic of)',
        content: [text('the term has no agreed meaning')],
      },
    },
    {
      name: 'highlight, no proposer',
      mark: '{==public core of the Internet==}',
      expected: { kind: 'highlight', contentSpan: 'public core of the Internet', content: [text('public core of the Internet')] },
    },
    {
      name: 'a proposer of several words, no space after the colon',
      mark: '{--@Venezuela (Bolivarian Republic of):existing--}',
      expected: { kind: 'delete', proposer: 'Venezuela (Bolivarian Republic of)', proposerSpan: 'Venezuela (Bolivarian Republic of)', contentSpan: 'existing' },
    },
    {
      name: 'spaces inside the marks',
      mark: '{++ in its entirety ++}',
      expected: { kind: 'insert', contentSpan: 'in its entirety', content: [text('in its entirety')] },
    },
    {
      name: 'markup inside an amendment',
      mark: '{++@Mexico: hospitals [and clinics], see A/70/174++}',
      expected: {
        kind: 'insert',
        proposer: 'Mexico',
        content: [text('hospitals'), { type: 'bracket', role: 'negotiation', span: '[and clinics]' }, text(', see'), { type: 'citation', documents: ['A/70/174'] }],
      },
    },
  ])('$name', ({ mark, expected }) => {
    const p = checkInline(`5. States ${mark} apply.`, [text('States'), { type: 'amendment', span: mark, ...expected }, text('apply.')]);
    const amendment = p.content[1] as Amendment;
    if (!('proposer' in expected)) expect(amendment.proposer).toBeUndefined();
    expect(amendment.rationale).toBeUndefined();
  });

  it('a comment right after an amendment is its rationale and inherits its proposer', () => {
    const input = '12. Reinforce {~~@Japan: respect for~>adherence to~~}{>>Japan thinks “adherence” is better.<<} law.';
    const p = checkInline(input, [
      text('Reinforce'),
      {
        type: 'amendment',
        kind: 'replace',
        proposer: 'Japan',
        rationale: { type: 'amendment', kind: 'comment', span: '{>>Japan thinks “adherence” is better.<<}', proposer: 'Japan' },
      },
      { type: 'amendment', kind: 'comment', proposer: 'Japan' },
      text('law.'),
    ]);
    expect((p.content[1] as Amendment).rationale).toBe(p.content[2]);
    // Inherited: there is no proposer written in the comment, so it has no proposer span.
    expect((p.content[2] as Amendment).proposerSpan).toBeUndefined();
  });

  it('a rationale with spaces before it, with its own proposer, after an insertion or a highlight', () => {
    const input = '3. At {++@Mexico: hospitals++} {>>@Chile: raised by many<<} and {==supranational==}{>>@Japan: unclear<<}.';
    const p = checkInline(input, [
      text('At'),
      { kind: 'insert', proposer: 'Mexico', rationale: { span: '{>>@Chile: raised by many<<}', proposer: 'Chile' } },
      { kind: 'comment', proposer: 'Chile' },
      text('and'),
      { kind: 'highlight', rationale: { span: '{>>@Japan: unclear<<}', proposer: 'Japan' } },
      { kind: 'comment', proposer: 'Japan' },
      text('.'),
    ]);
    expect((p.content[4] as Amendment).proposer).toBeUndefined();
  });

  it('a comment after words or after another comment is no rationale', () => {
    const p = checkInline('3. {++x++} word {>>one<<}{>>two<<}', [
      { kind: 'insert' },
      text('word'),
      { kind: 'comment', span: '{>>one<<}' },
      { kind: 'comment', span: '{>>two<<}' },
    ]);
    expect((p.content[0] as Amendment).rationale).toBeUndefined();
    expect((p.content[2] as Amendment).rationale).toBeUndefined();
    expect((p.content[3] as Amendment).proposer).toBeUndefined();
  });

  it('an amendment may run over a line break', () => {
    checkInline('15. The view that {~~@Japan: the development\nof capabilities~>States are developing\ncapabilities~~}.', [
      text('The view that'),
      { kind: 'replace', contentSpan: 'the development\nof capabilities', replacementSpan: 'States are developing\ncapabilities', closed: true },
      text('.'),
    ]);
  });
});

describe('paragraph status', () => {
  it.each(['agreed ad ref', 'agreed', 'pending', 'suggested for closure'])('{status: %s}', (value) => {
    const input = `22. Text. {status: ${value}}`;
    const { document } = check(input, {
      paragraphs: [{ status: { span: `{status: ${value}}`, value, known: true }, content: [text('Text.'), { type: 'status', value, span: `{status: ${value}}` }] }],
    });
    expect(view(input, 'current')).toBe('Text.');
    expect(document.paragraphs[0]!.status!.known).toBe(true);
  });

  it('case and spacing are normalised', () => {
    check('1. Text {status:  Agreed  ad ref }', { paragraphs: [{ status: { value: 'agreed ad ref', known: true } }] });
  });

  it('an unknown status is a problem, and the status is kept as unknown', () => {
    check(
      '1. Text {status: nearly there}\n\n2. Next.',
      { paragraphs: [{ status: { value: 'nearly there', known: false, span: '{status: nearly there}' } }, { span: '2. Next.' }] },
      [{ code: 'syntax.status', span: '{status: nearly there}', message: expect.stringContaining('Unknown paragraph status "nearly there"') }],
    );
  });

  it('a status written in a sub-paragraph is the paragraph status', () => {
    check('1. Chapeau:\n(a) one; {status: pending}', { paragraphs: [{ status: { value: 'pending', known: true } }] });
  });

  it('no status mark, no status', () => {
    expect(parse('1. Text.').document.paragraphs[0]!.status).toBeUndefined();
  });
});

// --- Citations and cross-references -----------------------------------------------------------

describe('citations', () => {
  it.each<[string, Expected]>([
    ['A/70/174', { kind: 'symbol', documents: ['A/70/174'], paragraphs: [] }],
    ['A/RES/70/237', { kind: 'symbol', documents: ['A/RES/70/237'], paragraphs: [] }],
    ['A/C.1/73/L.27/Rev.1', { kind: 'symbol', documents: ['A/C.1/73/L.27/Rev.1'], paragraphs: [] }],
    ['A/68/98*', { kind: 'symbol', documents: ['A/68/98*'], paragraphs: [] }],
    ['S/2019/1', { kind: 'symbol', documents: ['S/2019/1'] }],
    ['E/CN.4/2005/L.10/Add.1', { kind: 'symbol', documents: ['E/CN.4/2005/L.10/Add.1'] }],
    ['ST/SGB/2019/1', { kind: 'symbol', documents: ['ST/SGB/2019/1'] }],
    ['A/70/174, para. 13 (f)', { kind: 'symbol', documents: ['A/70/174'], paragraphs: ['13 (f)'] }],
    ['A/68/98, paras. 13 and 29', { kind: 'symbol', documents: ['A/68/98'], paragraphs: ['13', '29'] }],
    ['A/70/174, para.\n28', { kind: 'symbol', documents: ['A/70/174'], paragraphs: ['28'] }],
    ['resolution 70/237', { kind: 'resolution', documents: ['70/237'], paragraphs: [] }],
    ['resolutions 73/27 and 73/266', { kind: 'resolution', documents: ['73/27', '73/266'], paragraphs: [] }],
    ['Resolution 43/78 H', { kind: 'resolution', documents: ['43/78'] }],
    ['decision 72/512', { kind: 'resolution', documents: ['72/512'] }],
  ])('%j', (citation, expected) => {
    checkInline(`1. See ${citation}.`, [text('See'), { type: 'citation', span: citation, ...expected }, text('.')]);
  });

  it('a bare pinpoint is a local citation, without its leading comma', () => {
    checkInline('1. The report (para. 5) and the Charter, paras. 2 to 4', [
      text('The report ('),
      { type: 'citation', kind: 'local', span: 'para. 5', documents: [], paragraphs: ['5'] },
      text(') and the Charter'),
      { type: 'citation', kind: 'local', span: 'paras. 2 to 4', paragraphs: ['2', '4'] },
    ]);
  });

  it.each<[string, Expected]>([
    ['paragraph 3 above', { paragraphs: ['3'], direction: 'above' }],
    ['paragraphs 3 and 4 below', { paragraphs: ['3', '4'], direction: 'below' }],
    ['Paragraph 16 (b) below', { paragraphs: ['16 (b)'], direction: 'below' }],
  ])('cross-reference %j', (reference, expected) => {
    checkInline(`1. As in ${reference}.`, [text('As in'), { type: 'crossReference', span: reference, ...expected }, text('.')]);
  });

  it.each(['the A/B testing', 'paragraph 3 of the report', 'see paragraphs above', 'mentioned 70/237 here', 'AA/70/174'])(
    '%j is plain text',
    (words) => {
      checkInline(`1. ${words}`, [text(words)]);
    },
  );
});

// --- Notes and suppressions -------------------------------------------------------------------

describe('notes and suppressions', () => {
  it('a `//` line is a note, not text, and is listed in the document', () => {
    const input = '// Inferred heading.\n## A. Introduction\n\n5. Text.';
    check(input, {
      notes: [{ type: 'note', span: '// Inferred heading.', text: 'Inferred heading.' }],
      children: [{ type: 'note' }, { type: 'section' }],
      paragraphs: [{ span: '5. Text.', suppressions: [] }],
    });
  });

  it('`// acquis-disable rule -- reason` on the line before attaches to the next paragraph only', () => {
    const input = [
      "// acquis-disable precedent.deviation -- the Chair's wording on purpose, see A/70/174, para. 28",
      '23. Specific principles.',
      '',
      '24. Other.',
    ].join('\n');
    check(input, {
      paragraphs: [
        {
          span: '23. Specific principles.',
          suppressions: [
            {
              span: "// acquis-disable precedent.deviation -- the Chair's wording on purpose, see A/70/174, para. 28",
              rules: ['precedent.deviation'],
              reason: "the Chair's wording on purpose, see A/70/174, para. 28",
            },
          ],
        },
        { span: '24. Other.', suppressions: [] },
      ],
    });
  });

  it('several rules separated by commas; several directives add up; a directive with no reason', () => {
    const input = '// acquis-disable precedent.deviation, precedent.voted -- both deliberate\n// acquis-disable suppression.reason\n7. Text.';
    const { document } = check(input, {
      paragraphs: [
        {
          suppressions: [
            { rules: ['precedent.deviation', 'precedent.voted'], reason: 'both deliberate' },
            { rules: ['suppression.reason'], span: '// acquis-disable suppression.reason' },
          ],
        },
      ],
    });
    expect(document.paragraphs[0]!.suppressions[1]!.reason).toBeUndefined();
  });

  it('an ordinary note before a paragraph is no suppression', () => {
    check('// Japan proposes no wording here.\n19. Text.', { paragraphs: [{ suppressions: [] }] });
  });
});

// --- Views ------------------------------------------------------------------------------------

describe('views', () => {
  it.each<[string, string, string, string]>([
    ['insert', 'the Charter{++@Japan: in its entirety++}, is applicable', 'the Charter, is applicable', 'the Charter in its entirety, is applicable'],
    ['delete', 'the {--@Japan: existing--} norms', 'the existing norms', 'the norms'],
    ['replace', 'reinforce {~~@Japan: respect for~>adherence to~~} international law', 'reinforce respect for international law', 'reinforce adherence to international law'],
    ['comment', 'law{>>@Japan: See 1. General comments.<<} applies', 'law applies', 'law applies'],
    ['highlight', 'the {==public core==} of the Internet', 'the public core of the Internet', 'the public core of the Internet'],
    ['amendment and rationale', 'to {~~@Japan: develop~>enhance~~}{>>@Japan: why<<}, through', 'to develop, through', 'to enhance, through'],
    ['spaces inside marks tidied', 'the Charter {++ in its entirety ++} is', 'the Charter is', 'the Charter in its entirety is'],
    ['placeholders dropped', 'States [...] agreed [placeholder: on what] and […] noted', 'States agreed and noted', 'States agreed and noted'],
    ['brackets dropped, words kept; first option', '[States should] cooperate under the [UN Charter | Charter of the United Nations]', 'States should cooperate under the UN Charter', 'States should cooperate under the UN Charter'],
    ['statuses and footnote marks dropped', 'Text.[^1] {status: agreed}', 'Text.', 'Text.'],
    ['quotations kept, editorial brackets dropped', 'the “State [shall] act”', 'the “State shall act”', 'the “State shall act”'],
    ['escapes read as the character', 'a \\[b\\] c', 'a [b] c', 'a [b] c'],
    ['citations kept', 'see A/70/174, para. 13 (f) and resolution 70/237', 'see A/70/174, para. 13 (f) and resolution 70/237', 'see A/70/174, para. 13 (f) and resolution 70/237'],
    ['line breaks read as one space', 'one\ntwo\n  three', 'one two three', 'one two three'],
    ['nested amendment in a bracket', '[States {--@Japan: may--}{++@Japan: shall++} act]', 'States may act', 'States shall act'],
  ])('%s', (_name, body, current, accepted) => {
    const input = `1. ${body}`;
    expect(view(input, 'current')).toBe(current);
    expect(view(input, 'accepted')).toBe(accepted);
  });

  it('each view character maps back to the same character of the source', () => {
    const input =
      '12. Measures reinforce {~~@Japan: respect for~>adherence to~~}{>>@Japan: why<<} law,\n[the “public [core]” | a] [...] and {--old--}{++new++} A/70/174, para. 28.[^1]';
    const { document } = parse(input);
    for (const mode of ['current', 'accepted'] as const) {
      const v = inlineView(document.paragraphs[0]!.content, input, mode);
      expect(v.text.length).toBeGreaterThan(0);
      for (let i = 0; i < v.text.length; i++) {
        if (v.text[i] === ' ') continue;
        expect(input[v.toSourceStart(i)], `${mode} view offset ${i} start`).toBe(v.text[i]);
        expect(input[v.toSourceEnd(i + 1) - 1], `${mode} view offset ${i} end`).toBe(v.text[i]);
      }
    }
  });
});

// --- Line endings and byte order mark ----------------------------------------------------------

/** A sliced copy with CRLF line breaks read as LF, to compare a CRLF parse with an LF one. */
const normalised = (result: ParseResult, input: string): unknown =>
  JSON.parse(JSON.stringify(sliced(result, input), (_key, value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : value)));

const RICH = [
  '---',
  'title: Draft report',
  'adoption: consensus',
  '---',
  '',
  '// acquis-disable precedent.deviation -- on purpose',
  '# II. Substantive discussions',
  '',
  '## B. International law',
  '',
  '22. States reaffirmed that international law, in',
  'particular the Charter{++@Japan: in its',
  'entirety++}{>>@Japan: See comments.<<}, applies. {status: pending}',
  '',
  '23. Specific principles of the [UN Charter | Charter of the United Nations] include:',
  '  (a) sovereign equality;',
  '    (i) one;',
  '  (b) [placeholder: further principles].[^1]',
  '',
  '> a “quoted [sic]”',
  '> block',
  '',
  '[^1]: See paragraph 22 above and resolution 70/237, A/70/174, para.',
  '13 (f).',
  '',
].join('\n');

describe('line endings and BOM', () => {
  it('the rich example parses without problems (LF)', () => {
    const { document, problems } = parse(RICH);
    expect(problems).toEqual([]);
    expect(labels(document)).toEqual(['22', '23']);
    expect(document.paragraphs[0]!.suppressions).toHaveLength(1);
    expect(document.paragraphs[1]!.subparagraphs).toHaveLength(2);
    expect(document.frontMatter?.adoption).toEqual({ kind: 'consensus' });
  });

  it('CRLF input gives the same structure as LF, and its spans slice back to the same characters', () => {
    // Regression (failed at commit d41490e): BlankLine's pattern read "\r\n" as "\r" + "\n", two
    // line breaks, so every CRLF line break ended a block (and the front matter).
    const crlf = RICH.replace(/\n/g, '\r\n');
    const result = parse(crlf);
    expect(badSpans(result, crlf.length)).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(normalised(result, crlf)).toEqual(normalised(parse(RICH), RICH));
  });

  it('a CRLF continuation line stays in its paragraph', () => {
    // Regression (as above), minimal form.
    check('1. First line\r\nsecond line.\r\n\r\n2. Next.', {
      paragraphs: [{ span: '1. First line\r\nsecond line.', contentSpan: 'First line\r\nsecond line.' }, { span: '2. Next.' }],
    });
  });

  it('CRLF front matter is read', () => {
    // Regression (as above): the front matter rule stopped at the first "\r\n".
    check('---\r\ntitle: T\r\nadoption: consensus\r\n---\r\n\r\n1. Text.', {
      frontMatter: { fields: { title: 'T', adoption: 'consensus' }, adoption: { kind: 'consensus' }, span: '---\r\ntitle: T\r\nadoption: consensus\r\n---' },
      paragraphs: [{ span: '1. Text.' }],
    });
  });

  const FILES = [
    ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f)),
    ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => join('server/acquis', f)),
  ];

  it.each(FILES)('%s with CRLF line endings reads like the LF file', (file) => {
    // Regression (as above).
    const lf = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parse(lf);
    const b = parse(crlf);
    expect(b.problems).toEqual([]);
    expect(labels(b.document)).toEqual(labels(a.document));
    const views = (r: ParseResult, src: string): string[] => r.document.paragraphs.map((p) => inlineView(p.content, src, 'accepted').text);
    expect(views(b, crlf)).toEqual(views(a, lf));
  });

  it('a BOM before the front matter', () => {
    const input = '\uFEFF---\ntitle: T\n---\n\n# I. Introduction\n\n1. Text.';
    const { document } = check(input, {
      frontMatter: { span: '---\ntitle: T\n---', fields: { title: 'T' } },
      children: [{ heading: { span: '# I. Introduction', number: 'I' }, children: [{ span: '1. Text.', label: { span: '1.' } }] }],
    });
    expect(document.frontMatter!.span.start).toBe(1);
  });

  it.each([
    ['a numbered paragraph', '\uFEFF1. Text.\ncontinued.', { paragraphs: [{ span: '1. Text.\ncontinued.', label: { span: '1.', text: '1' } }] }],
    ['a heading', '\uFEFF# I. Introduction', { children: [{ heading: { span: '# I. Introduction', number: 'I' } }] }],
    ['a note', '\uFEFF// note\n1. a', { notes: [{ span: '// note' }], paragraphs: [{ span: '1. a' }] }],
    ['a sub-paragraph', '\uFEFF(a) x', { paragraphs: [{ subparagraphs: [{ span: '(a) x' }] }] }],
    ['text', '\uFEFFThe General Assembly,', { paragraphs: [{ kind: 'unnumbered', span: 'The General Assembly,' }] }],
  ])('a BOM before %s', (_name, input, expected) => {
    check(input, expected);
  });
});

// --- Realistic files --------------------------------------------------------------------------

describe('the samples and the acquis', () => {
  const FILES = [
    ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f)),
    ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => join('server/acquis', f)),
  ];

  it.each(FILES)('%s parses without problems, every span inside the text', (file) => {
    const input = readFileSync(file, 'utf8');
    const result = parse(input);
    expect(result.problems).toEqual([]);
    expect(badSpans(result, input.length)).toEqual([]);
    for (const p of result.document.paragraphs) {
      expect(input.slice(p.span.start, p.span.end).trim()).toBe(input.slice(p.span.start, p.span.end));
      if (p.label) expect(input.slice(p.label.span.start, p.label.span.end)).toBe(`${p.label.text}.`);
    }
  });

  it('the pre-draft holds what samples/README.md says', () => {
    const input = readFileSync('samples/oewg-pre-draft.draft', 'utf8');
    const { document } = parse(input);
    expect(labels(document)).toEqual(
      '5 12 15 19 20 22 23 24 27 28 29 - - 37 38 39 48 51 52 59 61 62 68'.split(' '),
    );
    const all = amendments(document.children);
    const count = (kind: string): number => all.filter((a) => a.kind === kind).length;
    expect([count('insert'), count('delete'), count('replace'), count('highlight')]).toEqual([6, 3, 15, 5]);
    const rationales = all.filter((a) => a.rationale).map((a) => a.rationale!);
    expect(rationales).toHaveLength(28);
    expect(all.filter((a) => a.kind === 'comment' && !rationales.includes(a))).toHaveLength(4);
    expect(new Set(all.filter((a) => a.kind !== 'highlight').map((a) => a.proposer))).toEqual(new Set(['Japan']));
    const p68 = document.paragraphs.find((p) => p.label?.text === '68')!;
    expect(outline(p68.subparagraphs).map((l) => l.replace(/ \w+$/, ''))).toEqual([
      '(a)', '  (i)', '  (ii)', '  (iii)', '(b)', '  (i)', '  (ii)', '  (iii)', '(c)', '(d)', '  (i)', '  (ii)', '(e)',
    ]);
    expect(document.paragraphs.find((p) => p.label?.text === '39')!.content.some((n: Inline) => n.type === 'bracket' && n.placeholder)).toBe(true);
  });

  it('resolution 73/27: adopted by vote, preambular and operative paragraphs', () => {
    const { document } = parse(readFileSync('server/acquis/A-RES-73-27.draft', 'utf8'));
    expect(document.frontMatter!.fields.symbol).toBe('A/RES/73/27');
    expect(document.frontMatter!.adoption).toEqual({ kind: 'vote', inFavour: 109, against: 45, abstaining: 16 });
    const kinds = new Set(document.paragraphs.map((p) => `${p.kind}:${p.label?.text.replace(/\d.*/, '') ?? ''}`));
    expect(kinds).toEqual(new Set(['unnumbered:', 'preambular:PP', 'operative:OP']));
    expect(document.paragraphs.find((p) => p.label?.text === 'OP1.10')!.label!.number).toBe('1.10');
  });

  it('A/65/201: paragraph 18 with a roman sub-paragraph (i) first', () => {
    const { document } = parse(readFileSync('server/acquis/A-65-201.draft', 'utf8'));
    expect(document.frontMatter!.adoption).toEqual({ kind: 'consensus' });
    expect(outline(document.paragraphs[0]!.subparagraphs)[0]).toBe('(i) roman');
  });
});
