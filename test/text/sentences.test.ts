/**
 * Sentence splitting reads the exceptions after a full stop (abbreviations, initials) from character
 * codes, with the regular expressions kept for text that is not ASCII there: the same sentences as
 * the reading by regular expressions alone, on the samples, the bench draft and fuzzed text.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences, type SentenceSpan } from '../../server/src/engine/text/sentences';
import { isWhiteSpace } from '../../server/src/engine/text/words';
import { mulberry32 } from '../grammar/helpers';

const NO_BREAK_AFTER = new Set(
  'para paras art arts no nos rev corr add sect chap vol p pp e.g i.e mr ms mrs dr st vs cf op u.s u.n'.split(' '),
);

/** The splitting as it was: every test by regular expression. */
function referenceSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const skip = (at: number): number => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    return at;
  };
  let start = skip(0);
  const boundary = /[.!?]["”’)]?(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    const before = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(start, m.index - 12), m.index + 1));
    if (m[0][0] === '.' && before && NO_BREAK_AFTER.has(before[1]!.toLowerCase())) continue;
    if (m[0][0] === '.' && /(?:^|\s)\p{Lu}\.$/u.test(text.slice(Math.max(start, m.index - 2), m.index + 1))) continue;
    if (end > start) spans.push({ start, end });
    start = skip(end);
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
  return spans;
}

/** Pieces the fuzzer strings together around full stops: abbreviations, initials, capitals, spaces, quotes. */
const PIECES = [
  '. ', '.  ', '.\n', '! ', '? ', '." ', '.” ', '.’ ', '.) ', '!” ', '?) ', '?" ', '!’ ', '.', 'para.', 'Para.', 'PARAS.', 'e.g.', 'i.e.', 'U.S.', 'U.N.',
  'Mr.', 'mrs.', 'No.', 'Rev.', 'corr.', 'p.', 'pp.', 'xpara.', 'A.', 'B. ', 'a.', 'Z.', 'The', 'States', 'agreed', '2015',
  '3', 'A/RES/70/1', ' ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '"', '“', '‘', '(', '[', 'É', 'Ω', 'é', 'ǅ', 'İ',
  'K', 'Å', '𝐀', '𝐚', '\ud835', '\udc00', '٣', 'Ⅻ', 'ﬁ', 'straße.', 'État.', 'ÉTAT.', 'vs.', 'cf.', 'op.', 'St.', 'Dr.',
];

function fuzzText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 30);
  for (let k = 0; k < n; k++) {
    if (next() < 0.08) text += String.fromCharCode(Math.floor(next() * 0x3100));
    else text += PIECES[Math.floor(next() * PIECES.length)]!;
  }
  return text;
}

describe('splitSentences', () => {
  it('tests white space as a regular expression\'s \\s does, for every code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isWhiteSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('splits the samples and the bench draft as the regular expressions did', () => {
    const files = readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => join('samples', f));
    if (existsSync('.bench/draft-10k.draft')) files.push('.bench/draft-10k.draft');
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(splitSentences(text), file).toEqual(referenceSentences(text));
      for (const paragraph of text.split(/\n\s*\n/)) expect(splitSentences(paragraph)).toEqual(referenceSentences(paragraph));
    }
  });

  it('splits 40,000 fuzzed texts as the regular expressions did', () => {
    const next = mulberry32(11);
    for (let k = 0; k < 40_000; k++) {
      const text = fuzzText(next);
      expect(splitSentences(text), JSON.stringify(text)).toEqual(referenceSentences(text));
    }
  });

  it('keeps abbreviations and initials inside a sentence, non-ASCII ones too', () => {
    const text = 'See para. 3 and A. Smith. États. É. Next one! Then? “Quoted.” Last';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'See para. 3 and A. Smith.',
      'États.',
      'É. Next one!',
      'Then?',
      '“Quoted.”',
      'Last',
    ]);
  });
});
