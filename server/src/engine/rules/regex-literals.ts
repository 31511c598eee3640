/**
 * What text a regular expression cannot match without: a set of literal strings, one of which
 * every match contains. The lexicon engine tests for them with `includes` before running the
 * expression, so that most of a draft never meets the expression at all (an expression that
 * starts with a look-behind is tried at every position of every paragraph otherwise).
 *
 * The reading is conservative: anything it does not understand (a character class other than a
 * few literal characters, an escape other than an escaped punctuation mark, a back-reference, a
 * look-around) only ends a literal run, and an expression it cannot bound gets no requirement (it
 * always runs). A class of a few literal characters (`[Mm]`, `['’]`) continues the run in each
 * of them: `ICT['’]s` needs "ICT's" or "ICT’s", not only "ICT". Only ASCII
 * letters, digits, spaces and punctuation count as literal, so that case folding is plain
 * lower-casing (see `foldForLiterals`).
 */

/** Every match contains at least one of `anyOf` (lower-cased when the expression ignores case). */
export interface LiteralRequirement {
  anyOf: string[];
  /** Other sets of which every match also contains one ("norms" and "must" as well as a verb). */
  allOf?: string[][];
  ignoreCase: boolean;
}

const MIN_LENGTH = 3;
/** A class of at most this many characters continues a literal run in each of them... */
const MAX_CLASS = 4;
/** ...while the run has at most this many spellings. */
const MAX_SPELLINGS = 8;

/** The requirement of `source` (flags as in `new RegExp`), or undefined when none is certain. */
export function requiredLiterals(source: string, flags: string): LiteralRequirement | undefined {
  if (flags.includes('x') || flags.includes('v')) return undefined;
  const ignoreCase = flags.includes('i');
  try {
    const reader = new Reader(source);
    const found = reader.alternation();
    if (reader.at < source.length || !found) return undefined;
    const groups = found
      .map((group) => [...new Set(group.map((s) => (ignoreCase ? s.toLowerCase() : s)))])
      .filter((group) => group.every((s) => s.length >= MIN_LENGTH));
    if (!groups.length) return undefined;
    groups.sort(rarestFirst);
    const requirement: LiteralRequirement = { anyOf: groups[0]!, ignoreCase };
    if (groups.length > 1) requirement.allOf = groups.slice(1);
    return requirement;
  } catch {
    return undefined;
  }
}

/**
 * The text as `includes` should see it for a case-insensitive requirement: lower-cased, and the
 * two non-ASCII letters that Unicode case folding turns into ASCII ones (long s, Kelvin sign)
 * replaced, so that no text an `iu` expression matches is ruled out.
 */
export function foldForLiterals(text: string): string {
  const lower = text.toLowerCase();
  return /[ſ]/.test(lower) ? lower.replace(/ſ/g, 's') : lower;
}

/** True when `text` (folded with foldForLiterals when the requirement ignores case) may match. */
export function mayMatch(requirement: LiteralRequirement, text: string): boolean {
  if (!holdsOne(requirement.anyOf, text)) return false;
  if (requirement.allOf) for (const group of requirement.allOf) if (!holdsOne(group, text)) return false;
  return true;
}

function holdsOne(literals: string[], text: string): boolean {
  for (const s of literals) if (text.includes(s)) return true;
  return false;
}

/** The rarer set first: the one whose shortest string is longest, then the one with fewer strings. */
function rarestFirst(a: string[], b: string[]): number {
  return Math.min(...b.map((x) => x.length)) - Math.min(...a.map((x) => x.length)) || a.length - b.length;
}

const LITERAL = /^[A-Za-z0-9 ,'’&%#@!"=_`~<>;:-]$/;
const ESCAPED_LITERAL = /^[.\-/\\()[\]{}|?*+^$'"&,:;!=<>#%@~`]$/;

/** A small recursive reader of the expression's structure. */
class Reader {
  at = 0;
  constructor(private readonly s: string) {}

  /**
   * `a|b|c`: the sets of literals a match holds one of each. One branch: all its sets. Several:
   * each branch must give a set, and the union of their rarest sets is the alternation's one set.
   */
  alternation(): string[][] | undefined {
    const branches: Array<string[][] | undefined> = [this.sequence()];
    while (this.s[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => !b)) return undefined;
    if (branches.length === 1) return branches[0];
    return [branches.flatMap((b) => b![0]!)];
  }

  /** A run of items up to `|` or `)`: its literal runs and mandatory groups, each a set, rarest first. */
  sequence(): string[][] | undefined {
    const candidates: string[][] = [];
    // The literal run so far, as its spellings: one, or several after a small class (`ICT['’]s`).
    let run: string[] = [''];
    const endRun = (): void => {
      if (run[0]!.length >= MIN_LENGTH) candidates.push(run);
      run = [''];
    };
    while (this.at < this.s.length && this.s[this.at] !== '|' && this.s[this.at] !== ')') {
      const c = this.s[this.at]!;
      if (c === '(') {
        endRun();
        const group = this.group();
        const q = this.quantifier();
        if (group && (q === 'one' || q === 'some')) candidates.push(...group);
        continue;
      }
      if (c === '[') {
        const chars = this.charClass();
        const q = this.quantifier();
        if (!chars || q === 'optional') {
          endRun();
          continue;
        }
        // A few literal characters: the run goes on in each of them (one is certain).
        if (run.length * chars.length > MAX_SPELLINGS) endRun();
        run = run.flatMap((r) => chars.map((ch) => r + ch));
        if (q === 'some') endRun();
        continue;
      }
      let literal: string | undefined;
      if (c === '\\') {
        const next = this.s[this.at + 1];
        if (next === undefined) throw new Error('dangling escape');
        this.at += 2;
        if (ESCAPED_LITERAL.test(next)) literal = next;
        else if (next === 'u' || next === 'x' || next === 'p' || next === 'P' || next === 'k' || next === 'c') {
          // \u{...}, \p{...}, \k<name>: skip the braces or name too.
          if (this.s[this.at] === '{' || this.s[this.at] === '<') this.at = this.s.indexOf(this.s[this.at] === '{' ? '}' : '>', this.at) + 1;
          else if (next === 'u') this.at += 4;
          else if (next === 'x') this.at += 2;
          else if (next === 'c') this.at += 1;
        }
      } else {
        this.at++;
        if (LITERAL.test(c)) literal = c;
      }
      const q = this.quantifier();
      if (literal === undefined || q === 'optional') {
        endRun();
        continue;
      }
      run = run.map((r) => r + literal);
      if (q === 'some') endRun(); // `a+`: one `a` is certain, what follows may not be next to it
    }
    endRun();
    if (!candidates.length) return undefined;
    return candidates.sort(rarestFirst);
  }

  /** `( ... )` from its opening bracket: undefined for look-arounds and unbounded content. */
  group(): string[][] | undefined {
    this.at++; // (
    let lookaround = false;
    if (this.s[this.at] === '?') {
      const head = this.s.slice(this.at, this.at + 3);
      if (head.startsWith('?:')) this.at += 2;
      else if (head === '?<=' || head === '?<!' || head.startsWith('?=') || head.startsWith('?!')) {
        lookaround = true;
        this.at += head === '?<=' || head === '?<!' ? 3 : 2;
      } else if (head.startsWith('?<')) {
        const close = this.s.indexOf('>', this.at);
        if (close < 0) throw new Error('bad group name');
        this.at = close + 1;
      } else throw new Error('unknown group');
    }
    const inner = this.alternation();
    if (this.s[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    return lookaround ? undefined : inner;
  }

  /**
   * `[ ... ]` from its opening bracket: its characters when it is a few literal ones (`[Mm]`,
   * `['’]`: no negation, range or escape), else undefined.
   */
  charClass(): string[] | undefined {
    const start = ++this.at; // [
    if (this.s[this.at] === '^') this.at++;
    if (this.s[this.at] === ']') this.at++;
    while (this.at < this.s.length && this.s[this.at] !== ']') this.at += this.s[this.at] === '\\' ? 2 : 1;
    if (this.s[this.at] !== ']') throw new Error('unclosed class');
    const chars = [...new Set(this.s.slice(start, this.at))];
    this.at++;
    if (!chars.length || chars.length > MAX_CLASS || chars.some((ch) => ch === '^' || ch === '-' || ch === '\\' || !LITERAL.test(ch))) return undefined;
    return chars;
  }

  /** The quantifier after an item: once, at least once, or possibly never. */
  quantifier(): 'one' | 'some' | 'optional' {
    const c = this.s[this.at];
    let kind: 'one' | 'some' | 'optional' = 'one';
    if (c === '?' || c === '*') {
      kind = 'optional';
      this.at++;
    } else if (c === '+') {
      kind = 'some';
      this.at++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.at));
      if (!m) return 'one'; // a literal brace
      this.at += m[0].length;
      const min = Number(m[1]);
      kind = min === 0 ? 'optional' : m[2] !== undefined || min > 1 ? 'some' : 'one';
    } else return 'one';
    if (this.s[this.at] === '?') this.at++; // lazy
    return kind;
  }
}
