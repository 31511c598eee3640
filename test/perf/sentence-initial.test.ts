/**
 * `sentenceInitial` reads backwards instead of running a regular expression over everything before
 * the word (quadratic on a long paragraph); it must answer exactly as the expression did.
 */
import { describe, expect, it } from 'vitest';
import { sentenceInitial } from '../../server/src/engine/match/grade';
import { readWords } from '../../server/src/engine/text/words';

function reference(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/[\s“"‘'(\[]+$/u, '');
  return before === '' || /[.!?:;]["”’)]?$/.test(before);
}

describe('sentenceInitial', () => {
  it('agrees with the regular-expression reading on random texts', () => {
    const alphabet = ['a', 'B', ' ', '\n', '.', '!', '?', ':', ';', ',', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '\u00a0', 'é', '😀'];
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let checked = 0;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const length = 1 + next(30);
      for (let i = 0; i < length; i++) text += alphabet[next(alphabet.length)];
      for (const word of readWords(text)) {
        expect(sentenceInitial(text, word), JSON.stringify([text, word.start])).toBe(reference(text, word.start));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
