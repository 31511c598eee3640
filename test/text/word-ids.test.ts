/**
 * Word ids (`wordIds`, what `PrecedentIndex.idsOf` gives the matcher): always the ids a look-up of
 * every key gives, whatever was read in between, with merged expansions, a vocabulary that grew,
 * another vocabulary, and a words array changed by its holder. (The ids of a word list, remembered
 * with each spelling's folding, are checked in word-list.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readWords, wordIds, wordListOf, wordsOf, type Word } from '../../server/src/engine/text/words';
import { PrecedentIndex } from '../../server/src/engine/acquis/precedent-index';
import { mulberry32 } from '../grammar/helpers';

const lookedUp = (words: readonly Word[], vocabulary: Map<string, number>): number[] => words.map((w) => vocabulary.get(w.key) ?? -1);

const PIECES = [
  'The', 'States', 'organisation', 'organization', 'realise', 'ICTs', 'information', 'and', 'communications', 'technologies',
  'weapons', 'of', 'mass', 'destruction', 'WMD', 'color', 'colour', 'd’Ivoire', 'Côte', 'agreed', 'language', '2015', ' ', '  ',
  '-', '. ', ', ', '\n',
];

function fuzzText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 50);
  for (let k = 0; k < n; k++) text += PIECES[Math.floor(next() * PIECES.length)]! + (next() < 0.7 ? ' ' : '');
  return text;
}

describe('wordIds', () => {
  it('gives the ids of a look-up of every key, across readings, vocabularies and growth', () => {
    const next = mulberry32(5);
    const first = new Map<string, number>();
    const second = new Map<string, number>();
    for (const w of readWords('the states agreed language of information and communications technologies')) first.set(w.key, first.size);
    // The same keys numbered the other way: the same size, other ids.
    for (const [key, id] of first) second.set(key, first.size - 1 - id);
    const earlier: Word[][] = [];
    for (let k = 0; k < 5_000; k++) {
      const text = fuzzText(next);
      const words = next() < 0.5 ? readWords(text) : (wordsOf(text) as Word[]);
      const vocabulary = next() < 0.5 ? first : second;
      expect(Array.from(wordIds(words, vocabulary)), text).toEqual(lookedUp(words, vocabulary));
      // Asked again, after the vocabulary grew by a key of these words.
      if (next() < 0.1 && words.length && !vocabulary.has(words[0]!.key)) {
        vocabulary.set(words[0]!.key, vocabulary.size);
        expect(Array.from(wordIds(words, vocabulary))).toEqual(lookedUp(words, vocabulary));
      }
      // A reading that is not the last one.
      const old = earlier[Math.floor(next() * earlier.length)];
      if (old) expect(Array.from(wordIds(old, first))).toEqual(lookedUp(old, first));
      if (earlier.length < 50) earlier.push(words);
    }
  });

  it('looks up a word its holder replaced in the last reading', () => {
    const vocabulary = new Map([['states', 0], ['agreed', 1], ['colour', 2]]);
    const words = readWords('States agreed colour');
    expect(Array.from(wordIds(words, vocabulary))).toEqual([0, 1, 2]);
    words[0] = { ...words[2]! };
    expect(Array.from(wordIds(words, vocabulary))).toEqual([2, 1, 2]);
    words.pop();
    expect(Array.from(wordIds(words, vocabulary))).toEqual([2, 1]);
  });

  it('is what the precedent index gives the matcher', () => {
    const vocabulary = new Map([['icts', 0], ['states', 1]]);
    const index = new PrecedentIndex([], vocabulary);
    const text = 'States use information and communications technologies; States.';
    const words = readWords(text);
    expect(words.map((w) => w.key)).toEqual(['states', 'use', 'icts', 'states']);
    expect(Array.from(index.idsOf(words))).toEqual([1, -1, 0, 1]);
    expect(Array.from(index.idsOf(wordListOf(text)))).toEqual([1, -1, 0, 1]);
  });
});
