/**
 * The candidate look-up as a WebAssembly kernel (candidates.wat, assembled into
 * candidates-wasm.ts): the same steps as `PrecedentIndex.candidates`, with the same answers
 * (test/acquis/candidates-kernel.test.ts compares them). A one-file lint looks up every sentence
 * of the draft before V8 has optimised the TypeScript; the kernel is fast from the first one.
 *
 * Each index gets its own instance, with its tables copied in at the first look-up: only an acquis
 * whose tables fit in MAX_TABLE_BYTES (the built-in one, a project's folders) is served here; a
 * larger one (a million paragraphs) keeps the TypeScript look-up rather than a second copy.
 */
import { instantiate, reserve, type WasmMemory } from '../wasm/instantiate.js';
import { CANDIDATES_WASM } from './candidates-wasm.js';

/** Largest tables (bucket offsets, postings, precedents' ids) copied into a kernel. */
const MAX_TABLE_BYTES = 32 * 1024 * 1024;
/** Entries of the kernel's recount list ($roughLimit in candidates.wat). */
const ROUGH_LIMIT = 256;

export interface CandidateTables {
  bucketStarts: Uint32Array;
  postings: Uint32Array;
  mask: number;
  maxPostings: number;
  /** The precedents' word ids, in index order, and each precedent's `id`. */
  precedentCount: number;
  idsOf: (index: number) => Int32Array;
  idOf: (index: number) => number;
}

export class CandidateKernel {
  /**
   * Where the last look-up's answer starts in `heap` (in 32-bit words): the `i`th candidate's
   * precedent index at `answer + 2 * i`, its shared 3-grams right after. Read in place by the
   * caller (no call per candidate).
   */
  answer = 0;

  /** The kernel's memory as 32-bit words (made again when the memory grows). */
  heap: Int32Array;

  private constructor(
    private readonly memory: WasmMemory,
    private readonly lookupIn: (n: number, limit: number) => number,
    /** Byte offset of the per-look-up area (the sentence, its sets, the answer). */
    private readonly dynamic: number,
  ) {
    this.heap = new Int32Array(memory.buffer);
  }

  /** A kernel over `tables`, or null when they are too large or WebAssembly cannot serve. */
  static over(tables: CandidateTables): CandidateKernel | null {
    if (!enabled) return null;
    const n = tables.precedentCount;
    // In 32-bit words: bucket offsets, postings, ranges (3 a precedent), stamps, counts, touched,
    // rough, the ids, counted only while they still fit (a large index is refused early), and a
    // stamp per word id (the first words of the sentence's 3-grams, see candidates.wat).
    const limit = MAX_TABLE_BYTES / 4;
    let words = tables.bucketStarts.length + tables.postings.length + 6 * n + 2 * ROUGH_LIMIT;
    let vocabulary = 0; // past the largest word id
    for (let p = 0; p < n && words <= limit; p++) {
      const own = tables.idsOf(p);
      words += own.length;
      for (let i = 0; i < own.length; i++) if (own[i]! >= vocabulary) vocabulary = own[i]! + 1;
    }
    words += vocabulary;
    if (words > limit) return null;
    const ids = words - vocabulary - (tables.bucketStarts.length + tables.postings.length + 6 * n + 2 * ROUGH_LIMIT);
    const exports = instantiate(CANDIDATES_WASM);
    if (!exports) return null;
    const memory = exports['memory'] as WasmMemory;
    const base = 16; // in words: byte 64
    const bucketStarts = base;
    const postings = bucketStarts + tables.bucketStarts.length;
    const ranges = postings + tables.postings.length;
    const flat = ranges + 3 * n;
    const stamps = flat + ids;
    const counts = stamps + n;
    const touched = counts + n;
    const rough = touched + n;
    const firsts = rough + 2 * ROUGH_LIMIT;
    const dynamic = firsts + vocabulary;
    if (!reserve(memory, dynamic * 4)) return null;
    const heap = new Int32Array(memory.buffer);
    heap.set(new Int32Array(tables.bucketStarts.buffer, tables.bucketStarts.byteOffset, tables.bucketStarts.length), bucketStarts);
    heap.set(new Int32Array(tables.postings.buffer, tables.postings.byteOffset, tables.postings.length), postings);
    let at = flat;
    for (let p = 0; p < n; p++) {
      const own = tables.idsOf(p);
      heap[ranges + 3 * p] = at - flat;
      heap.set(own, at);
      at += own.length;
      heap[ranges + 3 * p + 1] = at - flat;
      heap[ranges + 3 * p + 2] = tables.idOf(p);
    }
    const configure = exports['configure'] as (...offsets: number[]) => void;
    configure(tables.mask, tables.maxPostings, bucketStarts * 4, postings * 4, ranges * 4, flat * 4, stamps * 4, counts * 4, touched * 4, rough * 4, n, dynamic * 4, firsts * 4, vocabulary);
    return new CandidateKernel(memory, exports['lookup'] as (n: number, limit: number) => number, dynamic * 4);
  }

  /**
   * Looks up the candidates of `ids[from, to)`: their number, most shared first (then by
   * precedent id), read from `heap` at `answer`; -1 when the kernel cannot answer (the
   * caller looks up in TypeScript). Nothing is allocated: this runs for every draft sentence.
   */
  lookup(ids: Int32Array, from: number, to: number, limit: number): number {
    if (!enabled) return -1;
    const n = to - from;
    let size = 16;
    while (size < 2 * n) size *= 2;
    // The sentence, the bucket set (1 word an entry), the 3-gram set (4), the answer (2 a pair, and a spare).
    if (!this.ensure(this.dynamic + 4 * (n + 5 * size + 2 * (limit + 1)))) return -1;
    const heap = this.heap;
    const at = this.dynamic >> 2;
    for (let i = from; i < to; i++) heap[at + i - from] = ids[i]!;
    this.answer = (this.dynamic >> 2) + n + 5 * size;
    return this.lookupIn(n, limit);
  }

  /**
   * Makes the memory hold `bytes`. Only `reserve` grows it (the kernel never does), and `heap`
   * spans all of it, so its length answers without asking the memory for its buffer (a call
   * into the runtime, twice per sentence before).
   */
  private ensure(bytes: number): boolean {
    if (this.heap.byteLength >= bytes) return true;
    if (!reserve(this.memory, bytes)) return false;
    this.heap = new Int32Array(this.memory.buffer);
    return true;
  }
}

/** Whether kernels are made (tests and benchmarks compare them with the TypeScript look-up). */
let enabled = true;

export function setCandidateKernel(on: boolean): void {
  enabled = on;
}
