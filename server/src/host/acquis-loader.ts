/**
 * The acquis from files: the built-in one from its snapshot when the snapshot matches the files
 * (parsing it again costs most of a short run), the project's folders parsed. The two parts stay
 * apart until their symbols are checked against each other (see `build-engine.ts`).
 */
import { createHash } from './hash.js';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildAcquis, fromSnapshot, normaliseSymbol, toSnapshot, type Acquis, type AcquisSnapshot, type SourceFile } from '../engine/index.js';
import { InputError, writeTextFile } from './text-file.js';
import { builtinAcquisDir, packageRoot, SNAPSHOT_FILE } from './install.js';
import { draftFilesUnder, readAcquisFolder } from './folders.js';

/** A key for a set of sources: a snapshot is used only if it was made from exactly these. */
function sourceKey(sources: SourceFile[], root: string): string {
  const hash = createHash('sha1');
  for (const s of sources) hash.update(relative(root, s.uri)).update('\0').update(s.text).update('\0');
  return hash.digest('hex');
}

/** Write the snapshot of the built-in acquis (run by the build). */
export function writeBuiltinSnapshot(): string {
  const root = packageRoot();
  const sources = readAcquisFolder(builtinAcquisDir());
  const { acquis, problems } = buildAcquis(sources.map((s) => ({ uri: relative(root, s.uri), text: s.text })));
  if (problems.length) throw new InputError(`the built-in acquis has problems: ${problems[0]!.message}`, problems[0]!.uri);
  const file = join(root, SNAPSHOT_FILE);
  const files = sources.map((s): [string, number] => [relative(root, s.uri), statSync(s.uri).size]);
  const snapshot: BuiltinSnapshot = { ...toSnapshot(acquis, sourceKey(sources, root)), files };
  writeTextFile(file, JSON.stringify(snapshot));
  return file;
}

/** The snapshot file: the acquis, and the source files it was made from with their sizes. */
type BuiltinSnapshot = AcquisSnapshot & { files?: Array<[path: string, size: number]> };

/** The built-in acquis: ready-built from the snapshot, or its sources when the snapshot is stale. */
export type BuiltinPart = ({ snapshot: AcquisSnapshot; root: string } | { sources: SourceFile[] }) & {
  /** The key of the built-in sources (an index that holds the built-in acquis depends on it). */
  key: string;
};

export function readBuiltin(): BuiltinPart {
  const root = packageRoot();
  const file = join(root, SNAPSHOT_FILE);
  const snapshot = readSnapshot(file);
  if (snapshot && madeFromThese(snapshot, file, root)) return { snapshot, root, key: snapshot.sourceKey };
  const sources = readAcquisFolder(builtinAcquisDir());
  const key = sourceKey(sources, root);
  return snapshot && snapshot.sourceKey === key ? { snapshot, root, key } : { sources, key };
}

/**
 * True when the built-in sources are, by their names, sizes and times, those the snapshot was
 * made from: the same files, the same sizes, none modified after the snapshot was written
 * (make's rule). Then the sources are not read and hashed, which spared a short run reading every
 * document and loading node:crypto. An installed package passes (npm gives every file the same
 * time); a source edited since the build does not, and is compared by content as before.
 */
function madeFromThese(snapshot: BuiltinSnapshot, file: string, root: string): boolean {
  const recorded = snapshot.files;
  if (!recorded) return false;
  try {
    const written = statSync(file).mtimeMs;
    const present = draftFilesUnder(builtinAcquisDir());
    if (present.length !== recorded.length) return false;
    return present.every((path, i) => {
      const [name, size] = recorded[i]!;
      if (relative(root, path) !== name) return false;
      const stat = statSync(path);
      return stat.size === size && stat.mtimeMs <= written;
    });
  } catch {
    return false;
  }
}

/** The built-in acquis from its snapshot, without the documents whose symbols are in `drop`. */
export function builtinFromSnapshot(part: { snapshot: AcquisSnapshot; root: string }, uriOf: (path: string) => string, drop = new Set<string>()): Acquis {
  let snapshot = part.snapshot;
  if (drop.size) {
    const kept = snapshot.documents.map((d, i) => [d, i] as const).filter(([d]) => !drop.has(normaliseSymbol(d.symbol)));
    const newIndex = new Map(kept.map(([, old], i) => [old, i]));
    snapshot = {
      ...snapshot,
      documents: kept.map(([d]) => d),
      precedents: snapshot.precedents.filter((p) => newIndex.has(p[0])).map((p) => [newIndex.get(p[0])!, p[1], p[2], p[3], p[4]]),
    };
  }
  return fromSnapshot(snapshot, (stored) => uriOf(join(part.root, stored)));
}

function readSnapshot(file: string): BuiltinSnapshot | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as BuiltinSnapshot;
    return snapshot.version === 1 ? snapshot : undefined;
  } catch {
    return undefined;
  }
}
