/**
 * The plain reading of words that the engine's readers are checked against: one global regular
 * expression from `from`, each match folded with `formOf`/`keyOf`, then defined expansions merged
 * into one word ("information and communications technologies" = ICTs). Slow and obvious on
 * purpose; test/text/words-scanner.test.ts and word-list.test.ts compare the fast readings with it.
 */
import { formOf, keyOf, type Word } from '../../server/src/engine/text/words';
import abbreviationData from '../../server/src/engine/data/abbreviations.json';

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

const abbreviations = new Map<string, string>();
const phrases = new Map<string, { words: string[]; abbreviation: string }[]>();
for (const entry of abbreviationData.entries) {
  const canonical = entry.abbreviation.toLowerCase();
  abbreviations.set(canonical, canonical);
  for (const expansion of entry.expansions) {
    const words = expansion.toLowerCase().split(/[\s-]+/);
    const list = phrases.get(words[0]!) ?? [];
    list.push({ words, abbreviation: canonical });
    list.sort((a, b) => b.words.length - a.words.length);
    phrases.set(words[0]!, list);
  }
}

/** Whether `words` from `at` are the expansion `phrase`, separated by spaces or hyphens only. */
function expansionAt(words: Word[], at: number, phrase: string[], text: string): boolean {
  if (at + phrase.length > words.length) return false;
  return phrase.every((w, k) => words[at + k]!.form === w && (k === 0 || /^[\s-]+$/.test(text.slice(words[at + k - 1]!.end, words[at + k]!.start))));
}

/** The words of `text` starting in `[from, to)`, read the plain way (`abbreviation` set only where there is one). */
export function referenceWords(text: string, from = 0, to = text.length): Word[] {
  const raw: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const form = formOf(m[0]);
    const word: Word = { start: m.index, end: m.index + m[0].length, key: keyOf(m[0]), form };
    const abbreviation = abbreviations.get(form);
    if (abbreviation) word.abbreviation = abbreviation;
    raw.push(word);
  }
  WORD.lastIndex = 0;
  const out: Word[] = [];
  for (let i = 0; i < raw.length; i++) {
    const phrase = phrases.get(raw[i]!.form)?.find((p) => expansionAt(raw, i, p.words, text));
    if (!phrase) {
      out.push(raw[i]!);
      continue;
    }
    const a = phrase.abbreviation;
    out.push({ start: raw[i]!.start, end: raw[i + phrase.words.length - 1]!.end, key: a, form: a, abbreviation: a });
    i += phrase.words.length - 1;
  }
  return out;
}
