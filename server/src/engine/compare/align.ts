/**
 * Paragraph alignment between two revisions, by content, never by number.
 *
 * 1. Candidates: old and new paragraphs that share word 3-grams (of word keys), found through an
 *    index of the old revision's 3-grams (3-grams found in very many paragraphs are skipped).
 * 2. Each candidate pair is compared word by word (diff-match-patch over word keys, semantic
 *    cleanup): `equal` words, `similarity` = 2 * equal / (old words + new words), and the share of
 *    each side found in the other (`oldShare`, `newShare`).
 * 3. Splits and merges: a new paragraph is a part of an old one when at least `contained` of its
 *    words come from it (and that old paragraph is its best source) and it covers at least
 *    `partShare` of the old paragraph's words; two or more parts that together cover at least
 *    `groupCover` of the old paragraph, and `groupGain` more than the best part alone, make a
 *    split. Merges are the same the other way round. Groups are taken best covered first.
 * 4. One-to-one pairs, most similar first, with `similarity >= match`.
 * 5. Leftovers that stand in the same gap between aligned paragraphs are paired when
 *    `similarity >= inPlace` (a paragraph rewritten where it stood).
 * 6. Moves: the largest set of relations (weighted by their words) whose old and new orders agree
 *    stays in sequence; any other one-to-one pair is `moved`.
 */
import type { WordRun } from '../match/word-diff.js';
import { alignKeys } from './key-diff.js';
import type { MappingKind } from './model.js';
import type { RevisionParagraph } from './revision.js';

export interface AlignOptions {
  /** Least similarity of a one-to-one pair. */
  match: number;
  /** Least similarity of a pair of leftovers in the same gap. */
  inPlace: number;
  /** Least share of a part's words that must come from the whole (split or merge). */
  contained: number;
  /** Least share of the whole's words that a part must cover. */
  partShare: number;
  /** Least share of the whole's words the parts must cover together. */
  groupCover: number;
  /** How much more of the whole the parts must cover together than the best part alone. */
  groupGain: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  match: 0.5,
  inPlace: 0.35,
  contained: 0.6,
  partShare: 0.15,
  groupCover: 0.6,
  groupGain: 0.15,
};

export interface Relation {
  kind: MappingKind;
  /** Indices of old paragraphs, in old order. */
  olds: number[];
  /** Indices of new paragraphs, in new order. */
  news: number[];
  similarity: number;
}

interface PairStat {
  o: number;
  n: number;
  equal: number;
  similarity: number;
  oldShare: number;
  newShare: number;
  runs: WordRun[];
}

/** Word similarity of two key sequences: 2 * equal / (a + b), with the diff it came from. */
export function keySimilarity(a: string[], b: string[]): { similarity: number; equal: number; runs: WordRun[] } {
  if (a.length === 0 && b.length === 0) return { similarity: 1, equal: 0, runs: [] };
  if (a.length === 0 || b.length === 0) return { similarity: 0, equal: 0, runs: [] };
  const runs = alignKeys(a, b);
  let equal = 0;
  for (const r of runs) if (r.op === 'equal') equal += r.draftEnd - r.draftStart;
  return { similarity: (2 * equal) / (a.length + b.length), equal, runs };
}

export function alignParagraphs(
  olds: RevisionParagraph[],
  news: RevisionParagraph[],
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
): Relation[] {
  const stats = new Map<number, PairStat>();
  const pairKey = (o: number, n: number): number => o * (news.length + 1) + n;
  const stat = (o: number, n: number): PairStat => {
    const key = pairKey(o, n);
    let s = stats.get(key);
    if (!s) {
      const a = olds[o]!.current.keys;
      const b = news[n]!.current.keys;
      const { similarity, equal, runs } = keySimilarity(a, b);
      s = {
        o,
        n,
        equal,
        similarity,
        oldShare: a.length ? equal / a.length : 0,
        newShare: b.length ? equal / b.length : 0,
        runs,
      };
      stats.set(key, s);
    }
    return s;
  };

  // 1-2. Candidates through the 3-gram index, then their word diffs.
  const candidates = candidatePairs(olds, news).map(([o, n]) => stat(o, n));
  // Texts with no words at all (a lone placeholder) are equal when their punctuation is.
  for (const o of olds) {
    if (o.current.keys.length) continue;
    for (const n of news) {
      if (!n.current.keys.length && sameTokens(o, n) && o.tokens.length) candidates.push({ ...stat(o.index, n.index), similarity: 1 });
    }
  }

  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const relations: Relation[] = [];

  // 3. Splits and merges.
  const bestSource = new Map<number, PairStat>();
  const bestDest = new Map<number, PairStat>();
  for (const s of candidates) {
    const bs = bestSource.get(s.n);
    if (!bs || s.equal > bs.equal) bestSource.set(s.n, s);
    const bd = bestDest.get(s.o);
    if (!bd || s.equal > bd.equal) bestDest.set(s.o, s);
  }
  interface Group {
    olds: number[];
    news: number[];
    cover: number;
  }
  const groups: Group[] = [];
  const partsByOld = new Map<number, PairStat[]>();
  const partsByNew = new Map<number, PairStat[]>();
  for (const s of candidates) {
    if (s.newShare >= options.contained && s.oldShare >= options.partShare && bestSource.get(s.n) === s) {
      partsByOld.set(s.o, [...(partsByOld.get(s.o) ?? []), s]);
    }
    if (s.oldShare >= options.contained && s.newShare >= options.partShare && bestDest.get(s.o) === s) {
      partsByNew.set(s.n, [...(partsByNew.get(s.n) ?? []), s]);
    }
  }
  for (const [o, parts] of partsByOld) {
    if (parts.length < 2) continue;
    const covered = new Uint8Array(olds[o]!.current.keys.length);
    for (const p of parts) for (const r of p.runs) if (r.op === 'equal') covered.fill(1, r.draftStart, r.draftEnd);
    const cover = count(covered) / covered.length;
    const best = Math.max(...parts.map((p) => p.oldShare));
    if (cover >= options.groupCover && cover - best >= options.groupGain) {
      groups.push({ olds: [o], news: parts.map((p) => p.n).sort((a, b) => a - b), cover });
    }
  }
  for (const [n, parts] of partsByNew) {
    if (parts.length < 2) continue;
    const covered = new Uint8Array(news[n]!.current.keys.length);
    for (const p of parts) for (const r of p.runs) if (r.op === 'equal') covered.fill(1, r.precedentStart, r.precedentEnd);
    const cover = count(covered) / covered.length;
    const best = Math.max(...parts.map((p) => p.newShare));
    if (cover >= options.groupCover && cover - best >= options.groupGain) {
      groups.push({ olds: parts.map((p) => p.o).sort((a, b) => a - b), news: [n], cover });
    }
  }
  groups.sort((a, b) => b.cover - a.cover || a.olds[0]! - b.olds[0]! || a.news[0]! - b.news[0]!);
  for (const g of groups) {
    if (g.olds.some((o) => usedOld.has(o)) || g.news.some((n) => usedNew.has(n))) continue;
    g.olds.forEach((o) => usedOld.add(o));
    g.news.forEach((n) => usedNew.add(n));
    const a = g.olds.flatMap((o) => olds[o]!.current.keys);
    const b = g.news.flatMap((n) => news[n]!.current.keys);
    relations.push({ kind: g.news.length > 1 ? 'split' : 'merged', olds: g.olds, news: g.news, similarity: keySimilarity(a, b).similarity });
  }

  // 4. One-to-one pairs, most similar first.
  const pairs = candidates.filter((s) => s.similarity >= options.match).sort(bySimilarity);
  for (const s of pairs) {
    if (usedOld.has(s.o) || usedNew.has(s.n)) continue;
    usedOld.add(s.o);
    usedNew.add(s.n);
    relations.push({ kind: 'changed', olds: [s.o], news: [s.n], similarity: s.similarity });
  }

  // 5. Leftovers rewritten in place: same gap between aligned paragraphs.
  const gapOld = gapsOf(olds.length, relations, (r) => r.olds, (r) => r.news);
  const gapNew = gapsOf(news.length, relations, (r) => r.news, (r) => r.news);
  const leftovers: PairStat[] = [];
  for (let o = 0; o < olds.length; o++) {
    if (usedOld.has(o)) continue;
    for (let n = 0; n < news.length; n++) {
      if (usedNew.has(n) || gapOld[o] !== gapNew[n]) continue;
      const s = stat(o, n);
      if (s.similarity >= options.inPlace) leftovers.push(s);
    }
  }
  for (const s of leftovers.sort(bySimilarity)) {
    if (usedOld.has(s.o) || usedNew.has(s.n)) continue;
    usedOld.add(s.o);
    usedNew.add(s.n);
    relations.push({ kind: 'changed', olds: [s.o], news: [s.n], similarity: s.similarity });
  }

  // 6. Moves, then same/changed.
  const inSequence = longestAgreeingOrder(relations, olds, news);
  for (const r of relations) {
    if (r.kind !== 'changed') continue;
    if (!inSequence.has(r)) r.kind = 'moved';
    else if (sameTokens(olds[r.olds[0]!]!, news[r.news[0]!]!)) r.kind = 'same';
  }
  for (let o = 0; o < olds.length; o++) if (!usedOld.has(o)) relations.push({ kind: 'removed', olds: [o], news: [], similarity: 0 });
  for (let n = 0; n < news.length; n++) if (!usedNew.has(n)) relations.push({ kind: 'added', olds: [], news: [n], similarity: 0 });
  return orderRelations(relations);
}

const bySimilarity = (a: PairStat, b: PairStat): number => b.similarity - a.similarity || a.o - b.o || a.n - b.n;

function count(bits: Uint8Array): number {
  let n = 0;
  for (const b of bits) n += b;
  return n;
}

function sameTokens(a: RevisionParagraph, b: RevisionParagraph): boolean {
  if (a.tokens.length !== b.tokens.length) return false;
  for (let i = 0; i < a.tokens.length; i++) if (a.tokens[i]!.text !== b.tokens[i]!.text) return false;
  return true;
}

/**
 * Old/new pairs sharing enough 3-grams to be worth a word diff. A 3-gram found in more than
 * `common` old paragraphs says little and is skipped; a pair needs shared 3-grams for at least
 * `CANDIDATE_SHARE` of the shorter paragraph's. (A part of a split shares most of its 3-grams with
 * the whole; a pair at the `match` similarity, with its changes spread out, still shares about a
 * fifth of them.)
 */
const CANDIDATE_SHARE = 0.15;

function candidatePairs(olds: RevisionParagraph[], news: RevisionParagraph[]): Array<[number, number]> {
  const index = new Map<string, number[]>();
  for (const o of olds) {
    for (const s of o.shingles) {
      const list = index.get(s);
      if (list) list.push(o.index);
      else index.set(s, [o.index]);
    }
  }
  const common = Math.max(8, Math.ceil(olds.length * 0.05));
  const out: Array<[number, number]> = [];
  const shared = new Map<number, number>();
  for (const n of news) {
    shared.clear();
    for (const s of n.shingles) {
      const list = index.get(s);
      if (!list || list.length > common) continue;
      for (const o of list) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    for (const [o, k] of shared) {
      const smaller = Math.min(olds[o]!.shingles.size, n.shingles.size);
      if (k >= Math.max(1, CANDIDATE_SHARE * smaller)) out.push([o, n.index]);
    }
  }
  return out;
}

/**
 * For each paragraph of one side, which gap between aligned relations it stands in: the position
 * (in new order) of the last aligned relation before it, or -1.
 */
function gapsOf(
  length: number,
  relations: Relation[],
  side: (r: Relation) => number[],
  newSide: (r: Relation) => number[],
): number[] {
  const anchorAt = new Array<number>(length).fill(-2);
  for (const r of relations) for (const i of side(r)) anchorAt[i] = newSide(r)[0]!;
  const out = new Array<number>(length);
  let last = -1;
  for (let i = 0; i < length; i++) {
    if (anchorAt[i]! >= -1) last = anchorAt[i]!;
    out[i] = last;
  }
  return out;
}

/**
 * The heaviest chain of relations whose old and new orders agree (weight: the words they hold),
 * by dynamic programming over relations in old order. Quadratic, which is fine for the few
 * hundred paragraphs of a report.
 */
function longestAgreeingOrder(relations: Relation[], olds: RevisionParagraph[], news: RevisionParagraph[]): Set<Relation> {
  const sorted = [...relations].sort((a, b) => a.olds[0]! - b.olds[0]!);
  const weight = sorted.map((r) => 1 + r.olds.reduce((w, o) => w + olds[o]!.current.keys.length, 0) + r.news.reduce((w, n) => w + news[n]!.current.keys.length, 0));
  const best = new Float64Array(sorted.length);
  const prev = new Int32Array(sorted.length).fill(-1);
  for (let i = 0; i < sorted.length; i++) {
    best[i] = weight[i]!;
    const ni = sorted[i]!.news[0]!;
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.news[sorted[j]!.news.length - 1]! < ni && best[j]! + weight[i]! > best[i]!) {
        best[i] = best[j]! + weight[i]!;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < sorted.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const out = new Set<Relation>();
  for (let i = end; i >= 0; i = prev[i]!) out.add(sorted[i]!);
  return out;
}

/** In new order; a removed paragraph right after the relation of the old paragraph before it. */
function orderRelations(relations: Relation[]): Relation[] {
  const byOld = new Map<number, Relation>();
  for (const r of relations) for (const o of r.olds) byOld.set(o, r);
  const position = (r: Relation): [number, number] => {
    if (r.news.length) return [r.news[0]!, 0];
    // Removed: after the new position of the nearest earlier old paragraph that has one.
    for (let o = r.olds[0]! - 1; o >= 0; o--) {
      const before = byOld.get(o);
      if (before && before.news.length) return [before.news[before.news.length - 1]!, 1 + r.olds[0]! / 1e6];
    }
    return [-1, 1 + r.olds[0]! / 1e6];
  };
  const keyed = relations.map((r) => ({ r, p: position(r) }));
  keyed.sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1]);
  return keyed.map((k) => k.r);
}
