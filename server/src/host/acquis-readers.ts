/**
 * A large acquis read on worker threads: the files are cut into slices, each worker reads and
 * parses the slices it is given, and the main thread merges the batches back in file order
 * (AcquisBuilder.addBatch), so the acquis and its index file are the ones a single thread makes.
 * The main thread waits for replies synchronously (Atomics.wait on a shared counter, then
 * receiveMessageOnPort), so that the CLI's build stays a plain function call.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { MessagePort, Worker } from 'node:worker_threads';
import { ReaderWords, type AcquisBuilder } from '../engine/index.js';
import type { ReaderSetup, ReadReply, ReadTask } from './acquis-read-protocol.js';
import { InputError } from './text-file.js';
import { readText } from './read-text.js';
import { memorySample } from './memory-log.js';

/** Files in a slice at most: small enough to keep every worker busy, large enough to cost little to send. */
const SLICE = 16;
/** Slices sent to a worker before the earlier ones come back. */
const AHEAD = 2;
/** Below this much source, starting workers costs more than it saves (about 100 ms each). */
const MIN_BYTES = 4 << 20;

/** Where the worker bundle is, next to the CLI and server bundles; undefined when running from source. */
export function readerBundle(): string | undefined {
  const file = join(__dirname, 'acquis-read-worker.js');
  return existsSync(file) ? file : undefined;
}

/**
 * How many threads read the acquis: `requested` (`--jobs`), else ACQUIS_READ_JOBS (the language
 * server has no command line), else one per core when there is enough to read; 1 when the worker
 * bundle is not there (running from source).
 */
export function readerCount(files: Array<{ path: string }>, requested: number | undefined): number {
  if (!readerBundle() || files.length < 2) return 1;
  const fromEnv = Number(process.env.ACQUIS_READ_JOBS);
  if (requested === undefined && Number.isInteger(fromEnv) && fromEnv > 0) requested = fromEnv;
  if (requested !== undefined) return Math.max(1, Math.min(requested, files.length));
  const cores = availableParallelism();
  if (cores < 2) return 1;
  let bytes = 0;
  for (const { path } of files) {
    try {
      bytes += statSync(path).size;
    } catch {
      // Reported when it is read.
    }
    if (bytes >= MIN_BYTES) return Math.min(cores, Math.ceil(files.length / SLICE));
  }
  return 1;
}

/**
 * Read `files` into `builder`, in order: on `count` worker threads when more than one, else on
 * this thread, one file at a time (a large acquis streams through). A file that cannot be read is
 * given to `unread` in its place.
 */
export function readFiles(
  files: Array<{ uri: string; path: string }>,
  count: number,
  builder: AcquisBuilder,
  unread: (error: InputError) => void,
): void {
  sayThreads(files.length, count);
  if (count > 1) {
    readInWorkers(files, count, builder, unread);
    return;
  }
  for (const { uri, path } of files) {
    let text: string;
    try {
      text = readText(path);
    } catch (error) {
      unread(error instanceof InputError ? error : new InputError((error as Error).message ?? String(error), path));
      continue;
    }
    builder.add({ uri, text });
    memorySample('reading');
  }
}

/** With ACQUIS_DEBUG=1: on how many threads the acquis is read (the tests check it). */
function sayThreads(files: number, count: number): void {
  if (process.env.ACQUIS_DEBUG && files) process.stderr.write(`acquis: reading ${files} acquis files on ${count} thread${count === 1 ? '' : 's'}\n`);
}

interface Reader {
  worker: Worker;
  port: MessagePort;
  words: ReaderWords;
  inFlight: number;
}

/**
 * Read `files` on `count` workers into `builder`, in order, waiting on this thread (the CLI). A
 * file that cannot be read is given to `unread` (in its place in the order); a bug in a worker is
 * thrown.
 */
export function readInWorkers(
  files: Array<{ uri: string; path: string }>,
  count: number,
  builder: AcquisBuilder,
  unread: (error: InputError) => void,
): void {
  const run = readLoop(files, count, builder, unread);
  for (let step = run.next(); !step.done; step = run.next(Atomics.wait(step.value.signal, 0, step.value.seen, 1000))) {
    // each step waits until a worker replies (or a second passes)
  }
}

/**
 * The same, for a host that must stay responsive while it reads (the language server): the
 * waits are asynchronous, and `onProgress` hears of each file merged.
 */
export async function readInWorkersAsync(
  files: Array<{ uri: string; path: string }>,
  count: number,
  builder: AcquisBuilder,
  unread: (error: InputError) => void,
  onProgress?: (done: number) => void,
): Promise<void> {
  sayThreads(files.length, count);
  const run = readLoop(files, count, builder, unread, onProgress);
  for (let step = run.next(); !step.done; ) {
    const wait = Atomics.waitAsync(step.value.signal, 0, step.value.seen, 1000);
    step = run.next(wait.async ? await wait.value : wait.value);
  }
}

/** What the reading loop waits for: the shared counter to move from `seen`. */
interface Wait {
  signal: Int32Array;
  seen: number;
}

/**
 * The reading itself, as a generator that yields whenever it must wait for a worker: its driver
 * waits (synchronously or not) and passes back what `Atomics.wait` would say.
 */
function* readLoop(
  files: Array<{ uri: string; path: string }>,
  count: number,
  builder: AcquisBuilder,
  unread: (error: InputError) => void,
  onProgress?: (done: number) => void,
): Generator<Wait, void, 'ok' | 'not-equal' | 'timed-out'> {
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const bundle = readerBundle()!;
  const loader = join(bundle, '..', '..', 'bin', 'load-bundle.js');
  const source = existsSync(loader) ? `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)});` : `require(${JSON.stringify(bundle)});`;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  // Eight slices a worker at least, so that a small acquis is spread evenly too.
  const slice = Math.max(1, Math.min(SLICE, Math.ceil(files.length / (count * 8))));
  const tasks = Math.ceil(files.length / slice);
  const readers: Reader[] = [];
  let next = 0;
  const owner = new Map<number, Reader>();
  const send = (reader: Reader): void => {
    while (reader.inFlight < AHEAD && next < tasks) {
      const task: ReadTask = { task: next, files: files.slice(next * slice, (next + 1) * slice) };
      owner.set(next++, reader);
      reader.inFlight++;
      reader.port.postMessage(task);
    }
  };
  try {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new threads.MessageChannel();
      const setup: ReaderSetup = { port: port2, signal };
      const worker = new threads.Worker(source, { eval: true, workerData: setup, transferList: [port2] });
      readers.push({ worker, port: port1, words: new ReaderWords(), inFlight: 0 });
    }
    for (const reader of readers) send(reader);
    const arrived = new Map<number, ReadReply>();
    for (let task = 0; task < tasks; task++) {
      let reply = arrived.get(task);
      while (!reply) {
        const seen = Atomics.load(signal, 0);
        let got = false;
        for (const reader of readers) {
          for (let m = threads.receiveMessageOnPort(reader.port); m; m = threads.receiveMessageOnPort(reader.port)) {
            const r = m.message as ReadReply;
            arrived.set(r.task, r);
            reader.inFlight--;
            got = true;
          }
          send(reader);
        }
        reply = arrived.get(task);
        // Replies are posted before the counter moves: if it has not moved, none is on its way.
        if (!reply && !got && (yield { signal, seen }) === 'timed-out') {
          // A worker that died (out of memory, killed) never replies: its threadId is -1 then.
          if (readers.some((r) => r.inFlight > 0 && r.worker.threadId === -1)) throw new Error('an acquis reading worker stopped');
        }
      }
      arrived.delete(task);
      if ('failed' in reply) {
        const error = new Error(`an acquis reading worker failed: ${reply.failed.message}`);
        if (reply.failed.stack) error.stack = reply.failed.stack;
        throw error;
      }
      for (const u of reply.unread) unread(new InputError(u.message, u.file, u.line, u.column));
      builder.addBatch(reply.batch, owner.get(task)!.words);
      owner.delete(task);
      memorySample('reading');
      onProgress?.(Math.min((task + 1) * slice, files.length));
    }
  } finally {
    for (const reader of readers) {
      reader.port.close();
      void reader.worker.terminate();
    }
  }
}
