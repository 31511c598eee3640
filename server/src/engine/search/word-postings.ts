/**
 * Which precedents use each word: postings by the acquis vocabulary id, in two flat arrays (an
 * offset per word and the precedent ids), built on the first search. Gives each word's document
 * frequency (for IDF) and the candidates of a search without scanning the acquis.
 */
import type { Acquis } from '../acquis/acquis.js';

export class WordPostings {
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;

  constructor(private readonly acquis: Acquis) {
    const size = acquis.index.vocabulary.size;
    const counts = new Uint32Array(size + 1);
    // A word counts once per precedent: mark the last precedent that counted it.
    const last = new Int32Array(size).fill(-1);
    for (const p of acquis.precedents) {
      for (const id of p.ids) {
        if (id < 0 || last[id] === p.id) continue;
        last[id] = p.id;
        counts[id + 1]!++;
      }
    }
    for (let i = 0; i < size; i++) counts[i + 1]! += counts[i]!;
    const fill = counts.slice(0, size);
    const postings = new Uint32Array(counts[size]!);
    last.fill(-1);
    for (const p of acquis.precedents) {
      for (const id of p.ids) {
        if (id < 0 || last[id] === p.id) continue;
        last[id] = p.id;
        postings[fill[id]!++] = p.id;
      }
    }
    this.starts = counts;
    this.postings = postings;
  }

  /** Number of precedents. */
  get total(): number {
    return this.acquis.precedents.length;
  }

  /** Number of precedents using the word with this key (0 if the acquis never uses it). */
  df(key: string): number {
    const id = this.acquis.index.vocabulary.get(key);
    return id === undefined ? 0 : this.starts[id + 1]! - this.starts[id]!;
  }

  /**
   * Ids of the `limit` precedents carrying the most weight of `weights` (word key -> weight), most
   * first: the candidates worth scoring in full (the store orders its candidates the same way).
   */
  heaviest(weights: Map<string, number>, limit: number): number[] {
    const sums = new Map<number, number>();
    for (const [key, weight] of weights) {
      const id = this.acquis.index.vocabulary.get(key);
      if (id === undefined) continue;
      for (let k = this.starts[id]!; k < this.starts[id + 1]!; k++) {
        const p = this.postings[k]!;
        sums.set(p, (sums.get(p) ?? 0) + weight);
      }
    }
    return [...sums].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([id]) => id);
  }

  /** Ids of the precedents using any of `keys`. */
  precedentsWithAny(keys: string[]): Set<number> {
    const out = new Set<number>();
    for (const key of keys) {
      const id = this.acquis.index.vocabulary.get(key);
      if (id === undefined) continue;
      for (let k = this.starts[id]!; k < this.starts[id + 1]!; k++) out.add(this.postings[k]!);
    }
    return out;
  }
}

const cache = new WeakMap<Acquis, WordPostings>();

/** The postings of an acquis, built once (an acquis does not change once built). */
export function wordPostings(acquis: Acquis): WordPostings {
  let postings = cache.get(acquis);
  if (!postings) cache.set(acquis, (postings = new WordPostings(acquis)));
  return postings;
}
