/**
 * The precedent index: word 3-grams of every precedent's keys, hashed into buckets stored as two
 * flat typed arrays (bucket offsets and postings). A draft sentence reaches its candidates through
 * its own 3-grams, so the cost of a look-up depends on the sentence, not on the size of the acquis.
 */
import type { Precedent } from './model.js';
import { wordIds, type Word, type WordList } from '../text/words.js';
import { TablePrecedent } from './precedent-table.js';
import { CandidateKernel } from './candidates-kernel.js';

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

  /**
   * Vocabulary ids for a draft's words; words the acquis never uses get -1. The ids of a word
   * list's words are remembered with their spellings' folding (`wordIds`), not hashed again.
   */
  idsOf(words: readonly Word[] | WordList): Int32Array {
    return wordIds(words, this.vocabulary);
  }

  /**
   * Precedents sharing at least `minShared` 3-grams with `ids[from, to)`, most shared first.
   * This runs for every draft sentence and most have no candidate, so it allocates nothing until
   * one is found: counts, seen buckets and the sentence's 3-grams live in reused typed arrays.
   */
  candidates(ids: Int32Array, limit = 8, from = 0, to = ids.length): Candidate[] {
    this.ensureBuilt();
    // The same look-up in WebAssembly where the tables are small enough (candidates-kernel.ts).
    if (this.kernel === undefined) this.kernel = this.makeKernel();
    const kernel = this.kernel;
    const count = kernel ? kernel.lookup(ids, from, to, limit) : -1;
    if (count >= 0) {
      const found: Candidate[] = [];
      const heap = kernel!.heap;
      for (let at = kernel!.answer, i = 0; i < count; i++, at += 2) found.push({ precedent: this.precedents[heap[at]!]!, shared: heap[at + 1]! });
      return found;
    }
    // Counts per precedent in reused arrays: an entry is valid only if stamped with this look-up's
    // generation, so nothing is cleared per sentence.
    const s = this.scratchFor(to - from);
    const generation = ++s.generation;
    const { stamps, counts } = s;
    const triples = s.triples;
    triples.reset(Math.max(0, to - from - SHINGLE + 1));
    let touched = 0;
    let seen = 0;
    let looked = 0;
    let read = 0; // distinct 3-grams whose bucket a look-up reads
    for (let i = from; i + SHINGLE <= to; i++) {
      const a = ids[i]!;
      const b = ids[i + 1]!;
      const c = ids[i + 2]!;
      if (a < 0 || b < 0 || c < 0) continue;
      const hash = hash3(a, b, c);
      const bucket = hash & this.mask;
      const start = this.bucketStarts[bucket]!;
      const end = this.bucketStarts[bucket + 1]!;
      const readable = end - start <= this.maxPostings;
      if (readable && triples.add(hash, a, b, c)) read++;
      if (!s.buckets.add(bucket)) continue;
      seen++;
      if (!readable) continue;
      looked++;
      let previous = -1;
      for (let k = start; k < end; k++) {
        const id = this.postings[k]!;
        if (id === previous) continue; // postings are sorted: count each precedent once per bucket
        previous = id;
        if (stamps[id] !== generation) {
          stamps[id] = generation;
          counts[id] = 0;
          s.touched = grown(s.touched, touched + 1);
          s.touched[touched++] = id;
        }
        counts[id]!++;
      }
    }
    if (!touched) return [];
    const minShared = seen >= 4 ? 2 : 1;
    // Bucket counts are approximate: a bucket also holds the 3-grams that collide with it, and two
    // of the sentence's 3-grams may fall in one bucket. Collisions depend on the size of the acquis,
    // so the same precedent would rank differently in another acquis (a store's working acquis, a
    // larger folder). The leading precedents are therefore counted again, exactly.
    // An exact count exceeds its bucket count only where two of the sentence's 3-grams share a bucket.
    const merged = Math.max(0, read - looked);
    // Only precedents whose bucket count could still reach `minShared` are worth a recount: in a
    // large acquis most share a single common 3-gram with the sentence and are dropped here. They
    // are ranked by bucket count, then id, through one number each (count above, id below).
    let rough = 0;
    for (let t = 0; t < touched; t++) {
      const id = s.touched[t]!;
      const upper = counts[id]!;
      if (upper + merged < minShared) continue;
      s.rough = grown(s.rough, rough + 1);
      s.rough[rough++] = (RANK_LIMIT - upper) * ID_LIMIT + id;
    }
    sortAscending(s.rough, rough);
    const exact: Candidate[] = [];
    let kth = -1;
    for (let r = 0; r < rough; r++) {
      const key = s.rough[r]!;
      const id = key % ID_LIMIT;
      const upper = RANK_LIMIT - (key - id) / ID_LIMIT;
      if (exact.length >= limit && upper + merged < kth) break;
      const precedent = this.precedents[id]!;
      const shared = sharedTriples(precedent, triples);
      if (shared < minShared) continue;
      exact.push({ precedent, shared });
      if (exact.length >= limit) {
        sortByShared(exact);
        exact.length = limit;
        kth = exact[limit - 1]!.shared;
      }
    }
    sortByShared(exact);
    return exact;
  }

  private scratch?: LookupScratch;
  private kernel: CandidateKernel | null | undefined;

  private makeKernel(): CandidateKernel | null {
    const precedents = this.precedents;
    return CandidateKernel.over({
      bucketStarts: this.bucketStarts,
      postings: this.postings,
      mask: this.mask,
      maxPostings: this.maxPostings,
      precedentCount: precedents.length,
      idsOf: (index) => precedents[index]!.ids,
      idOf: (index) => precedents[index]!.id,
    });
  }

  private scratchFor(words: number): LookupScratch {
    const n = this.precedents.length;
    if (!this.scratch || this.scratch.stamps.length < n || this.scratch.generation >= 0xfffffff0) {
      this.scratch = {
        stamps: new Uint32Array(n),
        counts: new Uint32Array(n),
        generation: 0,
        touched: new Uint32Array(64),
        rough: new Float64Array(64),
        buckets: new SmallSet(),
        triples: new TripleSet(),
      };
    }
    this.scratch.buckets.reset(words);
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

/** Most shared first, then by id: an insertion sort (a handful of candidates; no work array). */
function sortByShared(list: Candidate[]): void {
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && byShared(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
}

/** Reused arrays of one look-up (see `candidates`). */
interface LookupScratch {
  stamps: Uint32Array;
  counts: Uint32Array;
  generation: number;
  /** Precedents counted in this look-up. */
  touched: Uint32Array;
  /** Rank keys of the precedents worth a recount. */
  rough: Float64Array;
  /** The buckets of the sentence's 3-grams already read. */
  buckets: SmallSet;
  /** The sentence's distinct 3-grams whose bucket a look-up reads. */
  triples: TripleSet;
}

/** A rank key is (RANK_LIMIT - bucket count) * ID_LIMIT + precedent id: exact below 2^53. */
const ID_LIMIT = 2 ** 32;
const RANK_LIMIT = 2 ** 20;

/** `array`, or a larger copy when it has fewer than `size` slots. */
function grown<T extends Uint32Array | Float64Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const larger = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  larger.set(array);
  return larger;
}

/** Sort the first `n` numbers ascending: insertion sort for the usual handful, else the native sort. */
function sortAscending(keys: Float64Array, n: number): void {
  if (n > 32) {
    keys.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/**
 * A set of small non-negative integers (bucket numbers) for one sentence: open addressing over a
 * reused table whose slots count only when stamped with the current generation.
 */
class SmallSet {
  private keys = new Uint32Array(64);
  private stamps = new Uint32Array(64);
  private generation = 0;
  private mask = 63;

  /** Empty the set, for up to `n` keys. */
  reset(n: number): void {
    let size = this.keys.length;
    while (size < n * 2) size *= 2;
    if (size !== this.keys.length || this.generation >= 0xfffffff0) {
      this.keys = new Uint32Array(size);
      this.stamps = new Uint32Array(size);
      this.generation = 0;
      this.mask = size - 1;
    }
    this.generation++;
  }

  /** Adds `key`; false when it was there already. */
  add(key: number): boolean {
    let at = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while (this.stamps[at] === this.generation) {
      if (this.keys[at] === key) return false;
      at = (at + 1) & this.mask;
    }
    this.stamps[at] = this.generation;
    this.keys[at] = key;
    return true;
  }
}

/**
 * The distinct 3-grams of one sentence (open addressing by their hash, reused between sentences),
 * and which of them a precedent holds: `sharedTriples` stamps each found once per precedent.
 */
class TripleSet {
  private a = new Int32Array(64);
  private b = new Int32Array(64);
  private c = new Int32Array(64);
  private stamps = new Uint32Array(64);
  private found = new Uint32Array(64);
  /** Per word id: the generation whose set holds a 3-gram starting with it. */
  private firsts = new Uint32Array(1024);
  private generation = 0;
  private foundGeneration = 0;
  private mask = 63;
  size = 0;

  /** Empty the set, for up to `n` 3-grams. */
  reset(n: number): void {
    let size = this.a.length;
    while (size < n * 2) size *= 2;
    if (size !== this.a.length || this.generation >= 0xfffffff0 || this.foundGeneration >= 0xfffffff0) {
      this.a = new Int32Array(size);
      this.b = new Int32Array(size);
      this.c = new Int32Array(size);
      this.stamps = new Uint32Array(size);
      this.found = new Uint32Array(size);
      this.firsts.fill(0);
      this.generation = 0;
      this.foundGeneration = 0;
      this.mask = size - 1;
    }
    this.generation++;
    this.size = 0;
  }

  /** Adds the 3-gram (its hash is `hash3(a, b, c)`); false when it was there already. */
  add(hash: number, a: number, b: number, c: number): boolean {
    let at = hash & this.mask;
    while (this.stamps[at] === this.generation) {
      if (this.a[at] === a && this.b[at] === b && this.c[at] === c) return false;
      at = (at + 1) & this.mask;
    }
    this.stamps[at] = this.generation;
    this.a[at] = a;
    this.b[at] = b;
    this.c[at] = c;
    this.size++;
    if (a >= this.firsts.length) {
      const grown = new Uint32Array(Math.max(a + 1, this.firsts.length * 2));
      grown.set(this.firsts);
      this.firsts = grown;
    }
    this.firsts[a] = this.generation;
    return true;
  }

  /** Whether a 3-gram of the set starts with word `a` (a recount passes over other positions unhashed). */
  startsWith(a: number): boolean {
    return a >= 0 && a < this.firsts.length && this.firsts[a] === this.generation;
  }

  /** Starts a count of the 3-grams one precedent holds. */
  startCount(): void {
    this.foundGeneration++;
  }

  /** True the first time in a count that a 3-gram of the set is met. */
  findNew(a: number, b: number, c: number): boolean {
    if (this.size === 0) return false;
    let at = hash3(a, b, c) & this.mask;
    while (this.stamps[at] === this.generation) {
      if (this.a[at] === a && this.b[at] === b && this.c[at] === c) {
        if (this.found[at] === this.foundGeneration) return false;
        this.found[at] = this.foundGeneration;
        return true;
      }
      at = (at + 1) & this.mask;
    }
    return false;
  }
}

/**
 * How many of the sentence's 3-grams the precedent's words hold, each counted once. A table's
 * precedent is read from its columns (no view made per look-up).
 */
function sharedTriples(precedent: Precedent, triples: TripleSet): number {
  let ids: Int32Array;
  let from: number;
  let to: number;
  if (precedent instanceof TablePrecedent) {
    const columns = precedent.table.columns;
    ids = columns.ids;
    from = columns.idStarts[precedent.row]!;
    to = columns.idStarts[precedent.row + 1]!;
  } else {
    ids = precedent.ids;
    from = 0;
    to = ids.length;
  }
  triples.startCount();
  let n = 0;
  for (let i = from; i + SHINGLE <= to; i++) if (triples.startsWith(ids[i]!) && triples.findNew(ids[i]!, ids[i + 1]!, ids[i + 2]!)) n++;
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
