/**
 * Words as flat arrays (`WordList`: offsets in typed arrays, one shared folding per spelling), the
 * reading the lint's hot paths take: the same words, offsets, keys, forms and abbreviations as the
 * plain regular-expression reading and as `readWords`, on the samples, the bench draft and fuzzed
 * text (expansions, apostrophes, hyphens, surrogate pairs, lone surrogates, any code point), whole
 * and in `from`/`to` slices; Word objects made from a list; remembered lists; ids; lexicon keys.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formOf,
  keyOf,
  readWordList,
  readWords,
  wordIds,
  wordListOf,
  wordsOf,
  WordList,
  type Word,
} from '../../server/src/engine/text/words';
import { listKey, wordKey, type WordMatch } from '../../server/src/engine/rules/word-keys';
import { mulberry32 } from '../grammar/helpers';
import { referenceWords as reference } from './reference-words';

/** The list's words read field by field, as the hot paths read them (no `words()`). */
function fields(list: WordList): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list.foldings[i]!;
    out.push({ start: list.starts[i]!, end: list.ends[i]!, key: f.key, form: f.form, abbreviation: f.abbreviation });
  }
  return out;
}

const PIECES = [
  'States', 'organisation', 'realise', 'ICTs', 'information', 'and', 'communications', 'technologies', 'communication',
  'technology', 'capacity-building', 'confidence-building', 'measures', 'United', 'Nations', 'Open-Ended', 'Working', 'Group', 'Côte', 'd’Ivoire', "d'Ivoire", 'States’', "States'", 'États', 'İstanbul', 'Straße',
  '日本', 'العربية', '２０１５', '½', '𝐀𝐁', '𝟙𝟚', '𐐷', '\ud800', '\udc00', '\ud835', '’', "'", '-', '‐', '—', ' ', '  ', '\t',
  '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '.', ',', '(', '“', '”', '73/27', 'x’1', "''", '’s', 'color', 'WMD',
  'weapons', 'of', 'mass', 'destruction', '\u0301', 'é', 'e\u0301', 'ǅ', 'ʰ', '〇', 'Ⅻ', '٣',
];

/** Pieces, random code units, and random code points of any plane. */
function fuzzText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 40);
  for (let k = 0; k < n; k++) {
    const r = next();
    if (r < 0.08) text += String.fromCharCode(Math.floor(next() * 0x10000));
    else if (r < 0.14) text += String.fromCodePoint(Math.floor(next() * 0x110000));
    else text += PIECES[Math.floor(next() * PIECES.length)]!;
  }
  return text;
}

const files = (): string[] => {
  const list = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f));
  if (existsSync('.bench/draft-10k.draft')) list.push('.bench/draft-10k.draft');
  return list;
};

describe('readWordList', () => {
  it('reads the samples and the bench draft as the plain expression does, whole and in slices', () => {
    const all = files();
    expect(all.length).toBeGreaterThan(2);
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      const expected = reference(text);
      const list = readWordList(text);
      expect(fields(list), file).toEqual(expected);
      expect(list.words()).toEqual(expected);
      expect(readWords(text)).toEqual(expected);
      for (let from = 0; from < text.length; from += 997) {
        const to = Math.min(text.length, from + 1500);
        expect(fields(readWordList(text, from, to))).toEqual(reference(text, from, to));
      }
    }
  });

  it('reads 30,000 fuzzed texts as the plain expression does', () => {
    const next = mulberry32(11);
    for (let k = 0; k < 30_000; k++) {
      const text = fuzzText(next);
      const from = next() < 0.3 ? Math.floor(next() * text.length) : 0;
      const to = next() < 0.3 ? from + Math.floor(next() * (text.length - from + 1)) : text.length;
      const expected = reference(text, from, to);
      const list = readWordList(text, from, to);
      expect(fields(list), JSON.stringify(text)).toEqual(expected);
      expect(readWords(text, from, to), JSON.stringify(text)).toEqual(expected);
      // Exact-size arrays, whatever the reading buffers hold.
      expect(list.starts.length).toBe(list.length);
      expect(list.ends.length).toBe(list.length);
      expect(list.foldings.length).toBe(list.length);
    }
  });

  it('keeps every list it gave intact while later readings fill the shared offset blocks', () => {
    const next = mulberry32(21);
    const kept: Array<{ text: string; list: WordList }> = [];
    // About 10 words a text: 20,000 texts fill several 32,768-offset blocks.
    for (let k = 0; k < 20_000; k++) {
      const text = fuzzText(next);
      kept.push({ text, list: readWordList(text) });
    }
    for (const { text, list } of kept) expect(fields(list), JSON.stringify(text)).toEqual(reference(text));
  });

  it('merges expansions and keeps apostrophes and surrogate pairs in words', () => {
    const text = 'States’ use of information and communications technologies (ICTs), d’Ivoire 𝐀𝐁c and confidence-building measures';
    const list = readWordList(text);
    expect(list.words().map((w) => text.slice(w.start, w.end))).toEqual([
      'States', 'use', 'of', 'information and communications technologies', 'ICTs', 'd’Ivoire', '𝐀𝐁c', 'and',
      'confidence-building measures',
    ]);
    expect(Array.from(list.foldings, (f) => f.abbreviation)).toEqual([
      undefined, undefined, undefined, 'icts', 'icts', undefined, undefined, undefined, 'cbms',
    ]);
  });

  it('makes Word objects for any stretch of a list, as a slice of the whole', () => {
    const text = readFileSync('samples/' + readdirSync('samples').find((f) => f.endsWith('.draft'))!, 'utf8');
    const list = readWordList(text);
    const whole = list.words();
    const next = mulberry32(4);
    for (let k = 0; k < 200; k++) {
      const from = Math.floor(next() * list.length);
      const to = from + Math.floor(next() * (list.length - from + 1));
      expect(list.words(from, to)).toEqual(whole.slice(from, to));
    }
    // New objects each time: a caller may keep or change its own.
    expect(list.words(0, 1)[0]).not.toBe(list.words(0, 1)[0]);
  });

  it('remembers whole texts (wordListOf), and wordsOf gives their words as objects', () => {
    const text = 'The organisation realised it, information and communications technologies.';
    expect(wordListOf(text)).toBe(wordListOf(text));
    expect(wordsOf(text)).toEqual(readWords(text));
    expect(fields(wordListOf(text))).toEqual(reference(text));
  });

  it('gives ids remembered per spelling that a look-up of every key gives, across vocabularies and growth', () => {
    const next = mulberry32(9);
    const first = new Map<string, number>();
    const second = new Map<string, number>();
    for (const w of readWords('the states agreed language of information and communications technologies')) first.set(w.key, first.size);
    for (const [key, id] of first) second.set(key, first.size - 1 - id);
    const lookedUp = (list: WordList, vocabulary: Map<string, number>): number[] =>
      Array.from(list.foldings, (f) => vocabulary.get(f.key) ?? -1);
    const earlier: WordList[] = [];
    for (let k = 0; k < 5_000; k++) {
      const text = fuzzText(next);
      const list = next() < 0.5 ? readWordList(text) : wordListOf(text);
      const vocabulary = next() < 0.5 ? first : second;
      expect(Array.from(wordIds(list, vocabulary)), text).toEqual(lookedUp(list, vocabulary));
      if (next() < 0.1 && list.length && !vocabulary.has(list.foldings[0]!.key)) {
        vocabulary.set(list.foldings[0]!.key, vocabulary.size);
        expect(Array.from(wordIds(list, vocabulary))).toEqual(lookedUp(list, vocabulary));
      }
      // A list read earlier, whose spellings' ids were since asked for under other vocabularies.
      const old = earlier[Math.floor(next() * earlier.length)];
      if (old) expect(Array.from(wordIds(old, first))).toEqual(lookedUp(old, first));
      if (earlier.length < 50) earlier.push(list);
    }
  });

  it('gives every lexicon key (listKey) that wordKey gives the word', () => {
    const modes: WordMatch[] = ['key', 'form', 'surface', 'exact'];
    const texts = files().map((f) => readFileSync(f, 'utf8'));
    const next = mulberry32(2);
    for (let k = 0; k < 2_000; k++) texts.push(fuzzText(next) + ' Organisation’s ORGANISED recognise ICTs Straße ſtates \u212Aelvin');
    let words = 0;
    for (const text of texts) {
      const list = readWordList(text);
      const objects = list.words();
      for (let i = 0; i < list.length; i++) {
        for (const mode of modes) expect(listKey(list, i, text, mode)).toBe(wordKey(objects[i]!, text, mode));
        words++;
      }
    }
    expect(words).toBeGreaterThan(10_000);
  });
});
