/**
 * Changes between a draft's quote and its precedent, and their grade. The one grade table is
 * `GRADE_OF` below; docs/rules.md ("precedent.deviation", "Grades of a change") prints the same
 * table, and test/engine/grade-table.test.ts checks that the two agree.
 */
import { isWhiteSpace, type Word } from '../text/words.js';
import type { WordRun } from './word-diff.js';

export type Grade = 'substantive' | 'wording' | 'structural' | 'editorial';
export type ChangeReason =
  | 'negation'
  | 'modal verb'
  | 'qualifier'
  | 'quantifier'
  | 'determiner'
  | 'wording'
  | 'list item'
  | 'word order'
  | 'list order'
  | 'spelling'
  | 'hyphenation'
  | 'Latin plural'
  | 'punctuation'
  | 'capitals';

/**
 * The grade table: what each kind of change weighs. Editorial changes never change what the text
 * says; wording changes the words but not, by themselves, the obligation; structural reorders the
 * same words; substantive changes who must do what, how much, or whether at all.
 */
export const GRADE_OF: Record<ChangeReason, Grade> = {
  negation: 'substantive',
  'modal verb': 'substantive',
  qualifier: 'substantive',
  quantifier: 'substantive',
  determiner: 'substantive',
  wording: 'wording',
  'list item': 'wording',
  'word order': 'structural',
  'list order': 'structural',
  spelling: 'editorial',
  hyphenation: 'editorial',
  'Latin plural': 'editorial',
  punctuation: 'editorial',
  capitals: 'editorial',
};

/** One change, as ranges of word indices into the draft's and the precedent's word lists. */
export interface Change {
  grade: Grade;
  reason: ChangeReason;
  draftStart: number;
  draftEnd: number;
  precedentStart: number;
  precedentEnd: number;
}

export const GRADE_ORDER: Grade[] = ['substantive', 'wording', 'structural', 'editorial'];

export const NEGATIONS = new Set(['not', 'no', 'never', 'neither', 'nor', 'non', 'without', 'cannot', 'none', 'nothing']);
export const MODALS = new Set(['should', 'must', 'may', 'shall', 'will', 'can', 'could', 'would', 'might', 'need', 'needs', 'ought']);
/** "further" is not here: "further ensure" adds emphasis, not a quantity. */
export const QUANTIFIERS = new Set([
  'all', 'some', 'many', 'most', 'every', 'each', 'any', 'few', 'several', 'other', 'additional',
  'only', 'more', 'less', 'certain', 'both', 'either', 'various', 'numerous', 'whole', 'entirety',
]);
export const QUALIFIERS = new Set([
  'voluntary', 'binding', 'legally', 'politically', 'appropriate', 'appropriately', 'relevant', 'existing',
  'possible', 'possibly', 'potential', 'reasonable', 'reasonably', 'significant', 'substantially',
  'intentionally', 'knowingly', 'necessary', 'essentially', 'particular', 'particularly', 'especially',
  'primary', 'full', 'fully', 'effective', 'effectively', 'applicable', 'consistent', 'inherent', 'agreed',
]);
/** Articles and demonstratives: "the primary responsibility" is not "a primary responsibility". */
export const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'these', 'that', 'those']);

/** Latin plurals and their English forms, either way round (editorial variants). */
const LATIN_PLURALS = new Map<string, string>([
  ['fora', 'forums'],
  ['memoranda', 'memorandums'],
  ['curricula', 'curriculums'],
  ['moratoria', 'moratoriums'],
  ['symposia', 'symposiums'],
  ['referenda', 'referendums'],
  ['consortia', 'consortiums'],
  ['criteria', 'criterions'],
  ['media', 'mediums'],
  ['fori', 'forums'],
]);

function latinPair(a: string, b: string): boolean {
  return LATIN_PLURALS.get(a) === b || LATIN_PLURALS.get(b) === a;
}

function reasonOf(draftKeys: string[], precedentKeys: string[]): ChangeReason {
  const keys = [...draftKeys, ...precedentKeys];
  if (keys.some((k) => NEGATIONS.has(k))) return 'negation';
  if (keys.some((k) => MODALS.has(k))) return 'modal verb';
  if (keys.some((k) => QUALIFIERS.has(k))) return 'qualifier';
  if (keys.some((k) => QUANTIFIERS.has(k))) return 'quantifier';
  // Only determiners differ ("the" for "a", "the" added): the scope changes.
  const rest = (list: string[]) => list.filter((k) => !DETERMINERS.has(k)).join(' ');
  if (keys.some((k) => DETERMINERS.has(k)) && rest(draftKeys) === rest(precedentKeys)) return 'determiner';
  // Word for word, one determiner swapped for another ("hold the" for "have a").
  if (draftKeys.length === precedentKeys.length) {
    for (let i = 0; i < draftKeys.length; i++) {
      const d = draftKeys[i]!;
      const p = precedentKeys[i]!;
      if (d !== p && DETERMINERS.has(d) && DETERMINERS.has(p)) return 'determiner';
    }
  }
  return 'wording';
}

/** Joined letters of words: "capacity building", "capacity-building" and "capacitybuilding" agree. */
function joined(words: Word[], text: string): string {
  return words.map((w) => text.slice(w.start, w.end).toLowerCase()).join('');
}

/** True when the word is the first of its sentence in `text` (its capital is the sentence's). */
export function sentenceInitial(text: string, word: Word): boolean {
  // Read backwards from the word (no copy of the text before it, no regular expression over it:
  // both made a long paragraph quadratic): past spaces and opening quotes or brackets, then a
  // sentence end, possibly followed by a closing quote or bracket.
  let end = word.start;
  while (end > 0 && OPENING_OR_SPACE.test(text[end - 1]!)) end--;
  if (end === 0) return true;
  const last = text[end - 1]!;
  if (SENTENCE_END.has(last)) return true;
  return CLOSING_MARK.has(last) && end >= 2 && SENTENCE_END.has(text[end - 2]!);
}

const OPENING_OR_SPACE = /^[\s“"‘'(\[]$/u;
const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);
const CLOSING_MARK = new Set(['"', '”', '’', ')']);

/**
 * Whether two aligned words (equal keys) read differently in a way a restoration must undo:
 * US spelling or capitals. Defined abbreviations, -ise/-ize and curly/straight apostrophes are
 * not differences; nor is the capital of a word that starts a sentence on either side.
 */
export function wordDifference(
  d: Word,
  draftText: string,
  p: Word,
  precedentText: string,
): 'spelling' | 'capitals' | undefined {
  if (d.abbreviation || p.abbreviation) return undefined;
  // Most aligned words are spelt alike: compared in place, without a string for either.
  if (sameChars(draftText, d.start, d.end, precedentText, p.start, p.end)) return undefined;
  const ds = draftText.slice(d.start, d.end);
  const ps = precedentText.slice(p.start, p.end);
  if (ds === ps) return undefined;
  if (d.form !== p.form) return 'spelling';
  if (ds.toLowerCase().replace(/’/g, "'") === ps.toLowerCase().replace(/’/g, "'")) {
    if (ds.replace(/’/g, "'") === ps.replace(/’/g, "'")) return undefined;
    if (sentenceInitial(draftText, d) || sentenceInitial(precedentText, p)) return undefined;
    return 'capitals';
  }
  return undefined; // -ise/-ize
}

/** What lies between two words, spacing read as one space. */
export function gapText(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/\s+/g, ' ');
}

/** Whether two stretches of text hold the same characters. */
function sameChars(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}

/**
 * `gapText(a, ...) === gapText(b, ...)` read in place (this runs for every pair of aligned words):
 * a run of white space on one side matches a run on the other, any other character itself.
 * Also what the restore fix (rules/precedent-common.ts) tests before it writes a gap.
 */
export function sameGap(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): boolean {
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isWhiteSpace(x) && isWhiteSpace(y)) {
      while (i < aTo && isWhiteSpace(a.charCodeAt(i))) i++;
      while (j < bTo && isWhiteSpace(b.charCodeAt(j))) j++;
      continue;
    }
    if (x !== y) return false;
    i++;
    j++;
  }
  return i === aTo && j === bTo;
}

/** Changes from word runs (draft -> precedent), plus editorial changes inside equal runs. */
export function changesOf(
  runs: WordRun[],
  draftWords: Word[],
  draftText: string,
  precedentWords: Word[],
  precedentText: string,
): Change[] {
  const hunks: Change[] = [];
  const editorial: Change[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (run.op === 'equal') {
      collectEditorial(run, draftWords, draftText, precedentWords, precedentText, editorial);
      // The separator between this run and the previous equal run is the hunk's business.
      continue;
    }
    const last = hunks[hunks.length - 1];
    if (last && last.draftEnd === run.draftStart && last.precedentEnd === run.precedentStart && runs[r - 1]?.op !== 'equal') {
      last.draftEnd = run.draftEnd;
      last.precedentEnd = run.precedentEnd;
    } else {
      hunks.push({
        grade: 'wording',
        reason: 'wording',
        draftStart: run.draftStart,
        draftEnd: run.draftEnd,
        precedentStart: run.precedentStart,
        precedentEnd: run.precedentEnd,
      });
    }
  }
  markMoves(hunks, draftWords, precedentWords);
  for (const hunk of hunks) {
    if (hunk.reason === 'word order') continue;
    const dws = draftWords.slice(hunk.draftStart, hunk.draftEnd);
    const pws = precedentWords.slice(hunk.precedentStart, hunk.precedentEnd);
    if (dws.length && pws.length && joined(dws, draftText).replace(/[-‐‑]/g, '') === joined(pws, precedentText).replace(/[-‐‑]/g, '')) {
      hunk.reason = 'hyphenation'; // "co-operation" for "cooperation"
    } else if (dws.length === 1 && pws.length === 1 && latinPair(dws[0]!.key, pws[0]!.key)) {
      hunk.reason = 'Latin plural';
    } else {
      hunk.reason = reasonOf(
        dws.map((w) => w.key),
        pws.map((w) => w.key),
      );
      if (hunk.reason === 'wording' && (listItem(draftWords, draftText, hunk.draftStart, hunk.draftEnd) || listItem(precedentWords, precedentText, hunk.precedentStart, hunk.precedentEnd))) {
        hunk.reason = 'list item';
      }
    }
    hunk.grade = GRADE_OF[hunk.reason];
  }
  for (const hunk of hunks) {
    if (hunk.reason === 'word order' && (listItem(draftWords, draftText, hunk.draftStart, hunk.draftEnd) || listItem(precedentWords, precedentText, hunk.precedentStart, hunk.precedentEnd))) {
      hunk.reason = 'list order';
      hunk.grade = GRADE_OF[hunk.reason];
    }
  }
  // Hunks come in draft order already (one per stretch between equal runs); editorial changes
  // need sorting (a word's change is pushed before the gap before it).
  if (!editorial.length) return hunks;
  const byPlace = (a: Change, b: Change): number => a.draftStart - b.draftStart || a.draftEnd - b.draftEnd;
  if (!hunks.length) return editorial.sort(byPlace);
  return [...hunks, ...editorial].sort(byPlace);
}

const CONJUNCTIONS = new Set(['and', 'or']);

/**
 * Whether words [from, to) of one side are an item of a list ("A, B and C"): set off by a comma or
 * a conjunction on both sides, and short.
 */
export function listItem(words: Word[], text: string, from: number, to: number): boolean {
  if (to <= from || to - from > 5) return false;
  if (words.slice(from, to).some((w, i) => i > 0 && /[,;]/.test(text.slice(words[from + i - 1]!.end, w.start)))) return false;
  const first = words[from]!;
  const last = words[to - 1]!;
  const prev = words[from - 1];
  const next = words[to];
  const inner = words.slice(from, to);
  const startsWithConjunction = CONJUNCTIONS.has(first.key);
  const endsWithConjunction = CONJUNCTIONS.has(last.key);
  const before = prev ? text.slice(prev.end, first.start) : '';
  const after = next ? text.slice(last.end, next.start) : '';
  const openLeft = before.includes(',') || (prev !== undefined && CONJUNCTIONS.has(prev.key)) || startsWithConjunction;
  const openRight = after.includes(',') || (next !== undefined && CONJUNCTIONS.has(next.key)) || endsWithConjunction;
  return openLeft && openRight && inner.length > (startsWithConjunction || endsWithConjunction ? 1 : 0);
}

/** A hunk whose words all reappear on the other side elsewhere is a change of word order. */
function markMoves(hunks: Change[], draftWords: Word[], precedentWords: Word[]): void {
  if (!hunks.length) return;
  const count = (keys: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const removed = count(hunks.flatMap((h) => draftWords.slice(h.draftStart, h.draftEnd).map((w) => w.key)));
  const added = count(hunks.flatMap((h) => precedentWords.slice(h.precedentStart, h.precedentEnd).map((w) => w.key)));
  for (const hunk of hunks) {
    const mine = [
      ...draftWords.slice(hunk.draftStart, hunk.draftEnd).map((w) => [w.key, added] as const),
      ...precedentWords.slice(hunk.precedentStart, hunk.precedentEnd).map((w) => [w.key, removed] as const),
    ];
    if (mine.length > 0 && mine.every(([key, other]) => (other.get(key) ?? 0) > 0)) {
      hunk.reason = 'word order';
      hunk.grade = 'structural';
    }
  }
}

/**
 * Whether `changesOf` would find an editorial change in the equal runs of `runs`: the same
 * tests, answered at the first difference, with no change made.
 */
export function hasEditorialChange(
  runs: WordRun[],
  draftWords: Word[],
  draftText: string,
  precedentWords: Word[],
  precedentText: string,
): boolean {
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (run.op !== 'equal') continue;
    for (let k = 0; k < run.draftEnd - run.draftStart; k++) {
      const d = draftWords[run.draftStart + k]!;
      const p = precedentWords[run.precedentStart + k]!;
      if (wordDifference(d, draftText, p, precedentText)) return true;
      if (k === 0) continue;
      const dPrev = draftWords[run.draftStart + k - 1]!;
      const pPrev = precedentWords[run.precedentStart + k - 1]!;
      if (!sameGap(draftText, dPrev.end, d.start, precedentText, pPrev.end, p.start)) return true;
    }
  }
  return false;
}

function collectEditorial(
  run: WordRun,
  draftWords: Word[],
  draftText: string,
  precedentWords: Word[],
  precedentText: string,
  out: Change[],
): void {
  for (let k = 0; k < run.draftEnd - run.draftStart; k++) {
    const d = draftWords[run.draftStart + k]!;
    const p = precedentWords[run.precedentStart + k]!;
    const differs = wordDifference(d, draftText, p, precedentText);
    if (differs) out.push(editorialChange(differs, run.draftStart + k, run.precedentStart + k, 1));
    if (k === 0) continue;
    const dPrev = draftWords[run.draftStart + k - 1]!;
    const pPrev = precedentWords[run.precedentStart + k - 1]!;
    if (!sameGap(draftText, dPrev.end, d.start, precedentText, pPrev.end, p.start)) {
      const ds = gapText(draftText, dPrev.end, d.start);
      const ps = gapText(precedentText, pPrev.end, p.start);
      const hyphenish = (s: string) => /^\s*[-‐‑]?\s*$/.test(s);
      const reason = hyphenish(ds) && hyphenish(ps) ? 'hyphenation' : 'punctuation';
      out.push(editorialChange(reason, run.draftStart + k - 1, run.precedentStart + k - 1, 2));
    }
  }
}

function editorialChange(reason: ChangeReason, draftAt: number, precedentAt: number, length: number): Change {
  return {
    grade: GRADE_OF[reason],
    reason,
    draftStart: draftAt,
    draftEnd: draftAt + length,
    precedentStart: precedentAt,
    precedentEnd: precedentAt + length,
  };
}

/** The most serious grade among the changes. */
export function overallGrade(changes: Change[]): Grade {
  for (const grade of GRADE_ORDER) if (changes.some((c) => c.grade === grade)) return grade;
  return 'editorial';
}
