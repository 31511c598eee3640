/**
 * Every syntax node lists its children in `sequence` (grammar/src/parser.ts), which the AST
 * builder reads; the parser no longer writes Chevrotain's table by name, and computes it from the
 * sequence when read. Checked against Chevrotain's own tree building on the same tokens: the same
 * nodes, tables and locations, and every sequence in source order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { DraftParser, draftParser, type SequencedNode } from '../../grammar/src/parser';
import { draftLexer } from '../../grammar/src/tokens';
import { mutatedInput, randomInput } from './fuzz-inputs';
import { mulberry32, mixSeed } from './helpers';

type Child = CstNode | IToken;
const startOf = (c: Child): number => ('image' in c ? (c as IToken).startOffset : (c as CstNode).location!.startOffset);

/** The parser with Chevrotain's own tree-building steps (which write the table as they go). */
class ChevrotainTreeParser extends DraftParser {}
for (const step of ['cstInvocationStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal']) {
  (ChevrotainTreeParser.prototype as unknown as Record<string, unknown>)[step] = (CstParser.prototype as unknown as Record<string, unknown>)[step];
}

/** A tree as plain data: rule names, locations, recovery marks, and the children table by name. */
function plain(c: Child): unknown {
  if ('image' in c) return { type: c.tokenType.name, image: c.image, start: c.startOffset, inserted: !!c.isInsertedInRecovery };
  const table = Object.fromEntries(Object.entries(c.children).map(([key, list]) => [key, (list as Child[]).map(plain)]));
  return { name: c.name, location: { ...c.location }, recovered: !!c.recoveredNode, table };
}

function ordered(node: SequencedNode, label: string): void {
  const starts = node.sequence.map(startOf).filter((n) => !Number.isNaN(n));
  expect(starts, label).toEqual([...starts].sort((a, b) => a - b));
  for (const child of node.sequence) if (!('image' in child)) ordered(child as SequencedNode, label);
}

describe('the sequence of a syntax node', () => {
  it('holds the children of Chevrotain\'s table, in source order (samples, acquis, fuzzed texts)', () => {
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
    const reference = new ChevrotainTreeParser();
    texts.forEach((text, i) => {
      const label = `text ${i}: ${JSON.stringify(text.slice(0, 120))}`;
      const tokens = draftLexer.tokenize(text).tokens;
      parser.input = tokens;
      const tree = parser.document() as SequencedNode;
      reference.input = tokens;
      const expected = reference.document();
      expect('sequence' in expected, label).toBe(false);
      ordered(tree, label);
      expect(plain(tree), label).toEqual(plain(expected));
    });
  });
});
