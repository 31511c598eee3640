/**
 * A run of plain text (LeadWord) is one token for what a word-by-word lexer reads as words and
 * punctuation: the same tokens everywhere else, and inside a run only words and punctuation. The parser and the AST builder treat those alike, so the tree is the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createToken, Lexer, type IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allowFrontMatter } from '../../grammar/src/front-matter';
import { AstBuilder } from '../../grammar/src/build-ast';
import { draftParser } from '../../grammar/src/parser';
import { allTokens, DraftLexer, LeadWord, LEXER_OPTIONS, Newline, Punctuation, SINGLE_SPACED, Word, WORD_PATTERN, wordMayStart } from '../../grammar/src/tokens';
import { parse } from '../../grammar/src/index';
import { randomInput } from './fuzz-inputs';
import { mixSeed, mulberry32 } from './helpers';

/** The lexer as it was: one token per word. */
const oneWord = new RegExp(WORD_PATTERN.source, 'y');
const WordByWord = createToken({
  name: 'WordByWord',
  pattern: (text: string, offset: number) => {
    if (!wordMayStart(text, offset)) return null;
    oneWord.lastIndex = offset;
    return oneWord.exec(text);
  },
  categories: [Word],
  line_breaks: false,
});
const wordLexer = new DraftLexer(
  allTokens.map((type) => (type === LeadWord ? WordByWord : type)),
  LEXER_OPTIONS,
);

const describeToken = (t: IToken): string => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.image}`;

/** The word-by-word tokens with each group a run covers replaced by that run; undefined if a group is not words and punctuation. */
function expectedTokens(text: string, runs: IToken[]): string[] | string {
  const words = wordLexer.tokenize(text).tokens;
  const out: string[] = [];
  let r = 0;
  for (let i = 0; i < words.length; ) {
    const run = runs[r];
    if (run && run.tokenType === LeadWord && words[i]!.startOffset === run.startOffset) {
      const end = run.startOffset + run.image.length;
      while (i < words.length && words[i]!.startOffset < end) {
        const type = words[i]!.tokenType;
        // A run may also take in a single line break between its words (RUN_REST_LINES in tokens.ts).
        if (type !== WordByWord && type !== Punctuation && type !== Newline) return `run at ${run.startOffset} covers a ${type.name}`;
        if (words[i]!.startOffset + words[i]!.image.length > end) return `run at ${run.startOffset} ends inside a word`;
        i++;
      }
      out.push(describeToken(run));
      r++;
    } else {
      out.push(describeToken(words[i]!));
      i++;
      if (run && run.startOffset === words[i - 1]!.startOffset) r++;
    }
  }
  return out;
}

const PIECES = [
  'word', 'States', 'A/70/174', 'A/x', 'S/1', 'E', 'ST/SG/1', 'resolution 70/237', 'resolution 7', 'Resolutions 1/2 and 3/4',
  'decision 72/512', 'paragraph 3 above', 'paragraph 3', 'para. 13', 'paras. 1 and 2', 'para', ', para. 13 (f)', ',para. 2',
  ', \n para. 4', ',', ';', ':', '(', ')', '(a) ', ' ', '  ', '\t', '\u00a0', '\u2028', '\n', '\n\n', '\n  ', '\r\n', '1. ', 'PP2. ',
  '# ', '+', '++}', '-', '--}', '~', '~>', '=', '==}', '<', '<<}', '{++', '[', ']', '|', '"', '“', '”', '\\[', '\\', '{', '}',
  'x-y', 'a+b', 'é', '𝐀', '//', '> ', '[^1]', '---\n', 'title: x\n', 'r', 'p', 'd', 'A', '/', '.', '12', '7/',
];

function texts(): string[] {
  const all = readdirSync('samples')
    .filter((f) => f.endsWith('.draft'))
    .map((f) => readFileSync(join('samples', f), 'utf8'));
  for (let k = 0; k < 1500; k++) {
    const random = mulberry32(mixSeed(11, k));
    let text = '';
    const n = 1 + Math.floor(random() * 40);
    for (let i = 0; i < n; i++) text += PIECES[Math.floor(random() * PIECES.length)]!;
    all.push(text);
  }
  for (let k = 0; k < 500; k++) all.push(randomInput(mulberry32(mixSeed(12, k))));
  return all;
}

/** The tree and problems the parser and AST builder make of these tokens (as parse.ts does, nesting under its limit). */
function treeOf(text: string, tokens: IToken[]): string {
  allowFrontMatter(true);
  const parser = draftParser();
  parser.input = tokens;
  const cst = parser.document();
  const builder = new AstBuilder(text);
  const { flat, frontMatter } = builder.blocks(cst);
  const errors = parser.errors.map((e) => `${e.name}@${e.token.startOffset}`);
  const document = builder.assemble(flat, frontMatter);
  return JSON.stringify({ document, errors, problems: builder.problems });
}

describe('runs of plain text', () => {
  it('give the parser and the AST builder the tree that words and line breaks one by one give', () => {
    for (const text of texts()) {
      const runs = new DraftLexer(allTokens, LEXER_OPTIONS).tokenize(text).tokens;
      // The word tokens as the lexer made them before runs: each word a LeadWord of its own.
      const words = wordLexer
        .tokenize(text)
        .tokens.map((t) => (t.tokenType === WordByWord ? { ...t, tokenType: LeadWord, tokenTypeIdx: LeadWord.tokenTypeIdx! } : t));
      const a = treeOf(text, runs);
      const b = treeOf(text, words);
      if (a !== b) {
        let k = 0;
        while (a[k] === b[k]) k++;
        expect(a.slice(Math.max(0, k - 300), k + 200), JSON.stringify(text.slice(0, 200))).toBe(b.slice(Math.max(0, k - 300), k + 200));
      }
    }
  });

  it('stand for the words and punctuation a word-by-word lexer reads there, and nothing else changes', () => {
    for (const text of texts()) {
      const { tokens, errors } = new DraftLexer(allTokens, LEXER_OPTIONS).tokenize(text);
      expect(errors.length, JSON.stringify(text.slice(0, 200))).toBe(wordLexer.tokenize(text).errors.length);
      expect(tokens.map(describeToken), JSON.stringify(text.slice(0, 200))).toEqual(expectedTokens(text, tokens));
    }
  });

  it('keep to their line under a heading, over CRLF and CR line breaks too', () => {
    for (const br of ['\n', '\r\n', '\r']) {
      for (const text of [`# Title {++one${br}two${br}three++} four${br}five${br}${br}1. Next`, `x${br}  # [one${br}two]${br}three${br}${br}four`]) {
        const runs = new DraftLexer(allTokens, LEXER_OPTIONS).tokenize(text).tokens;
        const words = wordLexer
          .tokenize(text)
          .tokens.map((t) => (t.tokenType === WordByWord ? { ...t, tokenType: LeadWord, tokenTypeIdx: LeadWord.tokenTypeIdx! } : t));
        expect(treeOf(text, runs), JSON.stringify(text)).toBe(treeOf(text, words));
        // No run under the heading takes in a line break.
        const heading = runs.filter((t) => t.tokenType === LeadWord && t.startOffset < text.indexOf(`${br}${br}`));
        expect(heading.some((t) => /[\r\n]/.test(t.image)), JSON.stringify(text)).toBe(false);
      }
    }
  });

  it('are marked single-spaced exactly when every white-space character in them stands alone, after no opening and before no closing mark', () => {
    // What the views join a run's words across (grammar/src/views.ts): one white-space character,
    // not after ( “ ‘ [ and not before white space or , . ; : ) ] ” ’ ! ?
    const single = (image: string): boolean => {
      for (let i = 0; i < image.length; i++) {
        if (!/\s/.test(image[i]!)) continue;
        if (/[(“‘[]/.test(image[i - 1] ?? '') || /[\s,.;:)\]”’!?]/.test(image[i + 1] ?? ' ')) return false;
      }
      return true;
    };
    const spacing = ['', ' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00a0', ' \n'];
    const words = ['word', 'States', 'and', 'decides', 'resolution', 'para', 'x-y', 'a+b', 'é', '(', ')', ',', ';', ':', '.', '!', '?', '‘', '’', '(a)', 'P', '1', 'resolution 70/1', '[x]', '{++x++}', '“q”'];
    const all = texts();
    const random = mulberry32(4409);
    for (let k = 0; k < 1500; k++) {
      let text = k % 3 === 0 ? '# ' : k % 3 === 1 ? '1. ' : '';
      const n = 1 + Math.floor(random() * 25);
      for (let i = 0; i < n; i++) text += words[Math.floor(random() * words.length)]! + spacing[Math.floor(random() * spacing.length)]!;
      all.push(text);
    }
    let marked = 0;
    for (const text of all) {
      for (const t of new DraftLexer(allTokens, LEXER_OPTIONS).tokenize(text).tokens) {
        if (t.tokenType !== LeadWord) continue;
        expect(t.payload === SINGLE_SPACED, JSON.stringify(t.image)).toBe(single(t.image));
        if (t.payload === SINGLE_SPACED && /\s/.test(t.image)) marked++;
      }
    }
    expect(marked).toBeGreaterThan(100);
  });

  it('are one token for a line of prose', () => {
    const text = '1. The General Assembly, recalling its resolution 70/237 (see A/70/174), decides: to act; now.\n';
    const names = new DraftLexer(allTokens, LEXER_OPTIONS)
      .tokenize(text)
      .tokens.map((t) => `${t.tokenType.name}:${t.image}`);
    expect(names).toEqual([
      'ParagraphLabel:1.',
      'LeadWord:The General Assembly, recalling its',
      'ResolutionCitation:resolution 70/237',
      'LeadWord:(see',
      'DocumentSymbol:A/70/174',
      'LeadWord:), decides: to act; now.',
      'Newline:\n',
    ]);
    expect(parse(text).document.paragraphs[0]!.content.length).toBeGreaterThan(0);
  });
});
