/**
 * Index files on disk: `acquis index` writes one, `--index` reads one, and the automatic cache
 * keeps one per set of acquis folders so that a large acquis is parsed once, not on every run
 * or every editor start. The format is the engine's (engine/acquis/index-file.ts,
 * docs/index-format.md); this module reads and writes the bytes and decides when a cached index
 * still holds: the same engine and the same bytes in every source.
 */
import { createHash } from './hash.js';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../../package.json';
import {
  buildAcquis,
  decodeIndex,
  encodeIndex,
  engineFingerprint,
  indexHeaderLength,
  indexLayout,
  TEXTS_SECTION,
  useWordFrequencies,
  type Acquis,
  type IndexFacts,
  type SentenceTexts,
} from '../engine/index.js';
import { InputError, removeOwnFile, writeFileBytes } from './text-file.js';
import { readText, reason } from './read-text.js';
import { memorySample } from './memory-log.js';

let engineKeyMemo: string | undefined;

/** This engine's key: its version and the fingerprint of how it reads documents. */
export function engineKey(): string {
  engineKeyMemo ??= createHash('sha256')
    .update(`acquis ${version}\n`)
    .update(engineFingerprint((text) => buildAcquis([{ uri: 'probe.draft', text }]).acquis))
    .digest('hex')
    .slice(0, 32);
  return engineKeyMemo;
}

/** A document's path from its URI (the CLI uses paths, the language server file: URLs). */
export function pathOfUri(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Write `acquis` as an index file (atomically, through the safe writes). */
export function writeIndexFile(acquis: Acquis, file: string, facts: IndexFacts): void {
  writeFileBytes(file, sampled(encodeIndex(acquis, facts, pathOfUri)));
}

/** The chunks, with a memory sample now and then (ACQUIS_DEBUG=1: memory-log.ts). */
function* sampled(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  for (const chunk of chunks) {
    memorySample('writing the index');
    yield chunk;
  }
  memorySample('index written', true);
}

/**
 * Read an index file: its sections read into place, then views onto its bytes. The sentence texts
 * (about 40% of a large index) are not read: a lint needs the texts of a few hundred precedents,
 * read from the file when asked for (`FileTexts`), and fresh memory is what a large index costs
 * most to load. Documents' sources are read again from their files only when asked for (an
 * editor feature, a cross-reference).
 */
export function readIndexFile(file: string, uriOf: (path: string) => string = (p) => p): { acquis: Acquis; facts: IndexFacts } {
  let read: { bytes: Uint8Array; texts?: (offset: number, starts: Uint32Array) => SentenceTexts };
  try {
    read = readIndexBytes(file);
  } catch (error) {
    throw new InputError(`cannot read the index: ${reason(error)}.`, file);
  }
  try {
    const decoded = decodeIndex(read.bytes, {
      uriOf,
      readSource: (uri) => {
        try {
          return readText(pathOfUri(uri));
        } catch {
          return ''; // The source has gone since the index was made: its precedents still hold.
        }
      },
      texts: read.texts,
    });
    // The rarity of words (precedent.voted's weight) from the counts the index carries.
    const { paragraphs, df } = decoded.frequencies;
    const vocabulary = decoded.acquis.index.vocabulary;
    useWordFrequencies(decoded.acquis, { paragraphs, df: (key) => df[vocabulary.get(key) ?? -1] ?? 0 });
    return { acquis: decoded.acquis, facts: decoded.facts };
  } catch (error) {
    throw new InputError(`${(error as Error).message}; make it again with \`acquis index\`.`, file);
  }
}

/**
 * An index file's bytes with every section but the sentence texts read into place (the texts'
 * pages are never touched), and a reader of the texts from the file; the whole file when its
 * header cannot be read as an index's (`decodeIndex` then says why).
 */
function readIndexBytes(file: string): { bytes: Uint8Array; texts?: (offset: number, starts: Uint32Array) => SentenceTexts } {
  const fd = openSync(file, 'r');
  let kept = false;
  try {
    const size = fstatSync(fd).size;
    const first = new Uint8Array(16);
    const headLength = readSync(fd, first, 0, 16, 0) === 16 ? Math.min(indexHeaderLength(first), size) : 0;
    const head = headLength ? readAt(fd, headLength, 0) : undefined;
    const layout = head ? indexLayout(head, size) : 'not an index';
    if (typeof layout === 'string') return { bytes: readFileSync(fd) };
    // Not zero-filled: a large buffer's pages are then taken from the system only when written.
    const bytes = Buffer.allocUnsafe(size);
    bytes.set(head!, 0);
    for (const [kind, { offset, length }] of layout) if (kind !== TEXTS_SECTION) readFully(fd, bytes, offset, length, offset);
    kept = true;
    return { bytes, texts: (offset, starts) => new FileTexts(fd, offset, starts) };
  } finally {
    if (!kept) closeSync(fd);
  }
}

function readAt(fd: number, length: number, position: number): Uint8Array {
  const bytes = new Uint8Array(length);
  readFully(fd, bytes, 0, length, position);
  return bytes;
}

/** Read `length` bytes at `position` of the file into `into` at `at`; a file that ends early is an error. */
function readFully(fd: number, into: Uint8Array, at: number, length: number, position: number): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, into, at + done, length - done, position + done);
    if (n === 0) throw new Error('the index file is truncated');
    done += n;
  }
}

/** Closes a `FileTexts`'s descriptor once nothing holds the acquis any more. */
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** The window `FileTexts` reads through. */
const WINDOW = 1 << 16;

/**
 * An index's sentence texts read from its file, row by row, through a descriptor kept open: an
 * index rewritten meanwhile (`acquis index` replaces the file) is a new file, and this one still
 * reads the texts it was made with. Reads go through a 64 KB window, so that a walk over every
 * row (writing the acquis out again) reads each part of the file once.
 */
class FileTexts implements SentenceTexts {
  private window = new Uint8Array(WINDOW);
  private windowStart = 0;
  private windowLength = 0;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly fd: number,
    private readonly offset: number,
    private readonly starts: Uint32Array,
  ) {
    descriptors.register(this, fd);
  }

  bytes(row: number): Uint8Array {
    const start = this.starts[row]!;
    const end = this.starts[row + 1]!;
    if (start < this.windowStart || end > this.windowStart + this.windowLength) {
      const length = Math.min(Math.max(end - start, WINDOW), this.starts[this.starts.length - 1]! - start);
      if (this.window.length < length) this.window = new Uint8Array(length);
      readFully(this.fd, this.window, 0, length, this.offset + start);
      this.windowStart = start;
      this.windowLength = length;
    }
    // A copy: the window moves on the next read.
    return this.window.slice(start - this.windowStart, end - this.windowStart);
  }

  text(row: number): string {
    return this.decoder.decode(this.bytes(row));
  }
}

/** Where cached indexes live: ACQUIS_CACHE_DIR, else $XDG_CACHE_HOME/acquis, else ~/.cache/acquis. */
export function cacheDir(): string {
  const base = process.env.ACQUIS_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'acquis');
  return join(base, 'index');
}

/**
 * Acquis folders smaller than this are parsed every time (it takes less than reading an index);
 * ACQUIS_INDEX_CACHE_MIN_BYTES changes it, ACQUIS_INDEX_CACHE=0 turns the cache off.
 */
const DEFAULT_MIN_BYTES = 4 << 20;

export interface CacheEntry {
  file: string;
  facts: IndexFacts;
}

/**
 * The cache entry for these sources (undefined when the cache does not apply): its name says
 * which folders and choices it is for, and the hash of every source's bytes with the engine key.
 */
export function cacheEntryFor(paths: string[], choices: { builtin: boolean; duplicates: string; builtinKey: string }): CacheEntry | undefined {
  if (process.env.ACQUIS_INDEX_CACHE === '0' || !paths.length) return undefined;
  const min = Number(process.env.ACQUIS_INDEX_CACHE_MIN_BYTES ?? DEFAULT_MIN_BYTES);
  let size = 0;
  for (const path of paths) {
    try {
      size += statSync(path).size;
    } catch {
      return undefined; // The build reports it.
    }
  }
  if (size < min) return undefined;
  const which = createHash('sha256').update(JSON.stringify([paths, choices.builtin, choices.duplicates])).digest('hex').slice(0, 16);
  const sources = sourcesHash(paths, choices.builtinKey);
  if (!sources) return undefined;
  return { file: join(cacheDir(), `${which}-${sources}.acqidx`), facts: { engine: engineKey(), sources, builtin: choices.builtin } };
}

/** The hash of the engine key, the built-in acquis's key and every source's path and bytes. */
export function sourcesHash(paths: string[], builtinKey: string): string | undefined {
  const content = createHash('sha256').update(engineKey()).update('\0').update(builtinKey).update('\0');
  for (const path of paths) {
    try {
      content.update(path).update('\0').update(readFileSync(path)).update('\0');
    } catch {
      return undefined;
    }
  }
  return content.digest('hex').slice(0, 32);
}

/** A cached index, if there is a good one. A damaged one is dropped (and made again). */
export function readCached(entry: CacheEntry, uriOf: (path: string) => string): Acquis | undefined {
  if (!existsSync(entry.file)) return undefined;
  try {
    const { acquis, facts } = readIndexFile(entry.file, uriOf);
    if (facts.engine === entry.facts.engine && facts.sources === entry.facts.sources) return acquis;
  } catch {
    // Unreadable: made again below.
  }
  removeQuietly(entry.file);
  return undefined;
}

/** Write the cache entry, replacing older indexes of the same folders. Never fails the command. */
export function writeCached(entry: CacheEntry, acquis: Acquis): void {
  try {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    writeIndexFile(acquis, entry.file, entry.facts);
    const prefix = entry.file.slice(dir.length + 1, entry.file.lastIndexOf('-') + 1);
    for (const name of readdirSync(dir)) if (name.startsWith(prefix) && join(dir, name) !== entry.file) removeQuietly(join(dir, name));
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs time.
  }
}

function removeQuietly(file: string): void {
  try {
    removeOwnFile(file);
  } catch {
    // Already gone.
  }
}
