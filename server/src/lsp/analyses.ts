/**
 * Per-document analysis: the draft read at one version and its lint result. Linting yields to the
 * event loop between paragraphs, so a newer edit cancels an older analysis instead of queueing
 * behind it; the matcher's cache by paragraph text means only changed paragraphs are re-aligned.
 *
 * A huge document (HUGE_CHARS and more) is linted in a worker thread (lint-worker.ts) instead:
 * parsing and the rules take seconds on megabytes, and the server must keep answering the other
 * documents' requests meanwhile. Only the latest version of each document waits for the worker;
 * older ones are dropped. The syntax tree and the precedent matches of a huge document are made
 * on the server's thread only if a feature asks for them (hover or code lens on that document).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalParser } from '../../../grammar/src/index.js';
import { readDraft, type DraftFile, type LintResult } from '../engine/index.js';
import type { UnitMatches } from '../engine/index.js';
import type { EngineEntry, EngineStore } from './engines.js';
import type { LintJob, LintReply } from './lint-worker.js';

export interface Analysis {
  uri: string;
  version: number;
  doc: TextDocument;
  draft: DraftFile;
  result: LintResult;
  entry: EngineEntry;
}

/** Alignment work allowed between two yields to the event loop. */
const SLICE_MS = 8;

/** Documents this long (UTF-16 units, about 512 KB) are linted in the worker thread. */
export const HUGE_CHARS = 512 * 1024;

/** The worker bundle next to the server bundle (absent when the server runs from sources). */
const WORKER_FILE = join(__dirname, 'lint-worker.js');

/** One worker thread, one job at a time; per document, only the latest waiting job is kept. */
class LintThread {
  private worker: Worker | undefined;
  private current: { id: number; resolve: (r: LintReply | undefined) => void } | undefined;
  private readonly waiting = new Map<string, { job: Omit<LintJob, 'id'>; resolve: (r: LintReply | undefined) => void }>();
  private nextId = 0;

  constructor(private readonly file: string) {}

  /** The worker's answer, or undefined when a newer job for the same document replaced this one. */
  run(job: Omit<LintJob, 'id'>): Promise<LintReply | undefined> {
    return new Promise((resolve) => {
      this.waiting.get(job.uri)?.resolve(undefined);
      this.waiting.set(job.uri, { job, resolve });
      this.pump();
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.current?.resolve(undefined);
    for (const w of this.waiting.values()) w.resolve(undefined);
    this.waiting.clear();
  }

  private pump(): void {
    if (this.current) return;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [uri, { job, resolve }] = first.value;
    this.waiting.delete(uri);
    const id = ++this.nextId;
    this.current = { id, resolve };
    this.ensure().postMessage({ ...job, id } satisfies LintJob);
  }

  private finish(reply: LintReply | undefined): void {
    const current = this.current;
    this.current = undefined;
    current?.resolve(reply);
    this.pump();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    // The worker never keeps the server alive once its client has gone.
    worker.unref();
    // Findings arrive in slices (each read between other requests), gathered until the last one.
    let gathered: LintReply['findings'] = [];
    worker.on('message', (reply: LintReply) => {
      if (reply.id !== this.current?.id) return;
      gathered!.push(...(reply.findings ?? []));
      if (reply.more) return;
      const whole: LintReply = reply.error ? reply : { ...reply, findings: gathered };
      gathered = [];
      this.finish(whole);
    });
    const failed = (why: string): void => {
      gathered = [];
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
  private readonly thread = existsSync(WORKER_FILE) ? new LintThread(WORKER_FILE) : undefined;

  constructor(
    private readonly engines: EngineStore,
    private readonly current: (uri: string) => TextDocument | undefined,
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
    this.latest.delete(uri);
    this.parsers.delete(uri);
  }

  /** After a configuration or acquis change: every document must be analysed again. */
  forgetAll(): void {
    this.latest.clear();
  }

  private async analyse(doc: TextDocument): Promise<Analysis | undefined> {
    let entry = await this.engines.engineFor(doc.uri);
    const stale = (): boolean => this.current(doc.uri)?.version !== doc.version;
    if (stale()) return undefined;
    // (With a shared store the worker, which has no store, would miss its precedents: lint here.)
    if (this.thread && entry.recipe && !entry.store && doc.getText().length >= HUGE_CHARS) {
      const text = doc.getText();
      const reply = await this.thread.run({ uri: doc.uri, text, recipe: entry.recipe });
      if (!reply || stale()) return undefined;
      if (reply.findings) {
        const analysis = lazyAnalysis(doc, text, entry, reply);
        this.latest.set(doc.uri, analysis);
        this.parsers.delete(doc.uri);
        return analysis;
      }
      // The worker failed: lint here, slower but never without an answer.
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
    const analysis: Analysis = { uri: doc.uri, version: doc.version, doc, draft, result, entry };
    this.latest.set(doc.uri, analysis);
    return analysis;
  }
}

/** A huge document's analysis: findings from the worker; tree and matches made on first use. */
function lazyAnalysis(doc: TextDocument, text: string, entry: EngineEntry, reply: LintReply): Analysis {
  let draft: DraftFile | undefined;
  let matches: UnitMatches[] | undefined;
  const readOnce = (): DraftFile => (draft ??= readDraft(doc.uri, text));
  const result: LintResult = {
    findings: reply.findings ?? [],
    suppressed: reply.suppressed ?? [],
    cancelled: false,
    get matches(): UnitMatches[] {
      return (matches ??= readOnce().units.map((unit) => ({ unit, matches: entry.engine.matcher.match(unit.view.text) })));
    },
  };
  return {
    uri: doc.uri,
    version: doc.version,
    doc,
    entry,
    result,
    get draft(): DraftFile {
      return readOnce();
    },
  };
}
