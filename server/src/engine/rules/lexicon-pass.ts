/**
 * Every lexicon in one pass over a text unit. The word patterns of all the lexicons joined in a
 * pass go into one trie per match mode (phrase-trie.ts), walked from each word of the unit whose
 * key starts some pattern; an entry's regular expression runs only on a unit that holds every set
 * of literals it needs (regex-literals.ts). The literals are looked up one by one with `includes`
 * as the expressions ask, until the pass has read many units (a long run: the language server, a
 * directory of drafts); from then on every literal of a case mode is found in one pass over the
 * unit by an automaton (literal-automaton.ts; an irregexp alternation of them cost several times
 * more). (Looking those literals up through the words, by their letter runs, was tried and
 * measured: it saved about 1 ms a draft warm but cost 25 ms of cold code in a one-file run.)
 * Finders run as before.
 *
 * Cheap by construction, because every unit of every draft goes through here: one loop over the
 * words (each word's key looked up once in the set of every pattern's first key, whatever the
 * mode), no key arrays, no per-unit buckets; a literal that several expressions need is searched
 * for once per unit; tables are built once, in the constructor.
 *
 * The pass gives each lexicon the raw hits, in the order its own matcher found them: its modes in
 * order, then by word, longest pattern first, then pattern order; then each entry's expressions
 * and finder in entry order. lexicon.ts applies the entries' conditions.
 */
import type { CompiledEntry, Lexicon, RawHit, TextUnit } from './lexicon.js';
import { LiteralAutomaton } from './literal-automaton.js';
import { PhraseTrie } from './phrase-trie.js';
import { twinReads, unicodeTwin } from './unicode-twin.js';
import { isSeparatorGap, wordKey, type WordMatch } from './word-keys.js';

/** A raw hit of an entry, before its conditions. */
export interface RawMatch {
  entry: CompiledEntry;
  hit: RawHit;
}

interface PatternRef {
  /** The lexicon's index in the pass. */
  lexicon: number;
  /** The index of the pattern's mode among its lexicon's modes. */
  slot: number;
  entry: CompiledEntry;
  seq: number;
  length: number;
}

/** A word pattern found, before it is handed to its lexicon. */
interface WordHit {
  ref: PatternRef;
  start: number;
  end: number;
}

/** An entry's expression with its prefilter as indices into the pass's literal table. */
interface Expression {
  re: RegExp;
  /**
   * Sets of literal indices: the unit must hold one literal of each set (regex-literals.ts: `anyOf`
   * and each of `allOf`), smallest set first, so that a unit without a literal the expression
   * always needs is ruled out by one look-up; absent: none needed.
   */
  sets?: number[][];
  /** `re` without its `u` flag (unicode-twin.ts), made on first use; null when it has none. */
  twin?: RegExp | null;
}

/** What the pass runs for an entry besides its word patterns. */
interface EntryWork {
  entry: CompiledEntry;
  expressions: Expression[];
}

/** A literal of the prefilters, searched in the view text, or in the folded text when `ignoreCase`. */
interface Literal {
  text: string;
  ignoreCase: boolean;
}

/** The raw hits of a lexicon without any (never written to: a list is made for the first hit). */
const NONE: RawMatch[] = Object.freeze([]) as unknown as RawMatch[];

/**
 * The per-unit literal table: slot i + 1 says whether literal i is there (FOUND), not there
 * (ABSENT) or not yet looked for (0); slot 0 says which automaton scans ran.
 */
const FOUND = 1;
const ABSENT = 2;
const SCANNED_TEXT = 1;
const SCANNED_FOLDED = 2;

/**
 * Units read with `includes` before the automata are built. Looking up a unit's literals one by
 * one, as the expressions ask, costs native searches only; the automata find them all in one
 * scan, cheaper per unit once their code is optimised, but their construction and their cold
 * scan cost a one-file run more than all its look-ups (10k draft, 151 units: about 1.5 ms of
 * look-ups against 2 ms of construction and 3 ms of scans, measured in fresh processes).
 */
const UNITS_BEFORE_AUTOMATA = 1_000;

/** How a pass looks up literals (for tests: `unitsBeforeAutomata: 0` uses the automata from the first unit). */
export interface LexiconPassOptions {
  unitsBeforeAutomata?: number;
}

export class LexiconPass {
  /** The modes with patterns, in the order their first pattern appears, and each mode's trie. */
  private readonly modes: WordMatch[] = [];
  private readonly tries: Array<PhraseTrie<PatternRef>> = [];
  /** Every pattern's first key, whatever its mode: most words are ruled out by one look-up. */
  private readonly firstKeys = new Set<string>();
  /** No mode is `exact`: a word's key under each mode is its form or key, or its surface when the form folded -ise (word-keys.ts). */
  private readonly plainModes: boolean;
  /** Per lexicon, its entries with expressions or a finder, in entry order. */
  private readonly work: EntryWork[][];
  private readonly literals: Literal[] = [];
  /** The per-unit literal table, kept between units. */
  private presentFree: Uint8Array | undefined;
  /** Units matched so far, until the automata are built. */
  private unitsRead = 0;
  /** Every literal of each case mode, found in one pass over a unit (literal-automaton.ts), once many units were read. */
  private textScan: LiteralAutomaton | undefined;
  private foldedScan: LiteralAutomaton | undefined;
  private scanning = false;
  /** Which lexicons read each kind of unit. */
  private readonly activeFor: Record<TextUnit['kind'], boolean[]>;

  private readonly unitsBeforeAutomata: number;

  constructor(
    readonly lexicons: readonly Lexicon[],
    options: LexiconPassOptions = {},
  ) {
    this.unitsBeforeAutomata = options.unitsBeforeAutomata ?? UNITS_BEFORE_AUTOMATA;
    const literalIndex = new Map<string, number>();
    const literal = (text: string, ignoreCase: boolean): number => {
      const key = `${ignoreCase ? 'i' : 's'}${text}`;
      let at = literalIndex.get(key);
      if (at === undefined) {
        at = this.literals.length;
        this.literals.push({ text, ignoreCase });
        literalIndex.set(key, at);
      }
      return at;
    };
    lexicons.forEach((lexicon, index) => {
      [...lexicon.patterns.keys()].forEach((mode, slot) => {
        let m = this.modes.indexOf(mode);
        if (m < 0) {
          m = this.modes.length;
          this.modes.push(mode);
          this.tries.push(new PhraseTrie());
        }
        for (const p of lexicon.patterns.get(mode)!) {
          this.tries[m]!.add(p.words, { lexicon: index, slot, entry: p.entry, seq: p.seq, length: p.words.length });
          this.firstKeys.add(p.words[0]!);
        }
      });
    });
    this.plainModes = !this.modes.includes('exact');
    this.work = lexicons.map((lexicon) =>
      lexicon.entries
        .filter((entry) => entry.regexes.length || entry.finder)
        .map((entry) => ({
          entry,
          expressions: entry.regexes.map((re, r): Expression => {
            const requirement = entry.requirements[r];
            if (!requirement) return { re };
            const sets = [requirement.anyOf, ...(requirement.allOf ?? [])].map((set) => set.map((s) => literal(s, requirement.ignoreCase)));
            return { re, sets: sets.sort((a, b) => a.length - b.length) };
          }),
        })),
    );
    this.activeFor = {
      paragraph: lexicons.map(() => true),
      heading: lexicons.map((l) => l.headings),
      footnote: lexicons.map((l) => l.footnotes),
    };
  }

  /** The raw hits of each lexicon of the pass in `unit` (empty for a lexicon that skips this kind of unit). */
  match(unit: TextUnit): RawMatch[][] {
    const lexicons = this.lexicons;
    const active = this.activeFor[unit.kind];
    const text = unit.view.text;
    // A lexicon's list is made when it has a hit; the others share one empty, frozen list.
    const out: RawMatch[][] = new Array(lexicons.length).fill(NONE);

    const words = this.modes.length ? this.wordHits(unit, active) : undefined;
    if (words) {
      // Found word by word, every mode at each word: each lexicon takes its own in mode (slot)
      // order, by word within a mode (a stable sort keeps that).
      if (words.length > 1) words.sort((a, b) => a.ref.lexicon - b.ref.lexicon || a.ref.slot - b.ref.slot);
      for (const w of words) {
        const l = w.ref.lexicon;
        if (out[l] === NONE) out[l] = [];
        out[l]!.push({ entry: w.ref.entry, hit: { start: w.start, end: w.end } });
      }
    }

    let present: Uint8Array | undefined;
    if (!this.scanning && ++this.unitsRead > this.unitsBeforeAutomata) {
      this.textScan = this.literalScan(false);
      this.foldedScan = this.literalScan(true);
      this.scanning = true;
    }
    const scanning = this.scanning;
    /**
     * Whether the unit holds literal `i`, found on first need: by `includes` in the text (folded
     * with foldForLiterals when the literal ignores case), or, once the automata are built, with
     * every literal of its case mode in one scan of the unit.
     */
    const holds = (i: number): boolean => {
      if (!present) {
        // One table for every unit (cleared here), unless a finder matched a unit inside this one.
        present = this.presentFree ?? new Uint8Array(this.literals.length + 1);
        this.presentFree = undefined;
        present.fill(0);
      }
      const literal = this.literals[i]!;
      let state = present[i + 1]!;
      if (state === 0) {
        if (scanning) {
          const done = literal.ignoreCase ? SCANNED_FOLDED : SCANNED_TEXT;
          if (!(present[0]! & done)) {
            present[0]! |= done;
            (literal.ignoreCase ? this.foldedScan! : this.textScan!).scan(text, present, FOUND);
            state = present[i + 1]!;
          }
        } else state = (literal.ignoreCase ? unit.folded() : text).includes(literal.text) ? FOUND : ABSENT;
        if (state === 0) state = ABSENT;
        present[i + 1] = state;
      }
      return state === FOUND;
    };

    /** Whether the expressions' twins read this unit as they do (on first need). */
    let plain: boolean | undefined;
    for (let l = 0; l < lexicons.length; l++) {
      if (!active[l]) continue;
      let raw = out[l]!;
      for (const { entry, expressions } of this.work[l]!) {
        next: for (const x of expressions) {
          if (x.sets) {
            for (const set of x.sets) {
              let one = false;
              for (let k = 0; k < set.length && !one; k++) one = holds(set[k]!);
              if (!one) continue next;
            }
          }
          // The twin compiles several times faster, and reads most units as `re` does.
          let re = x.re;
          if (x.twin !== null) {
            plain ??= twinReads(text);
            if (plain) re = (x.twin ??= unicodeTwin(re)) ?? re;
          }
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            const group = m.indices?.groups?.['hit'];
            const [start, end] = group ?? m.indices![0]!;
            if (raw === NONE) raw = out[l] = [];
            raw.push({ entry, hit: { start, end } });
          }
        }
        if (entry.finder) {
          for (const hit of entry.finder(unit, entry)) {
            if (raw === NONE) raw = out[l] = [];
            raw.push({ entry, hit });
          }
        }
      }
    }
    if (present) this.presentFree = present;
    return out;
  }

  private literalScan(ignoreCase: boolean): LiteralAutomaton | undefined {
    const ids: number[] = [];
    this.literals.forEach((l, i) => {
      if (l.ignoreCase === ignoreCase) ids.push(i);
    });
    if (!ids.length) return undefined;
    return new LiteralAutomaton(
      ids.map((i) => this.literals[i]!.text),
      ids,
      ignoreCase,
    );
  }

  /**
   * The word patterns found in the unit, by word, each word's patterns longest first, then in
   * pattern order; undefined when there are none. Keys are read word by word as the walk needs
   * them, and a word whose keys start no pattern costs one set look-up (two when its key and form
   * differ).
   */
  private wordHits(unit: TextUnit, active: boolean[]): WordHit[] | undefined {
    const text = unit.view.text;
    const words = unit.words();
    const n = words.length;
    const modes = this.modes;
    const tries = this.tries;
    const firstKeys = this.firstKeys;
    const plain = this.plainModes;
    let hits: WordHit[] | undefined;
    let found: PatternRef[] | undefined;
    for (let i = 0; i < n; i++) {
      const word = words[i]!;
      if (plain && word.abbreviation === undefined) {
        // Every mode's key is then the word's form or its key (`surface` is the form unless the
        // form folded -ise): most words are ruled out here, without a call per mode.
        const form = word.form;
        if (!firstKeys.has(form) && (word.key === form || !firstKeys.has(word.key)) && form.indexOf('iz') < 0) continue;
      }
      let lastKey: string | undefined;
      let lastStarts = false;
      for (let m = 0; m < modes.length; m++) {
        const mode = modes[m]!;
        const key = wordKey(word, text, mode);
        if (key !== lastKey) {
          lastKey = key;
          lastStarts = firstKeys.has(key);
        }
        if (!lastStarts) continue;
        let node = tries[m]!.first(key);
        let k = i;
        while (node) {
          if (node.values) {
            for (const ref of node.values) if (active[ref.lexicon]) (found ??= []).push(ref);
          }
          k++;
          if (!node.next || k >= n || !isSeparatorGap(text, words[k - 1]!.end, words[k]!.start)) break;
          node = PhraseTrie.next(node, wordKey(words[k]!, text, mode));
        }
        if (!found?.length) continue;
        if (found.length > 1) found.sort((a, b) => b.length - a.length || a.seq - b.seq);
        for (const ref of found) (hits ??= []).push({ ref, start: word.start, end: words[i + ref.length - 1]!.end });
        found.length = 0;
      }
    }
    return hits;
  }
}
