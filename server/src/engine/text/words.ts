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

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

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

/** Read the words of `text`; `from`/`to` limit the reading to a slice. */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  const raw: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const surface = m[0];
    const form = formOf(surface);
    const word: Word = { start: m.index, end: m.index + surface.length, key: US_TO_UK.get(form) ?? form, form };
    const abbreviation = ABBREVIATIONS.get(form);
    if (abbreviation) word.abbreviation = abbreviation;
    raw.push(word);
  }
  return mergeExpansions(raw, text);
}

/** Replace each defined expansion ("information and communications technologies") by one word. */
function mergeExpansions(words: Word[], text: string): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = PHRASES.get(words[i]!.form);
    const phrase = candidates?.find((p) => matchesAt(words, i, p.words, text));
    if (!phrase) {
      out.push(words[i]!);
      continue;
    }
    const last = words[i + phrase.words.length - 1]!;
    out.push({ start: words[i]!.start, end: last.end, key: phrase.abbreviation, form: phrase.abbreviation, abbreviation: phrase.abbreviation });
    i += phrase.words.length - 1;
  }
  return out;
}

function matchesAt(words: Word[], at: number, phrase: string[], text: string): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    if (words[at + k]!.form !== phrase[k]) return false;
    // Only spaces or a hyphen may separate the words of an expansion.
    if (k > 0 && !/^[\s-]+$/.test(text.slice(words[at + k - 1]!.end, words[at + k]!.start))) return false;
  }
  return true;
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
