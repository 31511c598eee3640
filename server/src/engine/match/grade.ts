/**
 * Changes between a draft's quote and its precedent, and their grade:
 * - substantive: a negation, modal verb, qualifier or quantifier added, dropped or swapped;
 * - wording: any other word changed, added or dropped;
 * - structural: the same words in another order;
 * - editorial: a US spelling or a change of hyphenation.
 */
import type { Word } from '../text/words.js';
import { separatorKind } from '../text/words.js';
import type { WordRun } from './word-diff.js';

export type Grade = 'substantive' | 'wording' | 'structural' | 'editorial';
export type ChangeReason =
  | 'negation'
  | 'modal verb'
  | 'qualifier'
  | 'quantifier'
  | 'wording'
  | 'word order'
  | 'spelling'
  | 'hyphenation';

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

const NEGATIONS = new Set(['not', 'no', 'never', 'neither', 'nor', 'non', 'without', 'cannot', 'none', 'nothing']);
const MODALS = new Set(['should', 'must', 'may', 'shall', 'will', 'can', 'could', 'would', 'might', 'need', 'needs', 'ought']);
const QUANTIFIERS = new Set([
  'all', 'some', 'many', 'most', 'every', 'each', 'any', 'few', 'several', 'other', 'further', 'additional',
  'only', 'more', 'less', 'certain', 'both', 'either', 'various', 'numerous', 'whole', 'entirety',
]);
const QUALIFIERS = new Set([
  'voluntary', 'binding', 'legally', 'politically', 'appropriate', 'appropriately', 'relevant', 'existing',
  'possible', 'possibly', 'potential', 'reasonable', 'reasonably', 'significant', 'substantially',
  'intentionally', 'knowingly', 'necessary', 'essentially', 'particular', 'particularly', 'especially',
  'primary', 'full', 'fully', 'effective', 'effectively', 'applicable', 'consistent', 'inherent', 'agreed',
]);

function reasonOf(keys: string[]): ChangeReason {
  if (keys.some((k) => NEGATIONS.has(k))) return 'negation';
  if (keys.some((k) => MODALS.has(k))) return 'modal verb';
  if (keys.some((k) => QUALIFIERS.has(k))) return 'qualifier';
  if (keys.some((k) => QUANTIFIERS.has(k))) return 'quantifier';
  return 'wording';
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
    const keys = [
      ...draftWords.slice(hunk.draftStart, hunk.draftEnd).map((w) => w.key),
      ...precedentWords.slice(hunk.precedentStart, hunk.precedentEnd).map((w) => w.key),
    ];
    hunk.reason = reasonOf(keys);
    hunk.grade = hunk.reason === 'wording' ? 'wording' : 'substantive';
  }
  return [...hunks, ...editorial].sort((a, b) => a.draftStart - b.draftStart || a.draftEnd - b.draftEnd);
}

/** A hunk whose words all reappear on the other side elsewhere is a change of word order. */
function markMoves(hunks: Change[], draftWords: Word[], precedentWords: Word[]): void {
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
    if (!d.abbreviation && !p.abbreviation && d.form !== p.form) {
      out.push(editorialChange('spelling', run.draftStart + k, run.precedentStart + k, 1));
    }
    if (k === 0) continue;
    const dPrev = draftWords[run.draftStart + k - 1]!;
    const pPrev = precedentWords[run.precedentStart + k - 1]!;
    const ds = separatorKind(draftText, dPrev, d);
    const ps = separatorKind(precedentText, pPrev, p);
    if (ds !== ps && ds !== 'other' && ps !== 'other') {
      out.push(editorialChange('hyphenation', run.draftStart + k - 1, run.precedentStart + k - 1, 2));
    }
  }
}

function editorialChange(reason: ChangeReason, draftAt: number, precedentAt: number, length: number): Change {
  return {
    grade: 'editorial',
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
