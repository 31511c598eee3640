/**
 * The precedent index: word 3-grams of every precedent's keys, hashed into buckets stored as two
 * flat typed arrays (bucket offsets and postings). A draft sentence reaches its candidates through
 * its own 3-grams, so the cost of a look-up depends on the sentence, not on the size of the acquis.
 */
import type { Precedent } from './model.js';
import type { Word } from '../text/words.js';

const SHINGLE = 3;

export interface Candidate {
  precedent: Precedent;
  /** Number of 3-grams the sentence shares with the precedent. */
  shared: number;
}

export class PrecedentIndex {
  readonly vocabulary: Map<string, number>;
  private bucketStarts: Uint32Array = new Uint32Array(1);
  private postings: Uint32Array = new Uint32Array(0);
  private mask = 0;
  /** Buckets with more postings than this are too common to tell precedents apart. */
  private maxPostings = 0;

  /**
   * `vocabulary`, when given, is the one the precedents' `ids` were made with (the acquis builder
   * interns words as it reads them); otherwise the words are interned here.
   */
  constructor(
    readonly precedents: Precedent[],
    vocabulary?: Map<string, number>,
  ) {
    this.vocabulary = vocabulary ?? new Map();
    if (!vocabulary) for (const p of precedents) p.ids = internWords(this.vocabulary, p.words);
    this.build();
  }

  /** Vocabulary ids for a draft's words; words the acquis never uses get -1. */
  idsOf(words: Word[]): Int32Array {
    const ids = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) ids[i] = this.vocabulary.get(words[i]!.key) ?? -1;
    return ids;
  }

  /** Precedents sharing at least `minShared` 3-grams with `ids`, most shared first. */
  candidates(ids: Int32Array, limit = 8): Candidate[] {
    const counts = new Map<number, number>();
    const seen = new Set<number>();
    for (let i = 0; i + SHINGLE <= ids.length; i++) {
      const a = ids[i]!;
      const b = ids[i + 1]!;
      const c = ids[i + 2]!;
      if (a < 0 || b < 0 || c < 0) continue;
      const bucket = hash3(a, b, c) & this.mask;
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      const from = this.bucketStarts[bucket]!;
      const to = this.bucketStarts[bucket + 1]!;
      if (to - from > this.maxPostings) continue;
      let previous = -1;
      for (let k = from; k < to; k++) {
        const id = this.postings[k]!;
        if (id === previous) continue; // postings are sorted: count each precedent once per bucket
        previous = id;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    const minShared = seen.size >= 4 ? 2 : 1;
    const out: Candidate[] = [];
    for (const [id, shared] of counts) {
      if (shared >= minShared) out.push({ precedent: this.precedents[id]!, shared });
    }
    out.sort((x, y) => y.shared - x.shared || x.precedent.id - y.precedent.id);
    return out.slice(0, limit);
  }

  /** Two passes (count, then fill) into a compressed bucket table: no per-bucket arrays. */
  private build(): void {
    let total = 0;
    for (const p of this.precedents) total += Math.max(0, p.ids.length - SHINGLE + 1);
    let buckets = 1024;
    while (buckets < total * 2 && buckets < 1 << 24) buckets <<= 1;
    this.mask = buckets - 1;
    const counts = new Uint32Array(buckets + 1);
    const bucketOf = new Uint32Array(total);
    let n = 0;
    for (const p of this.precedents) {
      const ids = p.ids;
      for (let i = 0; i + SHINGLE <= ids.length; i++) {
        const bucket = hash3(ids[i]!, ids[i + 1]!, ids[i + 2]!) & this.mask;
        bucketOf[n++] = bucket;
        counts[bucket + 1]!++;
      }
    }
    for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!;
    const fill = counts.slice(0, buckets);
    const postings = new Uint32Array(total);
    n = 0;
    for (const p of this.precedents) {
      for (let i = 0; i + SHINGLE <= p.ids.length; i++) postings[fill[bucketOf[n++]!]!++] = p.id;
    }
    this.bucketStarts = counts;
    this.postings = postings;
    // Precedents are visited in id order, so each bucket's postings come out sorted.
    this.maxPostings = Math.max(64, Math.ceil(this.precedents.length * 0.02));
  }
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1);
  h = Math.imul(h ^ (b + 0x7f4a7c15), 0x85ebca77);
  h = Math.imul(h ^ (c + 0x165667b1), 0xc2b2ae3d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Vocabulary ids for `words`, adding new keys to `vocabulary`. */
export function internWords(vocabulary: Map<string, number>, words: Word[]): Int32Array {
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const key = words[i]!.key;
    let id = vocabulary.get(key);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(key, id);
    }
    ids[i] = id;
  }
  return ids;
}

/** Merge vocabularies: each part's ids are translated into the merged vocabulary in place. */
export function mergeVocabularies(parts: Array<{ vocabulary: Map<string, number>; precedents: Precedent[] }>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const part of parts) {
    const translate = new Int32Array(part.vocabulary.size);
    for (const [key, id] of part.vocabulary) {
      let to = merged.get(key);
      if (to === undefined) {
        to = merged.size;
        merged.set(key, to);
      }
      translate[id] = to;
    }
    for (const p of part.precedents) for (let i = 0; i < p.ids.length; i++) p.ids[i] = translate[p.ids[i]!]!;
  }
  return merged;
}
