/**
 * Building the engine from files, the one way for every host (the CLI's commands and the language
 * server): find and check the project file, apply the precedence rule, read the built-in acquis
 * (snapshot) and the acquis folders, check that no symbol is defined twice, and report every
 * problem with its file, line and column. The CLI stops on the first problem (exit code 2); the
 * language server shows it and keeps working with what could be read.
 */
import { resolve } from 'node:path';
import {
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
import { readAcquisFolder } from './folders.js';
import { InputError } from './text-file.js';
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
  project: SourceFile[];
  problems: InputError[];
  uriOf: (path: string) => string;
  /** Path and text of each source by URI, to place problems. */
  sources: Map<string, { path: string; text: string }>;
}

/** Build the engine (synchronously: the CLI). */
export function buildEngine(request: EngineRequest): HostEngine {
  const p = prepare(request);
  const builtin = p.builtin && ('snapshot' in p.builtin ? undefined : buildAcquis(p.builtin.sources));
  const project = buildAcquis(p.project);
  return finish(p, builtin, project);
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
    const builtin = p.builtin && 'sources' in p.builtin ? await buildAcquisAsync(p.builtin.sources, part(p.builtin.sources.length)) : undefined;
    const project = await buildAcquisAsync(p.project, part(p.project.length));
    return finish(p, builtin, project);
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
  const sources = new Map<string, { path: string; text: string }>();
  const acquisDirs: string[] = [];
  let builtin: BuiltinPart | undefined;
  if (config.builtin) {
    try {
      builtin = readBuiltin();
      acquisDirs.push(builtinAcquisDir());
      if ('sources' in builtin) builtin = { sources: builtin.sources.map((s) => remember(s, uriOf, sources)) };
    } catch (error) {
      problems.push(asInputError(error));
    }
  }
  const projectSources: SourceFile[] = [];
  // In an untrusted workspace a configuration could point the server at any folder on the machine.
  if (request.trusted !== false) {
    for (const dir of config.acquis) {
      try {
        projectSources.push(...readAcquisFolder(dir).map((s) => remember(s, uriOf, sources)));
        acquisDirs.push(dir);
      } catch (error) {
        problems.push(asInputError(error));
      }
    }
  }
  const prepared: Prepared = { config, acquisDirs, project: projectSources, problems, uriOf, sources };
  if (configFile) prepared.configFile = configFile;
  if (builtin) prepared.builtin = builtin;
  return prepared;
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
    const source = p.sources.get(problem.uri);
    problems.push(located(p, problem.uri, source?.text ?? '', `acquis document unusable: ${problem.message}`, problem.span.start));
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
