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

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The gap before a word, and a word: a run of letters and numbers, then any number of apostrophes
 * (straight or curly) each followed by letters ("States’", "d’Ivoire"). Sticky, so each reads
 * from `lastIndex` on. A regular expression runs as native code from its first use: in a one-file
 * lint, which ends before V8 optimises a character loop in JavaScript, it read the words in about
 * 15% less time than such a loop (and as fast warm).
 */
const GAP = /[^\p{L}\p{N}]*/uy;
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/uy;

/**
 * Read the words of `text`; `from`/`to` limit the reading to words starting in a slice (a word
 * may run past `to`). The folding is remembered per spelling (`foldedAt`).
 */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  const raw: Word[] = [];
  let starts: number[] | undefined;
  const length = text.length;
  const limit = to < length ? to : length;
  let at = from;
  // Reading from the second half of a surrogate pair starts at its first half, as a Unicode
  // regular expression's lastIndex does.
  if (at > 0 && at < length && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) at--;
  for (;;) {
    GAP.lastIndex = at;
    GAP.test(text);
    const start = GAP.lastIndex;
    if (start >= limit) break;
    WORD.lastIndex = start;
    if (!WORD.test(text)) break; // not reached: the gap stops at a letter or number
    const end = WORD.lastIndex;
    at = end;
    const f = foldedAt(text, start, end);
    // Every word has the same five fields (an absent abbreviation is undefined): one object
    // shape, so the code that reads words stays monomorphic.
    const word: Word = { start, end, key: f.key, form: f.form, abbreviation: f.abbreviation };
    if (f.startsPhrase) (starts ??= []).push(raw.length);
    raw.push(word);
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
export function isWhiteSpace(c: number): boolean {
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
