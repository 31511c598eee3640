/**
 * Words of a text with their offsets, and the keys under which they are compared.
 *
 * Two keys per word:
 * - `key` folds everything that does not change what the text says: case, curly quotes,
 *   -ise/-ize, US/UK spelling, and defined abbreviations (ICTs = information and communications
 *   technologies). Alignment runs on it.
 * - `form` folds only what is not even an editorial difference (case, quotes, -ise/-ize,
 *   abbreviations); when two aligned words share a key but not a form, the draft has an editorial
 *   departure (US spelling).
 * Hyphens split words ("capacity-building" is two words joined by a hyphen), so that a change of
 * hyphenation is seen as an editorial difference between two equal words.
 */
import abbreviationData from '../data/abbreviations.json';
import spellingData from '../data/spelling-variants.json';

export interface Word {
  /** Offsets in the text the words were read from (end exclusive). */
  start: number;
  end: number;
  key: string;
  form: string;
  /** Set when the word stands for a defined abbreviation or its expansion. */
  abbreviation?: string;
}

/** -ise spellings that are not the -ize suffix (Oxford spelling keeps them). */
const ISE_EXCEPTIONS = new Set(
  (
    'advise advertise apprise arise chastise circumcise comprise compromise concise demise despise devise ' +
    'disguise enterprise excise exercise expertise franchise improvise incise merchandise noise otherwise ' +
    'paradise poise praise precise premise promise raise revise rise supervise surmise surprise televise ' +
    'treatise wise cruise bruise guise likewise clockwise'
  ).split(' '),
);

const US_TO_UK = new Map<string, string>((spellingData.pairs as [string, string][]).map(([us, uk]) => [us, uk]));

/** Fold -ise/-isation (and inflections) to -ize/-ization unless the word is an exception. */
function foldIse(word: string): string {
  const m = /^(.{2,}?)is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (!m) return word;
  const stem = m[1]!;
  if (ISE_EXCEPTIONS.has(`${stem}ise`) || ISE_EXCEPTIONS.has(word)) return word;
  // "-ise" words shorter than 5 letters before the suffix are rarely the verb suffix (rise, wise).
  if (stem.length < 3) return word;
  return `${stem}iz${m[2]}`;
}

export function formOf(surface: string): string {
  return foldIse(surface.toLowerCase().replace(/’/g, "'"));
}

export function keyOf(surface: string): string {
  const form = formOf(surface);
  return US_TO_UK.get(form) ?? form;
}

interface Phrase {
  words: string[];
  abbreviation: string;
}

/** Expansion phrases by their first word, longest first. */
const PHRASES = new Map<string, Phrase[]>();
const ABBREVIATIONS = new Map<string, string>();
for (const entry of abbreviationData.entries) {
  const canonical = entry.abbreviation.toLowerCase();
  ABBREVIATIONS.set(canonical, canonical);
  for (const expansion of entry.expansions) {
    const words = expansion.toLowerCase().split(/[\s-]+/);
    const list = PHRASES.get(words[0]!) ?? [];
    list.push({ words, abbreviation: canonical });
    list.sort((a, b) => b.words.length - a.words.length);
    PHRASES.set(words[0]!, list);
  }
}

/**
 * What a surface spelling folds to, remembered: a draft uses a few thousand distinct spellings
 * for its ten thousand words, so the folding (lower case, quotes, -ise, US spelling,
 * abbreviations) runs once per spelling.
 */
interface Folded {
  surface: string;
  form: string;
  key: string;
  abbreviation: string | undefined;
  /** Some defined expansion starts with this word. */
  startsPhrase: boolean;
}

/**
 * Folded spellings in an open-addressing table keyed by a hash of the characters, so a word
 * already met is found without slicing its surface out of the text. Full at half its size: then
 * it is emptied, as a cache may be.
 */
const FOLDED_SIZE = 1 << 16;
let foldedHashes = new Int32Array(FOLDED_SIZE);
let foldedEntries: (Folded | undefined)[] = new Array<Folded | undefined>(FOLDED_SIZE);
let foldedCount = 0;

function foldedAt(text: string, start: number, end: number): Folded {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = FOLDED_SIZE - 1;
  const length = end - start;
  let at = h & mask;
  for (let entry = foldedEntries[at]; entry; entry = foldedEntries[at]) {
    if (foldedHashes[at] === h && entry.surface.length === length && sameChars(text, start, entry.surface)) return entry;
    at = (at + 1) & mask;
  }
  const surface = text.slice(start, end);
  const form = formOf(surface);
  const entry: Folded = { surface, form, key: US_TO_UK.get(form) ?? form, abbreviation: ABBREVIATIONS.get(form), startsPhrase: PHRASES.has(form) };
  if (foldedCount >= FOLDED_SIZE / 2) {
    foldedHashes = new Int32Array(FOLDED_SIZE);
    foldedEntries = new Array<Folded | undefined>(FOLDED_SIZE);
    foldedCount = 0;
    at = h & mask;
  }
  foldedHashes[at] = h;
  foldedEntries[at] = entry;
  foldedCount++;
  return entry;
}

function sameChars(text: string, start: number, surface: string): boolean {
  for (let k = 0; k < surface.length; k++) if (text.charCodeAt(start + k) !== surface.charCodeAt(k)) return false;
  return true;
}

/** Letter/number class of BMP code points, filled as they are met: 0 unknown, 1 letter, 2 number, 3 neither. */
const classes = new Uint8Array(0x10000);
const LETTER = 1;
const NUMBER = 2;
const NEITHER = 3;
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classOf(code: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER;
    return code >= 0x30 && code <= 0x39 ? NUMBER : NEITHER;
  }
  if (code < 0x10000) {
    let c = classes[code]!;
    if (c === 0) {
      const ch = String.fromCharCode(code);
      c = IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : NEITHER;
      classes[code] = c;
    }
    return c;
  }
  const ch = String.fromCodePoint(code);
  return IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : NEITHER;
}

/** The code point at `i` (a surrogate pair read as one; a lone surrogate as itself). */
function codeAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return c;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const width = (code: number): number => (code > 0xffff ? 2 : 1);

/**
 * End of a run of code points of `wanted` classes starting at `i` (letters, or letters and numbers).
 * `limit` is the text's length: a word may run past the reading's `to`, as a regular expression's would.
 */
function runEnd(text: string, i: number, limit: number, numbers: boolean): number {
  while (i < limit) {
    const code = codeAt(text, i, limit);
    const c = classOf(code);
    if (c === LETTER || (numbers && c === NUMBER)) i += width(code);
    else break;
  }
  return i;
}

/**
 * Read the words of `text`; `from`/`to` limit the reading to words starting in a slice. A word is
 * a run of letters and numbers, then any number of apostrophes (straight or curly) each followed
 * by letters ("States’", "d’Ivoire"): a scanner over char codes, no regular expression per word.
 */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  const raw: Word[] = [];
  const limit = text.length;
  let starts: number[] | undefined;
  let i = from;
  // Inside a surrogate pair, a Unicode regular expression starts at the pair: so does the scanner.
  if (i > 0 && i < limit && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  while (i < to) {
    const code = codeAt(text, i, limit);
    const c = classOf(code);
    if (c === NEITHER) {
      i += width(code);
      continue;
    }
    const start = i;
    let end = runEnd(text, i, limit, true);
    for (;;) {
      const q = text.charCodeAt(end);
      if (q !== 0x27 && q !== 0x2019) break;
      const after = runEnd(text, end + 1, limit, false);
      if (after === end + 1) break;
      end = after;
    }
    const f = foldedAt(text, start, end);
    const word: Word = { start, end, key: f.key, form: f.form };
    if (f.abbreviation) word.abbreviation = f.abbreviation;
    if (f.startsPhrase) (starts ??= []).push(raw.length);
    raw.push(word);
    i = end;
  }
  return starts ? mergeExpansions(raw, text, starts) : raw;
}

/**
 * Replace each defined expansion ("information and communications technologies") by one word.
 * Only words that start an expansion (`starts`, ascending indices) are tried, and the words are
 * copied only from the first expansion found: most texts have none.
 */
function mergeExpansions(words: Word[], text: string, starts: number[]): Word[] {
  let out: Word[] | undefined;
  let copied = 0; // words before this index are in `out` (or merged away)
  for (const i of starts) {
    if (i < copied) continue; // inside an expansion merged already
    const phrase = PHRASES.get(words[i]!.form)!.find((p) => matchesAt(words, i, p.words, text));
    if (!phrase) continue;
    out ??= [];
    for (let k = copied; k < i; k++) out.push(words[k]!);
    const last = words[i + phrase.words.length - 1]!;
    out.push({ start: words[i]!.start, end: last.end, key: phrase.abbreviation, form: phrase.abbreviation, abbreviation: phrase.abbreviation });
    copied = i + phrase.words.length;
  }
  if (!out) return words;
  for (let k = copied; k < words.length; k++) out.push(words[k]!);
  return out;
}

function matchesAt(words: Word[], at: number, phrase: string[], text: string): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (words[at + k]!.form !== phrase[k]) return false;
    // Only spaces or a hyphen may separate the words of an expansion.
    if (k > 0 && !spacesOrHyphens(text, words[at + k - 1]!.end, words[at + k]!.start)) return false;
  }
  return true;
}

/** True when `text` from `start` to `end` is not empty and holds only white space and hyphen-minus. */
function spacesOrHyphens(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && !isWhiteSpace(c)) return false;
  }
  return true;
}

/** The characters of a regular expression's `\s`. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** What separates two words in `text`: a hyphen, a space, or other punctuation. */
export function separatorKind(text: string, left: Word, right: Word): 'hyphen' | 'space' | 'other' {
  const between = text.slice(left.end, right.start);
  if (/^\s*[-‐‑]\s*$/.test(between)) return 'hyphen';
  if (/^\s+$/.test(between)) return 'space';
  return 'other';
}

/** Words of texts read recently, by text: rules read the same paragraphs on every keystroke. */
const recent = new Map<string, readonly Word[]>();
const RECENT_LIMIT = 4_000;

/**
 * `readWords` of a whole text, remembered: an editor re-lints a draft whose paragraphs mostly did
 * not change. The array is shared between callers, so it must not be modified.
 */
export function wordsOf(text: string): readonly Word[] {
  let words = recent.get(text);
  if (words) return words;
  words = readWords(text);
  if (recent.size >= RECENT_LIMIT) {
    let drop = RECENT_LIMIT / 2;
    for (const key of recent.keys()) {
      if (drop-- <= 0) break;
      recent.delete(key);
    }
  }
  recent.set(text, words);
  return words;
}
