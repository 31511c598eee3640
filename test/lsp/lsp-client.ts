/**
 * A real LSP client for the protocol tests and the latency benchmark: spawns the bundled server
 * (`bin/acquis-lsp.js --stdio`) and talks JSON-RPC to it with vscode-languageserver-protocol.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadTransport, type ServerProcess, type ThreadTransport } from './thread-transport';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The repository root: found from this file, wherever it was bundled to (tests or bench). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(resolve(dir, 'bin', 'acquis-lsp.js')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export interface ClientOptions {
  cwd?: string;
  /** Answers to workspace/configuration requests for section `acquis`. */
  settings?: Record<string, unknown>;
  /** Extra command-line arguments for the server. */
  args?: string[];
  /** Options for node itself (the memory benchmark passes --expose-gc). */
  nodeArgs?: string[];
  /**
   * Read the server's output on a worker thread that stamps each answer's arrival
   * (thread-transport.ts), for `timedRequest`; the default reads it on this thread.
   */
  readerThread?: boolean;
}

/** A request's answer, with when it was sent and when it reached the client (ms, `performance.now()`). */
export interface Timed<T> {
  result: T;
  sentAt: number;
  /** When the answer's last byte was read: on the reader thread, before this thread parsed it. */
  arrivedAt: number;
  /** When this thread had it parsed and handed over. */
  handledAt: number;
}

type Waiter = { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ServerProcess;
  private readonly thread: ThreadTransport | undefined;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: unknown[] = [];
  readonly messages: string[] = [];
  readonly appliedEdits: unknown[] = [];
  readonly shownDocuments: string[] = [];
  /** The `selection` of each `window/showDocument` request, in order (undefined when none). */
  readonly shownSelections: unknown[] = [];
  settings: Record<string, unknown>;
  private waiters: Waiter[] = [];
  /** Called with each publishDiagnostics as it arrives (the benchmark timestamps them). */
  onPublish?: (p: PublishDiagnosticsParams) => void;
  /** What the server answered to `initialize` (once it has). */
  initializeResult: Record<string, unknown> | undefined;

  constructor(options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    const args = [...(options.nodeArgs ?? []), resolve(ROOT, 'bin/acquis-lsp.js'), '--stdio', ...(options.args ?? [])];
    const cwd = options.cwd ?? ROOT;
    if (options.readerThread) {
      this.thread = threadTransport(resolve(ROOT, 'test/lsp/reader-thread.cjs'), process.execPath, args, cwd, (text) => this.messages.push(text));
      this.process = this.thread.process;
      this.connection = createProtocolConnection(this.thread.reader, this.thread.writer);
    } else {
      const child: ChildProcess = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
      child.stderr!.on('data', (d) => this.messages.push(String(d)));
      this.process = child;
      this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.onPublish?.(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.test(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'acquis' ? this.settings : null)),
    );
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: unknown) => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
    this.connection.onRequest('window/showDocument', (p: { uri: string; selection?: unknown }) => {
      this.shownDocuments.push(p.uri);
      this.shownSelections.push(p.selection);
      return { success: true };
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    this.connection.listen();
  }

  /** `workspaceCapabilities` adds to the client's workspace capabilities (e.g. `workspaceEdit`). */
  async initialize(rootPath = ROOT, initializationOptions?: Record<string, unknown>, workspaceCapabilities: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'root' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true, ...workspaceCapabilities },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          // As VS Code asks (editor.foldingMaximumRegions).
          foldingRange: { rangeLimit: 5000 },
          synchronization: { didSave: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    this.initializeResult = result as Record<string, unknown>;
    return this.initializeResult;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'draft', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next publishDiagnostics for `uri` that passes `test` (already received ones count). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const seen = [...this.published].reverse().find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolvePromise(p);
        },
      });
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** A request with its times; its arrival is stamped on the reader thread when there is one. */
  async timedRequest<T>(method: string, params: unknown): Promise<Timed<T>> {
    const sentAt = performance.now();
    const pending = this.connection.sendRequest(method, params) as Promise<T>;
    const id = this.thread?.writer.lastId;
    const result = await pending;
    const handledAt = performance.now();
    const arrived = id === undefined ? undefined : this.thread!.arrivals.get(id);
    if (id !== undefined) this.thread!.arrivals.delete(id);
    return { result, sentAt, arrivedAt: arrived === undefined ? handledAt : arrived - performance.timeOrigin, handledAt };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    // A moment to exit on its own (a profile run writes its profile then), else it is ended.
    if (this.process.exitCode === null && this.process.signalCode === null) {
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 1000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          done();
        });
      });
    }
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    this.thread?.release();
  }
}

/** The test framework's hooks (passed in, so that the benchmarks can bundle this file without it). */
export interface SuiteHooks {
  beforeAll: (fn: () => Promise<void>, timeout?: number) => void;
  afterAll: (fn: () => Promise<void>, timeout?: number) => void;
}

export interface SharedClientOptions extends ClientOptions {
  /** The workspace folder given to `initialize` (the repository root by default). */
  root?: string;
  initializationOptions?: Record<string, unknown>;
  workspaceCapabilities?: Record<string, unknown>;
}

/**
 * The usual set-up of a protocol test: one server for the suite (describe block or file), started
 * and initialized before its tests, shut down after them. Returns the client at once; it is usable
 * inside the tests (a stand-in that reaches the client started by `beforeAll`):
 *
 *   const client = sharedClient({ beforeAll, afterAll });
 *   it('...', async () => { await client.open(uri, text); ... });
 */
export function sharedClient(hooks: SuiteHooks, options: SharedClientOptions = {}): LspClient {
  let client: LspClient | undefined;
  hooks.beforeAll(async () => {
    client = new LspClient(options);
    await client.initialize(options.root, options.initializationOptions, options.workspaceCapabilities);
  });
  hooks.afterAll(async () => {
    await client?.stop();
  });
  return new Proxy({} as LspClient, {
    get(_, key) {
      if (!client) throw new Error('sharedClient: the client is used before beforeAll has started it');
      const value = Reflect.get(client, key, client);
      return typeof value === 'function' ? value.bind(client) : value;
    },
    set(_, key, value) {
      if (!client) throw new Error('sharedClient: the client is used before beforeAll has started it');
      return Reflect.set(client, key, value, client);
    },
  });
}

export const fileUri = (path: string): string => pathToFileURL(resolve(ROOT, path)).href;
