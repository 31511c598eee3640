/**
 * The precedents of an acquis as columns of typed arrays rather than one object per sentence: a
 * million paragraphs are some two million sentences and fifty million words, and objects,
 * strings and small arrays for each of them cost gigabytes. A row holds the document index, the
 * pinpoint (an index into a table of distinct pinpoints), the span in the source, and where its
 * word ids lie in one flat array. The sentence text is kept as UTF-8 bytes (in memory while
 * building, in the index file once loaded) and decoded only when a match needs it.
 */
import { RecentCache } from './recent-cache.js';
import type { Span } from '../../../../grammar/src/index.js';
import { readWords, type Word } from '../text/words.js';
import type { AdoptedDocument, Precedent } from './model.js';

/** A Uint32Array or Int32Array that grows by half when full (no array of numbers in between). */
export class Growable<T extends Uint32Array | Int32Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}

  static u32(capacity = 1024): Growable<Uint32Array> {
    return new Growable(new Uint32Array(capacity), (n) => new Uint32Array(n));
  }

  static i32(capacity = 1024): Growable<Int32Array> {
    return new Growable(new Int32Array(capacity), (n) => new Int32Array(n));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) this.reserve(values.length);
    (this.data as Uint32Array).set(values as ArrayLike<number>, this.length);
    this.length += values.length;
  }

  /** The values pushed: a view, not a copy. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** The values pushed, in an array of their own size when the spare room is large (a copy then). */
  trimmed(): T {
    if (this.data.length - this.length > (1 << 20)) {
      const exact = this.make(this.length);
      (exact as Uint32Array).set(this.view() as Uint32Array);
      this.data = exact;
    }
    return this.view();
  }

  private reserve(extra: number): void {
    const grown = this.make(Math.max(this.length + extra, Math.ceil(this.data.length * 1.5) + 16));
    (grown as Uint32Array).set(this.data as Uint32Array);
    this.data = grown;
  }
}

/** Where the sentence texts come from: a bank in memory, or a section of an index file. */
export interface SentenceTexts {
  text(row: number): string;
  /** The row's text as UTF-8 bytes (a view, valid until the texts change). */
  bytes(row: number): Uint8Array;
}

const CHUNK = 8 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Sentence texts as UTF-8 bytes in chunks of 8 MB (no string per sentence, no huge copies). */
export class TextBank implements SentenceTexts {
  private readonly chunks: Uint8Array[] = [];
  private used = 0;
  private readonly chunkOf = Growable.u32();
  private readonly startOf = Growable.u32();
  private readonly lengthOf = Growable.u32();

  get count(): number {
    return this.chunkOf.length;
  }

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = text.length * 3;
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || this.used + room > chunk.length) {
      chunk = new Uint8Array(Math.max(CHUNK, room));
      this.chunks.push(chunk);
      this.used = 0;
    }
    const { written } = encoder.encodeInto(text, chunk.subarray(this.used));
    this.chunkOf.push(this.chunks.length - 1);
    this.startOf.push(this.used);
    this.lengthOf.push(written);
    this.used += written;
  }

  /** A text already encoded as UTF-8 (a reading worker's). */
  addBytes(bytes: Uint8Array): void {
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || this.used + bytes.length > chunk.length) {
      chunk = new Uint8Array(Math.max(CHUNK, bytes.length));
      this.chunks.push(chunk);
      this.used = 0;
    }
    chunk.set(bytes, this.used);
    this.chunkOf.push(this.chunks.length - 1);
    this.startOf.push(this.used);
    this.lengthOf.push(bytes.length);
    this.used += bytes.length;
  }

  bytes(row: number): Uint8Array {
    const chunk = this.chunks[this.chunkOf.view()[row]!]!;
    const start = this.startOf.view()[row]!;
    return chunk.subarray(start, start + this.lengthOf.view()[row]!);
  }

  text(row: number): string {
    const chunk = this.chunks[this.chunkOf.view()[row]!]!;
    const start = this.startOf.view()[row]!;
    return decoder.decode(chunk.subarray(start, start + this.lengthOf.view()[row]!));
  }
}

/** Texts stored one after the other in one byte array (an index file's section). */
export class FlatTexts implements SentenceTexts {
  constructor(
    private readonly all: Uint8Array,
    private readonly starts: Uint32Array,
  ) {}

  bytes(row: number): Uint8Array {
    return this.all.subarray(this.starts[row]!, this.starts[row + 1]!);
  }

  text(row: number): string {
    return decoder.decode(this.bytes(row));
  }
}

/** The columns of a precedent table. */
export interface TableColumns {
  documents: AdoptedDocument[];
  pinpoints: string[];
  /** Per row: document index, pinpoint index, span start and end in the document's source. */
  doc: Uint32Array;
  pin: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  /** Row i's word ids are `ids[idStarts[i]]` up to `ids[idStarts[i + 1]]`. */
  idStarts: Uint32Array;
  ids: Int32Array;
  texts: SentenceTexts;
}

/** Decoded texts of recently used rows: a match reads its precedent's text several times. */
const TEXT_CACHE_LIMIT = 1024;
/** Words of recently matched precedents; the rest are not kept (a large acquis has millions). */
const WORD_CACHE_LIMIT = 4096;

export class PrecedentTable {
  private readonly textCache = new RecentCache<number, string>(TEXT_CACHE_LIMIT);
  private readonly wordCache = new RecentCache<number, Word[]>(WORD_CACHE_LIMIT);

  constructor(readonly columns: TableColumns) {}

  get rows(): number {
    return this.columns.doc.length;
  }

  /** One light object per row, reading the columns (ids numbered from `firstId`). */
  precedents(firstId = 0): Precedent[] {
    const out = new Array<Precedent>(this.rows);
    for (let row = 0; row < out.length; row++) out[row] = new TablePrecedent(firstId + row, this, row);
    return out;
  }

  /** The row's text as UTF-8 bytes, without decoding it (writing an index file). */
  textBytesOf(row: number): Uint8Array {
    return this.columns.texts.bytes(row);
  }

  textOf(row: number): string {
    return this.textCache.get(row, (r) => this.columns.texts.text(r));
  }

  wordsOf(row: number): Word[] {
    return this.wordCache.get(row, (r) => readWords(this.textOf(r)));
  }
}

/** A precedent that is a row of a table: every field is read from the columns when asked for. */
export class TablePrecedent implements Precedent {
  constructor(
    public id: number,
    readonly table: PrecedentTable,
    readonly row: number,
  ) {}

  get document(): AdoptedDocument {
    const c = this.table.columns;
    return c.documents[c.doc[this.row]!]!;
  }

  get pinpoint(): string {
    const c = this.table.columns;
    return c.pinpoints[c.pin[this.row]!]!;
  }

  get text(): string {
    return this.table.textOf(this.row);
  }

  get span(): Span {
    const c = this.table.columns;
    return { start: c.start[this.row]!, end: c.end[this.row]! };
  }

  get words(): Word[] {
    return this.table.wordsOf(this.row);
  }

  /** A view onto the table's ids: writing through it (merging vocabularies) updates the table. */
  get ids(): Int32Array {
    const c = this.table.columns;
    return c.ids.subarray(c.idStarts[this.row]!, c.idStarts[this.row + 1]!);
  }

  set ids(ids: Int32Array) {
    const view = this.ids;
    if (ids.length !== view.length) throw new Error('a table precedent keeps its number of words');
    view.set(ids);
  }
}
