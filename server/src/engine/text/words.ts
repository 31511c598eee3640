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
import { onForgetTexts } from './text-caches.js';
import { kernelScan } from './word-kernel.js';

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

/**
 * What a word folds to (its key, its form, the abbreviation it stands for), as a `WordList` gives
 * it: one record per spelling, shared by every word so spelt and kept from text to text, so it
 * must never be changed.
 */
export interface Folding {
  readonly key: string;
  readonly form: string;
  /** Set when the word stands for a defined abbreviation or its expansion. */
  readonly abbreviation: string | undefined;
}

/**
 * What a surface spelling folds to, remembered: a draft uses a few thousand distinct spellings
 * for its ten thousand words, so the folding (lower case, quotes, -ise, US spelling,
 * abbreviations) runs once per spelling.
 */
interface Folded extends Folding {
  surface: string;
  /** Some defined expansion starts with this word. */
  startsPhrase: boolean;
  /** The key's id (or -1) in the vocabulary `wordIds` was asked for when its stamp was `idStamp`. */
  idStamp: number;
  id: number;
}

/** Every Folded is made here, so that all have one object shape. */
function makeFolded(surface: string, form: string, key: string, abbreviation: string | undefined, startsPhrase: boolean): Folded {
  return { surface, form, key, abbreviation, startsPhrase, idStamp: 0, id: -1 };
}

interface Phrase {
  words: string[];
  abbreviation: string;
  /** What the merged word folds to (its key is the abbreviation), for `wordIds`. */
  folded: Folded;
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
    list.push({ words, abbreviation: canonical, folded: makeFolded(expansion, canonical, canonical, canonical, false) });
    list.sort((a, b) => b.words.length - a.words.length);
    PHRASES.set(words[0]!, list);
  }
}

/**
 * Folded spellings by surface, remembered; emptied when full, as a cache may be. The surface is
 * the matched string itself, so the look-up hashes it natively.
 */
const FOLDED_LIMIT = 1 << 15;
const folded = new Map<string, Folded>();

/** Fold a spelling met for the first time, and remember it. */
function foldNew(cut: string): Folded {
  // A spelling cut from a text may be a view of the whole text (V8 slices strings of 13 or more
  // characters that way), and its foldings the same string when folding changes nothing: kept,
  // it would keep every draft in which a long word was first met. A copy of its own is kept.
  const surface = ownCopy(cut);
  const form = formOf(surface);
  const entry = makeFolded(surface, form, US_TO_UK.get(form) ?? form, ABBREVIATIONS.get(form), PHRASES.has(form));
  if (folded.size >= FOLDED_LIMIT) folded.clear();
  folded.set(surface, entry);
  return entry;
}

/** `text` as a string of its own, not a view of a longer one (a flat copy of `text` and one more character, then cut). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A word: letters and numbers, then apostrophes (straight or curly) each followed by letters. */
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

/**
 * The words of a text as flat arrays: offsets in two typed arrays, and what each word folds to
 * (a `Folding` record shared by every word so spelt). A paragraph's words live as long as its lint
 * (the matcher, the rules, their caches): as one object each, they were copied by every scavenge
 * and promoted, which cost more than reading them. Code on the lint's path reads the fields by
 * index; `words` makes Word objects for a stretch that is kept or passed on. Shared lists
 * (`wordListOf`) must not be modified.
 */
export class WordList {
  /** Number of words. */
  readonly length: number;

  constructor(
    /** Offsets of each word in the text it was read from (end exclusive). */
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** What each word folds to: `foldings[i].key`, `.form` and `.abbreviation` are the word's. */
    readonly foldings: readonly Folding[],
  ) {
    this.length = starts.length;
  }

  /** The words from index `from` to `to` (exclusive) as objects, as `readWords` gives them. */
  words(from = 0, to = this.length): Word[] {
    return materialise(this.starts, this.ends, this.foldings, from, to);
  }
}

/** Word objects for words `from` to `to` of flat arrays; every Word has the same five fields. */
function materialise(starts: Int32Array, ends: Int32Array, foldings: readonly Folding[], from: number, to: number): Word[] {
  // Filled in order from empty, so the array stays packed (as every Word[] the engine reads).
  const words: Word[] = [];
  for (let i = from, k = 0; i < to; i++) {
    const f = foldings[i]!;
    words[k++] = { start: starts[i]!, end: ends[i]!, key: f.key, form: f.form, abbreviation: f.abbreviation };
  }
  return words;
}

/**
 * The reading buffers, reused from one reading to the next: offsets and foldings by word index.
 * A reading fills them; a word list copies them to arrays of its size, `readWords` makes objects.
 */
let scratchStarts = new Int32Array(1024);
let scratchEnds = new Int32Array(1024);
const scratchFoldings: Folded[] = [];

/** Double the offset buffers, keeping the first `n` offsets. */
function growScratch(n: number): void {
  const starts = new Int32Array(scratchStarts.length * 2);
  const ends = new Int32Array(scratchStarts.length * 2);
  starts.set(scratchStarts.subarray(0, n));
  ends.set(scratchEnds.subarray(0, n));
  scratchStarts = starts;
  scratchEnds = ends;
}

/**
 * Read the words of `text` starting in `[from, to)` into the reading buffers, expansions merged;
 * returns their number. A word is a run of letters and numbers, then any number of apostrophes
 * (straight or curly) each followed by letters ("States’", "d’Ivoire"). A whole text goes to the
 * word kernel when it can take it (`readScanned`: past a process's first 100,000 characters);
 * otherwise the regular expression finds the words as native code: a one-file lint runs this
 * code cold, where a loop over every character in JavaScript cost several times more. The
 * folding is remembered per spelling.
 */
function readInto(text: string, from: number, to: number): number {
  const length = text.length;
  if (from <= 0 && to >= length) {
    const n = readScanned(text);
    if (n >= 0) return n;
  }
  const limit = to < length ? to : length;
  let at = from;
  // Reading from the second half of a surrogate pair starts at its first half.
  if (at > 0 && at < length && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) at--;
  if (at >= limit) return 0;
  const foldings = scratchFoldings;
  let starts = scratchStarts;
  let ends = scratchEnds;
  let capacity = starts.length;
  let phrases: number[] | undefined;
  let n = 0;
  WORD.lastIndex = at;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    if (start >= limit) break;
    const surface = m[0];
    // The folding map and the buffers are used in place (no call per word): this loop runs cold
    // in a one-file lint, where every call and every property read is interpreted.
    const f = folded.get(surface) ?? foldNew(surface);
    if (f.startsPhrase) (phrases ??= []).push(n);
    if (n === capacity) {
      growScratch(n);
      starts = scratchStarts;
      ends = scratchEnds;
      capacity = starts.length;
    }
    foldings[n] = f;
    starts[n] = start;
    // The match ends at lastIndex.
    ends[n++] = WORD.lastIndex;
  }
  WORD.lastIndex = 0;
  return phrases ? mergeExpansions(n, text, phrases) : n;
}

/** What each spelling id of the word kernel folds to, for its current generation of ids. */
const spellings: Folded[] = [];
let spellingGeneration = -1;

/**
 * Read the words of the whole of `text` into the reading buffers by the word kernel
 * (word-kernel.ts), expansions merged; -1 when the kernel cannot (the expression reads it then).
 * Only a spelling the kernel meets for the first time is cut out of the text and folded.
 */
function readScanned(text: string): number {
  const scan = kernelScan(text);
  if (!scan) return -1;
  if (scan.generation !== spellingGeneration) {
    spellings.length = 0;
    spellingGeneration = scan.generation;
  }
  const n = scan.count;
  // Room for n words; nothing in the buffers needs keeping.
  while (scratchStarts.length < n) growScratch(0);
  const heap = scan.heap;
  const starts = scratchStarts;
  const ends = scratchEnds;
  starts.set(heap.subarray(scan.starts, scan.starts + n));
  ends.set(heap.subarray(scan.ends, scan.ends + n));
  const foldings = scratchFoldings;
  const ids = scan.ids;
  let phrases: number[] | undefined;
  for (let i = 0; i < n; i++) {
    const id = heap[ids + i]!;
    let f = id >= 0 ? spellings[id] : undefined;
    // A new spelling, or one the kernel numbered in a scan it then began again (a block of
    // characters to learn), which this loop did not see.
    if (f === undefined) {
      const surface = text.slice(starts[i]!, ends[i]!);
      f = folded.get(surface) ?? foldNew(surface);
      spellings[id >= 0 ? id : ~id] = f;
    }
    foldings[i] = f;
    if (f.startsPhrase) (phrases ??= []).push(i);
  }
  return phrases ? mergeExpansions(n, text, phrases) : n;
}

/**
 * Read the words of `text`; `from`/`to` limit the reading to words starting in a slice. One
 * object per word: code that reads every word of a paragraph takes `readWordList` instead.
 */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  const n = readInto(text, from, to);
  return materialise(scratchStarts, scratchEnds, scratchFoldings, 0, n);
}

/** The words `readWords` reads, as flat arrays (`WordList`). */
export function readWordList(text: string, from = 0, to = text.length): WordList {
  const n = readInto(text, from, to);
  const offsets = carve(n * 2);
  offsets.set(scratchStarts.subarray(0, n));
  offsets.set(scratchEnds.subarray(0, n), n);
  return new WordList(offsets.subarray(0, n), offsets.subarray(n), scratchFoldings.slice(0, n));
}

/**
 * Word lists' offsets are cut from shared blocks (views of one buffer): an `Int32Array` of its
 * own per list cost an allocation outside V8's heap each, several microseconds, twice per
 * paragraph. A block lives as long as a list cut from it.
 */
const BLOCK = 1 << 15;
let block = new Int32Array(0);
let blockUsed = 0;

function carve(length: number): Int32Array {
  if (blockUsed + length > block.length) {
    block = new Int32Array(Math.max(BLOCK, length));
    blockUsed = 0;
  }
  const view = block.subarray(blockUsed, blockUsed + length);
  blockUsed += length;
  return view;
}

/**
 * Replace each defined expansion ("information and communications technologies") by one word, in
 * the reading buffers' first `n` words; returns the number of words left. Only words that start
 * an expansion (`phrases`, ascending indices) are tried, and words move down only after the first
 * expansion found: most texts have none.
 */
function mergeExpansions(n: number, text: string, phrases: number[]): number {
  const starts = scratchStarts;
  const ends = scratchEnds;
  const foldings = scratchFoldings;
  let out = 0; // words kept so far, in place
  let copied = 0; // words before this index are kept (or merged away)
  for (const i of phrases) {
    if (i < copied) continue; // inside an expansion merged already
    const phrase = PHRASES.get(foldings[i]!.form)!.find((p) => matchesAt(n, i, p.words, text));
    if (!phrase) continue;
    for (let k = copied; k < i; k++, out++) {
      foldings[out] = foldings[k]!;
      starts[out] = starts[k]!;
      ends[out] = ends[k]!;
    }
    foldings[out] = phrase.folded;
    starts[out] = starts[i]!;
    ends[out++] = ends[i + phrase.words.length - 1]!;
    copied = i + phrase.words.length;
  }
  if (copied === 0) return n;
  for (let k = copied; k < n; k++, out++) {
    foldings[out] = foldings[k]!;
    starts[out] = starts[k]!;
    ends[out] = ends[k]!;
  }
  return out;
}

/** Whether the reading buffers' words from `at` (of `n`) are the expansion `phrase`. */
function matchesAt(n: number, at: number, phrase: string[], text: string): boolean {
  if (at + phrase.length > n) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (scratchFoldings[at + k]!.form !== phrase[k]) return false;
    // Only spaces or a hyphen may separate the words of an expansion.
    if (k > 0 && !spacesOrHyphens(text, scratchEnds[at + k - 1]!, scratchStarts[at + k]!)) return false;
  }
  return true;
}

/**
 * A stamp per vocabulary and size asked for, new whenever either changes: vocabularies only grow
 * (keys are added, never removed or renumbered), so ids read under the current stamp still hold.
 */
let idStamp = 0;
let stampedVocabulary: ReadonlyMap<string, number> | undefined;
let stampedSize = -1;

function stampOf(vocabulary: ReadonlyMap<string, number>): number {
  if (vocabulary !== stampedVocabulary || vocabulary.size !== stampedSize) {
    stampedVocabulary = vocabulary;
    stampedSize = vocabulary.size;
    idStamp++;
  }
  return idStamp;
}

/**
 * The id of each word's key in `vocabulary` (-1 for a key it lacks). The words of a `WordList`
 * have their id remembered with their spelling's folding, so a word met before costs no hash of
 * its key; Word objects are looked up.
 */
export function wordIds(words: readonly Word[] | WordList, vocabulary: ReadonlyMap<string, number>): Int32Array {
  const n = words.length;
  const ids = new Int32Array(n);
  if (!(words instanceof WordList)) {
    for (let i = 0; i < n; i++) ids[i] = vocabulary.get(words[i]!.key) ?? -1;
    return ids;
  }
  // Every folding of a list is a Folded (made here), read-only to others.
  const foldings = words.foldings as readonly Folded[];
  const stamp = stampOf(vocabulary);
  for (let i = 0; i < n; i++) {
    const f = foldings[i]!;
    if (f.idStamp !== stamp) {
      f.id = vocabulary.get(f.key) ?? -1;
      f.idStamp = stamp;
    }
    ids[i] = f.id;
  }
  return ids;
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

/** Word lists of texts read recently, by text: rules read the same paragraphs on every keystroke. */
let recent = new Map<string, WordList>();
onForgetTexts(() => {
  recent = new Map();
});
const RECENT_LIMIT = 4_000;

/**
 * `readWordList` of a whole text, remembered: an editor re-lints a draft whose paragraphs mostly
 * did not change, and the matcher and the rules read the same paragraphs. The list is shared
 * between callers, so it must not be modified.
 */
export function wordListOf(text: string): WordList {
  let list = recent.get(text);
  if (list) return list;
  list = readWordList(text);
  if (recent.size >= RECENT_LIMIT) {
    let drop = RECENT_LIMIT / 2;
    for (const key of recent.keys()) {
      if (drop-- <= 0) break;
      recent.delete(key);
    }
  }
  recent.set(text, list);
  return list;
}

/** The words of a whole text as objects (`readWords`), made from the remembered list (`wordListOf`). */
export function wordsOf(text: string): readonly Word[] {
  return wordListOf(text).words();
}
