/**
 * Forgetting what is remembered per paragraph text (`Engine.forgetTexts`, which `acquis lint`
 * calls between files): the caches really are emptied (a paragraph is read and matched afresh),
 * and findings do not change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordListOf } from '../../server/src/engine/text/words';
import { forgetTextCaches } from '../../server/src/engine/text/text-caches';
import { builtinEngine } from './helpers';

const PARAGRAPH =
  'The OEWG recommends that States continue to study, at the multilateral level, potential specific ' +
  'confidence-building measures, with broad participation.';

describe('forgetting per-text caches', () => {
  it('reads a paragraph afresh once its word list is forgotten', () => {
    const first = wordListOf(PARAGRAPH);
    expect(wordListOf(PARAGRAPH)).toBe(first);
    forgetTextCaches();
    const again = wordListOf(PARAGRAPH);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('matches a paragraph afresh once the engine forgets its texts', () => {
    const engine = builtinEngine();
    const first = engine.matcher.match(PARAGRAPH);
    expect(engine.matcher.match(PARAGRAPH)).toBe(first);
    engine.forgetTexts();
    const again = engine.matcher.match(PARAGRAPH);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('gives the same findings on a sample before and after forgetting', () => {
    const engine = builtinEngine();
    const text = readFileSync('samples/oewg-pre-draft.draft', 'utf8');
    const before = engine.lint('sample.draft', text).findings;
    engine.forgetTexts();
    expect(engine.lint('sample.draft', text).findings).toEqual(before);
  });
});
