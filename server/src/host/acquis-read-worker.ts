/**
 * Entry of an acquis reading worker (bundled to dist/acquis-read-worker.js): reads and parses
 * the files it is sent, a slice at a time, and sends each slice back as one batch of typed
 * arrays, transferred rather than copied (engine/acquis/batch-reader.ts).
 */
import { workerData } from 'node:worker_threads';
import { BatchReader } from '../engine/index.js';
import type { ReaderSetup, ReadReply, ReadTask, UnreadFile } from './acquis-read-protocol.js';
import { readText } from './read-text.js';
import { InputError } from './text-file.js';

const { port, signal } = workerData as ReaderSetup;
// One reader for the worker's life: its vocabulary's ids continue from batch to batch.
const reader = new BatchReader();

port.on('message', (message: ReadTask | 'close') => {
  if (message === 'close') {
    port.close();
    return;
  }
  let reply: ReadReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const unread: UnreadFile[] = [];
    for (let i = 0; i < message.files.length; i++) {
      const { uri, path } = message.files[i]!;
      let text: string;
      try {
        text = readText(path);
      } catch (error) {
        const e = error instanceof InputError ? error : new InputError((error as Error).message ?? String(error));
        unread.push({ index: i, message: e.message, file: e.file, line: e.line, column: e.column });
        continue;
      }
      reader.read({ uri, text });
    }
    const taken = reader.take();
    transfer.push(...taken.transfer);
    reply = { task: message.task, batch: taken.batch, unread };
  } catch (error) {
    const e = error as Error;
    reply = { task: message.task, failed: { message: String(e?.message ?? error), stack: e?.stack } };
  }
  port.postMessage(reply, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
