/**
 * Every lexicon in one pass over a text unit. The word patterns of all the lexicons joined in a
 * pass go into one trie per match mode (phrase-trie.ts), walked from each word of the unit whose
 * key starts some pattern; an entry's regular expression runs only on a unit that holds every set
 * of literals it needs (regex-literals.ts). The literals are looked up one by one with `includes`
 * as the expressions ask, until the pass has read many units (a long run: the language server, a
 * directory of drafts); from then on every literal is found in one pass over the unit by an
 * automaton that reads it folded (literal-automaton.ts; an irregexp alternation of them cost
 * several times more; one automaton per case mode read every unit twice). (Looking those literals up through the words, by their letter runs, was tried and
 * measured: it saved about 1 ms a draft warm but cost 25 ms of cold code in a one-file run.)
 * Finders run as before.
 *
 * Cheap by construction, because every unit of every draft goes through here: one loop over the
 * words (each word's form looked up once in the set of every pattern's first key and its form,
 * whatever the mode), one flat list of expressions and finders, no key arrays, no per-unit buckets; a literal that several expressions need is searched
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
import { formOf } from '../text/words.js';
import { KeyFilter } from './key-filter.js';
import type { LiteralRequirement } from './regex-literals.js';
import { isSeparatorGap, listKey, type WordMatch } from './word-keys.js';

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

/** An entry's expression. */
interface Expression {
  re: RegExp;
  /** `re` without its `u` flag (unicode-twin.ts), made on first use; null when it has none. */
  twin?: RegExp | null;
}

/**
 * One thing the pass runs besides the word patterns: an entry's expression, or its finder. The
 * steps of every lexicon are in one flat list, in lexicon order, then entry order (expressions,
 * then the finder): the loop over them, run for every unit, walks one array.
 */
interface Step {
  /** The lexicon's index in the pass. */
  lexicon: number;
  entry: CompiledEntry;
  /** An expression to run (with `entry.finder` unset on this step), or undefined for the finder. */
  expression: Expression | undefined;
  /**
   * The step's prefilter (the expression's literals, or those the finder declares), as sets of
   * indices into the pass's literal table: the unit must hold one literal of each set
   * (regex-literals.ts: `anyOf` and each of `allOf`), smallest set first, so that a unit without a
   * literal the step always needs is ruled out by one look-up; absent: none needed.
   */
  sets: number[][] | undefined;
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
 * (ABSENT) or not yet looked for (0; after the automaton's scan, a literal it scans for is not
 * there).
 */
const FOUND = 1;
const ABSENT = 2;

/**
 * Units read with `includes` before the automata are built. Looking up a unit's literals one by
 * one, as the expressions ask, costs native searches only; the automata find them all in one
 * scan, cheaper per unit once their code is optimised, but their construction and their cold
 * scan cost a one-file run more than all its look-ups (10k draft, 151 units: about 1.5 ms of
 * look-ups against 2 ms of construction and 3 ms of scans, measured in fresh processes; the
 * automaton now holds only the expressions' first literals, and costs less). Past two drafts the
 * scan wins: a unit's look-ups cost about 10 µs warm, its scan about 1.
 */
const UNITS_BEFORE_AUTOMATA = 300;

/** How a pass looks up literals (for tests: `unitsBeforeAutomata: 0` uses the automata from the first unit). */
export interface LexiconPassOptions {
  unitsBeforeAutomata?: number;
}

/** Whether the hits are already by lexicon, then mode (most units: the stable sort would keep them as they are). */
function inPassOrder(words: WordHit[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!.ref;
    const b = words[i]!.ref;
    if (a.lexicon > b.lexicon || (a.lexicon === b.lexicon && a.slot > b.slot)) return false;
  }
  return true;
}

export class LexiconPass {
  /** The modes with patterns, in the order their first pattern appears, and each mode's trie. */
  private readonly modes: WordMatch[] = [];
  private readonly tries: Array<PhraseTrie<PatternRef>> = [];
  /** Every pattern's first key, whatever its mode: most words are ruled out by one look-up. */
  private readonly firstKeys = new Set<string>();
  /** No mode is `exact`: a word's key under each mode is its form or key, or its surface when the form folded -ise (word-keys.ts). */
  private readonly plainModes: boolean;
  /**
   * Every word a pattern may start at has one of these forms (`plainModes` only): each first key,
   * and what it folds to as a form (a `surface` key "organise" is read from a word of form
   * "organize"), so that one look-up rules out most words.
   */
  private readonly firstForms: Set<string>;
  /** `firstForms` by length and first character (key-filter.ts): most words need no look-up. */
  private readonly firstFormSlots: Uint8Array;
  /** What the pass runs besides word patterns, in the order of the hits (see Step). */
  private readonly steps: Step[] = [];
  private readonly literals: Literal[] = [];
  /** The per-unit literal table, kept between units. */
  private presentFree: Uint8Array | undefined;
  /** Units matched so far, until the automata are built. */
  private unitsRead = 0;
  /**
   * The literals of the expressions' first sets, found in one pass over a unit once many units
   * were read (literal-automaton.ts): read folded, a case-sensitive one checked in the text where
   * its lower case is found, so that a unit is read once for both case modes.
   */
  private literalScanner: LiteralAutomaton | undefined;
  /** 1 for each literal the automaton finds; the others are looked up with `includes`. */
  private scannedLiteral: Uint8Array = new Uint8Array(0);
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
    // Without `exact`, keys are lower-case with straight apostrophes: formOf changes only a key
    // with an -is- ending, and the set is the first keys' own unless one does (cold code: one
    // `includes` a key, no copy).
    let firstForms = this.firstKeys;
    if (this.plainModes) {
      for (const key of this.firstKeys) {
        if (!key.includes('is')) continue;
        const form = formOf(key);
        if (form === key) continue;
        if (firstForms === this.firstKeys) firstForms = new Set(this.firstKeys);
        firstForms.add(form);
      }
    }
    this.firstForms = firstForms;
    this.firstFormSlots = new KeyFilter(this.firstForms).slots;
    /** The fewest letters and digits of a set's literals. */
    const letters = (set: number[]): number => {
      let fewest = Infinity;
      for (const id of set) {
        const text = this.literals[id]!.text;
        let n = 0;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i) | 32;
          if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) n++;
        }
        if (n < fewest) fewest = n;
      }
      return fewest;
    };
    const setsOf = (requirement: LiteralRequirement | undefined): number[][] | undefined => {
      if (!requirement) return undefined;
      const sets = [requirement.anyOf, ...(requirement.allOf ?? [])].map((set) => set.map((s) => literal(s, requirement.ignoreCase)));
      // Fewest literals first; between sets of as many, the one whose literals have more
      // letters ("norm" before " to "): it rules out more units.
      return sets.sort((a, b) => a.length - b.length || letters(b) - letters(a));
    };
    lexicons.forEach((lexicon, index) => {
      for (const entry of lexicon.entries) {
        entry.regexes.forEach((re, r) => {
          this.steps.push({ lexicon: index, entry, expression: { re }, sets: setsOf(entry.requirements[r]) });
        });
        if (entry.finder) this.steps.push({ lexicon: index, entry, expression: undefined, sets: setsOf(entry.finder.literals) });
      }
    });
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
    // A lexicon's list is made when it has a hit; the others share one empty, frozen list.
    const out: RawMatch[][] = new Array(lexicons.length).fill(NONE);

    const words = this.modes.length ? this.wordHits(unit, active) : undefined;
    if (words) {
      // Found word by word, every mode at each word: each lexicon takes its own in mode (slot)
      // order, by word within a mode (a stable sort keeps that).
      if (words.length > 1 && !inPassOrder(words)) words.sort((a, b) => a.ref.lexicon - b.ref.lexicon || a.ref.slot - b.ref.slot);
      for (const w of words) {
        const l = w.ref.lexicon;
        if (out[l] === NONE) out[l] = [];
        out[l]!.push({ entry: w.ref.entry, hit: { start: w.start, end: w.end } });
      }
    }

    if (!this.scanning && ++this.unitsRead > this.unitsBeforeAutomata) {
      this.scannedLiteral = new Uint8Array(this.literals.length);
      this.literalScanner = this.literalScan();
      this.scanning = true;
    }
    if (this.scanning) this.runScanned(unit, active, out);
    else this.runLookedUp(unit, active, out);
    return out;
  }

  /**
   * The expressions and finders over a unit, each literal looked up with `includes` on first
   * need (a short run: see UNITS_BEFORE_AUTOMATA), in the text, or in the folded text when the
   * literal ignores case.
   */
  private runLookedUp(unit: TextUnit, active: boolean[], out: RawMatch[][]): void {
    const text = unit.view.text;
    let present: Uint8Array | undefined;
    const holds = (i: number): boolean => {
      if (!present) {
        // One table for every unit (cleared here), unless a finder matched a unit inside this one.
        present = this.presentFree ?? new Uint8Array(this.literals.length + 1);
        this.presentFree = undefined;
        present.fill(0);
      }
      let state = present[i + 1]!;
      if (state === 0) {
        const literal = this.literals[i]!;
        state = (literal.ignoreCase ? unit.folded() : text).includes(literal.text) ? FOUND : ABSENT;
        present[i + 1] = state;
      }
      return state === FOUND;
    };
    /** Whether the expressions' twins read this unit as they do (on first need). */
    let plain: boolean | undefined;
    const steps = this.steps;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      if (!active[step.lexicon]) continue;
      const sets = step.sets;
      if (sets !== undefined) {
        let all = true;
        for (let j = 0; j < sets.length && all; j++) {
          const set = sets[j]!;
          let one = false;
          for (let k = 0; k < set.length && !one; k++) one = holds(set[k]!);
          all = one;
        }
        if (!all) continue;
      }
      plain = this.runStep(step, unit, out, plain);
    }
    if (present) this.presentFree = present;
  }

  /**
   * The expressions and finders over a unit, once the automaton is built: the literals of every
   * expression's first set found in one scan of the unit, then read from the table without a
   * call (this runs for every unit of a long run); a literal of a later set is looked up with
   * `includes`, once.
   */
  private runScanned(unit: TextUnit, active: boolean[], out: RawMatch[][]): void {
    const text = unit.view.text;
    const literals = this.literals;
    const scannedLiteral = this.scannedLiteral;
    // One table for every unit (cleared here), unless a finder matched a unit inside this one.
    const present = this.presentFree ?? new Uint8Array(literals.length + 1);
    this.presentFree = undefined;
    present.fill(0);
    let scanned = false;
    let plain: boolean | undefined;
    const steps = this.steps;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      if (!active[step.lexicon]) continue;
      const sets = step.sets;
      if (sets !== undefined) {
        if (!scanned) {
          this.literalScanner!.scan(text, present, FOUND);
          scanned = true;
        }
        let all = true;
        for (let j = 0; j < sets.length && all; j++) {
          const set = sets[j]!;
          let one = false;
          for (let k = 0; k < set.length; k++) {
            const id = set[k]!;
            let state = present[id + 1]!;
            if (state === 0) {
              // Not found by the scan, or not scanned for (a literal of a later set).
              const literal = literals[id]!;
              state = !scannedLiteral[id] && (literal.ignoreCase ? unit.folded() : text).includes(literal.text) ? FOUND : ABSENT;
              present[id + 1] = state;
            }
            if (state === FOUND) {
              one = true;
              break;
            }
          }
          all = one;
        }
        if (!all) continue;
      }
      plain = this.runStep(step, unit, out, plain);
    }
    this.presentFree = present;
  }

  /**
   * Run one step whose literals the unit holds: its expression (or its twin, see unicode-twin.ts)
   * or its finder, adding the hits to its lexicon's list. `plain`: whether the twins read this unit
   * as their expressions do, when known; returned known when an expression needed it.
   */
  private runStep(step: Step, unit: TextUnit, out: RawMatch[][], plain: boolean | undefined): boolean | undefined {
    const l = step.lexicon;
    const entry = step.entry;
    const x = step.expression;
    if (x === undefined) {
      for (const hit of entry.finder!(unit, entry)) {
        if (out[l] === NONE) out[l] = [];
        out[l]!.push({ entry, hit });
      }
      return plain;
    }
    const text = unit.view.text;
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
      if (out[l] === NONE) out[l] = [];
      out[l]!.push({ entry, hit: { start, end } });
    }
    return plain;
  }

  /**
   * The automaton of the literals an expression asks for first (its first set), read folded: the
   * case-sensitive ones lower-cased (ASCII and ’ only, see regex-literals.ts). The others are
   * needed only where a first set is found, and are looked up there. Few literals keep the
   * automaton's table small enough to stay in the processor's first cache: with every literal of
   * the built-in lexicons it was about 150 KB, and each character's step waited on memory.
   */
  private literalScan(): LiteralAutomaton | undefined {
    const ids = new Set<number>();
    for (const step of this.steps) for (const id of step.sets?.[0] ?? []) ids.add(id);
    if (!ids.size) return undefined;
    const scanned = [...ids].sort((a, b) => a - b);
    for (const id of scanned) this.scannedLiteral[id] = 1;
    return new LiteralAutomaton(
      scanned.map((id) => {
        const l = this.literals[id]!;
        return l.ignoreCase ? l.text : l.text.toLowerCase();
      }),
      scanned,
      true,
      scanned.map((id) => (this.literals[id]!.ignoreCase ? undefined : this.literals[id]!.text)),
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
    const words = unit.wordList();
    const foldings = words.foldings;
    const starts = words.starts;
    const ends = words.ends;
    const n = words.length;
    const modes = this.modes;
    const tries = this.tries;
    const firstKeys = this.firstKeys;
    const firstForms = this.firstForms;
    const slots = this.firstFormSlots;
    const plain = this.plainModes;
    let hits: WordHit[] | undefined;
    let found: PatternRef[] | undefined;
    for (let i = 0; i < n; i++) {
      const word = foldings[i]!;
      if (plain && word.abbreviation === undefined) {
        // Every mode's key is then the word's form or its key, or its `surface` key, whose form
        // (folded -ise) is the word's: most words are ruled out here by one look-up.
        const form = word.form;
        // KeyFilter.slot, inline: the form's length and first character rule out most words.
        const n = form.length;
        const c = n ? form.charCodeAt(0) : 0;
        const slot = ((n < 31 ? n : 31) << 7) | (c < 127 ? c : 127);
        if ((slots[slot] === 0 || !firstForms.has(form)) && (word.key === form || !firstKeys.has(word.key))) continue;
      }
      let lastKey: string | undefined;
      let lastStarts = false;
      for (let m = 0; m < modes.length; m++) {
        const mode = modes[m]!;
        const key = listKey(words, i, text, mode);
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
          if (!node.next || k >= n || !isSeparatorGap(text, ends[k - 1]!, starts[k]!)) break;
          node = PhraseTrie.next(node, listKey(words, k, text, mode));
        }
        if (!found?.length) continue;
        if (found.length > 1) found.sort((a, b) => b.length - a.length || a.seq - b.seq);
        for (const ref of found) (hits ??= []).push({ ref, start: starts[i]!, end: ends[i + ref.length - 1]! });
        found.length = 0;
      }
    }
    return hits;
  }
}
