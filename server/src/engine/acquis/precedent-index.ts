/**
 * The precedent index: word 3-grams of every precedent's keys, hashed into buckets stored as two
 * flat typed arrays (bucket offsets and postings). A draft sentence reaches its candidates through
 * its own 3-grams, so the cost of a look-up depends on the sentence, not on the size of the acquis.
 */
import type { Precedent } from './model.js';
import type { Word } from '../text/words.js';
import { TablePrecedent } from './precedent-table.js';

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
  }

  /**
   * The tables are made on first use: an acquis that is merged into a larger one (the project's
   * folders with the built-in acquis) never builds its own.
   */
  private built = false;

  private ensureBuilt(): void {
    if (this.built) return;
    this.built = true;
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
    this.ensureBuilt();
    // Counts per precedent in reused arrays: an entry is valid only if stamped with this look-up's
    // generation, so nothing is cleared or allocated per sentence (this runs for every sentence).
    const scratch = this.scratchFor();
    const generation = ++scratch.generation;
    const touched: number[] = [];
    const seen = new Set<number>();
    let looked = 0;
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
      looked++;
      let previous = -1;
      for (let k = from; k < to; k++) {
        const id = this.postings[k]!;
        if (id === previous) continue; // postings are sorted: count each precedent once per bucket
        previous = id;
        if (scratch.stamps[id] !== generation) {
          scratch.stamps[id] = generation;
          scratch.counts[id] = 0;
          touched.push(id);
        }
        scratch.counts[id]!++;
      }
    }
    const minShared = seen.size >= 4 ? 2 : 1;
    // Bucket counts are approximate: a bucket also holds the 3-grams that collide with it, and two
    // of the sentence's 3-grams may fall in one bucket. Collisions depend on the size of the acquis,
    // so the same precedent would rank differently in another acquis (a store's working acquis, a
    // larger folder). The leading precedents are therefore counted again, exactly.
    const triples = sentenceTriples(ids, (a, b, c) => {
      const bucket = hash3(a, b, c) & this.mask;
      return this.bucketStarts[bucket + 1]! - this.bucketStarts[bucket]! <= this.maxPostings;
    });
    // An exact count exceeds its bucket count only where two of the sentence's 3-grams share a bucket.
    const merged = Math.max(0, triples.size - looked);
    // Only precedents whose bucket count could still reach `minShared` are worth a recount: in a
    // large acquis most share a single common 3-gram with the sentence and are dropped here.
    const rough: Array<readonly [number, number]> = [];
    for (const id of touched) {
      const upper = scratch.counts[id]!;
      if (upper + merged >= minShared) rough.push([id, upper]);
    }
    rough.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const exact: Candidate[] = [];
    let kth = -1;
    for (const [id, upper] of rough) {
      if (exact.length >= limit && upper + merged < kth) break;
      const precedent = this.precedents[id]!;
      const shared = sharedTriples(precedent.ids, triples.byPair);
      if (shared < minShared) continue;
      exact.push({ precedent, shared });
      if (exact.length >= limit) {
        exact.sort(byShared);
        exact.length = limit;
        kth = exact[limit - 1]!.shared;
      }
    }
    return exact.sort(byShared).slice(0, limit);
  }

  private scratch?: { stamps: Uint32Array; counts: Uint32Array; generation: number };

  private scratchFor(): { stamps: Uint32Array; counts: Uint32Array; generation: number } {
    const n = this.precedents.length;
    if (!this.scratch || this.scratch.stamps.length < n || this.scratch.generation >= 0xfffffff0) {
      this.scratch = { stamps: new Uint32Array(n), counts: new Uint32Array(n), generation: 0 };
    }
    return this.scratch;
  }

  /** An index read back from an index file: its tables are used as they are. */
  static fromTables(precedents: Precedent[], vocabulary: Map<string, number>, tables: IndexTables): PrecedentIndex {
    const index = Object.create(PrecedentIndex.prototype) as PrecedentIndex;
    Object.assign(index, { precedents, vocabulary, built: true, bucketStarts: tables.bucketStarts, postings: tables.postings, mask: tables.bucketStarts.length - 2, maxPostings: tables.maxPostings });
    return index;
  }

  /** The tables, to write them to an index file. */
  tables(): IndexTables {
    this.ensureBuilt();
    return { bucketStarts: this.bucketStarts, postings: this.postings, maxPostings: this.maxPostings };
  }

  /**
   * Two passes over the precedents' ids (count, then fill) into a compressed bucket table: no
   * per-bucket arrays, and no array of every 3-gram's bucket (the hash is computed twice instead).
   * Buckets too common to be looked at (over `maxPostings`) are left empty.
   */
  private build(): void {
    const segments = segmentsOf(this.precedents);
    let shingles = 0;
    for (const { idStarts, from, to } of segments) for (let r = from; r < to; r++) shingles += Math.max(0, idStarts[r + 1]! - idStarts[r]! - SHINGLE + 1);
    let buckets = 1024;
    while (buckets < shingles * 2 && buckets < 1 << 24) buckets <<= 1;
    const mask = (this.mask = buckets - 1);
    const counts = new Uint32Array(buckets + 1);
    for (const { idStarts, ids, from, to } of segments) {
      for (let r = from; r < to; r++) {
        const end = idStarts[r + 1]!;
        for (let i = idStarts[r]!; i + SHINGLE <= end; i++) counts[(hash3(ids[i]!, ids[i + 1]!, ids[i + 2]!) & mask) + 1]!++;
      }
    }
    this.maxPostings = Math.max(64, Math.ceil(this.precedents.length * 0.02));
    // A look-up skips a bucket with more postings than that: an empty one is the same to it.
    const skipped = new Uint8Array(buckets);
    for (let b = 0; b < buckets; b++) {
      if (counts[b + 1]! > this.maxPostings) {
        skipped[b] = 1;
        counts[b + 1] = 0;
      }
    }
    // counts[b + 1] becomes where bucket b starts, and serves as its fill cursor: once filled it
    // is where b ends, which is where b + 1 starts, so `counts` is then the bucket table itself.
    let total = 0;
    for (let b = 0; b < buckets; b++) {
      const count = counts[b + 1]!;
      counts[b + 1] = total;
      total += count;
    }
    const postings = new Uint32Array(total);
    for (const { idStarts, ids, from, to, firstId } of segments) {
      for (let r = from; r < to; r++) {
        const id = firstId + r - from;
        const end = idStarts[r + 1]!;
        for (let i = idStarts[r]!; i + SHINGLE <= end; i++) {
          const bucket = hash3(ids[i]!, ids[i + 1]!, ids[i + 2]!) & mask;
          if (!skipped[bucket]) postings[counts[bucket + 1]!++] = id;
        }
      }
    }
    // Precedents are visited in id order, so each bucket's postings come out sorted.
    this.bucketStarts = counts;
    this.postings = postings;
  }
}

/** Rows `from` to `to` of flat word ids, numbered from `firstId` (precedent ids). */
interface Segment {
  idStarts: Uint32Array;
  ids: Int32Array;
  from: number;
  to: number;
  firstId: number;
}

/**
 * The precedents' word ids as runs over flat arrays: consecutive rows of one table are read from
 * its columns directly (no view per precedent); other precedents are copied into small runs.
 */
export function segmentsOf(precedents: Precedent[]): Segment[] {
  const out: Segment[] = [];
  let loose: Precedent[] = [];
  const flushLoose = (): void => {
    if (!loose.length) return;
    const idStarts = new Uint32Array(loose.length + 1);
    let n = 0;
    loose.forEach((p, i) => {
      idStarts[i] = n;
      n += p.ids.length;
    });
    idStarts[loose.length] = n;
    const ids = new Int32Array(n);
    loose.forEach((p, i) => ids.set(p.ids, idStarts[i]!));
    out.push({ idStarts, ids, from: 0, to: loose.length, firstId: loose[0]!.id });
    loose = [];
  };
  for (let k = 0; k < precedents.length; k++) {
    const p = precedents[k]!;
    if (!(p instanceof TablePrecedent)) {
      if (loose.length && loose[loose.length - 1]!.id + 1 !== p.id) flushLoose();
      loose.push(p);
      continue;
    }
    flushLoose();
    const last = out[out.length - 1];
    const { idStarts, ids } = p.table.columns;
    if (last && last.idStarts === idStarts && last.to === p.row && last.firstId + (last.to - last.from) === p.id) last.to++;
    else out.push({ idStarts, ids, from: p.row, to: p.row + 1, firstId: p.id });
  }
  flushLoose();
  return out;
}

/** The look-up tables of an index (what an index file stores). */
export interface IndexTables {
  bucketStarts: Uint32Array;
  postings: Uint32Array;
  maxPostings: number;
}

function byShared(x: Candidate, y: Candidate): number {
  return y.shared - x.shared || x.precedent.id - y.precedent.id;
}

/** Word ids are below 2^26: a pair of them is one exact number. */
const PAIR = 2 ** 26;

/** The sentence's distinct 3-grams of known words whose bucket a look-up reads, by their first two words. */
function sentenceTriples(ids: Int32Array, read: (a: number, b: number, c: number) => boolean): { byPair: Map<number, Set<number>>; size: number } {
  const byPair = new Map<number, Set<number>>();
  let size = 0;
  for (let i = 0; i + SHINGLE <= ids.length; i++) {
    const a = ids[i]!;
    const b = ids[i + 1]!;
    const c = ids[i + 2]!;
    if (a < 0 || b < 0 || c < 0 || !read(a, b, c)) continue;
    let thirds = byPair.get(a * PAIR + b);
    if (!thirds) byPair.set(a * PAIR + b, (thirds = new Set()));
    if (!thirds.has(c)) {
      thirds.add(c);
      size++;
    }
  }
  return { byPair, size };
}

/** How many of the sentence's 3-grams the precedent's words hold, each counted once. */
function sharedTriples(ids: Int32Array, byPair: Map<number, Set<number>>): number {
  let found: Map<number, Set<number>> | undefined;
  let n = 0;
  for (let i = 0; i + SHINGLE <= ids.length; i++) {
    const pair = ids[i]! * PAIR + ids[i + 1]!;
    const c = ids[i + 2]!;
    if (!byPair.get(pair)?.has(c)) continue;
    found ??= new Map();
    let thirds = found.get(pair);
    if (!thirds) found.set(pair, (thirds = new Set()));
    if (!thirds.has(c)) {
      thirds.add(c);
      n++;
    }
  }
  return n;
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
    const whole = wholeTable(part.precedents);
    if (whole) {
      // One table, all its rows: translate its ids in one pass (no view per precedent).
      for (let i = 0; i < whole.length; i++) whole[i] = translate[whole[i]!]!;
      continue;
    }
    for (const p of part.precedents) {
      const ids = p.ids;
      for (let i = 0; i < ids.length; i++) ids[i] = translate[ids[i]!]!;
    }
  }
  return merged;
}

/** The ids of the one table whose rows `precedents` are, all of them in order; else undefined. */
function wholeTable(precedents: Precedent[]): Int32Array | undefined {
  const first = precedents[0];
  if (!(first instanceof TablePrecedent) || first.table.rows !== precedents.length) return undefined;
  for (let k = 0; k < precedents.length; k++) {
    const p = precedents[k]!;
    if (!(p instanceof TablePrecedent) || p.table !== first.table || p.row !== k) return undefined;
  }
  const { idStarts, ids } = first.table.columns;
  return ids.subarray(0, idStarts[precedents.length]!);
}
