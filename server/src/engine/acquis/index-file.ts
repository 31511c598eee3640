/**
 * The persistent index: a built acquis as bytes (docs/index-format.md). A header with a magic
 * number, the format version and a table of sections, then each section: a small JSON one (the
 * documents' front matter and the header's facts), two lists of strings (vocabulary, pinpoints),
 * and typed arrays (the precedent table, the word ids, the 3-gram buckets and postings, the
 * sentences' UTF-8 bytes). Reading it makes views onto the bytes: nothing is parsed per
 * precedent, and a sentence's text is decoded only when a match needs it. Pure: the host reads
 * and writes the file.
 */
import { normaliseSymbol, sourceOnDemand, treeOnDemand, type Acquis } from './acquis.js';
import type { AdoptedDocument, Precedent } from './model.js';
import { FlatTexts, PrecedentTable, TablePrecedent, type SentenceTexts } from './precedent-table.js';
import { PrecedentIndex } from './precedent-index.js';
import { paragraphFrequencies, type ParagraphFrequencies } from './paragraph-frequencies.js';

/** `ACQUISIX`: the first eight bytes of every index file. */
export const INDEX_MAGIC = new Uint8Array([0x41, 0x43, 0x51, 0x55, 0x49, 0x53, 0x49, 0x58]);
/** Bumped whenever the layout or the meaning of a section changes. */
export const INDEX_FORMAT_VERSION = 2;

/** Section kinds, in the order they are written. */
const enum Section {
  Meta = 1,
  Vocabulary = 2,
  Pinpoints = 3,
  Doc = 4,
  Pin = 5,
  Start = 6,
  End = 7,
  IdStarts = 8,
  Ids = 9,
  BucketStarts = 10,
  Postings = 11,
  TextStarts = 12,
  Texts = 13,
  ParagraphFrequencies = 14,
}

const HEADER = 16;
const ENTRY = 24;

/** What the header says about how the index was made (the host fills and checks it). */
export interface IndexFacts {
  /** The engine that wrote it (package version and a key of its word folding). */
  engine: string;
  /** The content hash of the sources it was built from. */
  sources: string;
  /** Whether the built-in acquis is inside. */
  builtin: boolean;
}

interface StoredDocument {
  uri: string;
  symbol: string;
  adoption: AdoptedDocument['adoption'];
  fields: Partial<Pick<AdoptedDocument, 'title' | 'body' | 'year' | 'date' | 'adoptedBy' | 'source' | 'restates' | 'lineage'>>;
}

interface Meta extends IndexFacts {
  documents: StoredDocument[];
  precedents: number;
  maxPostings: number;
  /** Paragraphs with at least one precedent (section 14 counts, by word, the paragraphs using it). */
  paragraphs: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The index file's bytes, in chunks to be written one after the other: the word ids and the
 * texts are produced a few megabytes at a time, so writing the index of a large acquis does not
 * hold a second copy of it. Iterate once, and write each chunk before asking for the next (the
 * buffers are reused).
 */
export function encodeIndex(acquis: Acquis, facts: IndexFacts, uriOf: (uri: string) => string = (u) => u): Iterable<Uint8Array> {
  const docIndex = new Map(acquis.documents.map((d, i) => [d, i]));
  const precedents = acquis.precedents;
  const n = precedents.length;
  const pinpoints = new Map<string, number>();
  const doc = new Uint32Array(n);
  const pin = new Uint32Array(n);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const idStarts = new Uint32Array(n + 1);
  const textStarts = new Uint32Array(n + 1);
  let scratch = new Uint8Array(1 << 16);
  let idCount = 0;
  let textBytes = 0;
  precedents.forEach((p: Precedent, row) => {
    if (p.id !== row) throw new Error('precedent ids must number the list');
    doc[row] = docIndex.get(p.document)!;
    const pinpoint = p.pinpoint;
    let k = pinpoints.get(pinpoint);
    if (k === undefined) pinpoints.set(pinpoint, (k = pinpoints.size));
    pin[row] = k;
    const span = p.span;
    start[row] = span.start;
    end[row] = span.end;
    idStarts[row] = idCount;
    idCount += p.ids.length;
    textStarts[row] = textBytes;
    if (p instanceof TablePrecedent) {
      textBytes += p.table.textBytesOf(p.row).length;
    } else {
      const text = p.text;
      if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
      textBytes += encoder.encodeInto(text, scratch).written;
    }
    if (textBytes > 0xffffffff) throw new Error('the acquis is too large for one index file (over 4 GB of sentence text)');
  });
  idStarts[n] = idCount;
  textStarts[n] = textBytes;
  const tables = acquis.index.tables();
  const frequencies = paragraphFrequencies(acquis);
  const meta: Meta = {
    ...facts,
    precedents: n,
    maxPostings: tables.maxPostings,
    paragraphs: frequencies.paragraphs,
    documents: acquis.documents.map((d) => {
      const { symbol, adoption, title, body, year, date, adoptedBy, source, restates, lineage } = d;
      const fields = Object.fromEntries(Object.entries({ title, body, year, date, adoptedBy, source, restates, lineage }).filter(([, v]) => v !== undefined));
      return { uri: uriOf(d.uri), symbol, adoption, fields };
    }),
  };
  const one = (bytes: Uint8Array): Section$ => ({ length: bytes.length, chunks: () => [bytes] });
  const sections: Array<[Section, Section$]> = [
    [Section.Meta, one(encoder.encode(JSON.stringify(meta)))],
    [Section.Vocabulary, one(encoder.encode([...acquis.index.vocabulary.keys()].join('\n')))],
    [Section.Pinpoints, one(encoder.encode([...pinpoints.keys()].join('\n')))],
    [Section.Doc, one(bytesOf(doc))],
    [Section.Pin, one(bytesOf(pin))],
    [Section.Start, one(bytesOf(start))],
    [Section.End, one(bytesOf(end))],
    [Section.IdStarts, one(bytesOf(idStarts))],
    [Section.Ids, { length: idCount * 4, chunks: () => idChunks(precedents) }],
    [Section.BucketStarts, one(bytesOf(tables.bucketStarts))],
    [Section.Postings, one(bytesOf(tables.postings))],
    [Section.TextStarts, one(bytesOf(textStarts))],
    [Section.Texts, { length: textBytes, chunks: () => textChunks(precedents) }],
    [Section.ParagraphFrequencies, one(bytesOf(frequencies.df))],
  ];
  return (function* (): Generator<Uint8Array> {
    const header = new Uint8Array(HEADER + ENTRY * sections.length);
    const view = new DataView(header.buffer);
    header.set(INDEX_MAGIC, 0);
    view.setUint32(8, INDEX_FORMAT_VERSION, true);
    view.setUint32(12, sections.length, true);
    let at = align(header.length);
    const offsets = sections.map(([kind, section], i) => {
      const entry = HEADER + ENTRY * i;
      view.setUint32(entry, kind, true);
      view.setFloat64(entry + 8, at, true);
      view.setFloat64(entry + 16, section.length, true);
      const offset = at;
      at = align(at + section.length);
      return offset;
    });
    yield header;
    let written = header.length;
    for (let i = 0; i < sections.length; i++) {
      if (offsets[i]! > written) yield new Uint8Array(offsets[i]! - written);
      written = offsets[i]!;
      for (const chunk of sections[i]![1].chunks()) {
        written += chunk.length;
        yield chunk;
      }
      if (written !== offsets[i]! + sections[i]![1].length) throw new Error('an index section changed while it was written');
    }
    if (at > written) yield new Uint8Array(at - written);
  })();
}

/** A section to write: its length is known before its bytes are made. */
interface Section$ {
  length: number;
  chunks: () => Iterable<Uint8Array>;
}

const BATCH = 4 << 20;

/*
 * Each chunk of ids or text is a view onto one batch buffer that the next chunk overwrites: the
 * writer consumes a chunk before it asks for the next, so a large index makes no garbage here.
 */

function* idChunks(precedents: Precedent[]): Generator<Uint8Array> {
  let batch = new Int32Array(BATCH / 4);
  let used = 0;
  for (const p of precedents) {
    const ids = p.ids;
    if (used + ids.length > batch.length) {
      yield bytesOf(batch.subarray(0, used));
      if (ids.length > batch.length) batch = new Int32Array(ids.length);
      used = 0;
    }
    batch.set(ids, used);
    used += ids.length;
  }
  if (used) yield bytesOf(batch.subarray(0, used));
}

function* textChunks(precedents: Precedent[]): Generator<Uint8Array> {
  let batch = new Uint8Array(BATCH);
  let used = 0;
  for (const p of precedents) {
    // A table's texts are UTF-8 already: copied as they are (no string per sentence).
    const bytes = p instanceof TablePrecedent ? p.table.textBytesOf(p.row) : undefined;
    const room = bytes ? bytes.length : p.text.length * 3;
    if (used + room > batch.length) {
      yield batch.subarray(0, used);
      if (room > batch.length) batch = new Uint8Array(room);
      used = 0;
    }
    if (bytes) {
      batch.set(bytes, used);
      used += bytes.length;
    } else {
      used += encoder.encodeInto(p.text, batch.subarray(used)).written;
    }
  }
  if (used) yield batch.subarray(0, used);
}

export interface DecodeOptions {
  /** Stored URIs (as given to `encodeIndex`) to the host's. */
  uriOf?: (stored: string) => string;
  /** Reads a document's source when someone asks for it: the index does not hold sources. */
  readSource: (uri: string) => string;
  /**
   * The sentence texts, read by the host from the file row by row (`offset`: the section's place
   * in the file; row i is bytes `starts[i]` to `starts[i + 1]` of it); by default they are read
   * from `bytes`, which must then hold them.
   */
  texts?: (offset: number, starts: Uint32Array) => SentenceTexts;
}

/** An index file's facts, or a reason it cannot be read (not an index, another version). */
export function readIndexFacts(bytes: Uint8Array): IndexFacts | string {
  const sections = sectionsOf(bytes);
  if (typeof sections === 'string') return sections;
  const { engine, sources, builtin } = JSON.parse(decoder.decode(sections.get(Section.Meta)!)) as Meta;
  return { engine, sources, builtin };
}

/** The acquis an index file holds: its tables are views onto `bytes` (keep them unchanged). */
export function decodeIndex(bytes: Uint8Array, options: DecodeOptions): { acquis: Acquis; facts: IndexFacts; frequencies: ParagraphFrequencies } {
  // Typed-array views need aligned offsets; a buffer from the file system is, a slice may not be.
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const sections = sectionsOf(bytes);
  if (typeof sections === 'string') throw new Error(sections);
  const get = (kind: Section): Uint8Array => sections.get(kind)!;
  const meta = JSON.parse(decoder.decode(get(Section.Meta))) as Meta;
  const uriOf = options.uriOf ?? ((u: string) => u);
  const documents = meta.documents.map((d) => {
    const uri = uriOf(d.uri);
    const doc = { uri, symbol: d.symbol, adoption: d.adoption, ...d.fields } as AdoptedDocument;
    sourceOnDemand(doc, () => options.readSource(uri));
    treeOnDemand(doc);
    return doc;
  });
  const vocabularyText = decoder.decode(get(Section.Vocabulary));
  const vocabulary = new Map<string, number>();
  if (vocabularyText) vocabularyText.split('\n').forEach((key, id) => vocabulary.set(key, id));
  const pinpointText = decoder.decode(get(Section.Pinpoints));
  const table = new PrecedentTable({
    documents,
    pinpoints: pinpointText ? pinpointText.split('\n') : [],
    doc: u32(get(Section.Doc)),
    pin: u32(get(Section.Pin)),
    start: u32(get(Section.Start)),
    end: u32(get(Section.End)),
    idStarts: u32(get(Section.IdStarts)),
    ids: new Int32Array(get(Section.Ids).buffer, get(Section.Ids).byteOffset, get(Section.Ids).length / 4),
    texts: options.texts
      ? options.texts(get(Section.Texts).byteOffset - bytes.byteOffset, u32(get(Section.TextStarts)))
      : new FlatTexts(get(Section.Texts), u32(get(Section.TextStarts))),
  });
  if (table.rows !== meta.precedents) throw new Error('the index file is damaged (its precedent count does not match its tables)');
  const precedents: Precedent[] = table.precedents();
  const index = PrecedentIndex.fromTables(precedents, vocabulary, {
    bucketStarts: u32(get(Section.BucketStarts)),
    postings: u32(get(Section.Postings)),
    maxPostings: meta.maxPostings,
  });
  const bySymbol = new Map(documents.map((d) => [normaliseSymbol(d.symbol), d]));
  const { engine, sources, builtin } = meta;
  const frequencies = { paragraphs: meta.paragraphs, df: u32(get(Section.ParagraphFrequencies)) };
  return { acquis: { documents, precedents, index, bySymbol }, facts: { engine, sources, builtin }, frequencies };
}

function sectionsOf(bytes: Uint8Array): Map<Section, Uint8Array> | string {
  const layout = indexLayout(bytes, bytes.length);
  if (typeof layout === 'string') return layout;
  const out = new Map<Section, Uint8Array>();
  for (const [kind, { offset, length }] of layout) out.set(kind, bytes.subarray(offset, offset + length));
  return out;
}

/** How many of an index file's first bytes `indexLayout` reads (from its first 16), or 0 if it is not one. */
export function indexHeaderLength(first: Uint8Array): number {
  if (first.length < HEADER || INDEX_MAGIC.some((b, i) => first[i] !== b)) return 0;
  return HEADER + ENTRY * new DataView(first.buffer, first.byteOffset, first.byteLength).getUint32(12, true);
}

/** The section of sentence texts: the one part of an index a lint reads only row by row. */
export const TEXTS_SECTION: number = Section.Texts;

/**
 * Where each section of an index file of `fileLength` bytes lies, from its header (`head`, at
 * least `indexHeaderLength` bytes), or why the file cannot be read.
 */
export function indexLayout(head: Uint8Array, fileLength: number): Map<Section, { offset: number; length: number }> | string {
  if (head.length < HEADER || INDEX_MAGIC.some((b, i) => head[i] !== b)) return 'not an acquis index file (wrong magic number)';
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return 'index files are read on little-endian machines only';
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) return `index format version ${version}; this version of Acquis reads version ${INDEX_FORMAT_VERSION}`;
  const count = view.getUint32(12, true);
  const out = new Map<Section, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const entry = HEADER + ENTRY * i;
    if (entry + ENTRY > head.length || entry + ENTRY > fileLength) return 'the index file is truncated';
    const offset = view.getFloat64(entry + 8, true);
    const length = view.getFloat64(entry + 16, true);
    if (offset % 8 !== 0 || offset + length > fileLength) return 'the index file is truncated or damaged';
    out.set(view.getUint32(entry, true) as Section, { offset, length });
  }
  for (let kind = Section.Meta; kind <= Section.ParagraphFrequencies; kind++) if (!out.has(kind)) return `the index file lacks section ${kind}`;
  return out;
}

function bytesOf(array: Uint32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function u32(bytes: Uint8Array): Uint32Array {
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** True when `p` reads its fields from a table (for tests and figures). */
export function isTableBacked(p: Precedent): boolean {
  return p instanceof TablePrecedent;
}

/** A document read by every fingerprint: markup, sub-paragraphs, spellings that fold. */
const PROBE = `---
symbol: PROBE/1
adoption: consensus
---

PP1 *Recognizing* the organization of ICTs, the labour of the Organisation and the U.N. programme's realization, e.g. [sic] in 2010;

1. Decides that States should cooperate, inter alia, on the following measures:
  (a) Further dialogue among States to discuss norms pertaining to State use of information and communications technologies. Invites all Member States to continue to inform the Secretary-General of their views;
`;

/**
 * What an index depends on in this engine: the precedents, word keys and ids it makes of a
 * probe document (the parser, views, sentences and word folding all show in them). An index
 * made by an engine with another fingerprint is rebuilt, not trusted.
 */
export function engineFingerprint(build: (text: string) => Acquis): string {
  const acquis = build(PROBE);
  const parts = acquis.precedents.map((p) => `${p.pinpoint}|${p.span.start}-${p.span.end}|${p.text}|${[...p.ids].join(',')}`);
  parts.push([...acquis.index.vocabulary.keys()].join(' '), `format ${INDEX_FORMAT_VERSION}`);
  return parts.join('\n');
}
