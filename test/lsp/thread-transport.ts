/**
 * A transport for the test client whose reading side runs on a worker thread (reader-thread.cjs):
 * the worker owns the server's process, cuts its output into messages and stamps their arrival;
 * this thread parses them. The latency benchmark uses it to tell the server's answer time from
 * the time this client spends parsing the large messages queued before an answer.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Message } from 'vscode-languageserver-protocol/node';

/** What the client needs of the server's process. */
export interface ServerProcess {
  readonly pid?: number | undefined;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(): boolean;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

type FromWorker =
  | { kind: 'spawned'; pid: number }
  | { kind: 'message'; at: number; body: Uint8Array }
  | { kind: 'written'; seq: number }
  | { kind: 'stderr'; text: string }
  | { kind: 'error'; message: string }
  | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null };

class ThreadProcess extends EventEmitter implements ServerProcess {
  pid: number | undefined;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  constructor(private readonly worker: Worker) {
    super();
  }
  kill(): boolean {
    this.worker.postMessage({ kind: 'kill' });
    return true;
  }
}

class ThreadReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];
  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
  listen(callback: DataCallback) {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }
  close(): void {
    this.fireClose();
  }
  failed(message: string): void {
    this.fireError(new Error(message));
  }
}

class ThreadWriter extends AbstractMessageWriter {
  /** The id of the last request written (a request is written as it is sent, before any await). */
  lastId: number | string | undefined;
  private seq = 0;
  private readonly unwritten = new Map<number, () => void>();
  constructor(private readonly worker: Worker) {
    super();
  }
  /** Resolves when the server's pipe has taken the whole message (as StreamMessageWriter's does). */
  write(message: Message): Promise<void> {
    const { id, method } = message as { id?: number | string; method?: string };
    if (id !== undefined && method !== undefined) this.lastId = id;
    const seq = ++this.seq;
    return new Promise((done) => {
      this.unwritten.set(seq, done);
      this.worker.postMessage({ kind: 'write', seq, text: JSON.stringify(message) });
    });
  }
  written(seq: number): void {
    this.unwritten.get(seq)?.();
    this.unwritten.delete(seq);
  }
  end(): void {}
}

export interface ThreadTransport {
  reader: ThreadReader;
  writer: ThreadWriter;
  process: ServerProcess;
  /** When the answer to request `id` reached the client (`performance.timeOrigin` + `now()`, ms). */
  arrivals: Map<number | string, number>;
  /** Let the process end without waiting for the thread (once the server is stopped). */
  release(): void;
}

/** Start the server (`execPath args`, in `cwd`) on a worker thread; `script` is reader-thread.cjs. */
export function threadTransport(script: string, execPath: string, args: string[], cwd: string, onStderr: (text: string) => void): ThreadTransport {
  const worker = new Worker(script, { workerData: { execPath, args, cwd } });
  const child = new ThreadProcess(worker);
  const reader = new ThreadReader();
  const writer = new ThreadWriter(worker);
  const arrivals = new Map<number | string, number>();
  const decoder = new TextDecoder();
  worker.on('message', (m: FromWorker) => {
    switch (m.kind) {
      case 'spawned':
        child.pid = m.pid;
        break;
      case 'message': {
        const message = JSON.parse(decoder.decode(m.body)) as Message & { id?: number | string; method?: string };
        if (message.id !== undefined && message.method === undefined) arrivals.set(message.id, m.at);
        reader.deliver(message);
        break;
      }
      case 'written':
        writer.written(m.seq);
        break;
      case 'stderr':
        onStderr(m.text);
        break;
      case 'error':
        reader.failed(m.message);
        break;
      case 'exit':
        child.exitCode = m.code;
        child.signalCode = m.signal;
        child.emit('exit', m.code, m.signal);
        reader.close();
        break;
    }
  });
  return { reader, writer, process: child, arrivals, release: () => worker.unref() };
}
