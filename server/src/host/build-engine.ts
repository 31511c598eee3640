/**
 * Building the engine from files, the one way for every host (the CLI's commands and the language
 * server): find and check the project file, apply the precedence rule, read the built-in acquis
 * (snapshot) and the acquis folders, check that no symbol is defined twice, and report every
 * problem with its file, line and column. The CLI stops on the first problem (exit code 2); the
 * language server shows it and keeps working with what could be read.
 */
import { createHash } from './hash.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AcquisBuilder,
  buildAcquis,
  buildAcquisAsync,
  engineFromAcquis,
  LineIndex,
  mergeAcquis,
  normaliseSymbol,
  type Acquis,
  type AcquisConfig,
  type AcquisProblem,
  type BuildProgress,
  type Engine,
  type SourceFile,
} from '../engine/index.js';
import { builtinFromSnapshot, readBuiltin, type BuiltinPart } from './acquis-loader.js';
import { findConfigFile, readConfigFile } from './config-file.js';
import { draftFilesUnder } from './folders.js';
import { InputError } from './text-file.js';
import { cacheEntryFor, engineKey, pathOfUri, readCached, readIndexFile, writeCached, writeIndexFile, type CacheEntry } from './acquis-index.js';
import { readText } from './read-text.js';
import { readerCount, readFiles, readInWorkersAsync } from './acquis-readers.js';
import { memorySample } from './memory-log.js';
import { builtinAcquisDir } from './install.js';
import { effectiveConfig, type ConfigChoices } from './precedence.js';

export interface EngineRequest {
  /** A configuration file named by the user (`--config`); otherwise one is looked for. */
  configFile?: string;
  /** Where acquis.config.yaml is looked for, then in each folder above. */
  searchFrom: string;
  /** The user's choices: command-line options or editor settings (see `precedence.ts`). */
  choices: ConfigChoices;
  /** The folder the user's acquis folders are relative to, given the project file found (if any). */
  choicesBase: (configFile: string | undefined) => string;
  /** False in an untrusted workspace: only the built-in acquis is read, no folder a file names. */
  trusted?: boolean;
  /** File paths to document URIs (paths for the CLI, file: URLs for the server). */
  uriOf?: (path: string) => string;
  /** An index file (`acquis index`) to use instead of the built-in acquis and the folders. */
  indexFile?: string;
  /** Acquis documents named one by one (`acquis index` takes files as well as folders). */
  acquisFiles?: string[];
  /** False: never read or write the automatic index cache (`acquis index` builds afresh). */
  cache?: boolean;
  /** Threads to read the acquis folders on (`--jobs`); default: one per core for a large acquis. */
  jobs?: number;
}

export interface HostEngine {
  engine: Engine;
  config: AcquisConfig;
  configFile?: string;
  /** The acquis folders read (the server watches them). */
  acquisDirs: string[];
  /** Everything wrong with the configuration and the acquis, in the order found. */
  problems: InputError[];
}

interface Prepared {
  config: AcquisConfig;
  configFile?: string;
  acquisDirs: string[];
  builtin?: BuiltinPart;
  /** The project's acquis documents: read one at a time while building (a large acquis streams). */
  project: Array<{ uri: string; path: string }>;
  problems: InputError[];
  uriOf: (path: string) => string;
  /** Path (and text, when it was read whole) of each source by URI, to place problems. */
  sources: Map<string, { path: string; text?: string }>;
  indexFile?: string;
  cache: boolean;
}

/** Build the engine (synchronously: the CLI). */
export function buildEngine(request: EngineRequest): HostEngine {
  const p = prepare(request);
  const ready = readyMade(p);
  if ('engine' in ready) return ready;
  const builtin = p.builtin && ('snapshot' in p.builtin ? undefined : buildAcquis(p.builtin.sources));
  const builder = projectBuilder(p);
  const jobs = readerCount(p.project, request.jobs);
  readFiles(p.project, jobs, builder, (error) => p.problems.push(error));
  memorySample('read', true);
  const built = finish(p, builtin, builder.finish());
  memorySample('built', true);
  return cached(ready.cache, built);
}

/**
 * `acquis index`: build the acquis from its sources (never from the cache) and write it to
 * `file`. The first problem stops it, as it stops a lint: an index is made of a sound acquis only.
 */
export function buildIndexFile(request: EngineRequest, file: string): HostEngine {
  const built = buildEngine({ ...request, cache: false });
  if (built.problems.length) return built;
  const p = prepare({ ...request, cache: false });
  // What it was made from, for the record (the cache checks bytes; this one is the user's to renew).
  const stamp = createHash('sha256').update(p.builtin?.key ?? '');
  for (const { path } of p.project) {
    const stat = statSync(path);
    stamp.update(`${path}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  writeIndexFile(built.engine.acquis, file, { engine: engineKey(), sources: stamp.digest('hex').slice(0, 32), builtin: !!p.builtin });
  return built;
}

/**
 * An engine over an index file (`indexFile`), or over the cached index of these sources; else
 * the cache entry to fill once the acquis is built.
 */
function readyMade(p: Prepared): HostEngine | { cache?: CacheEntry } {
  if (p.indexFile) {
    const { acquis, facts } = readIndexFile(p.indexFile, p.uriOf);
    const problems = [...p.problems];
    if (facts.engine !== engineKey()) {
      problems.push(new InputError('this index was made by another version of Acquis; make it again with `acquis index`.', p.indexFile));
    }
    return { engine: engineFromAcquis(acquis, p.config), config: p.config, acquisDirs: p.acquisDirs, problems, ...(p.configFile ? { configFile: p.configFile } : {}) };
  }
  if (!p.cache || p.problems.length) return {};
  const cache = cacheEntryFor(
    p.project.map((s) => s.path),
    { builtin: !!p.builtin, duplicates: p.config.duplicates ?? 'error', builtinKey: p.builtin?.key ?? '' },
  );
  const acquis = cache && readCached(cache, p.uriOf);
  if (acquis) return { engine: engineFromAcquis(acquis, p.config), config: p.config, acquisDirs: p.acquisDirs, problems: [...p.problems], ...(p.configFile ? { configFile: p.configFile } : {}) };
  return cache ? { cache } : {};
}

/** Fill the cache with a good acquis (one with problems is not kept: the next run reports them again). */
function cached(cache: CacheEntry | undefined, built: HostEngine): HostEngine {
  if (cache && !built.problems.length) writeCached(cache, built.engine.acquis);
  return built;
}

function projectBuilder(p: Prepared): AcquisBuilder {
  return new AcquisBuilder({ readSource: (uri) => readSourceAgain(p, uri) });
}

/** Read one project document and add it: its text is dropped afterwards unless it is small. */
function addSource(p: Prepared, builder: AcquisBuilder, uri: string, path: string): void {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    p.problems.push(asInputError(error));
    return;
  }
  builder.add({ uri, text });
}

function readSourceAgain(p: Prepared, uri: string): string {
  try {
    return readText(p.sources.get(uri)?.path ?? pathOfUri(uri));
  } catch {
    return '';
  }
}

/** Build the engine a few documents at a time, with progress (the language server). */
export async function buildEngineAsync(
  request: EngineRequest,
  progressFor?: (documents: number) => Promise<(BuildProgress & { done(): void }) | undefined>,
): Promise<HostEngine> {
  const p = prepare(request);
  const toParse = (p.builtin && 'sources' in p.builtin ? p.builtin.sources.length : 0) + p.project.length;
  const progress = progressFor ? await progressFor(toParse) : undefined;
  try {
    let offset = 0;
    const part = (count: number): BuildProgress => {
      const base = offset;
      offset += count;
      return { onProgress: (done) => progress?.onProgress?.(base + done, toParse), yieldToHost: progress?.yieldToHost };
    };
    const ready = readyMade(p);
    if ('engine' in ready) return ready;
    const builtin = p.builtin && 'sources' in p.builtin ? await buildAcquisAsync(p.builtin.sources, part(p.builtin.sources.length)) : undefined;
    const builder = projectBuilder(p);
    const report = part(p.project.length);
    const jobs = readerCount(p.project, request.jobs);
    if (jobs > 1) {
      // The waits for the workers leave this thread free: no yielding needed.
      await readInWorkersAsync(p.project, jobs, builder, (error) => p.problems.push(error), (done) => report.onProgress?.(done, p.project.length));
    } else {
      let last = Date.now();
      for (let i = 0; i < p.project.length; i++) {
        addSource(p, builder, p.project[i]!.uri, p.project[i]!.path);
        if (Date.now() - last > 50) {
          report.onProgress?.(i + 1, p.project.length);
          await report.yieldToHost?.();
          last = Date.now();
        }
      }
    }
    report.onProgress?.(p.project.length, p.project.length);
    return cached(ready.cache, finish(p, builtin, builder.finish()));
  } finally {
    progress?.done();
  }
}

function prepare(request: EngineRequest): Prepared {
  const uriOf = request.uriOf ?? ((path: string) => path);
  const problems: InputError[] = [];
  const configFile = request.configFile ? resolve(request.searchFrom, request.configFile) : findConfigFile(request.searchFrom);
  const project = configFile ? readConfigFile(configFile) : undefined;
  if (project) problems.push(...project.problems);
  const base = request.choicesBase(configFile);
  const choices: ConfigChoices = { ...request.choices };
  if (choices.acquis) choices.acquis = choices.acquis.map((dir) => resolve(base, dir));
  const config = effectiveConfig(choices, project?.config);
  const sources = new Map<string, { path: string; text?: string }>();
  const acquisDirs: string[] = [];
  let builtin: BuiltinPart | undefined;
  const indexFile = request.indexFile && resolve(request.searchFrom, request.indexFile);
  if (config.builtin && !indexFile) {
    try {
      builtin = readBuiltin();
      acquisDirs.push(builtinAcquisDir());
      if ('sources' in builtin) builtin = { sources: builtin.sources.map((s) => remember(s, uriOf, sources)), key: builtin.key };
    } catch (error) {
      problems.push(asInputError(error));
    }
  }
  const projectSources: Prepared['project'] = [];
  const add = (path: string): void => {
    const uri = uriOf(path);
    sources.set(uri, { path });
    projectSources.push({ uri, path });
  };
  // In an untrusted workspace a configuration could point the server at any folder on the machine.
  if (request.trusted !== false && !indexFile) {
    for (const dir of config.acquis) {
      try {
        for (const path of acquisFolderFiles(dir)) add(path);
        acquisDirs.push(dir);
      } catch (error) {
        problems.push(asInputError(error));
      }
    }
    for (const file of request.acquisFiles ?? []) add(resolve(request.searchFrom, file));
  }
  const prepared: Prepared = { config, acquisDirs, project: projectSources, problems, uriOf, sources, cache: request.cache !== false };
  if (indexFile) prepared.indexFile = indexFile;
  if (configFile) prepared.configFile = configFile;
  if (builtin) prepared.builtin = builtin;
  return prepared;
}

/** The `.draft` files of an acquis folder (not read yet). */
function acquisFolderFiles(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError('acquis folder not found.', dir);
  }
  if (!stat.isDirectory()) throw new InputError('an acquis must be a folder of .draft files.', dir);
  return draftFilesUnder(dir);
}

function remember(source: SourceFile, uriOf: (path: string) => string, sources: Prepared['sources']): SourceFile {
  const uri = uriOf(source.uri);
  sources.set(uri, { path: source.uri, text: source.text });
  return { uri, text: source.text };
}

type Built = { acquis: Acquis; problems: AcquisProblem[] };

function finish(p: Prepared, builtinParsed: Built | undefined, projectBuilt: Built): HostEngine {
  const problems = [...p.problems];
  const acquisProblems = [...(builtinParsed?.problems ?? []), ...projectBuilt.problems];
  let builtin: Acquis | undefined =
    builtinParsed?.acquis ?? (p.builtin && 'snapshot' in p.builtin ? builtinFromSnapshot(p.builtin, p.uriOf) : undefined);
  let project = projectBuilt.acquis;

  // A symbol defined twice in the project's folders is always a mistake.
  const seen = new Map<string, string>();
  for (const doc of project.documents) {
    const symbol = normaliseSymbol(doc.symbol);
    const first = seen.get(symbol);
    if (first) problems.push(located(p, doc.uri, doc.text, `${doc.symbol} is defined twice in the acquis folders: here and in ${shown(p, first)}. Keep one.`));
    else seen.set(symbol, doc.uri);
  }
  // A project document reusing a built-in symbol: an error, unless the project says which wins.
  const shared = builtin ? project.documents.filter((d) => builtin!.bySymbol.has(normaliseSymbol(d.symbol))) : [];
  if (shared.length && builtin) {
    const symbols = new Set(shared.map((d) => normaliseSymbol(d.symbol)));
    const choice = p.config.duplicates ?? 'error';
    if (choice === 'project') {
      builtin = p.builtin && 'snapshot' in p.builtin
        ? builtinFromSnapshot(p.builtin, p.uriOf, symbols)
        : buildAcquis(builtin.documents.filter((d) => !symbols.has(normaliseSymbol(d.symbol))).map((d) => ({ uri: d.uri, text: d.text }))).acquis;
    } else if (choice === 'builtin') {
      project = buildAcquis(project.documents.filter((d) => !symbols.has(normaliseSymbol(d.symbol))).map((d) => ({ uri: d.uri, text: d.text }))).acquis;
    } else {
      for (const doc of shared) {
        const other = builtin.bySymbol.get(normaliseSymbol(doc.symbol))!;
        problems.push(
          located(
            p,
            doc.uri,
            doc.text,
            `${doc.symbol} is also in the built-in acquis (${shown(p, other.uri)}). Remove one, or say which wins in acquis.config.yaml: \`duplicates: project\` or \`duplicates: builtin\`.`,
          ),
        );
      }
    }
  }
  const parts = builtin ? (project.documents.length ? [builtin, project] : [builtin]) : [project];
  const acquis = parts.length === 1 ? parts[0]! : mergeAcquis(parts);
  for (const problem of acquisProblems) {
    const text = p.sources.get(problem.uri)?.text ?? readSourceAgain(p, problem.uri);
    problems.push(located(p, problem.uri, text, `acquis document unusable: ${problem.message}`, problem.span.start));
  }
  const engine = engineFromAcquis(acquis, p.config, acquisProblems);
  const out: HostEngine = { engine, config: p.config, acquisDirs: p.acquisDirs, problems };
  if (p.configFile) out.configFile = p.configFile;
  return out;
}

/** The path of a document for messages. */
function shown(p: Prepared, uri: string): string {
  return p.sources.get(uri)?.path ?? uri;
}

/** A problem at `offset` of a document, or at its `symbol:` line when no offset is given. */
function located(p: Prepared, uri: string, text: string, message: string, offset?: number): InputError {
  const at = offset ?? Math.max(0, text.search(/^symbol[ \t]*:/m));
  const position = new LineIndex(text).position(at);
  return new InputError(message, shown(p, uri), position.line + 1, position.character + 1);
}

function asInputError(error: unknown): InputError {
  return error instanceof InputError ? error : new InputError((error as Error).message ?? String(error));
}
