/** What the main thread and the acquis reading workers say to each other (acquis-readers.ts). */
import type { ReadBatch } from '../engine/index.js';

/** Given to a reading worker when it starts: the port it is sent tasks on and replies through. */
export interface ReaderSetup {
  port: import('node:worker_threads').MessagePort;
  /** Incremented by a worker after each reply, so that the main thread can wait for one. */
  signal: Int32Array;
}

/** Files to read, the `task`th slice of the list. */
export interface ReadTask {
  task: number;
  files: Array<{ uri: string; path: string }>;
}

/** A file that could not be read: an input error as plain data. */
export interface UnreadFile {
  index: number;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type ReadReply =
  | { task: number; batch: ReadBatch; unread: UnreadFile[] }
  /** A bug in the worker: the build stops with it. */
  | { task: number; failed: { message: string; stack?: string } };
