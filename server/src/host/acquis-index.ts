/**
 * Index files on disk: `acquis index` writes one, `--index` reads one, and the automatic cache
 * keeps one per set of acquis folders so that a large acquis is parsed once, not on every run
 * or every editor start. The format is the engine's (engine/acquis/index-file.ts,
 * docs/index-format.md); this module reads and writes the bytes and decides when a cached index
 * still holds: the same engine and the same bytes in every source.
 */
import { createHash } from './hash.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../../package.json';
import { buildAcquis, decodeIndex, encodeIndex, engineFingerprint, useWordFrequencies, type Acquis, type IndexFacts } from '../engine/index.js';
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
 * Read an index file: one read, then views onto its bytes. Documents' sources are read again from
 * their files only when asked for (an editor feature, a cross-reference).
 */
export function readIndexFile(file: string, uriOf: (path: string) => string = (p) => p): { acquis: Acquis; facts: IndexFacts } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read the index: ${reason(error)}.`, file);
  }
  try {
    const read = decodeIndex(bytes, {
      uriOf,
      readSource: (uri) => {
        try {
          return readText(pathOfUri(uri));
        } catch {
          return ''; // The source has gone since the index was made: its precedents still hold.
        }
      },
    });
    // The rarity of words (precedent.voted's weight) from the counts the index carries.
    const { paragraphs, df } = read.frequencies;
    const vocabulary = read.acquis.index.vocabulary;
    useWordFrequencies(read.acquis, { paragraphs, df: (key) => df[vocabulary.get(key) ?? -1] ?? 0 });
    return { acquis: read.acquis, facts: read.facts };
  } catch (error) {
    throw new InputError(`${(error as Error).message}; make it again with \`acquis index\`.`, file);
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
