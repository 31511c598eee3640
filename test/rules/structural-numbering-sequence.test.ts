/** numbering.sequence: paragraphs, sub-paragraphs and headings in order, without gaps or repeats. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, lintDraft, readDraft, type RuleSetting } from '../../server/src/engine/index';
import { numberingSequence } from '../../server/src/engine/rules/numbering-sequence';
import { builtinEngine } from '../engine/helpers';

function lint(text: string, rules: Record<string, RuleSetting> = {}) {
  const engine = builtinEngine();
  return lintDraft(readDraft('test.draft', text), { acquis: engine.acquis, matcher: engine.matcher, config: { ...DEFAULT_CONFIG, rules } }, [numberingSequence])
    .findings;
}
const doc = (...blocks: string[]): string => `${blocks.join('\n\n')}\n`;
const messages = (text: string) => lint(text).map((f) => f.message);
const flagged = (text: string) => lint(text).map((f) => text.slice(f.span.start, f.span.end));

describe('numbering.sequence: paragraphs', () => {
  it('accepts a well-numbered draft, with inserted and alternative paragraphs', () => {
    const text = doc('1. One.', '2. Two.', '2bis. Inserted.', '2ter. Inserted again.', '3. Three.', '3alt. Or this.', '3alt2. Or that.', '4. Four.');
    expect(lint(text)).toEqual([]);
  });

  it('flags a gap, once, and goes on from the number found', () => {
    const text = doc('1. One.', '2. Two.', '5. Five.', '6. Six.');
    expect(messages(text)).toEqual(['Paragraph 5 follows 2: 3 and 4 are missing.']);
    expect(flagged(text)).toEqual(['5.']);
    expect(lint(text)[0]!.severity).toBe('warning');
  });

  it('flags a duplicate and a paragraph out of order', () => {
    expect(messages(doc('1. One.', '2. Two.', '2. Two again.', '3. Three.'))).toEqual([
      'Paragraph 2 is numbered twice: an earlier paragraph has the same number.',
    ]);
    expect(messages(doc('1. One.', '3. Three.', '2. Two.'))).toEqual([
      'Paragraph 3 follows 1: 2 is missing.',
      'Paragraph 2 follows 3: it is out of order.',
    ]);
    expect(messages(doc('4. Four.', '5. Five.'))).toEqual(['Numbering starts at 4: 1 to 3 are missing.']);
  });

  it('wants bis right after its base and ter after bis', () => {
    expect(messages(doc('1. One.', '2. Two.', '3. Three.', '2bis. Late.'))).toEqual([
      'Paragraph 2bis should come right after paragraph 2.',
    ]);
    expect(messages(doc('1. One.', '2. Two.', '2ter. Third.'))).toEqual(['Paragraph 2ter follows 2: 2bis is missing.']);
    expect(messages(doc('1. One.', '1bis. Orphan?', '3bis. No base.'))).toEqual([
      'Paragraph 3bis has no paragraph 3 before it.',
    ]);
  });

  it('numbers preambular and operative paragraphs as separate sequences', () => {
    const ok = doc('The General Assembly,', 'PP1. Recalling.', 'PP2. Noting.', 'PP2bis. Noting also.', 'OP1. Decides.', 'OP2. Requests.');
    expect(lint(ok)).toEqual([]);
    expect(messages(doc('PP1. Recalling.', 'PP3. Noting.', 'OP1. Decides.', 'OP3. Requests.'))).toEqual([
      'Paragraph PP3 follows PP1: PP2 is missing.',
      'Paragraph OP3 follows OP1: OP2 is missing.',
    ]);
  });

  it('numbers multi-level items within their parent', () => {
    expect(lint(doc('OP1. Welcomes:', 'OP1.1. First.', 'OP1.2. Second.', 'OP2. Calls.'))).toEqual([]);
    expect(messages(doc('1. Welcomes:', '1.1. First.', '1.3. Third.', '2. Calls.'))).toEqual(['Paragraph 1.3 follows 1.1: 1.2 is missing.']);
    expect(messages(doc('1. Welcomes:', '1.2. Second.'))).toEqual(['Paragraph 1.2 is the first under 1: 1.1 is missing.']);
    expect(messages(doc('1. Welcomes:', '2.1. Wrong parent.'))).toEqual(['Paragraph 2.1 follows 1, but there is no paragraph 2 before it.']);
  });

  it('accepts a fresh start at 1 after a heading (an annex)', () => {
    expect(lint(doc('1. One.', '2. Two.', '# Annex', '1. One again.', '2. Two again.'))).toEqual([]);
  });

  it('skips excerpts', () => {
    expect(lint(doc('---\nexcerpt: true\n---', '5. Five.', '12. Twelve.', '## C. Law', '22. Law.'))).toEqual([]);
  });
});

describe('numbering.sequence: sub-paragraphs', () => {
  it('accepts letters, roman numerals and their nesting', () => {
    const text = doc('1. The OEWG:\n  (a) One;\n    (i) first;\n    (ii) second;\n  (b) Two;\n  (c) Three.');
    expect(lint(text)).toEqual([]);
    const long = `1. List:\n${'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `  (${c}) x;`).join('\n')}\n  (aa) y;\n  (bb) z.`;
    expect(lint(doc(long))).toEqual([]);
  });

  it('flags gaps, repeats and a wrong first label', () => {
    expect(messages(doc('1. The OEWG:\n  (a) One;\n  (c) Three.'))).toEqual(['Sub-paragraph (c) follows (a) in paragraph 1: (b) is missing.']);
    expect(messages(doc('1. The OEWG:\n  (a) One;\n  (b) Two;\n  (b) Two again.'))).toEqual(['Sub-paragraph (b) of paragraph 1 is labelled twice.']);
    expect(messages(doc('1. The OEWG:\n  (b) Two;\n  (c) Three.'))).toEqual(['Sub-paragraph (b) is the first of paragraph 1: expected (a).']);
    expect(messages(doc('1. The OEWG:\n  (a) One;\n    (i) first;\n    (iii) third.'))).toEqual([
      'Sub-paragraph (iii) follows (i) in paragraph 1 (a): (ii) is missing.',
    ]);
  });
});

describe('numbering.sequence: headings', () => {
  it('accepts chapters and sections in order, lettered afresh in each chapter', () => {
    const text = doc('# I. Introduction', '1. One.', '# II. Discussions', '## A. Threats', '2. Two.', '## B. Law', '3. Three.', '# III. Conclusions', '4. Four.');
    expect(lint(text)).toEqual([]);
  });

  it('flags a missing section, a chapter out of order and a lone section A', () => {
    expect(messages(doc('# I. One', '## A. Threats', '## C. Law', '# II. Two'))).toEqual(['Section C follows section A: B is missing.']);
    expect(messages(doc('# I. One', '# III. Three', '# II. Two'))).toEqual([
      'Chapter III follows chapter I: II is missing.',
      'Chapter II follows chapter III: it is out of order.',
    ]);
    expect(messages(doc('# I. One', '## A. Only', '1. Text.', '# II. Two'))).toEqual([
      'Section A has no section B beside it: a lone section is not lettered (a section A implies a section B).',
    ]);
    // A short report may have a single chapter.
    expect(lint(doc('# I. Organizational matters', '1. The meeting was opened.', '2. The Chair spoke.'))).toEqual([]);
  });

  it('reads I after H as a letter', () => {
    const letters = 'ABCDEFGHIJ'.split('').map((c) => `## ${c}. Part`);
    expect(lint(doc('# I. Chapter', ...letters, '# II. Next'))).toEqual([]);
  });
});

describe('numbering.sequence: option and samples', () => {
  it('lets the project change its severity', () => {
    expect(lint(doc('1. One.', '3. Three.'), { 'numbering.sequence': 'error' }).map((f) => f.severity)).toEqual(['error']);
    expect(lint(doc('1. One.', '3. Three.'), { 'numbering.sequence': { gap: 'info' } }).map((f) => f.severity)).toEqual(['info']);
  });

  it('finds nothing in the demo draft and the resolutions of the acquis', () => {
    for (const file of ['samples/demo.draft', 'server/acquis/A-RES-73-27.draft', 'server/acquis/A-RES-73-266.draft']) {
      expect(lint(readFileSync(file, 'utf8')), file).toEqual([]);
    }
  });
});
