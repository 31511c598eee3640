/**
 * The lexicon engine: "this phrase, and what to say about it" rules are data (a lexicon file in
 * `data/lexicons/`), read by this one engine, as Vale reads its YAML rules.
 *
 * An entry matches either word patterns or regular expressions over the `current` view of each
 * stretch of text (paragraph chapeaux and sub-paragraphs, and optionally headings and footnotes):
 * - word patterns compare words by one of four keys (`key` folds case, -ise/-ize, US/UK spelling
 *   and defined abbreviations; `form` does not fold US spelling; `surface` folds only case;
 *   `exact` folds nothing), with word boundaries, and only spaces or hyphens between the words;
 * - a regular expression runs over the view text; a named group `hit` marks the part reported
 *   and replaced.
 * Matches can be kept out of quotations of other sources and citations, and cancelled by the words
 * just before or after them, by a sentence that says something (`unlessSentence`), or by a
 * capital in mid-sentence (a proper name). A finding always points at the characters of the file,
 * and a fix is offered only when the matched words are one unbroken stretch of source (no markup
 * in between). A fix inside a pending amendment's old text is never automatic.
 */
import { inlineView, type Inline, type Span, type TextView } from '../../../../grammar/src/index.js';
import type { DraftFile } from '../draft.js';
import { splitSentences, type SentenceSpan } from '../text/sentences.js';
import { lowerBound, lowerBoundOf } from '../text/ranges.js';
import { wordListOf, type Word, type WordList } from '../text/words.js';
import { LexiconPass, type RawMatch } from './lexicon-pass.js';
import { phraseWords, literalsOf } from './lexicon-memo.js';
import { foldForLiterals, type LiteralRequirement } from './regex-literals.js';
import type { Finding, Fix, RuleContext, Severity } from './rule.js';
import { isSeparatorGap, listKey, type WordMatch } from './word-keys.js';

export type { WordMatch } from './word-keys.js';
/** Stretches a lexicon may leave alone: quotations of other sources, citations and cross-references. */
export type Zone = 'quotation' | 'citation';

/** Where a lexicon entry comes from: the document (title or symbol), the place in it, and who said it. */
export interface LexiconSource {
  document: string;
  paragraph?: string;
  who?: string;
  /** The words of the source, verbatim. */
  quote?: string;
}

/** A delegation or organization that objected to a term or supported it, in its own words. */
export interface LexiconParty {
  who: string;
  said?: string;
  source?: LexiconSource;
}

/** Examples that the test suite runs: each must (or must not) be matched by its entry alone. */
export interface LexiconTests {
  matches?: string[];
  doesNotMatch?: string[];
  /** `[before, after]`: the text after applying the entry's first fix. */
  fixes?: Array<[string, string]>;
}

export interface LexiconEntryData {
  /** Stable within its lexicon (`public-core-of-the-internet`); used by `exclude` in the configuration. */
  id: string;
  /** Word patterns; `infrastructure(s)` stands for both forms. */
  patterns?: string[];
  /** Regular expressions over the view text; a named group `hit` marks the reported part. */
  regex?: string | string[];
  match?: WordMatch;
  /** Regular expressions are case-insensitive unless this is set. */
  caseSensitive?: boolean;
  /** `{match}` is the matched text, `{replacement}` the first replacement, `{source}` the source cited. */
  message: string;
  /** Who objected and why, as a clause ("Japan finds the notion not commonly understood"); attribution.consensus quotes it. */
  objection?: string;
  /** The wording to offer instead; several are offered as alternatives, never automatically. */
  replacement?: string | string[];
  /** The fix may be applied by fix-all (only with a single replacement). */
  safe?: boolean;
  /** A severity for this entry when the project has not set one for the rule. */
  severity?: Severity;
  /** Word sequences that cancel the match when they come just before it (`non` before `binding norms`). */
  notBefore?: string[];
  /** Word sequences that cancel the match when they come just after it. */
  notAfter?: string[];
  /** A regular expression (case-insensitive): a sentence where it matches is left alone. */
  unlessSentence?: string;
  skipProperNames?: boolean;
  skipAllCaps?: boolean;
  outside?: Zone[];
  /** A named finder supplied by the rule module (for checks a pattern cannot say). */
  finder?: string;
  /** Data for a named finder. */
  options?: Record<string, unknown>;
  source: LexiconSource;
  sources?: LexiconSource[];
  objected?: LexiconParty[];
  supported?: LexiconParty[];
  tests: LexiconTests;
}

export interface LexiconDefaults {
  match?: WordMatch;
  caseSensitive?: boolean;
  safe?: boolean;
  /** Keep the matched text's initial capital (or all capitals) in the replacement; default true. */
  preserveCase?: boolean;
  skipProperNames?: boolean;
  skipAllCaps?: boolean;
  outside?: Zone[];
  /** Also read headings (default true) and footnotes (default true). */
  headings?: boolean;
  footnotes?: boolean;
}

/** Substitution pairs (Vale's `swap`): each `[from, to]` becomes an entry with the shared message. */
export interface LexiconPairs {
  /** `{match}` and `{replacement}` as in entries. */
  message: string;
  source: LexiconSource;
  items: Array<[string, string]>;
  safe?: boolean;
}

export interface LexiconData {
  $schema?: string;
  $comment?: string;
  /** The id of the rule that reads this lexicon. */
  rule: string;
  description?: string;
  defaults?: LexiconDefaults;
  pairs?: LexiconPairs;
  /** Data of a rule that reads more than entries (attribution.consensus: its subjects). */
  attribution?: unknown;
  entries: LexiconEntryData[];
}

/** A stretch of the view that a finder reports, in view offsets, with its own replacements if any. */
export interface RawHit {
  start: number;
  end: number;
  replacement?: string[];
}

/**
 * A named finder. `literals`, when given, is what every unit it can find something in holds
 * (as regex-literals.ts says it for an expression): the lexicon pass runs it only there.
 */
export type Finder = ((unit: TextUnit, entry: CompiledEntry) => RawHit[]) & { literals?: LiteralRequirement };

export interface CompiledEntry {
  id: string;
  data: LexiconEntryData;
  match: WordMatch;
  regexes: RegExp[];
  /** Per expression, the literals one of which every match contains (tested before running it). */
  requirements: Array<LiteralRequirement | undefined>;
  replacements: string[];
  safe: boolean;
  preserveCase: boolean;
  notBefore: string[][];
  notAfter: string[][];
  unlessSentence?: RegExp;
  skipProperNames: boolean;
  skipAllCaps: boolean;
  outside: Set<Zone>;
  finder?: Finder;
}

/** One word pattern (one variant of an entry's pattern), as compiled. */
export interface WordPattern {
  entry: CompiledEntry;
  /** The words' keys under the entry's match mode. */
  words: string[];
  /** Order of compilation: among patterns of one length matching at one word, the first added comes first. */
  seq: number;
}

export interface Lexicon {
  rule: string;
  data: LexiconData;
  entries: CompiledEntry[];
  byId: Map<string, CompiledEntry>;
  /** Word patterns by match mode (modes in the order their first pattern appears), in order of compilation. */
  patterns: Map<WordMatch, WordPattern[]>;
  headings: boolean;
  footnotes: boolean;
  /**
   * The one pass that matches this lexicon, with the others joined to it (`joinLexicons`); built on
   * first use when the lexicon was never joined.
   */
  pass?: LexiconPass;
}

export class LexiconError extends Error {}

let patternSeq = 0;

/** Read a lexicon's data (and the finders its rule module supplies); throws LexiconError on bad data. */
export function compileLexicon(data: LexiconData, finders: Record<string, Finder> = {}): Lexicon {
  const defaults = data.defaults ?? {};
  const entries: LexiconEntryData[] = [...data.entries];
  if (data.pairs) {
    const taken = new Set(entries.map((e) => e.id));
    for (const [from, to] of data.pairs.items) {
      const id = pairId(from);
      if (taken.has(id)) continue; // an entry of the same id overrides the pair (exceptions, tests)
      taken.add(id);
      const entry: LexiconEntryData = {
        id,
        patterns: [from],
        message: data.pairs.message,
        replacement: to,
        source: data.pairs.source,
        tests: { matches: [`the ${from} of States`], doesNotMatch: [`the ${to} of States`], fixes: [[`the ${from} of States`, `the ${to} of States`]] },
      };
      if (data.pairs.safe !== undefined) entry.safe = data.pairs.safe;
      entries.push(entry);
    }
  }
  const lexicon: Lexicon = {
    rule: data.rule,
    data,
    entries: [],
    byId: new Map(),
    patterns: new Map(),
    headings: defaults.headings ?? true,
    footnotes: defaults.footnotes ?? true,
  };
  for (const e of entries) {
    if (!e.id || typeof e.message !== 'string' || !e.source?.document) throw new LexiconError(`${data.rule}: entry ${e.id ?? '?'} needs an id, a message and a source document`);
    if (lexicon.byId.has(e.id)) throw new LexiconError(`${data.rule}: entry ${e.id} is defined twice`);
    if (!e.patterns?.length && !e.regex && !e.finder) throw new LexiconError(`${data.rule}: entry ${e.id} has no patterns, regex or finder`);
    const caseSensitive = e.caseSensitive ?? defaults.caseSensitive ?? false;
    const flags = `gdu${caseSensitive ? '' : 'i'}`;
    let regexes: RegExp[];
    try {
      regexes = (typeof e.regex === 'string' ? [e.regex] : (e.regex ?? [])).map((r) => new RegExp(r, flags));
    } catch (error) {
      throw new LexiconError(`${data.rule}: entry ${e.id}: ${(error as Error).message}`);
    }
    const entry: CompiledEntry = {
      id: e.id,
      data: e,
      match: e.match ?? defaults.match ?? 'key',
      regexes,
      requirements: regexes.map((re) => literalsOf(re.source, re.flags)),
      replacements: typeof e.replacement === 'string' ? [e.replacement] : (e.replacement ?? []),
      safe: e.safe ?? defaults.safe ?? false,
      preserveCase: defaults.preserveCase ?? true,
      notBefore: (e.notBefore ?? []).map(phraseKeys),
      notAfter: (e.notAfter ?? []).map(phraseKeys),
      skipProperNames: e.skipProperNames ?? defaults.skipProperNames ?? false,
      skipAllCaps: e.skipAllCaps ?? defaults.skipAllCaps ?? false,
      outside: new Set(e.outside ?? defaults.outside ?? []),
    };
    if (e.unlessSentence) entry.unlessSentence = new RegExp(e.unlessSentence, 'iu');
    if (e.finder) {
      const finder = finders[e.finder];
      if (!finder) throw new LexiconError(`${data.rule}: entry ${e.id} names an unknown finder ${e.finder}`);
      entry.finder = finder;
    }
    for (const pattern of e.patterns ?? []) {
      for (const variant of expandPattern(pattern)) {
        const words = phraseWords(variant, entry.match);
        if (!words.length) throw new LexiconError(`${data.rule}: entry ${e.id} has an empty pattern`);
        let list = lexicon.patterns.get(entry.match);
        if (!list) lexicon.patterns.set(entry.match, (list = []));
        list.push({ entry, words, seq: patternSeq++ });
      }
    }
    lexicon.entries.push(entry);
    lexicon.byId.set(entry.id, entry);
  }
  return lexicon;
}

/** The id a substitution pair gets (`swap-behavior`), so that an entry can override it. */
export function pairId(from: string): string {
  const lower = from.toLowerCase();
  // ASCII (every built-in pair) through a plain class: the same runs, without compiling \p{L}\p{N} in a one-file run.
  return `swap-${ASCII.test(lower) ? lower.replace(/[^a-z0-9]+/g, '-') : lower.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
}

const ASCII = /^[\x00-\x7f]*$/;

/** `critical infrastructure(s)` -> both forms; several optional endings multiply. */
function expandPattern(pattern: string): string[] {
  let variants = [''];
  for (const token of pattern.trim().split(/\s+/)) {
    const m = token.includes('(') ? /^(.*?)\(([\p{L}]+)\)$/u.exec(token) : null;
    const forms = m ? [m[1]!, m[1]! + m[2]!] : [token];
    variants = variants.flatMap((v) => forms.map((f) => (v ? `${v} ${f}` : f)));
  }
  return variants;
}

function phraseKeys(phrase: string): string[] {
  return phraseWords(phrase, 'key');
}

/* ---------------------------------------------------------------------------------------------- */
/* Text units: what a lexicon reads                                                                */
/* ---------------------------------------------------------------------------------------------- */

export interface TextUnit {
  kind: 'paragraph' | 'heading' | 'footnote';
  view: TextView;
  content: Inline[];
  /** `18`, `68 (b) (iii)`, `PP3`; undefined for headings, footnotes and unnumbered text. */
  pinpoint?: string;
  /** Quotations, citations and pending amendments' old text, as source spans. */
  zones: Array<{ kind: Zone | 'amendment'; span: Span }>;
  /** The words as flat arrays (shared: not to be modified); what the lint's hot paths read. */
  wordList(): WordList;
  /** The words as objects, made from `wordList` on first use. */
  words(): Word[];
  sentences(): SentenceSpan[];
  /** The words' keys under one match mode, read once per unit. */
  keys(mode: WordMatch): string[];
  /** The view text lower-cased for literal prefilters (regex-literals.ts). */
  folded(): string;
}

const unitCache = new WeakMap<DraftFile, TextUnit[]>();

/**
 * Every stretch of text of a draft in the `current` view: paragraph chapeaux and sub-paragraphs
 * (the draft's units), then headings and footnotes. Shared by the rules that read the same draft.
 */
export function textUnits(draft: DraftFile): TextUnit[] {
  const cached = unitCache.get(draft);
  if (cached) return cached;
  const units: TextUnit[] = [];
  for (const u of draft.units) {
    units.push(makeUnit('paragraph', u.view, u.subparagraph?.content ?? u.paragraph.content, u.pinpoint));
  }
  const walk = (blocks: DraftFile['document']['children']): void => {
    for (const block of blocks) {
      if (block.type === 'section') {
        units.push(makeUnit('heading', inlineView(block.heading.content, draft.text), block.heading.content));
        walk(block.children);
      }
    }
  };
  walk(draft.document.children);
  for (const note of draft.document.footnotes) units.push(makeUnit('footnote', inlineView(note.content, draft.text), note.content));
  unitCache.set(draft, units);
  return units;
}

function makeUnit(kind: TextUnit['kind'], view: TextView, content: Inline[], pinpoint?: string): TextUnit {
  return new DraftTextUnit(kind, view, content, pinpoint);
}

/** A text unit whose words, sentences and keys are read on first use; a class, so that a draft's units share their methods. */
class DraftTextUnit implements TextUnit {
  pinpoint?: string;
  /** The pass that matched this unit first, and its lexicons' hits after their conditions, by position in the pass. */
  passOf: LexiconPass | undefined = undefined;
  passHits: LexiconHit[][] | undefined = undefined;
  /** The hits of lexicons of any other pass, by lexicon (a project's own lexicon, a test's). */
  hits: Map<Lexicon, LexiconHit[]> | undefined = undefined;
  private list: WordList | undefined = undefined;
  private wordArray: Word[] | undefined = undefined;
  private sentenceList: SentenceSpan[] | undefined = undefined;
  private foldedText: string | undefined = undefined;
  private keyLists: Map<WordMatch, string[]> | undefined = undefined;
  private zoneList: TextUnit['zones'] | undefined = undefined;

  constructor(
    readonly kind: TextUnit['kind'],
    readonly view: TextView,
    readonly content: Inline[],
    pinpoint?: string,
  ) {
    if (pinpoint) this.pinpoint = pinpoint;
  }

  /** Read on first use: only a unit with a hit needs them, and most units have none. */
  get zones(): TextUnit['zones'] {
    return (this.zoneList ??= zonesOf(this.content));
  }

  wordList(): WordList {
    return (this.list ??= wordListOf(this.view.text));
  }

  words(): Word[] {
    return (this.wordArray ??= this.wordList().words());
  }

  sentences(): SentenceSpan[] {
    return (this.sentenceList ??= splitSentences(this.view.text));
  }

  keys(mode: WordMatch): string[] {
    this.keyLists ??= new Map();
    let list = this.keyLists.get(mode);
    if (!list) {
      const text = this.view.text;
      const words = this.wordList();
      list = new Array<string>(words.length);
      for (let i = 0; i < words.length; i++) list[i] = listKey(words, i, text, mode);
      this.keyLists.set(mode, list);
    }
    return list;
  }

  folded(): string {
    return (this.foldedText ??= foldForLiterals(this.view.text));
  }
}

function zonesOf(content: Inline[]): TextUnit['zones'] {
  const zones: TextUnit['zones'] = [];
  const walk = (nodes: Inline[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'quotation':
          zones.push({ kind: 'quotation', span: node.span });
          walk(node.content);
          break;
        case 'citation':
        case 'crossReference':
          zones.push({ kind: 'citation', span: node.span });
          break;
        case 'bracket':
          for (const option of node.options) walk(option);
          break;
        case 'amendment':
          if (node.kind === 'delete' || node.kind === 'replace') zones.push({ kind: 'amendment', span: node.contentSpan });
          if (node.kind !== 'comment') {
            walk(node.content);
            if (node.replacement) walk(node.replacement);
          }
          break;
        default:
          break;
      }
    }
  };
  walk(content);
  return zones;
}

/** The sentence of `unit` that holds view offset `at`. */
export function sentenceAt(unit: TextUnit, at: number): SentenceSpan {
  // Sentences are in order and do not overlap: the last one starting at or before `at`.
  const sentences = unit.sentences();
  const found = sentences[lowerBound(sentences, at + 1, (s) => s.start) - 1];
  return found && at >= found.start && at < found.end ? found : { start: 0, end: unit.view.text.length };
}

/* ---------------------------------------------------------------------------------------------- */
/* Matching                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

export interface LexiconHit {
  entry: CompiledEntry;
  unit: TextUnit;
  /** View offsets. */
  start: number;
  end: number;
  /** The matched text, spaces collapsed. */
  text: string;
  /** Source span. */
  span: Span;
  replacements: string[];
  /** Inside the old text of a pending deletion or replacement: fixes are offered, never automatic. */
  inAmendment: boolean;
}

export interface MatchOptions {
  /** Only these entries. */
  only?: (entry: CompiledEntry) => boolean;
}

/**
 * Join lexicons into one pass (lexicon-pass.ts): the first unit any of them reads is matched for
 * all of them at once. The hits do not depend on the company a lexicon keeps.
 */
export function joinLexicons(lexicons: Lexicon[]): LexiconPass {
  const pass = new LexiconPass(lexicons);
  for (const lexicon of lexicons) lexicon.pass = pass;
  return pass;
}

/** Hits by unit and lexicon, every entry, after the entries' conditions, for units made elsewhere than `textUnits`. */
const settled = new WeakMap<TextUnit, Map<Lexicon, LexiconHit[]>>();

/** The unit's settled hits of every lexicon of `lexicon`'s pass, matched on first use; shared by the rules that read the unit. */
function unitHits(lexicon: Lexicon, unit: TextUnit): LexiconHit[] {
  const pass = (lexicon.pass ??= new LexiconPass([lexicon]));
  const own = unit instanceof DraftTextUnit;
  if (own) {
    // The usual case, asked by every lexicon rule for every unit: one pass, its hits by position.
    if (unit.passOf === undefined) {
      const raw = pass.match(unit);
      const lists: LexiconHit[][] = new Array(raw.length);
      for (let i = 0; i < raw.length; i++) lists[i] = settle(unit, raw[i]!);
      unit.passOf = pass;
      unit.passHits = lists;
    }
    if (unit.passOf === pass) return unit.passHits![pass.lexicons.indexOf(lexicon)]!;
  }
  let byLexicon = own ? unit.hits : settled.get(unit);
  const hits = byLexicon?.get(lexicon);
  if (hits) return hits;
  if (!byLexicon) {
    byLexicon = new Map();
    if (own) unit.hits = byLexicon;
    else settled.set(unit, byLexicon);
  }
  const raw = pass.match(unit);
  const lexicons = pass.lexicons;
  for (let i = 0; i < lexicons.length; i++) if (!byLexicon.has(lexicons[i]!)) byLexicon.set(lexicons[i]!, settle(unit, raw[i]!));
  return byLexicon.get(lexicon)!;
}

/** Every match of the lexicon's entries in one text unit, after the entries' conditions. */
export function matchUnit(lexicon: Lexicon, unit: TextUnit, options: MatchOptions = {}): LexiconHit[] {
  const hits = unitHits(lexicon, unit);
  // A new list, as before (the empty one is shared and frozen, which slice copies slowly).
  if (!hits.length) return [];
  const only = options.only;
  if (!only) return hits.slice();
  const out: LexiconHit[] = [];
  for (const h of hits) if (only(h.entry)) out.push(h);
  return out;
}

const NO_HITS: LexiconHit[] = Object.freeze([]) as unknown as LexiconHit[];

/** One hit per stretch and entry (the earliest, then the longest), each after its entry's conditions. */
function settle(unit: TextUnit, raw: RawMatch[]): LexiconHit[] {
  // Most units have no hit of most lexicons: they share one empty list (callers only read it).
  if (!raw.length) return NO_HITS;
  raw.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end);
  const lastEnd = new Map<CompiledEntry, number>();
  const hits: LexiconHit[] = [];
  for (const { entry, hit } of raw) {
    if (hit.start < (lastEnd.get(entry) ?? -1)) continue;
    const accepted = accept(entry, unit, hit);
    if (!accepted) continue;
    lastEnd.set(entry, hit.end);
    hits.push(accepted);
  }
  return hits;
}

/** Apply the entry's conditions to a raw hit; undefined when they cancel it. */
function accept(entry: CompiledEntry, unit: TextUnit, hit: RawHit): LexiconHit | undefined {
  const view = unit.view;
  const text = view.text;
  const span = { start: view.toSourceStart(hit.start), end: view.toSourceEnd(hit.end) };
  let inAmendment = false;
  for (const zone of unit.zones) {
    if (span.start >= zone.span.end || zone.span.start >= span.end) continue;
    if (zone.kind === 'amendment') inAmendment = true;
    else if (entry.outside.has(zone.kind)) return undefined;
  }
  if (entry.notBefore.length || entry.notAfter.length) {
    const words = unit.wordList();
    const foldings = words.foldings;
    // Words in order: those ending by the hit's start, and those starting from its end.
    const beforeEnd = lowerBoundOf(words.ends, hit.start + 1);
    const afterStart = lowerBoundOf(words.starts, hit.end);
    const precedes = (phrase: string[]): boolean => {
      const from = beforeEnd - phrase.length;
      if (from < 0 || !isSeparatorGap(text, words.ends[beforeEnd - 1]!, hit.start)) return false;
      return phrase.every((key, k) => foldings[from + k]!.key === key);
    };
    const follows = (phrase: string[]): boolean => {
      if (afterStart + phrase.length > words.length || !isSeparatorGap(text, hit.end, words.starts[afterStart]!)) return false;
      return phrase.every((key, k) => foldings[afterStart + k]!.key === key);
    };
    if (entry.notBefore.some(precedes) || entry.notAfter.some(follows)) return undefined;
  }
  if (entry.unlessSentence || entry.skipProperNames) {
    const sentence = sentenceAt(unit, hit.start);
    if (entry.unlessSentence?.test(text.slice(sentence.start, sentence.end))) return undefined;
    if (entry.skipProperNames && unit.kind !== 'heading' && /^\p{Lu}/u.test(text.slice(hit.start))) {
      // A capital that does not open the sentence (past any opening quote or bracket) is a name.
      if (!/^[\s"“‘'(\[]*$/u.test(text.slice(sentence.start, hit.start))) return undefined;
    }
  }
  if (entry.skipAllCaps && !/\p{Ll}/u.test(text)) return undefined;
  const matched = text.slice(hit.start, hit.end);
  const replacements = (hit.replacement ?? entry.replacements).map((r) => (entry.preserveCase ? matchCase(matched, r) : r));
  return { entry, unit, start: hit.start, end: hit.end, text: matched.replace(/\s+/g, ' '), span, replacements, inAmendment };
}

/** `Behavior` -> `Behaviour`, `BEHAVIOR` -> `BEHAVIOUR`; a lower-case match leaves the replacement as written. */
export function matchCase(matched: string, replacement: string): string {
  const letters = matched.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(matched) && /^\p{Ll}/u.test(replacement)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/* ---------------------------------------------------------------------------------------------- */
/* Findings                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

/** `Japan's comments on the OEWG initial pre-draft (March 2020), para. 15`. */
export function citeSource(source: LexiconSource): string {
  return source.paragraph ? `${source.document}, ${source.paragraph}` : source.document;
}

/** The finding's message: the entry's message with `{match}`, `{replacement}` and `{source}` filled in. */
export function hitMessage(hit: LexiconHit): string {
  return fillMessage(hit.entry.data.message, {
    match: hit.text,
    replacement: hit.replacements[0] ?? '',
    source: citeSource(hit.entry.data.source),
  });
}

export function fillMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

/** The fixes of a hit: one per replacement; automatic only when single, certain and outside amendments. */
export function hitFixes(hit: LexiconHit): Fix[] {
  if (!hit.replacements.length || !hit.unit.view.isContiguous(hit.start, hit.end)) return [];
  const safe = hit.entry.safe && hit.replacements.length === 1 && !hit.inAmendment;
  return hit.replacements.map((text) => ({
    title: `Replace "${hit.text}" with "${text}"`,
    edits: [{ start: hit.span.start, end: hit.span.end, text }],
    safe,
  }));
}

export function hitData(hit: LexiconHit): Record<string, unknown> {
  const d = hit.entry.data;
  const data: Record<string, unknown> = { entry: d.id, matched: hit.text, source: d.source };
  if (d.sources) data['sources'] = d.sources;
  if (d.objected) data['objected'] = d.objected;
  if (d.supported) data['supported'] = d.supported;
  return data;
}

/** A finding as the lint runner takes it (rule id and default severity are added there). */
export function hitFinding(hit: LexiconHit, rule: string): Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity } {
  return { message: hitMessage(hit), span: hit.span, fixes: hitFixes(hit), data: { lexicon: rule, ...hitData(hit) } };
}

/** Every hit of a lexicon in a draft, entries excluded by the project's `exclude` option left out. */
export function matchDraft(lexicon: Lexicon, draft: DraftFile, options: MatchOptions = {}): LexiconHit[] {
  const only = options.only;
  const out: LexiconHit[] = [];
  for (const unit of textUnits(draft)) {
    for (const h of unitHits(lexicon, unit)) if (!only || only(h.entry)) out.push(h);
  }
  return out;
}

/** The entries a rule's options switch off: `rules: { term.contested: { exclude: [public-core-of-the-internet] } }`. */
export function excludedEntries(options: Record<string, unknown>): Set<string> {
  const exclude = options['exclude'];
  return new Set(Array.isArray(exclude) ? exclude.filter((x): x is string => typeof x === 'string') : []);
}

/**
 * The whole check of a lexicon rule: match, then report each hit. An entry's own severity applies
 * unless the project set one for the rule.
 */
export function runLexicon(ctx: RuleContext, lexicon: Lexicon, defaultSeverity: Severity): void {
  const excluded = excludedEntries(ctx.options);
  // Indexed loops: this runs for every unit of every draft, for each of the six lexicon rules,
  // and most units have no hit.
  const units = textUnits(ctx.draft);
  for (let u = 0; u < units.length; u++) {
    const hits = unitHits(lexicon, units[u]!);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      if (excluded.size && excluded.has(hit.entry.id)) continue;
      const finding = hitFinding(hit, lexicon.rule);
      const own = hit.entry.data.severity;
      if (own && ctx.severity === defaultSeverity) finding.severity = own;
      ctx.report(finding);
    }
  }
}
