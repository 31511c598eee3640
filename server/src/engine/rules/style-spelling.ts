/** `style.spelling`: UN editorial spelling (Oxford spelling: -ize, behaviour, centre, programme). */
import data from '../data/lexicons/style-spelling.json';
import spellingData from '../data/spelling-variants.json';
import { compileLexicon, runLexicon, type CompiledEntry, type Finder, type Lexicon, type LexiconData, type RawHit } from './lexicon.js';
import type { Rule } from './rule.js';

/** A word with the -ise suffix (or -isation, -iser...), and an optional possessive. */
const ISE = /^(\p{L}{3,}?)(is)(e|es|ed|ing|ation|ations|er|ers)((?:['’]s)?)$/iu;

/**
 * ISE for a word of ASCII letters (and a curly apostrophe): the same matches, since `\p{L}` of an
 * ASCII character is `[a-z]` in either case, and no character past ASCII folds to one of these
 * without the `u` flag. Compiling the `/iu` form costs about 1 ms in a one-file run (`\p{L}` closed
 * under case folding), twice as V8 recompiles it on second use; most drafts never need it.
 */
const ISE_ASCII = /^([a-z]{3,}?)(is)(e|es|ed|ing|ation|ations|er|ers)((?:['’]s)?)$/i;

/** A word of ASCII letters, digits and apostrophes only (what ISE_ASCII may read instead of ISE). */
const NOT_ASCII_WORD = /[^\x00-\x7f’]/;

/**
 * Where in a text an ISE match may be: "is" and the first letters of an ending (every ending
 * starts with e, ing or ation), in any ASCII case. Unicode case folding adds only the long s
 * (ſ folds to s) to these letters: a text with a long s is read word by word.
 */
const ISE_HINT = /is(?:e|ing|ation)/gi;

/** The endings ISE reads after -is/-iz, by their last letter (as a lower-cased form ends). */
const ENDINGS_BY_LAST = new Map<number, string[]>();
for (const e of ['e', 'es', 'ed', 'ing', 'ation', 'ations', 'er', 'ers']) {
  const last = e.charCodeAt(e.length - 1);
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), e]);
}

/**
 * A cheap test that lets through every word ISE can match: at least six letters, ending (past a
 * possessive) in -is or -iz and an ending; a long s (which case folding reads as s) goes to ISE.
 * The last letter picks the endings to try, so most words are ruled out by one lookup.
 * `longS`: whether the unit has a long s at all (looked for once per unit, not in every word).
 */
function mayBeIse(form: string, longS: boolean): boolean {
  if (form.length < 6) return false;
  if (longS && form.includes('ſ')) return true;
  const n = form.endsWith("'s") ? form.length - 2 : form.length;
  const endings = ENDINGS_BY_LAST.get(form.charCodeAt(n - 1));
  if (!endings) return false;
  for (const e of endings) {
    const at = n - e.length - 2;
    if (at < 0 || form.charCodeAt(at) !== 105 /* i */) continue;
    const s = form.charCodeAt(at + 1);
    if ((s === 115 /* s */ || s === 122) /* z */ && form.startsWith(e, at + 2)) return true;
  }
  return false;
}

interface KnownRoots {
  roots: Set<string>;
  endings: string[];
}

const roots = new WeakMap<CompiledEntry, KnownRoots>();

/** The hit for `word` when it is an -ise spelling of the -ize suffix, else undefined. */
function iseHit(form: string, start: number, end: number, text: string, longS: boolean, known: KnownRoots): RawHit | undefined {
  if (!mayBeIse(form, longS)) return undefined;
  const surface = text.slice(start, end);
  const m = (NOT_ASCII_WORD.test(surface) ? ISE : ISE_ASCII).exec(surface);
  if (!m) return undefined;
  const root = `${m[1]!}ise`.toLowerCase();
  if (known.roots.has(root) || known.endings.some((e) => root.endsWith(e))) return undefined;
  const at = m[1]!.length;
  const z = m[2]![1] === 'S' ? 'Z' : 'z';
  return { start, end, replacement: [`${surface.slice(0, at + 1)}${z}${surface.slice(at + 2)}`] };
}

/**
 * -ise spellings that are the -ize suffix (organise, recognised), unless the root keeps -ise (advise).
 * The words worth reading are found by ISE_HINT over the whole unit (native code, where a loop over
 * ten thousand words in a one-file run costs milliseconds of interpreted JavaScript), each word once,
 * in text order: the same hits as reading every word. A unit with a long s is read word by word.
 */
export const iseToIze: Finder = (unit, entry) => {
  let known = roots.get(entry);
  if (!known) {
    const options = (entry.data.options ?? {}) as { roots?: string[]; endings?: string[] };
    known = { roots: new Set((options.roots ?? []).map((r) => r.toLowerCase())), endings: options.endings ?? [] };
    roots.set(entry, known);
  }
  const text = unit.view.text;
  const hits: RawHit[] = [];
  const words = unit.wordList();
  const { starts, ends, foldings } = words;
  if (text.includes('ſ')) {
    for (let i = 0; i < words.length; i++) {
      const hit = iseHit(foldings[i]!.form, starts[i]!, ends[i]!, text, true, known);
      if (hit) hits.push(hit);
    }
    return hits;
  }
  // `lo`: every word before it starts at or before the current hint (hints come in text order).
  let lo = 0;
  ISE_HINT.lastIndex = 0;
  for (let m = ISE_HINT.exec(text); m; m = ISE_HINT.exec(text)) {
    const at = m.index;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    const word = lo - 1;
    if (word < 0 || at >= ends[word]!) continue;
    const hit = iseHit(foldings[word]!.form, starts[word]!, ends[word]!, text, false, known);
    if (hit) hits.push(hit);
    ISE_HINT.lastIndex = ends[word]!;
  }
  return hits;
};

/**
 * Every ISE match holds "is" and an ending that starts with e, ing or ation, read folded (a long s
 * is an s there): the lexicon pass runs the finder only on a unit that holds one of these, about
 * one unit in five of a long draft.
 */
iseToIze.literals = { anyOf: ['ise', 'ising', 'isation'], ignoreCase: true };

let lexicon: Lexicon | undefined;

/**
 * The spelling lexicon (data/lexicons/style-spelling.json) with the US/UK pairs the engine already
 * folds when comparing texts (data/spelling-variants.json), compiled once.
 */
export function styleSpellingLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const own = data as LexiconData;
  const pairs = own.pairs!;
  const listed = new Set(pairs.items.map(([from]) => from));
  const shared = (spellingData.pairs as Array<[string, string]>).filter(([from]) => !listed.has(from));
  lexicon = compileLexicon({ ...own, pairs: { ...pairs, items: [...shared, ...pairs.items] } }, { 'ise-to-ize': iseToIze });
  return lexicon;
}

export const styleSpelling: Rule = {
  id: 'style.spelling',
  defaultSeverity: 'info',
  summary: 'UN editorial spelling: Oxford spelling (-ize, behaviour, centre, programme, defence, judgement).',
  docs:
    'Flags US spellings ("behavior", "center", "program", "defense", "judgment", "toward") and -ise spellings ' +
    'of the -ize suffix ("organisation", "recognised"), while the roots that keep -ise or -yse ("advise", ' +
    '"exercise", "analyse") are left alone. Each fix is certain and joins fix-all. Not flagged: quotations of ' +
    'other sources, citations, a capitalized word in mid-sentence (a name: "Stimson Center"), "computer ' +
    'program", the "judgment" of a court. A fix inside a pending amendment\'s old text is offered but not ' +
    'automatic. The pairs are data: data/spelling-variants.json and data/lexicons/style-spelling.json ' +
    '(docs/rules/style.spelling.md).',
  fixable: true,
  check(ctx) {
    runLexicon(ctx, styleSpellingLexicon(), styleSpelling.defaultSeverity);
  },
};
