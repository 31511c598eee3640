/**
 * Word reading with folding remembered per spelling (a map by surface) and
 * expansions tried only where one starts, against the plain reading it replaced: the same words
 * (offsets, keys, forms, abbreviations, merged expansions) on the samples, the bench draft and
 * fuzzed text with Unicode letters and numbers, apostrophes, hyphens, CRLF and surrogate pairs.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWords, wordsOf } from '../../server/src/engine/text/words';
import { splitSentences } from '../../server/src/engine/text/sentences';
import { mulberry32 } from '../grammar/helpers';
import { referenceWords } from './reference-words';

/** Pieces the fuzzer strings together: words, expansions, apostrophes, hyphens, odd spaces, astral letters and digits. */
const PIECES = [
  'States', 'organisation', 'organization', 'realise', 'harmonised', 'ICTs', 'information', 'and', 'communications',
  'technologies', 'communication', 'technology', 'capacity-building', 'Côte', 'd’Ivoire', "d'Ivoire", 'States’', "States'",
  'États', 'ÉTATS', 'İstanbul', 'Straße', 'ﬁnance', '日本', 'العربية', 'Ελλάδα', '２０１５', '½', '²', '٣', 'Ⅻ', '𝐀𝐁', '𝟙𝟚',
  '𐐷𐐸', '\ud800', '\udc00', '’', "'", '-', '‐', '‑', '—', ' ', '  ', '\t', '\r\n', '\n', '\u00a0', '\u2028', '\u3000', '\ufeff',
  '.', ',', ';', '(', ')', '"', '“', '”', '73/27', 'para.', 'e.g.', 'x’1', 'a’b’c', "''", '’s', 'color', 'colour', 'program',
  'programme', 'ICT', 'WMD', 'weapons', 'of', 'mass', 'destruction', 'the', 'United', 'Nations', 'A/RES/70/237', '\u0301', 'é',
];

function fuzzText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 40);
  for (let k = 0; k < n; k++) {
    if (next() < 0.1) text += String.fromCharCode(Math.floor(next() * 0x3000));
    else text += PIECES[Math.floor(next() * PIECES.length)]!;
  }
  return text;
}

describe('readWords (folding remembered)', () => {
  it('reads the samples and the bench draft as the regular expression did', () => {
    const files = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f));
    if (existsSync('.bench/draft-10k.draft')) files.push('.bench/draft-10k.draft');
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(readWords(text), file).toEqual(referenceWords(text));
      // Slices, as the matcher reads sentences.
      for (let from = 0; from < text.length; from += 997) {
        const to = Math.min(text.length, from + 1500);
        expect(readWords(text, from, to)).toEqual(referenceWords(text, from, to));
      }
    }
  });

  it('reads 30,000 fuzzed texts as the regular expression did', () => {
    const next = mulberry32(7);
    for (let k = 0; k < 30_000; k++) {
      const text = fuzzText(next);
      const from = next() < 0.3 ? Math.floor(next() * text.length) : 0;
      const to = next() < 0.3 ? from + Math.floor(next() * (text.length - from + 1)) : text.length;
      expect(readWords(text, from, to), JSON.stringify(text)).toEqual(referenceWords(text, from, to));
    }
  });

  it('reads letters, numbers, apostrophes, hyphens, CRLF and surrogate pairs', () => {
    const text = 'Côte d’Ivoire’s ICTs\r\ncapacity-building 𝐀𝐁c 2015 x’1 ÉTATS';
    expect(readWords(text).map((w) => text.slice(w.start, w.end))).toEqual([
      'Côte', 'd’Ivoire’s', 'ICTs', 'capacity', 'building', '𝐀𝐁c', '2015', 'x', '1', 'ÉTATS',
    ]);
    expect(readWords(text).map((w) => w.form)).toEqual(['côte', "d'ivoire's", 'icts', 'capacity', 'building', '𝐀𝐁c', '2015', 'x', '1', 'états']);
    const expansion = 'information and communications technologies';
    expect(readWords(expansion)).toEqual([{ start: 0, end: expansion.length, key: 'icts', form: 'icts', abbreviation: 'icts' }]);
  });

  it('gives each sentence the words a reading of that sentence alone gives (the matcher shares one reading)', () => {
    const files = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f));
    if (existsSync('.bench/draft-10k.draft')) files.push('.bench/draft-10k.draft');
    const next = mulberry32(3);
    const texts = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/));
    for (let k = 0; k < 2000; k++) texts.push(Array.from({ length: 8 }, () => fuzzText(next)).join('. '));
    for (const text of texts) {
      const all = wordsOf(text);
      for (const s of splitSentences(text)) {
        const own = all.filter((w) => w.start >= s.start && w.start < s.end);
        expect(own, JSON.stringify(text.slice(s.start, s.end))).toEqual(readWords(text, s.start, s.end));
      }
    }
  });

  it('remembers whole texts without sharing state between readings', () => {
    const text = 'The organisation realised it.';
    // wordsOf makes new objects from the remembered word list (test/text/word-list.test.ts).
    expect(wordsOf(text)).toEqual(wordsOf(text));
    expect(wordsOf(text)).not.toBe(wordsOf(text));
    expect(readWords(text)).not.toBe(readWords(text));
    expect(readWords(text).map((w) => w.key)).toEqual(['the', 'organization', 'realized', 'it']);
  });
});
