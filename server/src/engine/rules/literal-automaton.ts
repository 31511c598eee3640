/**
 * Which of a set of literals a text contains, in one pass over its characters: an Aho-Corasick
 * automaton, compiled to a full transition table over the few characters the literals use.
 *
 * The lexicon pass asks this of every unit of every draft (regex-literals.ts: an expression runs
 * only on a unit that holds its literals). One irregexp alternation of all the literals cost
 * several times more: it tries the alternatives at each position, and the case-insensitive
 * literals needed a lower-cased copy of every unit. Here a case-insensitive automaton folds each
 * character as `foldForLiterals` would, without a copy.
 */

/** Characters whose lower case (String.prototype.toLowerCase, then `ſ` to `s`) holds an ASCII letter. */
const FOLD_TO_ASCII: ReadonlyMap<number, number> = new Map([
  [0x130, 0x69], // İ lower-cases to "i̇": an `i` and a combining dot, which no literal holds
  [0x17f, 0x73], // ſ: foldForLiterals replaces it with `s`
  [0x212a, 0x6b], // Kelvin sign: `k`
]);

export class LiteralAutomaton {
  /** The character class of each ASCII code (0: in no literal). */
  private readonly ascii = new Uint8Array(128);
  /** The classes of non-ASCII characters that literals hold (the right quotation mark). */
  private readonly wide = new Map<number, number>();
  private readonly classes: number;
  /** Next state's row (state * classes) by row + class; inverted (~row) for a state with outputs. */
  private readonly step: Int32Array;
  /** The literals that end at each state (its own and those of its suffixes), as ids. */
  private readonly outputs: Array<number[] | undefined>;
  /** By id, the exact spelling a match must have in the text itself (see the constructor), if any. */
  private readonly exactById: Array<string | undefined> = [];

  /**
   * `literals[i]` is found as id `ids[i]`. With `ignoreCase`, the literals are lower-case (as
   * regex-literals.ts gives them) and the text is read folded. `exact[i]`, when given, is the
   * spelling of a case-sensitive literal (ASCII and ’ only) whose lower case is `literals[i]`:
   * it is found only where the text reads exactly so, checked at each folded match (a few per
   * text), so that one folded scan serves both case modes without a search of the whole text.
   */
  constructor(
    literals: readonly string[],
    ids: readonly number[],
    private readonly ignoreCase: boolean,
    exact?: ReadonlyArray<string | undefined>,
  ) {
    if (exact) exact.forEach((e, i) => (this.exactById[ids[i]!] = e));
    let classes = 1;
    for (const literal of literals) {
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        if (c < 128) {
          if (!this.ascii[c]) this.ascii[c] = classes++;
        } else if (!this.wide.has(c)) this.wide.set(c, classes++);
      }
    }
    if (ignoreCase) for (let c = 65; c <= 90; c++) this.ascii[c] = this.ascii[c + 32]!;
    this.classes = classes;

    // The trie, in the transition table itself (0: no edge; the root is no state's child), then
    // breadth first: each missing edge takes the failure state's, each state its failure
    // state's outputs. One flat table, sized for the worst case: no allocation per state.
    let size = 1;
    for (const literal of literals) size += literal.length;
    const delta = new Int32Array(size * classes);
    const outputs: Array<number[] | undefined> = [undefined];
    let states = 1;
    literals.forEach((literal, n) => {
      let s = 0;
      for (let i = 0; i < literal.length; i++) {
        const at = s * classes + this.classOf(literal.charCodeAt(i));
        if (delta[at] === 0) {
          delta[at] = states++;
          outputs.push(undefined);
        }
        s = delta[at]!;
      }
      (outputs[s] ??= []).push(ids[n]!);
    });
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let k = 1; k < classes; k++) if (delta[k]) queue.push(delta[k]!);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      const f = fail[s]!;
      const inherited = outputs[f];
      if (inherited) outputs[s] = outputs[s] ? [...outputs[s]!, ...inherited] : inherited;
      const row = s * classes;
      const failRow = f * classes;
      for (let k = 1; k < classes; k++) {
        const t = delta[row + k]!;
        if (t === 0) delta[row + k] = delta[failRow + k]!;
        else {
          // Where the parent's failure state goes on the same character (the root's children keep 0).
          fail[t] = delta[failRow + k]!;
          queue.push(t);
        }
      }
    }
    // The table as the scan reads it: each entry the next state's row, inverted when it has outputs.
    const step = new Int32Array(states * classes);
    for (let i = 0; i < step.length; i++) {
      const t = delta[i]!;
      step[i] = outputs[t] ? ~(t * classes) : t * classes;
    }
    this.step = step;
    this.outputs = outputs;
  }

  private classOf(c: number): number {
    return c < 128 ? this.ascii[c]! : (this.wide.get(c) ?? 0);
  }

  /** Set `present[id + 1]` to `mark` for every literal `text` contains (exactly so, for a literal with an exact spelling). */
  scan(text: string, present: Uint8Array, mark: number): void {
    const { ascii, step } = this;
    // `s` is a state's row in `step`; a negative entry is a state with outputs (its row, inverted).
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let k: number;
      if (c < 128) k = ascii[c]!;
      else {
        k = this.wideClass(c);
        if (k < 0) {
          // İ lower-cases to an `i` and a combining dot, which no literal holds.
          let t = step[s + ascii[0x69]!]!;
          if (t < 0) this.mark((t = ~t), present, mark, text, i);
          s = t;
          k = 0;
        }
      }
      let t = step[s + k]!;
      if (t < 0) this.mark((t = ~t), present, mark, text, i);
      s = t;
    }
  }

  /** The class of a character past ASCII; -1 for İ read folded (two characters). */
  private wideClass(c: number): number {
    if (this.ignoreCase) {
      if (c === 0x130) return -1;
      const folded = FOLD_TO_ASCII.get(c);
      if (folded !== undefined) return this.ascii[folded]!;
    }
    return this.wide.get(c) ?? 0;
  }

  /** Mark the literals that end at text offset `end` (inclusive) in state `row`. */
  private mark(row: number, present: Uint8Array, mark: number, text: string, end: number): void {
    const out = this.outputs[row / this.classes]!;
    for (let j = 0; j < out.length; j++) {
      const id = out[j]!;
      const exact = this.exactById[id];
      if (exact === undefined || text.startsWith(exact, end + 1 - exact.length)) present[id + 1] = mark;
    }
  }
}
