/**
 * Relevance of a precedent to a search: the query's words weighted by how rare they are in the
 * acquis (inverse document frequency), plus the share of the query's word 3-grams (2-grams for a
 * two-word query) the precedent repeats (the n-grams the matcher works with, so a phrase scores above the same words scattered).
 * Pure functions over word keys: the local search and the store's search score with the same code.
 */
import { readWords, type Word } from '../text/words.js';

/** What the query was read as. */
export interface SearchQuery {
  text: string;
  /** Distinct word keys of the query, in query order. */
  keys: string[];
  /** The query's word keys in order (with repeats), for its 3-grams. */
  sequence: string[];
}

export function readQuery(text: string): SearchQuery {
  const sequence = readWords(text).map((w) => w.key);
  return { text, keys: [...new Set(sequence)], sequence };
}

/** Inverse document frequency, BM25's form: never negative, about ln(N/df) for rare words. */
export function idf(df: number, total: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/** Weight of the word-match part against the 3-gram part, when the query has 3-grams. */
const WORD_WEIGHT = 0.7;

export interface Relevance {
  /** 0 to 1. */
  score: number;
  /** Share of the query's weight (IDF) the precedent's words carry. */
  words: number;
  /** Share of the query's 3-grams found in the precedent. */
  ngrams: number;
  /** Indices into the precedent's words of the words that match the query. */
  matched: number[];
}

/**
 * Scores one precedent's words against the query. `weights` holds the IDF of each query key.
 */
export function relevance(query: SearchQuery, weights: Map<string, number>, words: readonly Word[]): Relevance {
  let total = 0;
  for (const key of query.keys) total += weights.get(key) ?? 0;
  const present = new Set<string>();
  const matched: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const key = words[i]!.key;
    if (weights.has(key)) {
      present.add(key);
      matched.push(i);
    }
  }
  let got = 0;
  for (const key of present) got += weights.get(key)!;
  const wordShare = total > 0 ? got / total : 0;
  // 3-grams as the matcher uses them; a two-word query is its own phrase (a 2-gram).
  const n = Math.min(3, query.sequence.length);
  const queryGrams = n >= 2 ? grams(query.sequence, n) : new Set<string>();
  let ngramShare = 0;
  if (queryGrams.size) {
    const own = grams(words.map((w) => w.key), n);
    let shared = 0;
    for (const g of queryGrams) if (own.has(g)) shared++;
    ngramShare = shared / queryGrams.size;
  }
  const score = queryGrams.size ? WORD_WEIGHT * wordShare + (1 - WORD_WEIGHT) * ngramShare : wordShare;
  return { score, words: wordShare, ngrams: ngramShare, matched };
}

function grams(keys: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= keys.length; i++) out.add(keys.slice(i, i + n).join('\u0001'));
  return out;
}

/** Spans (offsets in the text) of matched words, adjacent ones joined into one mark. */
export function markSpans(words: readonly Word[], matched: number[], text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const isMatched = new Set(matched);
  for (const i of matched) {
    const w = words[i]!;
    const last = out[out.length - 1];
    if (last && i > 0 && isMatched.has(i - 1) && /^\s+$/.test(text.slice(last.end, w.start))) last.end = w.end;
    else out.push({ start: w.start, end: w.end });
  }
  return out;
}
