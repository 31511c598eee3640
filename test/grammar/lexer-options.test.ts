/**
 * The draft lexer (custom patterns answering with one reused match array, offsets only, each token
 * given its end offset) tokenises the samples and fuzzed text exactly as a plain safe-mode lexer
 * tracking full positions over the same tokens: types, offsets, end offsets and images alike. Every token states whether it can match a line break, as Chevrotain's own pattern
 * analysis finds (the lexer's construction skips that analysis then).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allTokens, BlockQuoteMark, DraftLexer, draftLexer, LEXER_OPTIONS, ParagraphLabel } from '../../grammar/src/tokens';

const summary = (text: string, lexer: Lexer): string[] => {
  const { tokens, errors } = lexer.tokenize(text);
  return [
    ...tokens.map((t) => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.image}`),
    ...errors.map((e) => `error@${e.offset}+${e.length}`),
  ];
};

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '1. ', 'PP3. ', '12bis. ', 'OP6alt. ', '  1.1. ', '1.\n', 'P', 'O', '7', '---\n1. x\n---\n', '(a) ', '# ', '## Title', '// note', '> ', '[^1]: ', '[^2]', '{++', '++}', '{--@Japan:', '--}', '{~~', '~>', '~~}',
  '{>>', '<<}', '{==', '==}', '{status: agreed}', '[', ']', '|', '“', '”', '"', '\\[', 'A/RES/70/237', 'resolution 73/27',
  'paragraph 3 above', ', para. 13 (f)', 'States', 'd’Ivoire', '—', '-', '+', '~', '=', '<', '(', ')', ',', ';', ':', ' ', '\t',
  '\u00a0', '\u2028', '\u3000', '\ufeff', '\r\n', '\n', '\r', '\n\n', '---\n', 'title: x\n', '𝐀', '\ud800', 'É', '½', '{', '}', '\\',
];

describe('draft lexer options', () => {
  it('states line_breaks on every token, as Chevrotain finds it for a regular expression', () => {
    const stated = new Map<TokenType, unknown>();
    for (const type of allTokens) {
      if (type.PATTERN === Lexer.NA) continue;
      expect(Object.hasOwn(type, 'LINE_BREAKS'), `${type.name} states line_breaks`).toBe(true);
      stated.set(type, type.LINE_BREAKS);
    }
    // Chevrotain analyses the tokens that do not state it (regular expressions; a custom pattern
    // cannot be analysed, its flag is the only word on it); the flags are put back after.
    const analysed = new Map<string, boolean>();
    try {
      for (const type of stated.keys()) delete type.LINE_BREAKS;
      const lexer = new Lexer(allTokens, { positionTracking: 'full', safeMode: true, skipValidations: true });
      const configs = (lexer as unknown as { patternIdxToConfig: Record<string, Array<{ tokenType: TokenType; canLineTerminator: boolean }>> }).patternIdxToConfig['defaultMode']!;
      for (const c of configs) if (c.tokenType.PATTERN instanceof RegExp) analysed.set(c.tokenType.name, c.canLineTerminator);
    } finally {
      for (const [type, flag] of stated) type.LINE_BREAKS = flag as boolean;
    }
    expect(analysed.size).toBeGreaterThan(20);
    for (const [name, can] of analysed) expect(allTokens.find((t) => t.name === name)!.LINE_BREAKS, name).toBe(can);
    expect([...analysed].filter(([, can]) => can).map(([name]) => name)).toEqual(['BlankLine', 'Newline']);
  });

  it('tokenises as a safe-mode lexer does', () => {
    const plain = new Lexer(allTokens, { positionTracking: 'full', safeMode: true, skipValidations: true });
    const texts = readdirSync('samples')
      .filter((f) => f.endsWith('.draft'))
      .map((f) => readFileSync(join('samples', f), 'utf8'));
    const next = random(5);
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const n = 1 + Math.floor(next() * 30);
      for (let i = 0; i < n; i++) text += next() < 0.1 ? String.fromCharCode(Math.floor(next() * 0x10000)) : PIECES[Math.floor(next() * PIECES.length)]!;
      texts.push(text);
    }
    for (const text of texts) expect(summary(text, draftLexer), JSON.stringify(text.slice(0, 200))).toEqual(summary(text, plain));
  });

  it('tokenises as with the paragraph label tried in its old place (after the other block starts)', () => {
    const old = [...allTokens.filter((t) => t !== ParagraphLabel)];
    old.splice(old.indexOf(BlockQuoteMark) + 1, 0, ParagraphLabel);
    expect(old.indexOf(ParagraphLabel)).toBe(10);
    const before = new DraftLexer(old, LEXER_OPTIONS);
    const next = random(17);
    const texts = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(join('samples', f), 'utf8'));
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const n = 1 + Math.floor(next() * 30);
      for (let i = 0; i < n; i++) text += next() < 0.05 ? String.fromCharCode(Math.floor(next() * 0x10000)) : PIECES[Math.floor(next() * PIECES.length)]!;
      texts.push(text);
    }
    for (const text of texts) expect(summary(text, draftLexer), JSON.stringify(text.slice(0, 200))).toEqual(summary(text, before));
  });

  it('gives every token one shape: image, offsets, type and payload (single-spaced runs), no line or column', () => {
    const { tokens } = draftLexer.tokenize('---\ntitle: x\n---\n# I. Title\n\n1. The {++new ++}text [of] resolution 70/237, para. 3.\r\n  (a) more\n');
    expect(tokens.length).toBeGreaterThan(10);
    for (const t of tokens) {
      expect(Object.keys(t)).toEqual(['image', 'startOffset', 'endOffset', 'tokenTypeIdx', 'tokenType', 'payload']);
      expect(t.endOffset).toBe(t.startOffset + t.image.length - 1);
    }
  });
});
