/**
 * Per-document analysis: the draft read at one version and its lint result. Linting yields to the
 * event loop between paragraphs, so a newer edit cancels an older analysis instead of queueing
 * behind it; the matcher's cache by paragraph text means only changed paragraphs are re-aligned.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalParser } from '../../../grammar/src/index.js';
import { readDraft, type DraftFile, type LintResult } from '../engine/index.js';
import type { EngineEntry, EngineStore } from './engines.js';

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

export class Analyses {
  private readonly latest = new Map<string, Analysis>();
  private readonly running = new Map<string, Promise<Analysis | undefined>>();
  /** One incremental parser per open document: an edit re-parses only the stretch it touched. */
  private readonly parsers = new Map<string, IncrementalParser>();

  constructor(
    private readonly engines: EngineStore,
    private readonly current: (uri: string) => TextDocument | undefined,
  ) {}

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
