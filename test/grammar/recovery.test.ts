/**
 * Malformed input: `parse` reports each mistake once, with a message that says what is wrong and
 * a span on the offending mark, and what follows the mistake is still parsed: the paragraphs
 * after it are in `document.paragraphs` with the right labels and content.
 */
import { describe, expect, it } from 'vitest';
import { parse, type ParseResult } from '../../grammar/src/index';
import { badSpans, mulberry32, preview } from './helpers';

interface ExpectedProblem {
  /** The problem code; any code when omitted. */
  code?: string;
  /** The characters the problem's span covers. */
  at: string;
  message: RegExp;
}

interface RecoveryCase {
  name: string;
  input: string;
  /** Exactly these problems, in source order. */
  problems: ExpectedProblem[];
  /** Labels of `document.paragraphs` in order, `-` for an unnumbered paragraph. */
  labels: string[];
  /** Content (by label) of paragraphs that must come through intact. */
  intact?: Record<string, string>;
}

const labelsOf = (result: ParseResult): string[] => result.document.paragraphs.map((p) => p.label?.text ?? '-');

/** Invariants every parse must keep, however bad the input. */
function sane(input: string, result: ParseResult): void {
  expect(badSpans(result, input.length), 'spans outside the text').toEqual([]);
  for (const problem of result.problems) {
    expect(problem.code, 'no internal failure').not.toBe('syntax.internal');
    expect(problem.code).toMatch(/^syntax\.\w+$/);
    expect(problem.message.length, 'a message').toBeGreaterThan(10);
  }
  const starts = result.problems.map((p) => p.span.start);
  expect(starts, 'problems in source order').toEqual([...starts].sort((a, b) => a - b));
}

function checkRecovery({ input, problems, labels, intact = {} }: RecoveryCase): ParseResult {
  const result = parse(input);
  sane(input, result);
  const got = result.problems.map((p) => ({ code: p.code, at: input.slice(p.span.start, p.span.end), message: p.message }));
  expect(got, 'number of problems').toHaveLength(problems.length);
  problems.forEach((want, i) => {
    const problem = got[i]!;
    if (want.code) expect(problem.code, `problem ${i} code`).toBe(want.code);
    expect(problem.at, `problem ${i} span`).toBe(want.at);
    expect(problem.message, `problem ${i} message`).toMatch(want.message);
  });
  expect(labelsOf(result)).toEqual(labels);
  for (const [label, content] of Object.entries(intact)) {
    const paragraph = result.document.paragraphs.find((p) => (p.label?.text ?? '-') === label);
    expect(paragraph, `paragraph ${label}`).toBeDefined();
    expect(input.slice(paragraph!.contentSpan.start, paragraph!.contentSpan.end), `content of paragraph ${label}`).toBe(content);
    expect(paragraph!.content.some((n) => n.type === 'stray' || ('closed' in n && !n.closed)), `paragraph ${label} clean`).toBe(false);
  }
  return result;
}

const unclosed = (what: string, mark: string): RegExp => new RegExp(`${what} is not closed: end it with \`${mark.replace(/[+*?[\](){}|^$.\\]/g, '\\$&')}\``);
const STRAY = /closes nothing: there is no matching opening mark/;

describe('unclosed constructs', () => {
  it.each<RecoveryCase>([
    {
      name: 'bracket, then more paragraphs',
      input: '1. States [should cooperate\nin good faith.\n\n2. Next paragraph.\n\n3. Third paragraph.',
      problems: [{ code: 'syntax.unclosed', at: '[', message: unclosed('This bracket', ']') }],
      labels: ['1', '2', '3'],
      intact: { '2': 'Next paragraph.', '3': 'Third paragraph.' },
    },
    {
      name: 'bracket, then a label on the next line (no blank line)',
      input: '1. [open\n2. Next.\nPP3. Third.',
      problems: [{ code: 'syntax.unclosed', at: '[', message: unclosed('This bracket', ']') }],
      labels: ['1', '2', 'PP3'],
      intact: { '2': 'Next.', PP3: 'Third.' },
    },
    {
      name: 'bracket, then a heading',
      input: '1. [open\n# II. Next\n\n2. After the heading.',
      problems: [{ code: 'syntax.unclosed', at: '[', message: /bracket is not closed/ }],
      labels: ['1', '2'],
      intact: { '2': 'After the heading.' },
    },
    {
      name: 'bracket in a sub-paragraph, then more sub-paragraphs',
      input: '1. Chapeau:\n(a) [open;\n(b) fine.\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '[', message: /bracket is not closed/ }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'curly quotation',
      input: '1. The “State shall\nact.\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '“', message: /quotation is not closed/ }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'straight quotation, then a label',
      input: '1. The "State shall\n2. "Quoted" text.',
      problems: [{ code: 'syntax.unclosed', at: '"', message: /quotation is not closed/ }],
      labels: ['1', '2'],
      intact: { '2': '"Quoted" text.' },
    },
    {
      name: 'insertion',
      input: '1. Text {++@Japan: inserted\nwords\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '{++@Japan:', message: unclosed('This insertion', '++}') }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'deletion',
      input: '1. Text {--deleted\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '{--', message: unclosed('This deletion', '--}') }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'comment',
      input: '1. Text {>>@Japan: a comment\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '{>>@Japan:', message: unclosed('This comment', '<<}') }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'highlight',
      input: '1. {==highlighted\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '{==', message: unclosed('This highlight', '==}') }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'replacement with neither `~>` nor `~~}`',
      input: '1. {~~@Japan: old\n\n2. Next.',
      problems: [
        { code: 'syntax.replace', at: '{~~@Japan:', message: /needs `~>`/ },
        { code: 'syntax.unclosed', at: '{~~@Japan:', message: /not closed: end it with `~~\}`/ },
      ],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'insertion closed by the wrong mark',
      input: '1. [a {++b] c++}\n\n2. Next.',
      problems: [
        { code: 'syntax.unclosed', at: '{++', message: /insertion is not closed/ },
        { code: 'syntax.stray', at: '++}', message: STRAY },
      ],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'bracket inside a quotation closed after it',
      input: '1. “a [b” c]\n\n2. Next.',
      problems: [
        { code: 'syntax.unclosed', at: '[', message: /bracket is not closed/ },
        { code: 'syntax.stray', at: ']', message: STRAY },
      ],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
    {
      name: 'footnote reference without its `]`',
      input: '1. See [^1 here.\n\n2. Next.',
      problems: [{ code: 'syntax.unclosed', at: '[', message: /bracket is not closed/ }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    },
  ])('$name', (c) => {
    checkRecovery(c);
  });

  it('an unclosed bracket runs to the end of its paragraph, and no further', () => {
    const input = '1. States [should cooperate\nin good faith.\n\n2. Next.';
    const result = checkRecovery({ name: '', input, problems: [{ at: '[', message: /bracket/ }], labels: ['1', '2'] });
    const bracket = result.document.paragraphs[0]!.content[1]!;
    expect(bracket).toMatchObject({ type: 'bracket', closed: false });
    expect(input.slice(bracket.span.start, bracket.span.end)).toBe('[should cooperate\nin good faith.');
  });

  it('a replacement without `~>` keeps its text as the old text, with no replacement', () => {
    const input = '1. Text {~~@Japan: old new~~} after.\n\n2. Next.';
    const result = checkRecovery({
      name: '',
      input,
      problems: [{ code: 'syntax.replace', at: '{~~@Japan:', message: /A replacement needs `~>` between the old and the new text/ }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    });
    const amendment = result.document.paragraphs[0]!.content[1]!;
    expect(amendment).toMatchObject({ type: 'amendment', kind: 'replace', closed: true, proposer: 'Japan' });
    expect(amendment.type === 'amendment' && amendment.replacement).toBeFalsy();
    expect(input.slice(amendment.span.start, amendment.span.end)).toBe('{~~@Japan: old new~~}');
  });
});

describe('stray closing marks', () => {
  it.each([']', '++}', '--}', '~~}', '~>', '<<}', '==}', '”'])('a stray %s is reported and kept as a stray node', (mark) => {
    const input = `1. Text ${mark} more text.\n\n2. Next.`;
    const result = checkRecovery({
      name: mark,
      input,
      problems: [{ code: 'syntax.stray', at: mark, message: STRAY }],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    });
    const nodes = result.document.paragraphs[0]!.content;
    expect(nodes.map((n) => `${n.type}:${input.slice(n.span.start, n.span.end)}`)).toEqual(['text:Text', `stray:${mark}`, 'text:more text.']);
  });

  it('several strays on one line, each reported once', () => {
    checkRecovery({
      name: '',
      input: '1. Stray ] here ++} and ~> too\n\n2. Next.',
      problems: [
        { code: 'syntax.stray', at: ']', message: /`\]` closes nothing/ },
        { code: 'syntax.stray', at: '++}', message: /`\+\+\}` closes nothing/ },
        { code: 'syntax.stray', at: '~>', message: /`~>` closes nothing/ },
      ],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    });
  });

  it('a second `~>` in a replacement', () => {
    checkRecovery({
      name: '',
      input: '1. {~~a~>b~>c~~}\n\n2. Next.',
      problems: [
        { code: 'syntax.unclosed', at: '{~~', message: /not closed/ },
        { code: 'syntax.stray', at: '~>', message: STRAY },
        { code: 'syntax.stray', at: '~~}', message: STRAY },
      ],
      labels: ['1', '2'],
      intact: { '2': 'Next.' },
    });
  });

  it('a mistyped amendment mark (`{+ ... +}`) is reported, not read as words', () => {
    // BUG: a lone `{` or `}` becomes a `stray` node with no problem (tokens.ts says "reported by
    // the AST builder", but build-ast.ts never reports it), so the typo passes silently and its
    // words enter the current view of the paragraph.
    const input = '1. States {+@Japan: new+} act.\n\n2. Next.';
    const result = parse(input);
    sane(input, result);
    expect(labelsOf(result)).toEqual(['1', '2']);
    expect(result.problems.map((p) => p.span.start), 'a problem at the `{`').toContain(input.indexOf('{'));
  });
});

describe('no text at all, or not markup', () => {
  it('empty input', () => {
    const result = checkRecovery({ name: '', input: '', problems: [], labels: [] });
    expect(result.document).toMatchObject({ type: 'document', span: { start: 0, end: 0 }, children: [], footnotes: [], notes: [] });
    expect(result.document.frontMatter).toBeUndefined();
  });

  it.each(['\n', '\n\n\n', '   \t  ', ' \n \r\n\t\n'])('only white space %j', (input) => {
    checkRecovery({ name: '', input, problems: [], labels: [] });
  });

  it.each(['---', '---\n', '---\n\n'])('only an opening fence %j', (input) => {
    const result = checkRecovery({
      name: '',
      input,
      problems: [{ code: 'syntax.unclosed', at: '---', message: /front matter is not closed: end it with a line `---`/ }],
      labels: [],
    });
    expect(result.document.frontMatter?.entries).toEqual([]);
  });

  it('an opening and a closing fence, nothing between', () => {
    const result = checkRecovery({ name: '', input: '---\n---\n', problems: [], labels: [] });
    expect(result.document.frontMatter).toMatchObject({ entries: [], fields: {} });
  });

  it('markup in front matter values is not parsed', () => {
    checkRecovery({ name: '', input: '---\ntitle: [unclosed {++\n---\n\n1. Text.', problems: [], labels: ['1'], intact: { '1': 'Text.' } });
  });

  it('garbage bytes: control characters, noncharacters, lone surrogates, zero-width spaces', () => {
    const input = '\u0000\u0001\u0002\u001b[0m\uFFFE\uFFFF \uD800 x \uDFFF\u200B\u00AD\n\n1. After the garbage.\n\n\u0007 2. not a label\n\n2. Last.';
    const result = parse(input);
    sane(input, result);
    expect(labelsOf(result)).toEqual(['-', '1', '-', '2']);
    const after = result.document.paragraphs[1]!;
    expect(input.slice(after.contentSpan.start, after.contentSpan.end)).toBe('After the garbage.');
  });

  it('a binary-looking file (every code unit 0-255, shuffled)', () => {
    const random = mulberry32(42);
    const codes = Array.from({ length: 256 }, (_, i) => i);
    for (let i = codes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [codes[i], codes[j]] = [codes[j]!, codes[i]!];
    }
    const input = `${String.fromCharCode(...codes).repeat(8)}\n\n7. Still here.`;
    const result = parse(input);
    sane(input, result);
    const last = result.document.paragraphs[result.document.paragraphs.length - 1]!;
    expect(last.label?.text).toBe('7');
    expect(input.slice(last.contentSpan.start, last.contentSpan.end)).toBe('Still here.');
  });
});

describe('deep nesting', () => {
  it.each([
    ['brackets', '['],
    ['insertions', '{++'],
    ['quotations', '“'],
  ])('200 unclosed %s in a paragraph: reported, and the next paragraph survives', (_name, mark) => {
    // BUG: the recursive descent overflows the stack at ~150 levels; parse() catches the
    // RangeError and returns an empty document with one `syntax.internal` problem, losing
    // every paragraph of the file.
    const input = `1. ${mark.repeat(200)}text\n\n2. Next paragraph.`;
    const result = parse(input);
    expect(result.problems.filter((p) => p.code === 'syntax.internal').map((p) => p.message)).toEqual([]);
    expect(labelsOf(result)).toEqual(['1', '2']);
    sane(input, result);
  });

  it('100 nested brackets, closed, parse fine', () => {
    const input = `1. ${'['.repeat(100)}deep${']'.repeat(100)}\n\n2. Next.`;
    checkRecovery({ name: '', input, problems: [], labels: ['1', '2'], intact: { '2': 'Next.' } });
  });
});

describe('a 5,000-line file of random markup', () => {
  const MARKS = ['[', ']', '{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}', '{==', '==}', '{', '}', '|', '"', '“', '”', '\\', '(a) ', '(i) ', '12. ', 'PP3. ', '# ', '## ', '> ', '//', '---', '[^1]', '[^1]: ', '@Japan:', '{status: maybe}', 'A/70/174', ', para. 5', 'resolution 70/237', 'paragraph 3 above', '*', '#', '^', ':', ';', '(', ')', ' ', ' ', ' ', 'word', 'States', '.', ',', '\t'];

  /** 5,000 lines of random marks, with a clean numbered sentinel paragraph every 250 lines. */
  function randomFile(seed: number): { input: string; sentinels: string[] } {
    const random = mulberry32(seed);
    const lines: string[] = [];
    const sentinels: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i % 250 === 249) {
        const label = `${900 + sentinels.length}`;
        sentinels.push(label);
        lines.push('', `${label}. Sentinel paragraph ${label} is intact.`, '');
        continue;
      }
      let line = '';
      const marks = Math.floor(random() * 14);
      for (let k = 0; k < marks; k++) line += MARKS[Math.floor(random() * MARKS.length)];
      lines.push(line);
    }
    return { input: lines.join('\n'), sentinels };
  }

  it.each([1, 2])('seed %i: spans inside the text, sensible problems, every sentinel paragraph intact', (seed) => {
    const { input, sentinels } = randomFile(seed);
    const started = performance.now();
    const result = parse(input);
    const elapsed = performance.now() - started;
    try {
      sane(input, result);
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) {
        const at = input.slice(problem.span.start, problem.span.end);
        if (problem.code === 'syntax.unclosed' || problem.code === 'syntax.stray') {
          expect(at.trim().length, `${problem.code} span covers a mark`).toBeGreaterThan(0);
        }
        if (problem.code === 'syntax.unclosed') expect(problem.message).toMatch(/is not closed/);
      }
      for (const label of sentinels) {
        const paragraph = result.document.paragraphs.find((p) => p.label?.text === label);
        expect(paragraph, `sentinel ${label}`).toBeDefined();
        expect(input.slice(paragraph!.contentSpan.start, paragraph!.contentSpan.end)).toBe(`Sentinel paragraph ${label} is intact.`);
      }
    } catch (error) {
      throw new Error(`random file, seed ${seed}, ${input.length} chars, start: ${preview(input, 300)}\n${(error as Error).message}`);
    }
    expect(elapsed, 'parse time (ms)').toBeLessThan(10_000);
  });
});
