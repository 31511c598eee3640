/**
 * The language server: a thin shell that keeps documents, asks the engine, and converts.
 * Every request handler is wrapped so that a failure becomes an LSP error, never a dead server.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, sep } from 'node:path';
import {
  CodeActionKind,
  LSPErrorCodes,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { Analyses, SLICE_MS, type Analysis } from './analyses.js';
import { publishedFindings, toDiagnostic } from './convert.js';
import { docsUri } from './docs-links.js';
import type { DocumentFeature, FeatureParams, FeatureResult } from './document-features.js';
import { EngineStore, type ClientSettings } from './engines.js';
import { executeCommand, COMMANDS, FIX_ALL_KIND } from './features/code-actions.js';
import { AMENDMENT_KIND } from './features/amendment-actions.js';
import { configureFeatures } from './features/client-features.js';
import { isAcquisFile, precedentRange } from './features/locations.js';
import { workspaceSymbols } from './features/symbols.js';
import {
  FIND_AGREED_LANGUAGE_KIND,
  rankedWorkspaceSymbols,
  readSearchArguments,
  searchCommandResult,
  SEARCH_COMMAND,
} from './features/find-agreed-language.js';
import { searchWith } from './store-link.js';
import { pieceDocuments } from './piece-document.js';
import type { RawJson } from './wire-json.js';
import type { Engine } from '../engine/index.js';
import type { SearchOptions } from '../engine/search/index.js';
import { version } from '../../../package.json';
import { builtinAcquisDir } from '../host/install.js';
import { readText } from '../host/read-text.js';

export interface ServerOptions {
  /** Default delay between an edit and linting, when the client sets none. */
  lintDelay?: number;
  /** Called when a shutdown request is accepted (the stdio entry exits with 0 after it, else 1). */
  onShutdown?: () => void;
}

/**
 * Milliseconds between an edit and linting when neither the client nor the caller sets one: none.
 * Editors send every keystroke at once; the analysis is cancelled by a newer version, so a fixed
 * debounce would only add its length to every keystroke's latency.
 */
export const DEFAULT_LINT_DELAY = 0;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // Documents held in pieces (piece-document.ts): an edit of a 10 MB draft copies one piece, not the text.
  const documents = new TextDocuments(pieceDocuments);
  let configurationCapability = false;
  let workspaceFoldersCapability = false;
  const settingsCache = new Map<string, Promise<ClientSettings>>();

  const settingsFor = (uri: string): Promise<ClientSettings> => {
    if (!configurationCapability) return Promise.resolve({});
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'acquis' })
        .then((s: ClientSettings | null) => s ?? {}, () => ({}));
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  const engines = new EngineStore(connection, settingsFor);
  // A document of the built-in acquis, opened for reference, is not a draft: nothing is published.
  const analyses = new Analyses(engines, (uri) => documents.get(uri), (uri) => !isAcquisFile(uri));
  // A shared store that answers again: what was linted against the local acquis alone is linted again.
  engines.onStoreBack = () => {
    analyses.forgetAll();
    for (const doc of documents.all()) void schedule(doc.uri);
  };
  const timers = new Map<string, NodeJS.Timeout>();

  /**
   * Lint once the edits that arrived together are in (after `acquis.lintDelay`, none by default);
   * a newer edit restarts the delay and cancels a running analysis at its next yield, so the
   * newest version always wins without a fixed wait on every keystroke (see ARCHITECTURE.md,
   * "Editor latency").
   */
  const schedule = async (uri: string): Promise<void> => {
    // Notifications before initialize (or after shutdown) are dropped, as the specification says.
    if (state !== 'running') return;
    const settings = await settingsFor(uri);
    const delay = settings.lintDelay ?? options.lintDelay ?? DEFAULT_LINT_DELAY;
    // Cleared only now, after the await: of two quick calls, the later one's timer must win.
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  };

  /**
   * The diagnostics of an analysis: a huge document's were built in the worker; others are
   * converted here in slices that yield, so that thousands of findings never hold up a request.
   * Undefined when a newer version arrived meanwhile.
   */
  const diagnosticsOf = async (analysis: Analysis): Promise<Diagnostic[] | RawJson | undefined> => {
    if (analysis.remote) return analysis.remote.diagnostics;
    if (isAcquisFile(analysis.uri)) return []; // an adopted document of the built-in acquis is not a draft
    const out: Diagnostic[] = [];
    const related = (u: string, span: { start: number; end: number }) => precedentRange(analysis.entry.engine, u, span);
    let sliceStart = performance.now();
    for (const { finding, index } of publishedFindings(analysis.result.findings)) {
      out.push(toDiagnostic(analysis.doc, finding, index, docsUri, related));
      if (out.length % 64 === 0 && performance.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        if (documents.get(analysis.uri)?.version !== analysis.version) return undefined;
        sliceStart = performance.now();
      }
    }
    return out;
  };

  const publish = async (uri: string): Promise<void> => {
    try {
      const analysis = await analyses.get(uri);
      if (!analysis || documents.get(uri)?.version !== analysis.version) return;
      const diagnostics = await diagnosticsOf(analysis);
      if (!diagnostics) return;
      // A huge document's diagnostics may be the worker's JSON, written as it is (wire-json.ts).
      await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnostics as Diagnostic[] });
    } catch (error) {
      connection.console.error(`Acquis: linting ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  };

  /** Run a request against the current analysis of a document, turning failures into LSP errors. */
  const withAnalysis = <T>(uri: string, run: (a: Analysis) => T | Promise<T>, empty: T) => async (): Promise<T> => {
    const analysis = await analyses.get(uri);
    if (!analysis) return empty;
    return run(analysis);
  };
  /** The lifecycle the specification prescribes: requests only between initialize and shutdown. */
  let state: 'new' | 'running' | 'shutdown' = 'new';
  const checkState = (): void => {
    if (state === 'new') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send initialize first.');
    if (state === 'shutdown') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down: only the exit notification is accepted.');
  };
  const guard = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    checkState();
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`Acquis: ${name} failed: ${(error as Error).stack ?? error}`);
      throw new ResponseError(ErrorCodes.InternalError, `Acquis: ${name} failed: ${(error as Error).message}`);
    }
  };
  /** The document of a request's params; missing or malformed params are InvalidParams (-32602). */
  const requireDoc = (params: unknown): string => {
    const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'params.textDocument.uri must be a string');
    return uri;
  };
  const requirePosition = (params: unknown): Position => {
    const position = (params as { position?: Position } | null | undefined)?.position;
    if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'params.position must have integer line and character');
    }
    return position;
  };
  /** Run `handler` on a document request, its params checked first (inside the guard). */
  const onDoc = <T>(name: string, params: unknown, empty: T, run: (a: Analysis, params: any) => T | Promise<T>, withPosition = false) =>
    guard(name, () => {
      const uri = requireDoc(params);
      if (withPosition) requirePosition(params);
      return withAnalysis(uri, (a) => run(a, params), empty)();
    });
  /** A request that is one feature of document-features.ts: run here, or in the worker for a huge document. */
  const onFeature = <F extends DocumentFeature>(feature: F, params: unknown, empty: FeatureResult<F>, withPosition = false) =>
    onDoc(feature, params, empty, (a, p: FeatureParams<F>) => analyses.run(a, feature, p), withPosition);
  /**
   * The same for a feature whose answer can be megabytes on a huge document (outline, folding,
   * lenses, formatting): the worker's JSON is sent as it is (wire-json.ts). The protocol layer
   * passes a handler's result through untouched to the writer, hence the type given here.
   */
  const onBulkFeature = <F extends DocumentFeature>(feature: F, params: unknown, empty: FeatureResult<F>) =>
    onDoc(feature, params, empty, (a, p: FeatureParams<F>) => analyses.runForClient(a, feature, p)) as Promise<FeatureResult<F>>;

  /**
   * Files a workspace command may read: open documents, the built-in acquis, and, in a trusted
   * workspace, files inside the workspace folders (links resolved). Nothing else on the machine.
   */
  const readForCommand = (uri: string): string => {
    const open = documents.get(uri);
    if (open) return open.getText();
    if (!uri.startsWith('file:')) throw new ResponseError(LSPErrorCodes.RequestFailed, `Acquis reads only files: ${uri}`);
    let real: string;
    try {
      real = realpathSync(fileURLToPath(uri));
    } catch {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Acquis cannot read ${uri}: no such file.`);
    }
    const inside = (folder: string): boolean => {
      let root: string;
      try {
        root = realpathSync(folder);
      } catch {
        return false;
      }
      return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
    };
    const allowed = inside(builtinAcquisDir()) || (engines.trusted && engines.workspaceFolders.some(inside));
    if (!allowed) {
      const why = engines.trusted ? 'it is outside the workspace folders' : 'the workspace is not trusted (only open documents and the built-in acquis are read)';
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Acquis does not read ${uri}: ${why}.`);
    }
    return readText(real);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    if (state !== 'new') throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize may be sent only once.');
    state = 'running';
    configurationCapability = !!params.capabilities?.workspace?.configuration;
    configureFeatures(params);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    engines.setWorkspaceFolders(folders);
    workspaceFoldersCapability = !!params.capabilities?.workspace?.workspaceFolders;
    const init = params.initializationOptions as { workspaceTrusted?: boolean } | undefined;
    engines.trusted = init?.workspaceTrusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, FIX_ALL_KIND, AMENDMENT_KIND, FIND_AGREED_LANGUAGE_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [...Object.values(COMMANDS), SEARCH_COMMAND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '/', '@', '.'], resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'acquis', version },
    };
  });

  connection.onShutdown(() => {
    checkState();
    state = 'shutdown';
    options.onShutdown?.();
  });
  // Any other request: not before initialize, not after shutdown, else the method is unknown.
  connection.onRequest((method) => {
    checkState();
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });

  connection.onInitialized(async () => {
    if (workspaceFoldersCapability) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
        engines.setWorkspaceFolders((folders ?? []).map((f) => f.uri));
        rebuild();
        for (const doc of documents.all()) void schedule(doc.uri);
      });
    }
    if (configurationCapability) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'acquis' }).catch(() => undefined);
    }
    // Watch configuration files and every acquis document: a change rebuilds the engines.
    // Dynamic registration of file watchers is optional for clients: a refusal is not an error.
    await connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/acquis.config.{yaml,yml,json}' }, { globPattern: '**/*.draft' }],
      })
      .catch(() => undefined);
  });

  const rebuild = (): void => {
    engines.invalidate();
    analyses.forgetAll();
  };

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    rebuild();
    for (const doc of documents.all()) void schedule(doc.uri);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const relevant = await Promise.all(
      changes.map(async (c) => {
        if (/acquis\.config\.(ya?ml|json)$/.test(c.uri)) return true;
        // A change to an open draft is not a change to the acquis; a change in an acquis folder is.
        if (c.type === FileChangeType.Changed && documents.get(c.uri)) return false;
        return c.uri.endsWith('.draft');
      }),
    );
    if (!relevant.some(Boolean)) return;
    rebuild();
    for (const doc of documents.all()) void schedule(doc.uri);
  });

  documents.onDidOpen((e) => void schedule(e.document.uri));
  documents.onDidChangeContent((e) => void schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyses.forget(e.document.uri);
    settingsCache.delete(e.document.uri);
    // Clear what was published, or the Problems panel keeps stale entries for a closed file.
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => onFeature('codeAction', params, []));
  /** The engine for a document, or for the workspace when there is none. */
  const anyEngine = (uri?: string) =>
    engines.engineFor(uri ?? documents.all()[0]?.uri ?? pathToFileURL(join(engines.workspaceFolders[0] ?? process.cwd(), 'untitled.draft')).href);
  connection.onExecuteCommand((params) =>
    guard('executeCommand', async () => {
      if (typeof params?.command !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'params.command must be a string');
      if (params.arguments !== undefined && !Array.isArray(params.arguments)) throw new ResponseError(ErrorCodes.InvalidParams, 'params.arguments must be an array');
      if (params.command === SEARCH_COMMAND) {
        const read = readSearchArguments(params.arguments ?? []);
        if (!read) throw new ResponseError(ErrorCodes.InvalidParams, `${SEARCH_COMMAND} needs a query (a string) and optional options`);
        const entry = await anyEngine(read.options.uri);
        return searchCommandResult(await searchWith(entry.engine, read.query, read.options, entry.store));
      }
      // openText is the only way a command reads another file: open documents, else readForCommand's rules.
      const run = async <F extends DocumentFeature>(uri: string, feature: F, p: FeatureParams<F>) => {
        const analysis = await analyses.get(uri);
        return analysis && analyses.run(analysis, feature, p);
      };
      return executeCommand({ connection, run, openText: readForCommand }, params);
    }),
  );
  connection.onHover((params) => onFeature('hover', params, null, true));
  connection.onCompletion((params) => onFeature('completion', params, [], true));
  connection.onDocumentSymbol((params) => onBulkFeature('documentSymbol', params, []));
  connection.onWorkspaceSymbol((params) =>
    guard('workspaceSymbol', async () => {
      const entries = await Promise.all(documents.all().map((d) => engines.engineFor(d.uri)));
      const folder = engines.workspaceFolders[0] ?? process.cwd();
      if (!entries.length) entries.push(await engines.engineFor(pathToFileURL(join(folder, 'untitled.draft')).href));
      const query = typeof params?.query === 'string' ? params.query : '';
      const unique = [...new Set(entries.map((e) => e.engine))];
      const found = workspaceSymbols(query, unique);
      // Then acquis paragraphs found by meaning (ranked search), after those holding the words.
      const storeOf = new Map(entries.map((e) => [e.engine, e.store]));
      const search = (engine: Engine, q: string, options: SearchOptions) => searchWith(engine, q, options, storeOf.get(engine));
      return [...found, ...(await rankedWorkspaceSymbols(query, unique, search, found))];
    }),
  );
  connection.onDefinition((params) => onFeature('definition', params, null, true));
  // References: within the document, then the quotes of the same precedent in every other open
  // draft, each asked where its analysis lives (here, or in the worker for a huge document).
  connection.onReferences((params) =>
    onDoc('references', params, [], async (a, p) => {
      const position = p.position as Position;
      const found = await analyses.run(a, 'references', { position });
      const quoted = await analyses.run(a, 'precedentAt', { position });
      if (!quoted) return found;
      const seen = new Set(found.map((l) => `${l.uri}#${l.range.start.line}:${l.range.start.character}:${l.range.end.line}:${l.range.end.character}`));
      for (const d of documents.all()) {
        if (d.uri === a.uri) continue;
        const other = await analyses.get(d.uri);
        if (!other) continue;
        for (const l of await analyses.run(other, 'quotes', quoted)) {
          const key = `${l.uri}#${l.range.start.line}:${l.range.start.character}:${l.range.end.line}:${l.range.end.character}`;
          if (!seen.has(key)) found.push(l);
          seen.add(key);
        }
      }
      return found;
    }, true),
  );
  connection.onFoldingRanges((params) => onBulkFeature('foldingRange', params, []));
  connection.onCodeLens((params) => onBulkFeature('codeLens', params, []));
  connection.onDocumentFormatting((params) => onBulkFeature('formatting', params, []));

  // For the benchmarks: heap after a full collection (when node runs with --expose-gc), and the
  // process's CPU time so far (microseconds, every thread), a fairer figure than wall time under load.
  connection.onRequest('acquis/memoryUsage', () => {
    checkState();
    (globalThis as { gc?: () => void }).gc?.();
    return { ...process.memoryUsage(), cpu: process.cpuUsage() };
  });

  documents.listen(connection);
  connection.listen();
}
