/**
 * Reading a United Nations document symbol and saying what is wrong with it.
 *
 * A symbol is a list of parts separated by `/` (United Nations, *United Nations Document
 * Symbols*, Dag Hammarskjöld Library research guide):
 * - the organ: `A/` General Assembly, `S/` Security Council, `E/` Economic and Social Council,
 *   `ST/` Secretariat;
 * - subsidiary bodies: `C.1` to `C.6` (Main Committees of the General Assembly), `AC.290` (ad hoc
 *   committees and working groups), `CN.10` (commissions), `CONF.62` (conferences), `HRC` (the
 *   Human Rights Council), `WG.6`, `SC.2`, `Sub.2`;
 * - the session (General Assembly symbols carry it since the 31st session, 1976: `A/31/...`) or,
 *   for most subsidiary bodies, the Security Council and the Secretariat, the year;
 * - the nature of the document: `RES` resolutions, `DEC` decisions, `PRST` presidential
 *   statements, `INF` information series, `L.27` limited distribution (drafts), `CRP.2` conference
 *   room papers, `PV.31` verbatim and `SR.5` summary records, `WP.1` working papers;
 * - the document number, then modifications: `Rev.1`, `Corr.1`, `Add.1`, `Amend.1`, always last;
 * - a trailing `*` marks a document reissued for technical reasons.
 *
 * The grammar recognises anything shaped like `A/...` with a digit; this module judges it.
 */

export interface SymbolLimits {
  /** The highest General Assembly session a text may plausibly cite. */
  maxSession: number;
  /** The latest year a symbol may plausibly carry. */
  maxYear: number;
}

/** The 80th session of the General Assembly opened in September 2025; a margin for drafts that look ahead. */
export const DEFAULT_LIMITS: SymbolLimits = { maxSession: 85, maxYear: 2031 };

/** Session-numbered General Assembly symbols (A/31/..., A/RES/31/...) began with the 31st session. */
const FIRST_NUMBERED_SESSION = 31;
/** The first year of the United Nations' documents. */
const FIRST_YEAR = 1946;
/** The Human Rights Council held its first session in 2006 and holds about three a year. */
const HRC_FIRST_YEAR = 2006;

export interface SymbolVerdict {
  /** What is wrong, one clause each; empty when the symbol is well formed. */
  problems: string[];
  /** The symbol corrected, when every problem has one certain correction. */
  corrected?: string;
}

type Part =
  | { kind: 'number'; text: string; value: number }
  | { kind: 'series'; text: string }
  | { kind: 'body'; text: string; name: string; value: number }
  | { kind: 'type'; text: string; name: string; value: number }
  | { kind: 'modifier'; text: string; name: string; value: number }
  | { kind: 'other'; text: string };

const MODIFIERS = ['Rev', 'Corr', 'Add', 'Amend'];
const BODIES = ['C', 'AC', 'CN', 'SC', 'WG', 'CONF', 'PC', 'GC', 'Sub'];
const TYPES = ['L', 'CRP', 'PV', 'SR', 'WP', 'R', 'INF', 'Misc'];
/** Mixed-case words that belong in symbols as they are. */
const MIXED_CASE = new Set(['Summary']);

const canonical = (names: string[], written: string): string | undefined => names.find((n) => n.toLowerCase() === written.toLowerCase());

/** Read one part; `fix` is its corrected spelling when it is misspelt in a certain way. */
function readPart(text: string): { part: Part; problem?: string; fix?: string } {
  let m = /^\d+$/.exec(text);
  if (m) {
    const value = Number(text);
    if (text.length > 1 && text.startsWith('0')) return { part: { kind: 'number', text, value }, problem: `\`${text}\` has a leading zero`, fix: String(value) };
    return { part: { kind: 'number', text, value } };
  }
  // Rev.1, Corr.1, Add.1, Amend.1 (and their misspellings: REV.1, Rev1, rev.1).
  m = /^([A-Za-z]+)(\.?)(\d*)$/.exec(text);
  if (m) {
    const [, word, dot, digits] = m as unknown as [string, string, string, string];
    const modifier = canonical(MODIFIERS, word);
    if (modifier) return readNumbered('modifier', modifier, word, dot, digits, text);
    const body = canonical(BODIES, word);
    const type = canonical(TYPES, word);
    // A bare word (`RES`, `HRC`, `C`) is a series; with a number it is a body or a type.
    if (digits && (body || type)) return readNumbered(body ? 'body' : 'type', (body ?? type)!, word, dot, digits, text);
    if (!digits && !dot) {
      if (/^[A-Z]+$/.test(word) || MIXED_CASE.has(word)) return { part: { kind: 'series', text } };
      const upper = word.toUpperCase();
      return { part: { kind: 'series', text: upper }, problem: `\`${text}\` is written in capitals (\`${upper}\`)`, fix: upper };
    }
  }
  return {
    part: { kind: 'other', text },
    problem: `\`${text}\` is not a part of a UN symbol (a number, a body such as \`C.1\` or \`AC.290\`, a series such as \`RES\`, a document such as \`L.27\` or \`CRP.2\`, or \`Rev.1\`, \`Corr.1\`, \`Add.1\`)`,
  };
}

function readNumbered(
  kind: 'modifier' | 'body' | 'type',
  name: string,
  word: string,
  dot: string,
  digits: string,
  text: string,
): { part: Part; problem?: string; fix?: string } {
  const what = kind === 'modifier' ? 'a revision, corrigendum or addendum' : kind === 'body' ? 'a body' : 'a document';
  if (!digits) return { part: { kind: 'other', text }, problem: `\`${text}\` needs its number (\`${name}.1\`, \`${name}.2\`...)` };
  const value = Number(digits);
  const right = `${name}.${value}`;
  const part: Part = { kind, text: right, name, value };
  const reasons: string[] = [];
  if (word !== name) reasons.push(name === name.toUpperCase() ? 'in capitals' : `spelt \`${name}\``);
  if (!dot) reasons.push('with a full stop before the number');
  if (digits.length > 1 && digits.startsWith('0')) reasons.push('without a leading zero');
  if (value === 0) return { part, problem: `\`${text}\`: ${what} is numbered from 1` };
  if (!reasons.length) return { part };
  return { part, problem: `\`${text}\` is written \`${right}\` (${reasons.join(', ')})`, fix: right };
}

/**
 * Judge a symbol as written. `after` is the text that follows it in the source, for the older
 * resolutions cited with their session in roman numerals (`A/RES/1514 (XV)`).
 */
export function checkSymbol(written: string, limits: SymbolLimits = DEFAULT_LIMITS, after = ''): SymbolVerdict {
  const reissue = written.endsWith('*');
  const [organ, ...texts] = (reissue ? written.slice(0, -1) : written).split('/');
  const problems: string[] = [];
  const fixes: string[] = [];
  let certain = true;
  const parts: Part[] = [];
  for (const text of texts) {
    const read = readPart(text);
    parts.push(read.part);
    fixes.push(read.fix ?? text);
    if (read.problem) {
      problems.push(read.problem);
      if (read.fix === undefined) certain = false;
    }
  }
  const corrected = `${organ}/${fixes.join('/')}${reissue ? '*' : ''}`;
  if (problems.length) return certain ? { problems, corrected } : { problems };

  // Modifications come last, each once.
  const firstModifier = parts.findIndex((p) => p.kind === 'modifier');
  if (firstModifier >= 0) {
    const late = parts.slice(firstModifier).find((p) => p.kind !== 'modifier');
    if (late) {
      const core = parts.filter((p) => p.kind !== 'modifier');
      const mods = parts.filter((p) => p.kind === 'modifier');
      return {
        problems: [`\`${parts[firstModifier]!.text}\` comes after the document number, at the end`],
        corrected: `${organ}/${[...core, ...mods].map((p) => p.text).join('/')}${reissue ? '*' : ''}`,
      };
    }
    const names = parts.slice(firstModifier).map((p) => (p as { name: string }).name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) problems.push(`\`${twice}.\` appears twice`);
  }
  const core = firstModifier >= 0 ? parts.slice(0, firstModifier) : parts;
  if (!core.length) return { problems: [...problems, 'it names no document before its modifications'] };

  const structural = structure(organ!, core, limits, after);
  if (structural.length) return { problems: [...problems, ...structural] };
  for (const [i, p] of core.entries()) {
    // A four-digit number before the document number that reads as a year is one (S/2019/123,
    // A/AC.290/2020/CRP.1); 1900 to 2299 is how far a mistyped year goes (2202 for 2022).
    const yearLike = p.kind === 'number' && p.text.length === 4 && p.value >= 1900 && p.value < 2300;
    if (yearLike && i < core.length - 1 && (p.value < FIRST_YEAR || p.value > limits.maxYear)) {
      problems.push(`${p.value} is not a plausible year (${FIRST_YEAR} to ${limits.maxYear})`);
    }
  }
  return { problems };
}

const isNumber = (p: Part | undefined): p is Extract<Part, { kind: 'number' }> => p?.kind === 'number';
const isSeries = (p: Part | undefined, ...names: string[]): boolean => p?.kind === 'series' && names.includes(p.text);
/** The document itself: a number, or a numbered document such as `L.27`, `CRP.2`, `PV.31`. */
const isDocument = (p: Part | undefined): boolean => p?.kind === 'number' || p?.kind === 'type';

function sessionProblem(value: number, limits: SymbolLimits, what = 'the General Assembly'): string | undefined {
  if (value >= FIRST_NUMBERED_SESSION && value <= limits.maxSession) return undefined;
  if (value < FIRST_NUMBERED_SESSION) {
    return `${value} is not a plausible session of ${what}: symbols carry the session only since the ${FIRST_NUMBERED_SESSION}st session (1976)`;
  }
  return `${value} is not a plausible session of ${what} (the ${FIRST_NUMBERED_SESSION}st to the ${ordinal(limits.maxSession)})`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** What the organ's own structure requires. */
function structure(organ: string, core: Part[], limits: SymbolLimits, after: string): string[] {
  const [first, second, third] = core;
  const out: string[] = [];
  const push = (p: string | undefined): void => {
    if (p) out.push(p);
  };
  if (organ === 'A') {
    if (isNumber(first)) {
      // A/8000 is a serial number (before 1976); A/70/174 is session 70, document 174.
      if (core.length === 1) return out;
      push(sessionProblem(first.value, limits));
      if (!isDocument(second)) out.push(`after the session (\`A/${first.text}/\`) comes the document number`);
      else if (core.length > 2) out.push(`after the document number (\`A/${first.text}/${second!.text}\`) only \`Rev.\`, \`Corr.\`, \`Add.\` or \`Amend.\` may follow`);
      return out;
    }
    if (isSeries(first, 'RES', 'DEC')) {
      const kind = first!.text === 'RES' ? 'resolution' : 'decision';
      if (!isNumber(second)) {
        out.push(`after \`A/${first!.text}/\` comes the session, then the ${kind} number (\`A/${first!.text}/73/27\`)`);
        return out;
      }
      if (core.length === 2) {
        // A/RES/1514 (XV): the first thirty sessions numbered resolutions serially.
        if (/^\s*\(\s*[IVXL]+\s*\)/.test(after)) return out;
        if (second.value >= FIRST_NUMBERED_SESSION && second.value <= limits.maxSession) {
          out.push(`it has no ${kind} number after the session (\`A/${first!.text}/${second.text}/<number>\`)`);
        } else {
          out.push(`a ${kind} of the first thirty sessions is cited with its session in roman numerals (\`A/RES/1514 (XV)\`)`);
        }
        return out;
      }
      push(sessionProblem(second.value, limits));
      if (!isNumber(third)) out.push(`after the session comes the ${kind} number (\`A/${first!.text}/${second.text}/<number>\`)`);
      else if (core.length > 3) out.push(`after the ${kind} number only \`Rev.\`, \`Corr.\`, \`Add.\` or \`Amend.\` may follow`);
      return out;
    }
    if (isSeries(first, 'INF', 'BUR')) {
      if (isNumber(second) && core.length > 2) push(sessionProblem(second.value, limits));
      else if (core.length < 3) out.push(`it has no document number (\`A/${first!.text}/<session>/<number>\`)`);
      return out;
    }
    if (first?.kind === 'body' && first.name === 'C') {
      if (first.value > 6) out.push(`the General Assembly has six Main Committees (\`C.1\` to \`C.6\`), not \`${first.text}\``);
      // A/C.1 alone names the committee, not a document: nothing to check.
      if (core.length === 1) return out;
      if (!isNumber(second)) out.push(`after \`A/${first.text}/\` comes the session (\`A/${first.text}/73/...\`)`);
      else {
        push(sessionProblem(second.value, limits));
        if (!isDocument(third) && !isSeries(third, 'INF')) out.push(`it has no document number after the session (\`A/${first.text}/${second.text}/L.27\`, \`.../PV.31\`)`);
      }
      return out;
    }
    if (isSeries(first, 'HRC')) {
      const maxHrc = 3 * (limits.maxYear - HRC_FIRST_YEAR + 1);
      const at = isSeries(second, 'RES', 'DEC', 'PRST') ? 2 : 1;
      const session = core[at];
      if (core.length === 1) return out;
      if (isNumber(session)) {
        if (session.value < 1 || session.value > maxHrc) out.push(`${session.value} is not a plausible session of the Human Rights Council (1 to ${maxHrc})`);
        if (core.length === at + 1) out.push(`it has no document number after the session (\`${['A', ...core.map((p) => p.text)].join('/')}/<number>\`)`);
      }
      return out;
    }
  }
  if (organ === 'S' && isSeries(first, 'RES') && isNumber(second) && isNumber(third) && third.text.length === 4) {
    out.push(`the year of a Security Council resolution is written after it in parentheses (\`S/RES/${second.text} (${third.text})\`)`);
    return out;
  }
  if (organ === 'ST' && !(first?.kind === 'series')) {
    out.push('Secretariat symbols begin with a series (`ST/SGB/2019/8`, `ST/AI/2010/3`)');
    return out;
  }
  // A body followed by a year and nothing else: A/AC.290/2020.
  const last = core[core.length - 1];
  const beforeLast = core[core.length - 2];
  if (core.length >= 2 && isNumber(last) && last.text.length === 4 && last.value >= FIRST_YEAR && last.value <= limits.maxYear && beforeLast?.kind === 'body') {
    out.push(`it has no document number after the year (\`${[organ, ...core.map((p) => p.text)].join('/')}/<number>\`)`);
  }
  return out;
}
