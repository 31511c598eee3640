/**
 * Lint workers for `acquis lint` over many files: worker threads, each with its own engine built
 * from the same options, each kept two files ahead so that it never waits for the main thread
 * (which lints files of its own meanwhile, and only reads replies between two of its files).
 * Every file has a claim slot shared by all threads; whoever claims it lints it. When nothing is
 * left to hand out, the main thread takes back the files still waiting in a worker's queue
 * instead of sitting idle until the worker gets to them. Replies are matched to tasks by id.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { LintedText } from './lint-text.js';
import { claim, rebuild, unpack, type LintTask, type TaskReply, type WorkerSetup } from './protocol.js';

let WorkerClass: typeof Worker | undefined;

/** Files sent to a worker before the earlier ones come back. */
const AHEAD = 2;

export type Outcome = { done: LintedText } | { failed: unknown };

/** A file to lint: its place in the run, its name as reported, its text. */
export interface PoolTask {
  index: number;
  path: string;
  text: string;
}

interface Slot {
  worker: Worker;
  /** Files sent and not answered yet, in the order sent. */
  inFlight: Map<number, PoolTask>;
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
  private readonly claims: Int32Array;
  /** Files the main thread claimed (its own, and those it took back from a worker's queue). */
  private readonly mine = new Set<number>();
  /** Files a lost worker held but had not started: the main thread lints them. */
  private readonly returned: PoolTask[] = [];
  private nextId = 0;
  private closed = false;
  private waiting: Array<() => void> = [];

  /**
   * Start `count` workers for a run of `files` files. Nothing is sent before `feedAll` (so the
   * workers start up while the main thread reads the files). `take` gives the next file to hand
   * out (undefined when there is none left); `settle` receives the outcome of each file a worker
   * linted, by its index.
   */
  constructor(
    count: number,
    bundle: string,
    setup: Omit<WorkerSetup, 'claims'>,
    files: number,
    private readonly take: () => PoolTask | undefined,
    private readonly settle: (index: number, outcome: Outcome) => void,
  ) {
    const shared = new SharedArrayBuffer(4 * Math.max(1, files));
    this.claims = new Int32Array(shared);
    // Loaded with the code cache when the loader is there (bin/load-bundle.js), like the CLI.
    const loader = join(bundle, '..', '..', 'bin', 'load-bundle.js');
    const source = existsSync(loader) ? `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)});` : `require(${JSON.stringify(bundle)});`;
    const workerData: WorkerSetup = { ...setup, claims: shared };
    for (let i = 0; i < count; i++) {
      const worker = new WorkerClass!(source, { eval: true, workerData, stdout: false, stderr: false });
      const slot: Slot = { worker, inFlight: new Map() };
      worker.on('message', (reply: TaskReply) => {
        const task = slot.inFlight.get(reply.id);
        if (!task) return;
        slot.inFlight.delete(reply.id);
        if ('failed' in reply) this.settle(task.index, { failed: rebuild(reply.failed) });
        else if ('findings' in reply) this.settle(task.index, { done: unpack(reply, task.text) });
        // skipped: the main thread took it back and lints it itself.
        this.feed(slot);
        this.wake();
      });
      worker.on('error', (error) => this.lost(slot, error));
      worker.on('exit', (code) => {
        if (!this.closed) this.lost(slot, new Error(`a lint worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  /** Hand out files to every worker until each has `AHEAD` (at the start, and after each file of the main thread). */
  feedAll(): void {
    for (const slot of this.slots) this.feed(slot);
  }

  /**
   * The next file for the main thread, claimed for it: one not handed out yet, else one a lost
   * worker left, else the last one sent to a worker that has not started it. Undefined when
   * every file is linted or being linted.
   */
  nextForMain(): PoolTask | undefined {
    const fresh = this.returned.shift() ?? this.take();
    if (fresh) {
      claim(this.claims, fresh.index);
      this.mine.add(fresh.index);
      return fresh;
    }
    for (const slot of this.slots) {
      const queued = [...slot.inFlight.values()].reverse();
      for (const task of queued) {
        if (!this.mine.has(task.index) && claim(this.claims, task.index)) {
          this.mine.add(task.index);
          return task;
        }
      }
    }
    return undefined;
  }

  /** Files still with the workers (a file taken back counts until its worker has said so). */
  get pending(): number {
    let n = 0;
    for (const slot of this.slots) for (const task of slot.inFlight.values()) if (!this.mine.has(task.index)) n++;
    return n + this.returned.length;
  }

  /** Resolves when no file is with a worker any more, or a worker was lost and left files to the main thread. */
  async drain(): Promise<void> {
    while (this.pending > 0 && this.returned.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Let the workers go: they exit on their own, and never keep the process alive. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      slot.worker.postMessage('close');
      slot.worker.unref();
    }
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /**
   * A worker that died fails the file it was linting, reported in its place; the files waiting in
   * its queue go to the main thread.
   */
  private lost(slot: Slot, error: unknown): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    for (const task of slot.inFlight.values()) {
      if (this.mine.has(task.index)) continue;
      if (claim(this.claims, task.index)) this.returned.push(task);
      else this.settle(task.index, { failed: error });
    }
    slot.inFlight.clear();
    this.wake();
  }

  private feed(slot: Slot): void {
    while (!this.closed && slot.inFlight.size < AHEAD && this.slots.includes(slot)) {
      const task = this.take();
      if (!task) return;
      const id = this.nextId++;
      slot.inFlight.set(id, task);
      const message: LintTask = { id, index: task.index, path: task.path, text: task.text };
      slot.worker.postMessage(message);
    }
  }
}
