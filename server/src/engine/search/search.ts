/**
 * "What is the agreed language on X?": precedents ranked by relevance (rare words and shared
 * 3-grams), then consensus before vote, then the most recent; each with the words it shares with
 * the query marked, and its lineage (the same formulation in other documents).
 */
import type { Acquis } from '../acquis/acquis.js';
import { authorityOrder, type AdoptedDocument, type Precedent } from '../acquis/model.js';
import type { Matcher } from '../match/matcher.js';
import { idf, markSpans, readQuery, relevance, type SearchQuery } from './relevance.js';
import { wordPostings } from './word-postings.js';

export interface SearchOptions {
  /** Only precedents adopted by consensus. */
  consensusOnly?: boolean;
  /** Only documents of this body (`GGE`, `GA`, `OEWG`; case does not matter). */
  body?: string;
  /** Only documents adopted in this year or later. */
  since?: number;
  /** At most this many results (default 10). */
  limit?: number;
  /** Lowest relevance shown, 0 to 1 (default 0.2). */
  minScore?: number;
}

export interface SearchHit {
  precedent: Precedent;
  /** Relevance, 0 to 1. */
  score: number;
  /** Where the query's words appear in `precedent.text`. */
  marks: Array<{ start: number; end: number }>;
  /** The same formulation elsewhere, most authoritative first. */
  lineage: Precedent[];
}

export interface SearchResult {
  query: SearchQuery;
  /** Query words the acquis never uses (they cannot match). */
  unknownWords: string[];
  hits: SearchHit[];
}

/** A word used by more than this share of precedents only ranks; it does not select candidates. */
const COMMON_SHARE = 0.2;
const DEFAULT_LIMIT = 10;
const DEFAULT_MIN_SCORE = 0.2;
/**
 * Candidates scored in full: those carrying the most IDF weight of the query's selecting words
 * (a query of common words would otherwise score a large share of the acquis).
 */
export const SEARCH_CANDIDATES = 400;

/** Does a document pass the filters? */
export function admits(document: AdoptedDocument, options: SearchOptions): boolean {
  if (options.consensusOnly && document.adoption.kind !== 'consensus') return false;
  if (options.body && (document.body ?? '').toLowerCase() !== options.body.toLowerCase()) return false;
  if (options.since !== undefined && (document.year ?? 0) < options.since) return false;
  return true;
}

/**
 * IDF of each query word, from a document-frequency function. A word the acquis never uses weighs
 * as much as the known words do on average: "no such words anywhere" is not a good match for a
 * paragraph with "such", but a paragraph of new prose still finds the precedents on its subject.
 */
export function queryWeights(query: SearchQuery, df: (key: string) => number, total: number): Map<string, number> {
  const weights = new Map<string, number>();
  const unknown: string[] = [];
  let sum = 0;
  for (const key of query.keys) {
    const n = df(key);
    if (n === 0) {
      unknown.push(key);
      continue;
    }
    const w = idf(n, total);
    weights.set(key, w);
    sum += w;
  }
  const mean = weights.size ? sum / weights.size : 0;
  for (const key of unknown) weights.set(key, mean);
  return weights;
}

/** The query words that select candidates: the rarer ones, unless every word is common. */
export function selectingKeys(query: SearchQuery, df: (key: string) => number, total: number): string[] {
  const known = query.keys.filter((k) => df(k) > 0);
  const rare = known.filter((k) => df(k) <= Math.max(1, total * COMMON_SHARE));
  return rare.length ? rare : known;
}

/** Score and order candidates (relevance in whole percent, then consensus, then recency). */
export function rankCandidates(
  query: SearchQuery,
  weights: Map<string, number>,
  candidates: Iterable<Precedent>,
  options: SearchOptions,
): SearchHit[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const scored: Array<SearchHit & { percent: number }> = [];
  for (const precedent of candidates) {
    if (!admits(precedent.document, options)) continue;
    const words = precedent.words;
    const r = relevance(query, weights, words);
    if (r.score < minScore || !r.matched.length) continue;
    scored.push({
      precedent,
      score: r.score,
      percent: Math.round(r.score * 100),
      marks: markSpans(words, r.matched, precedent.text),
      lineage: [],
    });
  }
  scored.sort(
    (a, b) =>
      b.percent - a.percent ||
      authorityOrder(a.precedent.document, b.precedent.document) ||
      b.score - a.score ||
      a.precedent.document.uri.localeCompare(b.precedent.document.uri) ||
      a.precedent.span.start - b.precedent.span.start,
  );
  return scored.slice(0, options.limit ?? DEFAULT_LIMIT).map(({ percent: _percent, ...hit }) => hit);
}

/**
 * Lineage of a precedent: other documents whose precedents the matcher finds for (at least half
 * of) its text, as it would for a draft quoting it.
 */
export function lineageOf(precedent: Precedent, matcher: Matcher): Precedent[] {
  const out = new Map<string, Precedent>();
  const half = precedent.text.length / 2;
  for (const match of matcher.match(precedent.text)) {
    if (match.end - match.start < half) continue;
    for (const p of [match.precedent, ...match.lineage.map((m) => m.precedent)]) {
      if (p.document === precedent.document || p.document.uri === precedent.document.uri) continue;
      out.set(`${p.document.uri}#${p.span.start}`, p);
    }
  }
  return [...out.values()].sort((a, b) => authorityOrder(a.document, b.document));
}

/** Search an acquis held in memory. */
export function searchAcquis(acquis: Acquis, text: string, options: SearchOptions = {}, matcher?: Matcher): SearchResult {
  const query = readQuery(text);
  const postings = wordPostings(acquis);
  const df = (key: string): number => postings.df(key);
  const weights = queryWeights(query, df, postings.total);
  const selecting = new Map(selectingKeys(query, df, postings.total).map((k) => [k, weights.get(k)!]));
  const ids = postings.heaviest(selecting, SEARCH_CANDIDATES);
  const hits = rankCandidates(query, weights, ids.map((id) => acquis.precedents[id]!), options);
  if (matcher) for (const hit of hits) hit.lineage = lineageOf(hit.precedent, matcher);
  return { query, unknownWords: query.keys.filter((k) => df(k) === 0), hits };
}
