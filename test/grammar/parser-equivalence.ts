/**
 * What the tests of the grammar's stored tables (lookahead paths, recorded grammar) share: a
 * parse written out as one string (tree and errors), and the texts two parsers must parse alike:
 * the samples, part of the built-in acquis, and short texts made of markup pieces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftParser } from '../../grammar/src/parser';
import { draftLexer } from '../../grammar/src/tokens';

/** The concrete syntax tree and the errors of `text`, as one comparable string. */
export function parseTrace(parser: DraftParser, text: string): string {
  parser.input = draftLexer.tokenize(text).tokens;
  const cst = parser.document();
  // A node's `sequence` (parser.ts) lists its children again, in order: written as their offsets.
  const trace = (key: string, value: unknown): unknown =>
    key === 'tokenType' ? (value as { name: string }).name : key === 'sequence' ? (value as Array<{ startOffset?: number; location?: { startOffset: number } }>).map((c) => c.startOffset ?? c.location?.startOffset) : value;
  return JSON.stringify(cst, trace) + JSON.stringify(parser.errors.map((e) => [e.name, e.token.startOffset, e.message]));
}

const PIECES = ['1. ', 'PP3. ', '(a) ', '# ', '// c', '> ', '[^1]: ', '[^2]', '{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{>>', '<<}', '{==', '==}', '[', ']', '|', '“', '”', '"', 'A/RES/70/237', 'resolution 73/27', 'paragraph 3 above', ', para. 13', 'States', '(', ')', ',', ' ', '\n', '\n\n', '---\n', 'title: x\n'];

/** The samples, 20 acquis documents and 1,500 texts of markup pieces drawn from `seed`. */
export function parserCorpus(seed: number): string[] {
  const texts = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(join('samples', f), 'utf8'));
  texts.push(...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).slice(0, 20).map((f) => readFileSync(join('server/acquis', f), 'utf8')));
  const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let k = 0; k < 1500; k++) {
    let text = '';
    for (let i = 1 + Math.floor(next() * 14); i > 0; i--) text += PIECES[Math.floor(next() * PIECES.length)];
    texts.push(text);
  }
  return texts;
}
