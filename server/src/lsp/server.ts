/**
 * The language server: a thin shell that keeps documents, asks the engine, and converts.
 * Every request handler is wrapped so that a failure becomes an LSP error, never a dead server.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CodeActionKind,
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
import { version } from '../../../package.json';
import { builtinAcquisDir } from '../cli/node-host.js';

export interface ServerOptions {
  /** Default delay between an edit and linting, when the client sets none. */
  lintDelay?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let configurationCapability = false;
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
  const guard = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`Acquis: ${name} failed: ${(error as Error).stack ?? error}`);
      throw new ResponseError(ErrorCodes.InternalError, `Acquis: ${name} failed: ${(error as Error).message}`);
    }
  };
  const requireDoc = (uri: unknown): string => {
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
    return uri;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    configurationCapability = !!params.capabilities.workspace?.configuration;
    configureFeatures(params);
    const init = params.initializationOptions as { workspaceTrusted?: boolean } | undefined;
    engines.trusted = init?.workspaceTrusted !== false;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, FIX_ALL_KIND, AMENDMENT_KIND], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '/', '@', '.'], resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'acquis', version },
    };
  });

  connection.onInitialized(async () => {
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
    guard('codeAction', withAnalysis(requireDoc(params.textDocument?.uri), (a) => codeActions(a, params, docsUri), [])),
  );
  connection.onExecuteCommand((params) =>
    guard('executeCommand', () =>
      executeCommand({ connection, analysis: (uri) => analyses.get(uri), openText: (uri) => documents.get(uri)?.getText() }, params),
    ),
  );
  connection.onHover((params) =>
    guard('hover', withAnalysis(requireDoc(params.textDocument?.uri), (a) => hover(a, offsetOf(a, params.position)), null)),
  );
  connection.onCompletion((params) =>
    guard('completion', withAnalysis(requireDoc(params.textDocument?.uri), (a) => completion(a, offsetOf(a, params.position)), [])),
  );
  connection.onDocumentSymbol((params) =>
    guard('documentSymbol', withAnalysis(requireDoc(params.textDocument?.uri), (a) => documentSymbols(a), [])),
  );
  connection.onWorkspaceSymbol((params) =>
    guard('workspaceSymbol', async () => {
      const entries = await Promise.all(documents.all().map((d) => engines.engineFor(d.uri)));
      if (!entries.length) entries.push(await engines.engineFor(pathToFileURL(join(process.cwd(), 'untitled.draft')).href));
      return workspaceSymbols(params.query ?? '', [...new Set(entries.map((e) => e.engine))]);
    }),
  );
  connection.onDefinition((params) =>
    guard('definition', withAnalysis(requireDoc(params.textDocument?.uri), (a) => definition(a, offsetOf(a, params.position)), null)),
  );
  connection.onReferences((params) =>
    guard(
      'references',
      withAnalysis(requireDoc(params.textDocument?.uri), async (a) => {
        const others = await Promise.all(documents.all().map((d) => analyses.get(d.uri)));
        return references(a, offsetOf(a, params.position), others.filter((x): x is Analysis => !!x));
      }, []),
    ),
  );
  connection.onFoldingRanges((params) =>
    guard('foldingRange', withAnalysis(requireDoc(params.textDocument?.uri), (a) => foldingRanges(a), [])),
  );
  connection.onCodeLens((params) => guard('codeLens', withAnalysis(requireDoc(params.textDocument?.uri), (a) => codeLenses(a), [])));
  connection.onDocumentFormatting((params) =>
    guard('formatting', withAnalysis(requireDoc(params.textDocument?.uri), (a) => formatting(a), [])),
  );

  // For the memory benchmark: heap after a full collection (when node runs with --expose-gc).
  connection.onRequest('acquis/memoryUsage', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });

  documents.listen(connection);
  connection.listen();
}
