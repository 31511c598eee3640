/**
 * Finding precedents for a stretch of draft text: for each sentence, candidates from the index,
 * local alignment against each, the word diff of the aligned stretch, then ranking by closeness
 * and authority (consensus before vote, then recency). Results are cached by text, so an editor
 * re-aligns only the paragraphs that changed.
 */
import type { Acquis } from '../acquis/acquis.js';
import { authorityOrder, type Precedent } from '../acquis/model.js';
import { splitSentences } from '../text/sentences.js';
import { readWords, type Word } from '../text/words.js';
import { alignLocal, type LocalAlignment } from './align.js';
import { changesOf, overallGrade, type Change, type Grade } from './grade.js';
import { diffWords } from './word-diff.js';

export interface PrecedentMatch {
  kind: 'agreed' | 'deviation';
  /** True when the draft quotes only part of the precedent sentence. */
  partial: boolean;
  precedent: Precedent;
  /** Offsets of the quoted stretch in the matched text. */
  start: number;
  end: number;
  /** Share of equal words in the aligned stretch (1 for agreed language). */
  identity: number;
  /** Aligned words: the draft's (offsets in the matched text) and the precedent's. */
  draftWords: Word[];
  precedentWords: Word[];
  changes: Change[];
  grade?: Grade;
  /** Other precedents for the same stretch, most authoritative first. */
  lineage: PrecedentMatch[];
}

export interface MatcherOptions {
  /** Fewest equal words for a stretch to count as a quote (default 6). */
  minWords?: number;
  /** Lowest share of equal words in the aligned stretch (default 0.6). */
  minIdentity?: number;
}

const CACHE_LIMIT = 20_000;
/** How much closer a voted precedent must be to outrank a consensus one. */
const AUTHORITY_BAND = 0.15;
/** At most this many unmatched precedent words at a sentence end are read as a changed ending. */
const END_SLACK = 3;

export class Matcher {
  private readonly cache = new Map<string, PrecedentMatch[]>();
  private readonly minWords: number;
  private readonly minIdentity: number;

  constructor(
    readonly acquis: Acquis,
    options: MatcherOptions = {},
  ) {
    this.minWords = options.minWords ?? 6;
    this.minIdentity = options.minIdentity ?? 0.6;
  }

  /** Precedent matches in `text` (a view of a paragraph), in text order. */
  match(text: string): PrecedentMatch[] {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const out: PrecedentMatch[] = [];
    for (const sentence of splitSentences(text)) {
      const words = readWords(text, sentence.start, sentence.end);
      if (words.length < this.minWords) continue;
      out.push(...this.matchSentence(text, words));
    }
    out.sort((a, b) => a.start - b.start);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, out);
    return out;
  }

  private matchSentence(text: string, words: Word[]): PrecedentMatch[] {
    const ids = this.acquis.index.idsOf(words);
    const found: PrecedentMatch[] = [];
    for (const candidate of this.acquis.index.candidates(ids)) {
      const match = this.evaluate(text, words, ids, candidate.precedent);
      if (match) found.push(match);
    }
    return selectPrimaries(found);
  }

  private evaluate(text: string, words: Word[], ids: Int32Array, precedent: Precedent): PrecedentMatch | undefined {
    const alignment = alignLocal(ids, precedent.ids);
    if (!alignment || alignment.matches < this.minWords) return undefined;
    extendEnds(alignment, words.length, precedent.words.length);
    const draftWords = words.slice(alignment.draftStart, alignment.draftEnd);
    const precedentWords = precedent.words.slice(alignment.precedentStart, alignment.precedentEnd);
    const runs = diffWords(
      draftWords.map((w) => w.key),
      precedentWords.map((w) => w.key),
    );
    let equal = 0;
    for (const run of runs) if (run.op === 'equal') equal += run.draftEnd - run.draftStart;
    const identity = equal / Math.max(draftWords.length, precedentWords.length);
    if (equal < this.minWords || identity < this.minIdentity) return undefined;
    const changes = changesOf(runs, draftWords, text, precedentWords, precedent.text);
    const match: PrecedentMatch = {
      kind: changes.length ? 'deviation' : 'agreed',
      partial: alignment.precedentStart > 0 || alignment.precedentEnd < precedent.words.length,
      precedent,
      start: draftWords[0]!.start,
      end: draftWords[draftWords.length - 1]!.end,
      identity,
      draftWords,
      precedentWords,
      changes,
      lineage: [],
    };
    if (changes.length) match.grade = overallGrade(changes);
    return match;
  }
}

/**
 * A changed ending is still part of the quote: when the precedent has a few words left at its end
 * and the draft sentence ends after a few words too, take both ends into the alignment. A draft
 * that goes on longer is adding new text, which is not a departure. Beginnings are not extended:
 * reports reword the opening of a precedent ("Noting that" becomes "States noted that") as a
 * matter of course.
 */
function extendEnds(a: LocalAlignment, draftLength: number, precedentLength: number): void {
  const precedentTail = precedentLength - a.precedentEnd;
  const draftTail = draftLength - a.draftEnd;
  if (precedentTail > 0 && precedentTail <= END_SLACK && draftTail > 0 && draftTail <= precedentTail + 2) {
    a.precedentEnd = precedentLength;
    a.draftEnd = draftLength;
  }
}

/**
 * Keep one primary match per stretch of the sentence: the closest, unless a more authoritative
 * precedent is nearly as close. The others become its lineage.
 */
function selectPrimaries(found: PrecedentMatch[]): PrecedentMatch[] {
  const equalWords = (m: PrecedentMatch): number => m.identity * Math.max(m.draftWords.length, m.precedentWords.length);
  const pool = [...found].sort((a, b) => equalWords(b) - equalWords(a) || b.identity - a.identity);
  const out: PrecedentMatch[] = [];
  while (pool.length) {
    const best = pool[0]!;
    const overlapping = pool.filter((m) => m.start < best.end && best.start < m.end);
    // Rivals quote about as much of the sentence about as faithfully; among them authority decides.
    const band = overlapping.filter(
      (m) => m.identity >= best.identity - AUTHORITY_BAND && equalWords(m) >= equalWords(best) * 0.85,
    );
    band.sort((a, b) => authorityOrder(a.precedent.document, b.precedent.document) || b.identity - a.identity);
    const primary = band[0]!;
    // Lineage: other documents with (nearly) the same formulation, not a passing overlap.
    primary.lineage = overlapping
      .filter((m) => m !== primary && equalWords(m) >= equalWords(primary) * 0.5)
      .sort((a, b) => authorityOrder(a.precedent.document, b.precedent.document));
    out.push(primary);
    for (const m of overlapping) pool.splice(pool.indexOf(m), 1);
  }
  return out;
}
