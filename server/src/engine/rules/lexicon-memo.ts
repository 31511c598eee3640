/**
 * What compiling the built-in lexicons computes from their text alone, kept with them
 * (data/lexicon-memo.json) so that a run does not compute it again: each pattern's and
 * phrase's word keys under its match mode, and each regular expression's literal prefilter
 * (regex-literals.ts). Reading a few hundred short phrases word by word, and each expression's
 * structure, was about half of joining the lexicons on a one-paragraph lint.
 *
 * The table is derived: test/rules/lexicon-memo.test.ts compiles the built-in lexicons with it
 * switched off and fails when it differs (ACQUIS_WRITE_LEXICON_MEMO=1 rewrites it). Text it does
 * not hold (a project's own lexicon, an edited entry) is computed as before.
 */
import memo from '../data/lexicon-memo.json';
import { readWords } from '../text/words.js';
import { requiredLiterals, type LiteralRequirement } from './regex-literals.js';
import { wordKey, type WordMatch } from './word-keys.js';

/** Word keys by `mode:text`; literal prefilters (null: none) by `flags/source`. */
export interface LexiconMemo {
  words: Record<string, string[]>;
  literals: Record<string, LiteralRequirement | null>;
}

let table: LexiconMemo | undefined = memo as LexiconMemo;
let recorded: LexiconMemo | undefined;

/** The keys of the words of `text` under `mode`, as `readWords` and `wordKey` give them. */
export function phraseWords(text: string, mode: WordMatch): string[] {
  const key = `${mode}:${text}`;
  const kept = table?.words[key];
  if (kept) return kept.slice();
  const words = readWords(text).map((w) => wordKey(w, text, mode));
  if (recorded) recorded.words[key] = words.slice();
  return words;
}

/** `requiredLiterals(source, flags)`. */
export function literalsOf(source: string, flags: string): LiteralRequirement | undefined {
  const key = `${flags}/${source}`;
  const kept = table?.literals[key];
  if (kept !== undefined) return kept ?? undefined;
  const found = requiredLiterals(source, flags);
  if (recorded) recorded.literals[key] = found ?? null;
  return found;
}

/** For the test that derives the table: compute everything from here on, and record it. */
export function recordLexiconMemo(): LexiconMemo {
  table = undefined;
  recorded = { words: {}, literals: {} };
  return recorded;
}
