/**
 * Runs of text keep to their line while a heading's block is open (some line since the last blank
 * line starts with `#` after its indentation). The lexer works that out from the tokens it has read
 * (`inHeadingBlock` in grammar/src/tokens.ts); the tokens must be the ones a search of the text's
 * lines gives, the way it was worked out before: compared on the samples, fuzzed drafts and texts
 * of `#` lines, indentation, blank lines, CR and CRLF breaks, byte order marks and front matter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createToken, type IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allTokens, DraftLexer, LeadWord, LEXER_OPTIONS, readTextRun, Word } from '../../grammar/src/tokens';
import { mutatedInput, randomInput } from './fuzz-inputs';
import { mixSeed, mulberry32 } from './helpers';

// The line search, as the lexer did it before: one native search for the heading and blank lines.
const HEADING_OR_BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?=[#\r\n]|$)/g;
const LINE_BLANKS = /[^\S\r\n]*/y;

/** Whether some line starting at or before `offset`, since the last blank line, starts with `#` after its indentation. */
function headingBlockBySearch(text: string, offset: number): boolean {
  LINE_BLANKS.lastIndex = 0;
  LINE_BLANKS.test(text);
  let open = text.charCodeAt(LINE_BLANKS.lastIndex) === 35;
  HEADING_OR_BLANK_LINE.lastIndex = 0;
  for (let match = HEADING_OR_BLANK_LINE.exec(text); match; match = HEADING_OR_BLANK_LINE.exec(text)) {
    const lineStart = match.index + (text.charCodeAt(match.index) === 13 && text.charCodeAt(match.index + 1) === 10 ? 2 : 1);
    if (lineStart > offset) break;
    open = text.charCodeAt(HEADING_OR_BLANK_LINE.lastIndex) === 35;
    if (match[0].length === 0) HEADING_OR_BLANK_LINE.lastIndex++;
  }
  return open;
}

const BySearch = createToken({
  name: 'LeadWordBySearch',
  pattern: (text: string, offset: number, tokens: IToken[]) => readTextRun(text, offset, tokens, headingBlockBySearch),
  categories: [Word],
  line_breaks: true,
});
const searchLexer = new DraftLexer(
  allTokens.map((type) => (type === LeadWord ? BySearch : type)),
  LEXER_OPTIONS,
);

const describeToken = (t: IToken): string =>
  `${t.tokenType === BySearch ? 'LeadWord' : t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}:${t.payload ?? 0}`;

const PIECES = [
  '# ', '#', '## Title', '####### x', '  # ', '\t#', '#tag', 'word', 'two words', 'States', '1. ', '(a) ', '> ', '// c', '[^1]: ',
  '{++', '++}', '[', ']', '“', '”', '"', ', para. 3', 'resolution 70/1', ' ', '  ', '\t', '\u00a0', '\u2028', '\n', '\n\n', '\n  \n',
  '\r\n', '\r\n\r\n', '\r', '\r\r', '\u00a0#', '61/54', '\n#', '\n  #', '\n# x', '\ufeff', '---\n', 'title: x\n', '# note: y\n', '  #x: y\n', '---\n\n',
];

function texts(): string[] {
  const all = readdirSync('samples')
    .filter((f) => f.endsWith('.draft'))
    .map((f) => readFileSync(join('samples', f), 'utf8'));
  for (let k = 0; k < 3000; k++) {
    const random = mulberry32(mixSeed(41, k));
    let text = k % 7 === 0 ? '\ufeff' : '';
    for (let i = 1 + Math.floor(random() * 30); i > 0; i--) text += PIECES[Math.floor(random() * PIECES.length)]!;
    all.push(text);
  }
  for (let k = 0; k < 400; k++) all.push(randomInput(mulberry32(mixSeed(42, k))), mutatedInput(mulberry32(mixSeed(43, k))));
  return all;
}

describe('heading blocks', () => {
  it('keep runs to their line where a search of the lines finds them open', () => {
    const lexer = new DraftLexer(allTokens, LEXER_OPTIONS);
    let headingRuns = 0;
    for (const text of texts()) {
      const expected = searchLexer.tokenize(text).tokens.map(describeToken);
      const tokens = lexer.tokenize(text).tokens;
      expect(tokens.map(describeToken), JSON.stringify(text.slice(0, 200))).toEqual(expected);
      for (const t of tokens) if (t.tokenType === LeadWord && headingBlockBySearch(text, t.startOffset)) headingRuns++;
    }
    // The comparison covered runs both inside and outside heading blocks.
    expect(headingRuns).toBeGreaterThan(1000);
  });
});
