/** The key a lexicon compares a word by, under each match mode (see `WordMatch` in lexicon.ts). */
import type { Word, WordList } from '../text/words.js';

/** How the words of a pattern are compared with the words of the text. */
export type WordMatch = 'key' | 'form' | 'surface' | 'exact';

/** The word's key under `mode`; `text` is the text the word was read from. */
export function wordKey(w: Word, text: string, mode: WordMatch): string {
  switch (mode) {
    case 'key':
      return w.key;
    case 'form':
      return w.form;
    case 'surface':
      return surfaceKey(w, text);
    case 'exact':
      return text.slice(w.start, w.end).replace(/’/g, "'");
  }
}

/**
 * The word lower-cased, curly apostrophes straightened (the `surface` key). Its `form` is exactly
 * that unless the form folded -ise to -ize (it then holds "iz") or stands for an abbreviation or
 * its expansion: only those words are sliced again, so most words cost no new string.
 * (test/rules/phrase-trie.test.ts checks this against the slice on real drafts.)
 */
export function surfaceKey(w: Word, text: string): string {
  return surfaceKeyAt(w, w.start, w.end, text);
}

/** `surfaceKey` of the word spelt from `start` to `end` of `text` that folds to `f`. */
function surfaceKeyAt(f: { readonly form: string; readonly abbreviation?: string | undefined }, start: number, end: number, text: string): string {
  const form = f.form;
  if (f.abbreviation === undefined) {
    let iz = form.indexOf('iz');
    if (iz < 0) return form;
    // Folded or not? Where the form has "iz", a text with z there was not folded ("organize"):
    // then the form is the surface key, and no string is made.
    if (form.length === end - start) {
      while (iz >= 0) {
        const c = text.charCodeAt(start + iz + 1);
        if (c !== 122 && c !== 90) break;
        iz = form.indexOf('iz', iz + 2);
      }
      if (iz < 0) return form;
    }
  }
  return text.slice(start, end).toLowerCase().replace(/’/g, "'");
}

/** `wordKey` of word `i` of a word list, read from its arrays (no Word object). */
export function listKey(list: WordList, i: number, text: string, mode: WordMatch): string {
  const f = list.foldings[i]!;
  switch (mode) {
    case 'key':
      return f.key;
    case 'form':
      return f.form;
    case 'surface':
      return surfaceKeyAt(f, list.starts[i]!, list.ends[i]!, text);
    case 'exact':
      return text.slice(list.starts[i]!, list.ends[i]!).replace(/’/g, "'");
  }
}

/** True when only spaces and hyphens (or nothing) separate offsets `from` and `to`: `/^[\s\-‐‑]*$/` without a slice. */
export function isSeparatorGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    if (!SEPARATOR_CHAR.test(text[i]!)) return false;
  }
  return true;
}

const SEPARATOR_CHAR = /^[\s\-‐‑]$/;
