/**
 * Lint workers for `acquis lint` over many files: worker threads, each with its own engine built
 * from the same options, each kept two files ahead so that it never waits for the main thread
 * (which lints files of its own meanwhile). Replies are matched to tasks by id.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { LintedText } from './lint-text.js';
import { rebuild, type LintTask, type TaskReply, type WorkerSetup } from './protocol.js';

let WorkerClass: typeof Worker | undefined;

/** Files sent to a worker before the earlier ones come back. */
const AHEAD = 2;

export type Outcome = { done: LintedText } | { failed: unknown };

interface Slot {
  worker: Worker;
  inFlight: Map<number, (outcome: Outcome) => void>;
}

/** Where the worker bundle is, next to the CLI bundle (dist/); undefined when running from source. */
export function workerBundle(): string | undefined {
  const file = join(__dirname, 'cli-lint-worker.js');
  return existsSync(file) ? file : undefined;
}

export class LintPool {
  /** Start a pool; worker_threads (and the streams behind it) is loaded only by a run that uses it. */
  static start(...args: ConstructorParameters<typeof LintPool>): LintPool {
    // require, not import(): the bundle runs as a vm.Script (bin/load-bundle.js), which has no dynamic import.
    WorkerClass ??= (require('node:worker_threads') as typeof import('node:worker_threads')).Worker;
    return new LintPool(...args);
  }

  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;

  /**
   * Start `count` workers. `take` gives the next file to lint (or undefined when there is none
   * left); `settle` receives each file's outcome by the index `take` gave.
   */
  constructor(
    count: number,
    bundle: string,
    setup: WorkerSetup,
    private readonly take: () => { index: number; path: string; text: string } | undefined,
    private readonly settle: (index: number, outcome: Outcome) => void,
  ) {
    // Loaded with the code cache when the loader is there (bin/load-bundle.js), like the CLI.
    const loader = join(bundle, '..', '..', 'bin', 'load-bundle.js');
    const source = existsSync(loader) ? `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)});` : `require(${JSON.stringify(bundle)});`;
    for (let i = 0; i < count; i++) {
      const worker = new WorkerClass!(source, { eval: true, workerData: setup, stdout: false, stderr: false });
      const slot: Slot = { worker, inFlight: new Map() };
      worker.on('message', (reply: TaskReply) => {
        const resolve = slot.inFlight.get(reply.id);
        if (!resolve) return;
        slot.inFlight.delete(reply.id);
        resolve('done' in reply ? { done: reply.done } : { failed: rebuild(reply.failed) });
        this.feed(slot);
        this.wake();
      });
      const lost = (error: unknown): void => {
        // A worker that dies fails the files it held, each reported in its place.
        for (const resolve of slot.inFlight.values()) resolve({ failed: error });
        slot.inFlight.clear();
        const at = this.slots.indexOf(slot);
        if (at >= 0) this.slots.splice(at, 1);
        this.wake();
      };
      worker.on('error', lost);
      worker.on('exit', (code) => {
        if (!this.closed) lost(new Error(`a lint worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
    for (const slot of this.slots) this.feed(slot);
  }

  /** Hand out more files to every worker (after the main thread has taken one). */
  feedAll(): void {
    for (const slot of this.slots) this.feed(slot);
  }

  /** Files still with the workers. */
  get pending(): number {
    return this.slots.reduce((n, s) => n + s.inFlight.size, 0);
  }

  /** Resolves when no file is with a worker any more. */
  async drain(): Promise<void> {
    while (this.pending > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private waiting: Array<() => void> = [];

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Let the workers go: they exit on their own, and never keep the process alive. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      slot.worker.postMessage('close');
      slot.worker.unref();
    }
  }

  private feed(slot: Slot): void {
    while (!this.closed && slot.inFlight.size < AHEAD && this.slots.includes(slot)) {
      const task = this.take();
      if (!task) return;
      const id = this.nextId++;
      slot.inFlight.set(id, (outcome) => this.settle(task.index, outcome));
      const message: LintTask = { id, path: task.path, text: task.text };
      slot.worker.postMessage(message);
    }
  }
}
