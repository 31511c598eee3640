/**
 * The language server: a thin shell that keeps documents, asks the engine, and converts.
 * Every request handler is wrapped so that a failure becomes an LSP error, never a dead server.
 */
import { existsSync, realpathSync } from 'node:fs';
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
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses, type Analysis } from './analyses.js';
import { publishedFindings, toDiagnostic } from './convert.js';
import { EngineStore, type ClientSettings } from './engines.js';
import { codeActions, executeCommand, COMMANDS, FIX_ALL_KIND } from './features/code-actions.js';
import { AMENDMENT_KIND } from './features/amendment-actions.js';
import { configureFeatures } from './features/client-features.js';
import { codeLenses } from './features/code-lens.js';
import { completion } from './features/completion.js';
import { definition } from './features/definition.js';
import { foldingRanges } from './features/folding.js';
import { formatting } from './features/formatting.js';
import { hover } from './features/hover.js';
import { isAcquisFile, precedentRange } from './features/locations.js';
import { references } from './features/references.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import {
  findAgreedLanguageActions,
  FIND_AGREED_LANGUAGE_KIND,
  rankedWorkspaceSymbols,
  readSearchArguments,
  searchCommandResult,
  SEARCH_COMMAND,
} from './features/find-agreed-language.js';
import { searchWith } from './store-link.js';
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

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
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
  const analyses = new Analyses(engines, (uri) => documents.get(uri));
  // A shared store that answers again: what was linted against the local acquis alone is linted again.
  engines.onStoreBack = () => {
    analyses.forgetAll();
    for (const doc of documents.all()) void schedule(doc.uri);
  };
  const docsRoot = join(builtinAcquisDir(), '..', '..', 'docs');
  const docsPages = new Map<string, string>();
  /** A rule's own page in docs/rules/ when it has one, else its section of docs/rules.md. */
  const docsUri = (ruleId: string): string => {
    let uri = docsPages.get(ruleId);
    if (!uri) {
      const page = join(docsRoot, 'rules', `${ruleId}.md`);
      uri = existsSync(page) ? pathToFileURL(page).href : `${pathToFileURL(join(docsRoot, 'rules.md')).href}#${ruleId.replace(/\./g, '')}`;
      docsPages.set(ruleId, uri);
    }
    return uri;
  };
  const timers = new Map<string, NodeJS.Timeout>();

  /** Lint after a short delay; a newer edit restarts the delay and cancels a running analysis. */
  const schedule = async (uri: string): Promise<void> => {
    // Notifications before initialize (or after shutdown) are dropped, as the specification says.
    if (state !== 'running') return;
    const settings = await settingsFor(uri);
    const delay = settings.lintDelay ?? options.lintDelay ?? 10;
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

  const publish = async (uri: string): Promise<void> => {
    try {
      const analysis = await analyses.get(uri);
      if (!analysis || documents.get(uri)?.version !== analysis.version) return;
      const diagnostics = isAcquisFile(uri)
        ? [] // an adopted document of the built-in acquis is not a draft
        : publishedFindings(analysis.result.findings).map(({ finding, index }) =>
            toDiagnostic(analysis.doc, finding, index, docsUri, (u, span) => precedentRange(analysis.entry.engine, u, span)),
          );
      await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
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
  const offsetOf = (a: Analysis, position: Position): number => {
    if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'position must have integer line and character');
    }
    return a.doc.offsetAt(position);
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

  connection.onCodeAction((params) =>
    onDoc('codeAction', params, [], (a, p) => [...codeActions(a, p, docsUri), ...findAgreedLanguageActions(a, p)]),
  );
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
      return executeCommand({ connection, analysis: (uri) => analyses.get(uri), openText: readForCommand }, params);
    }),
  );
  connection.onHover((params) => onDoc('hover', params, null, (a, p) => hover(a, offsetOf(a, p.position)), true));
  connection.onCompletion((params) => onDoc('completion', params, [], (a, p) => completion(a, offsetOf(a, p.position)), true));
  connection.onDocumentSymbol((params) => onDoc('documentSymbol', params, [], (a) => documentSymbols(a)));
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
  connection.onDefinition((params) => onDoc('definition', params, null, (a, p) => definition(a, offsetOf(a, p.position)), true));
  connection.onReferences((params) =>
    onDoc('references', params, [], async (a, p) => {
      const others = await Promise.all(documents.all().map((d) => analyses.get(d.uri)));
      return references(a, offsetOf(a, p.position), others.filter((x): x is Analysis => !!x));
    }, true),
  );
  connection.onFoldingRanges((params) => onDoc('foldingRange', params, [], (a) => foldingRanges(a)));
  connection.onCodeLens((params) => onDoc('codeLens', params, [], (a) => codeLenses(a)));
  connection.onDocumentFormatting((params) => onDoc('formatting', params, [], (a) => formatting(a)));

  // For the memory benchmark: heap after a full collection (when node runs with --expose-gc).
  connection.onRequest('acquis/memoryUsage', () => {
    checkState();
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });

  documents.listen(connection);
  connection.listen();
}
