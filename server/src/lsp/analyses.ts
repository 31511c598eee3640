/**
 * Per-document analysis: the draft read at one version and its lint result. Linting yields to the
 * event loop between paragraphs, so a newer edit cancels an older analysis instead of queueing
 * behind it; the matcher's cache by paragraph text means only changed paragraphs are re-aligned.
 *
 * A huge document (HUGE_CHARS and more) lives in a worker thread instead (lint-worker.ts): it is
 * parsed, linted and its diagnostics built there, and every request about it runs there on the
 * analysis the worker keeps (document-features.ts), so the server's thread never spends seconds
 * on megabytes and answers the other documents' requests meanwhile. Only the latest version of
 * each huge document waits for the worker; older ones are dropped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalParser } from '../../../grammar/src/index.js';
import { readDraft, type DraftFile, type LintResult } from '../engine/index.js';
import { clientState, runFeature, type DocumentFeature, type FeatureParams, type FeatureResult } from './document-features.js';
import type { EngineEntry, EngineRecipe, EngineStore } from './engines.js';
import type { FeatureJob, LintJob, WorkerJob, WorkerReply } from './lint-worker.js';
import { PieceDocument, textLength } from './piece-document.js';
import { fromWorker, type RawJson } from './wire-json.js';

export interface Analysis {
  uri: string;
  version: number;
  doc: TextDocument;
  draft: DraftFile;
  result: LintResult;
  entry: EngineEntry;
  /**
   * Set for a huge document held by the lint worker: its diagnostics, built and serialised there
   * (raw JSON on stdio). Its `draft` and `result` are not on this thread; requests about it go
   * through `Analyses.run`.
   */
  remote?: { diagnostics: Diagnostic[] | RawJson };
}

/** Alignment work allowed between two yields to the event loop. */
export const SLICE_MS = 8;

/** Documents this long (UTF-16 units, about 512 KB) live in the worker thread. */
export const HUGE_CHARS = 512 * 1024;
/**
 * A text sent whole to the worker goes in parts of about this many characters, each posted in a
 * task of its own: one message of 10 MB held the server's thread 30 to 40 ms (a copy of the text
 * for the other thread), and requests about other documents waited behind it.
 */
export const PART_CHARS = 1024 * 1024;

/** The worker bundle next to the server bundle (absent when the server runs from sources). */
const WORKER_FILE = join(__dirname, 'lint-worker.js');

type Pending = { resolve: (r: WorkerReply | undefined) => void };

/** A lint waiting for the worker: its text (or the edits since the worker's copy) is read when it is sent. */
interface WaitingLint {
  doc: TextDocument;
  version: number;
  recipe: EngineRecipe;
  publish: boolean;
}

/**
 * One worker thread, one job at a time. Feature requests go first (they read an analysis already
 * made); per document, only the latest waiting lint is kept.
 *
 * The worker keeps a copy of each huge document's text. After the first lint it is sent the
 * edits since its copy (logged by the document, piece-document.ts), not the text again: posting
 * 10 MB to the worker held the server's thread 30 to 40 ms per keystroke.
 */
class WorkerThread {
  private worker: Worker | undefined;
  private current: (Pending & { id: number; lint?: WaitingLint; forgotten?: boolean }) | undefined;
  private readonly lints = new Map<string, Pending & { lint: WaitingLint }>();
  private readonly features: Array<Pending & { job: Omit<FeatureJob, 'id'> }> = [];
  /** The version of each document whose text the worker holds. */
  private readonly copies = new Map<string, number>();
  private nextId = 0;

  constructor(private readonly file: string) {}

  /** The worker's diagnostics, or undefined when a newer job for the same document replaced this one. */
  lint(lint: WaitingLint): Promise<WorkerReply | undefined> {
    return new Promise((resolve) => {
      this.lints.get(lint.doc.uri)?.resolve(undefined);
      this.lints.set(lint.doc.uri, { lint, resolve });
      this.pump();
    });
  }

  /** Whether the worker holds anything of this document. */
  holds(uri: string): boolean {
    return this.copies.has(uri);
  }

  feature(job: Omit<FeatureJob, 'id'>): Promise<WorkerReply | undefined> {
    return new Promise((resolve) => {
      this.features.push({ job, resolve });
      this.pump();
    });
  }

  /** Drop what the worker keeps for a closed document (or one no longer huge). */
  forget(uri: string, doc?: TextDocument): void {
    this.lints.get(uri)?.resolve(undefined);
    this.lints.delete(uri);
    // A text still being posted in parts stops there (postInParts).
    if (this.current?.lint?.doc.uri === uri) this.current.forgotten = true;
    this.copies.delete(uri);
    if (doc instanceof PieceDocument) doc.stopLogging();
    this.worker?.postMessage({ kind: 'forget', uri } satisfies WorkerJob);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.current?.resolve(undefined);
    for (const w of this.lints.values()) w.resolve(undefined);
    for (const w of this.features) w.resolve(undefined);
    this.lints.clear();
    this.features.length = 0;
    this.copies.clear();
  }

  private pump(): void {
    while (!this.current) {
      const feature = this.features.shift();
      if (feature) {
        const id = ++this.nextId;
        this.current = { id, resolve: feature.resolve };
        this.ensure().postMessage({ ...feature.job, id } satisfies WorkerJob);
        return;
      }
      const first = this.lints.entries().next();
      if (first.done) return;
      this.lints.delete(first.value[0]);
      const { lint, resolve } = first.value[1];
      // Edited since it was asked for: a newer lint follows.
      if (lint.doc.version !== lint.version) {
        resolve(undefined);
        continue;
      }
      const id = ++this.nextId;
      this.current = { id, resolve, lint };
      const job = this.lintJob(id, lint);
      if (job.parts) this.postInParts(job.job, job.parts);
      else this.ensure().postMessage(job.job satisfies WorkerJob);
    }
  }

  /**
   * Post a text in parts, a task each, then the lint job that joins them. Stops (and ends the job)
   * when the document is forgotten meanwhile; a failed or replaced worker has ended it already.
   */
  private postInParts(job: LintJob, parts: string[]): void {
    const worker = this.ensure();
    let at = 0;
    const next = (): void => {
      const current = this.current;
      if (this.worker !== worker || current?.id !== job.id) return;
      if (current.forgotten) {
        this.finish(undefined);
        return;
      }
      const batch: string[] = [];
      for (let chars = 0; at < parts.length && (chars < PART_CHARS || !batch.length); at++) {
        chars += parts[at]!.length;
        batch.push(parts[at]!);
      }
      worker.postMessage({ kind: 'part', uri: job.uri, parts: batch, first: batch.length === at } satisfies WorkerJob);
      if (at < parts.length) setImmediate(next);
      else worker.postMessage(job satisfies WorkerJob);
    };
    next();
  }

  /**
   * The lint as sent: the edits since the worker's copy when it has one and they were logged, else
   * the text (in parts, for a document held in pieces that is longer than a part).
   */
  private lintJob(id: number, { doc, version, recipe, publish }: WaitingLint): { job: LintJob; parts?: string[] } {
    const base = { kind: 'lint', id, uri: doc.uri, version, recipe, publish } as const;
    const held = this.copies.get(doc.uri);
    this.copies.set(doc.uri, version);
    if (doc instanceof PieceDocument) {
      const log = held === undefined ? undefined : doc.takeChanges();
      if (log && log.from === held) return { job: { ...base, edits: { from: held, changes: log.changes } } };
      doc.logChanges();
      if (doc.length > PART_CHARS) return { job: { ...base, parted: true }, parts: doc.pieceTexts() };
    }
    return { job: { ...base, text: doc.getText() } };
  }

  private finish(reply: WorkerReply | undefined): void {
    const current = this.current;
    this.current = undefined;
    if (reply?.resync && current?.lint) {
      // The worker's copy was not the one the edits apply to: send the text, once.
      this.copies.delete(current.lint.doc.uri);
      if (!this.lints.has(current.lint.doc.uri)) this.lints.set(current.lint.doc.uri, { lint: current.lint, resolve: current.resolve });
      else current.resolve(undefined);
    } else {
      current?.resolve(reply);
    }
    this.pump();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    // The worker never keeps the server alive once its client has gone.
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      if (reply.id === this.current?.id) this.finish(reply);
    });
    const failed = (why: string): void => {
      // A new worker holds no copies.
      this.copies.clear();
      if (this.worker === worker) this.worker = undefined;
      if (this.current) this.finish({ id: this.current.id, error: why });
    };
    worker.on('error', (error) => failed(String(error)));
    worker.on('exit', (code) => failed(`the lint worker exited (${code})`));
    this.worker = worker;
    return worker;
  }
}

export class Analyses {
  private readonly latest = new Map<string, Analysis>();
  private readonly running = new Map<string, Promise<Analysis | undefined>>();
  /** One incremental parser per open document: an edit re-parses only the stretch it touched. */
  private readonly parsers = new Map<string, IncrementalParser>();
  private readonly thread = existsSync(WORKER_FILE) ? new WorkerThread(WORKER_FILE) : undefined;

  constructor(
    private readonly engines: EngineStore,
    private readonly current: (uri: string) => TextDocument | undefined,
    /** Whether a document's findings are published (a file of the built-in acquis is not a draft). */
    private readonly publish: (uri: string) => boolean = () => true,
  ) {}

  /** Stop the worker thread (on shutdown). */
  dispose(): void {
    this.thread?.dispose();
  }

  /** The analysis of the document as it is now (computed if needed); undefined if it is closed. */
  async get(uri: string): Promise<Analysis | undefined> {
    const doc = this.current(uri);
    if (!doc) return undefined;
    const done = this.latest.get(uri);
    if (done && done.version === doc.version) return done;
    const key = `${uri}@${doc.version}`;
    let run = this.running.get(key);
    if (!run) {
      run = this.analyse(doc).finally(() => this.running.delete(key));
      this.running.set(key, run);
    }
    return run;
  }

  /** Analyses of every open document that has one (for workspace-wide requests). */
  all(): Analysis[] {
    return [...this.latest.values()];
  }

  forget(uri: string): void {
    if (this.thread?.holds(uri)) this.thread.forget(uri);
    this.latest.delete(uri);
    this.parsers.delete(uri);
  }

  /**
   * Run a request about a document on its analysis: here, or in the worker for a huge document.
   * A worker that has moved on to a newer version answers ContentModified, as the protocol asks.
   */
  async run<F extends DocumentFeature>(a: Analysis, feature: F, params: FeatureParams<F>): Promise<FeatureResult<F>> {
    if (!a.remote) return runFeature(a, feature, params);
    return (await this.ask(a, feature, params, false)).result as FeatureResult<F>;
  }

  /**
   * The same, for an answer that is sent to the client as it is: a huge document's answer comes
   * as the worker serialised it (wire-json.ts), not rebuilt here.
   */
  async runForClient<F extends DocumentFeature>(a: Analysis, feature: F, params: FeatureParams<F>): Promise<FeatureResult<F> | RawJson> {
    if (!a.remote) return runFeature(a, feature, params);
    return fromWorker<FeatureResult<F>>((await this.ask(a, feature, params, true)).json!);
  }

  private async ask(a: Analysis, feature: DocumentFeature, params: unknown, raw: boolean): Promise<WorkerReply> {
    const reply = await this.thread!.feature({ kind: 'feature', uri: a.uri, version: a.version, feature, params, client: clientState(), raw });
    if (!reply || reply.stale) throw new ResponseError(LSPErrorCodes.ContentModified, `${a.uri} changed while the request was waiting`);
    if (reply.error) throw new Error(reply.error);
    return reply;
  }

  /** After a configuration or acquis change: every document must be analysed again. */
  forgetAll(): void {
    this.latest.clear();
  }

  /** Whether a document is linted in the worker (huge, a worker bundle, and no shared store). */
  private inWorker(doc: TextDocument, entry: EngineEntry): boolean {
    // (With a shared store the worker, which has no store, would miss its precedents: lint here.)
    return !!this.thread && !!entry.recipe && !entry.store && textLength(doc) >= HUGE_CHARS;
  }

  private async analyse(doc: TextDocument): Promise<Analysis | undefined> {
    // The document object is changed in place by each edit: what is analysed is the version asked
    // for, and everything after an await checks that it is still the current one.
    const version = doc.version;
    let entry = await this.engines.engineFor(doc.uri);
    const stale = (): boolean => doc.version !== version || this.current(doc.uri)?.version !== version;
    if (stale()) return undefined;
    if (this.inWorker(doc, entry)) {
      const reply = await this.thread!.lint({ doc, version, recipe: entry.recipe!, publish: this.publish(doc.uri) });
      if (!reply || stale()) return undefined;
      if (reply.diagnostics) {
        const analysis = remoteAnalysis(doc, version, entry, fromWorker<Diagnostic[]>(reply.diagnostics));
        this.latest.set(doc.uri, analysis);
        this.parsers.delete(doc.uri);
        return analysis;
      }
      // The worker failed: lint here, slower but never without an answer.
    } else if (this.thread?.holds(doc.uri)) {
      this.thread.forget(doc.uri, doc); // no longer huge: the worker's tree and copy are not needed
    }
    let parser = this.parsers.get(doc.uri);
    if (!parser) {
      parser = new IncrementalParser();
      this.parsers.set(doc.uri, parser);
    }
    const draft = readDraft(doc.uri, doc.getText(), parser);
    // With a shared store: an engine that also holds the stored precedents this text may quote.
    if (entry.store) {
      const engine = await entry.store.engineFor(doc.getText());
      if (stale()) return undefined;
      if (engine !== entry.engine) entry = { ...entry, engine };
    }
    // Warm the matcher paragraph by paragraph, yielding so that newer edits get in.
    let sliceStart = Date.now();
    for (const unit of draft.units) {
      entry.engine.matcher.match(unit.view.text);
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        if (stale()) return undefined;
        sliceStart = Date.now();
      }
    }
    const result = entry.engine.lintDraft(draft, stale);
    if (result.cancelled || stale()) return undefined;
    const analysis: Analysis = { uri: doc.uri, version, doc, draft, result, entry };
    this.latest.set(doc.uri, analysis);
    return analysis;
  }
}

/** A huge document's analysis on the server's thread: its diagnostics; the rest is in the worker. */
function remoteAnalysis(doc: TextDocument, version: number, entry: EngineEntry, diagnostics: Diagnostic[] | RawJson): Analysis {
  const elsewhere = (): never => {
    throw new Error(`${doc.uri} is analysed in the lint worker: ask through Analyses.run`);
  };
  return {
    uri: doc.uri,
    version,
    doc,
    entry,
    remote: { diagnostics },
    get draft(): DraftFile {
      return elsewhere();
    },
    get result(): LintResult {
      return elsewhere();
    },
  };
}
