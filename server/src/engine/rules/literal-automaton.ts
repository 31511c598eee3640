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
  /** Next state by state * classes + class. */
  private readonly delta: Int32Array;
  /** The literals that end at each state (its own and those of its suffixes), as ids. */
  private readonly outputs: Array<number[] | undefined>;

  /**
   * `literals[i]` is found as id `ids[i]`. With `ignoreCase`, the literals are lower-case (as
   * regex-literals.ts gives them) and the text is read folded.
   */
  constructor(literals: readonly string[], ids: readonly number[], private readonly ignoreCase: boolean) {
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
    this.delta = delta;
    this.outputs = outputs;
  }

  private classOf(c: number): number {
    return c < 128 ? this.ascii[c]! : (this.wide.get(c) ?? 0);
  }

  /** Set `present[id + 1]` to `mark` for every literal `text` contains. */
  scan(text: string, present: Uint8Array, mark: number): void {
    const { ascii, wide, delta, outputs, classes, ignoreCase } = this;
    const anyWide = wide.size > 0;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let k: number;
      if (c < 128) k = ascii[c]!;
      else if (ignoreCase && FOLD_TO_ASCII.has(c)) {
        k = ascii[FOLD_TO_ASCII.get(c)!]!;
        s = delta[s * classes + k]!;
        const out = outputs[s];
        if (out) for (let j = 0; j < out.length; j++) present[out[j]! + 1] = mark;
        // İ lower-cases to two characters; the second (a combining dot) is in no literal.
        k = c === 0x130 ? 0 : -1;
        if (k < 0) continue;
      } else k = anyWide ? (wide.get(c) ?? 0) : 0;
      s = delta[s * classes + k]!;
      const out = outputs[s];
      if (out) for (let j = 0; j < out.length; j++) present[out[j]! + 1] = mark;
    }
  }
}
