/**
 * The parser computes the follow sets of "re-sync" recovery on first use, not at construction
 * (grammar/src/parser.ts): a clean parse never computes them, a parse that re-syncs does, through
 * the same getter Chevrotain reads, and its result is the same as with the sets computed up front.
 */
import type { CstElement, IRecognitionException } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { DraftParser, type SequencedNode } from '../../grammar/src/parser';
import { draftLexer } from '../../grammar/src/tokens';

/** A parse's tree (rule names and token images, in order) and its errors. */
function summary(parser: DraftParser, text: string): { tree: string; errors: string[] } {
  parser.input = draftLexer.tokenize(text).tokens;
  const cst = parser.document();
  const out: string[] = [];
  const walk = (node: CstElement): void => {
    if (!('children' in node)) {
      out.push(`${node.tokenType.name}:${node.image}@${node.startOffset}`);
      return;
    }
    out.push(`(${node.name}${node.recoveredNode ? '!' : ''}`);
    for (const child of (node as SequencedNode).sequence) walk(child);
    out.push(')');
  };
  walk(cst);
  return { tree: out.join(' '), errors: parser.errors.map((e: IRecognitionException) => `${e.name}@${e.token.startOffset}:${e.message}`) };
}

const computed = (parser: DraftParser): boolean => (parser as unknown as { follows?: object }).follows !== undefined;

describe('re-sync follows computed on first use', () => {
  it('are not computed by a clean parse, nor by recovery that needs no re-sync', () => {
    const parser = new DraftParser();
    expect(summary(parser, '1. States [should] cooperate.\n\n(a) “quoted” text {++@Japan: more++}.').errors).toEqual([]);
    expect(summary(parser, '1. Text {>>@Japan: a comment\n\n2. Next.').errors).toHaveLength(1);
    expect(computed(parser)).toBe(false);
  });

  it('are computed when a parse re-syncs, with the same result as when computed up front', () => {
    for (const text of ['{>>PP3. x', '1. {>>PP3. x', '{>>\n(', '[^2][^2]title: x\n(a) {>>PP3. # A/RES/70/237\n(, para. 13 (f)(a) ']) {
      const lazy = new DraftParser();
      const got = summary(lazy, text);
      expect(computed(lazy), text).toBe(true);
      const eager = new DraftParser();
      const table = (eager as unknown as { resyncFollows: Record<string, unknown[]> }).resyncFollows;
      expect(Object.keys(table).length).toBeGreaterThan(20);
      expect(got.errors.length, text).toBeGreaterThan(0);
      expect(summary(eager, text), text).toEqual(got);
    }
  });
});
