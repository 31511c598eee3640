/**
 * The parser reads blank lines and plain paragraphs (a label and runs of text up to a blank line or
 * the end) without Chevrotain's rule machinery (`plainBlock` in grammar/src/parser.ts). The tree
 * and the errors must be what the grammar's rules give: compared with a parser that reads every
 * block through them, on the samples, the acquis, texts of markup pieces, fuzzed drafts and
 * paragraph-shaped texts built to sit on either side of the plain shape.
 */
import { describe, expect, it } from 'vitest';
import { DraftParser } from '../../grammar/src/parser';
import { draftLexer, LeadWord, ParagraphLabel } from '../../grammar/src/tokens';
import { CORPUS, mutatedInput, randomInput } from './fuzz-inputs';
import { mixSeed, mulberry32 } from './helpers';
import { parserCorpus, parseTrace } from './parser-equivalence';

const PARAGRAPH_PIECES = ['1. ', '12. ', 'PP3. ', 'OP1.2. ', 'word', 'two words', 'States', ' ', '\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '  \n', '(a) ', '# ', '[', ']', '{++', '++}', ',', '; ', 'resolution 70/1', 'A/70/1', '// c', '> ', '[^1]: ', '"', '“', '”', '61/54 of'];

/** Texts near the plain shape: labelled paragraphs of words, with now and then something else. */
function paragraphTexts(seed: number, count: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const random = mulberry32(mixSeed(seed, k));
    let text = '';
    for (let i = 1 + Math.floor(random() * 16); i > 0; i--) text += PARAGRAPH_PIECES[Math.floor(random() * PARAGRAPH_PIECES.length)];
    out.push(text);
  }
  return out;
}

describe('plain blocks', () => {
  const plain = new DraftParser();
  const ruled = new DraftParser(undefined, undefined, false);

  it('give the tree and the errors that the grammar rules give', () => {
    const texts = [...parserCorpus(20_251_204), ...CORPUS, ...paragraphTexts(7, 3000)];
    for (let k = 0; k < 400; k++) texts.push(randomInput(mulberry32(mixSeed(31, k))), mutatedInput(mulberry32(mixSeed(32, k))));
    for (const text of texts) expect(parseTrace(plain, text), JSON.stringify(text.slice(0, 200))).toBe(parseTrace(ruled, text));
  });

  it('are read without a rule invocation (the plain shape is the common paragraph of a draft)', () => {
    /** Counts the syntax nodes the rules make. */
    class Counting extends DraftParser {
      nodes = 0;
      protected override cstInvocationStateUpdate(name: string): void {
        this.nodes++;
        super.cstInvocationStateUpdate(name);
      }
    }
    const text = '1. Recalls its decisions of 25\nSeptember 2015.\n\n2. Decides to continue.\n\n\n3. Requests a report';
    const kinds = draftLexer.tokenize(text).tokens.map((t) => (t.tokenType === ParagraphLabel ? 'label' : t.tokenType === LeadWord ? 'run' : t.tokenType.name));
    expect(kinds).toEqual(['label', 'run', 'BlankLine', 'label', 'run', 'BlankLine', 'label', 'run']);
    const fast = new Counting();
    const slow = new Counting(undefined, undefined, false);
    expect(parseTrace(fast, text)).toBe(parseTrace(slow, text));
    // The document only, against the document and its three paragraphs.
    expect([fast.nodes, slow.nodes]).toEqual([1, 4]);
  });
});
