/**
 * Every syntax node lists its children in `sequence` (grammar/src/parser.ts), which the AST
 * builder reads instead of Chevrotain's table by name: the same children, in source order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CstNode, IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { draftParser, type SequencedNode } from '../../grammar/src/parser';
import { draftLexer } from '../../grammar/src/tokens';
import { mutatedInput, randomInput } from './fuzz-inputs';
import { mulberry32, mixSeed } from './helpers';

type Child = CstNode | IToken;
const startOf = (c: Child): number => ('image' in c ? (c as IToken).startOffset : (c as CstNode).location!.startOffset);

function check(node: SequencedNode, label: string): void {
  const table = Object.values(node.children).flat() as Child[];
  expect(node.sequence.length, label).toBe(table.length);
  expect(new Set(node.sequence), label).toEqual(new Set(table));
  const starts = node.sequence.map(startOf).filter((n) => !Number.isNaN(n));
  expect(starts, label).toEqual([...starts].sort((a, b) => a - b));
  for (const child of node.sequence) if (!('image' in child)) check(child as SequencedNode, label);
}

describe('the sequence of a syntax node', () => {
  it('holds the children of its table, in source order (samples, acquis, fuzzed texts)', () => {
    const texts = ['samples', 'server/acquis'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.draft'))
        .map((f) => readFileSync(join(dir, f), 'utf8')),
    );
    for (let k = 0; k < 1500; k++) {
      const random = mulberry32(mixSeed(41, k));
      texts.push(k % 2 ? randomInput(random) : mutatedInput(random));
    }
    const parser = draftParser();
    texts.forEach((text, i) => {
      parser.input = draftLexer.tokenize(text).tokens;
      check(parser.document() as SequencedNode, `text ${i}: ${JSON.stringify(text.slice(0, 120))}`);
    });
  });
});
