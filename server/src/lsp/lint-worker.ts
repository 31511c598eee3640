/**
 * The language server's lint worker (bundled to dist/lint-worker.js): the home of huge documents.
 * It lints them in a thread of its own, converts the findings to LSP diagnostics here (offsets to
 * positions, related information), keeps each document's analysis, and answers the requests about
 * it (hover, outline, folding, code lenses, code actions...: document-features.ts), so that the
 * server's thread never parses, aligns or converts megabytes and keeps answering the other
 * documents' requests (see analyses.ts). It builds its own engine from the same recipe as the
 * server's (configuration and acquis folders).
 */
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDraft, type Engine } from '../engine/index.js';
import { buildEngine } from '../host/build-engine.js';
import type { Analysis } from './analyses.js';
import { publishedFindings, toDiagnostic } from './convert.js';
import { docsUri } from './docs-links.js';
import { applyClientState, runFeature, type ClientState, type DocumentFeature } from './document-features.js';
import type { EngineRecipe } from './engines.js';
import { precedentRange } from './features/locations.js';
import { toWire } from './wire-json.js';

/**
 * Lint `uri` at `version` with the engine its recipe builds (as the server does): its `text`, or
 * the `edits` that make that version from the copy the worker holds.
 */
export interface LintJob {
  kind: 'lint';
  id: number;
  uri: string;
  version: number;
  text?: string;
  /** The text is the parts posted for this document since its last lint job (`TextPartJob`). */
  parted?: boolean;
  edits?: { from: number; changes: TextDocumentContentChangeEvent[] };
  recipe: EngineRecipe;
  /** Whether its findings are published (not for a document of the built-in acquis). */
  publish: boolean;
}

/** Run a feature on the analysis held for `uri` at `version`. */
export interface FeatureJob {
  kind: 'feature';
  id: number;
  uri: string;
  version: number;
  feature: DocumentFeature;
  params: unknown;
  client: ClientState;
  /** Answer with the result serialised (`json`), for a request whose answer is sent on as it is. */
  raw?: boolean;
}

/** The document was closed: drop what is held for it. */
export interface ForgetJob {
  kind: 'forget';
  uri: string;
}

/**
 * Part of a document's text, ahead of the lint job that reads it (`LintJob.parted`). A huge text
 * is posted in parts, each its own task on the server's thread: copied to this thread in one
 * message, 10 MB held that thread 30 to 40 ms while other requests waited.
 */
export interface TextPartJob {
  kind: 'part';
  uri: string;
  parts: string[];
  /** The first part of a text: whatever an unfinished one left is dropped. */
  first: boolean;
}

export type WorkerJob = LintJob | FeatureJob | ForgetJob | TextPartJob;

export interface WorkerReply {
  id: number;
  /**
   * Of a lint job: the diagnostics, in order (the findings that are published, converted), as
   * JSON bytes (wire-json.ts): thousands of objects rebuilt and serialised again on the server's
   * thread would hold it up.
   */
  diagnostics?: Uint8Array;
  /** Of a lint job: how many findings and suppressed findings there were. */
  counts?: { findings: number; suppressed: number };
  /** Of a feature job: its answer. */
  result?: unknown;
  /** Of a feature job asked `raw`: its answer as JSON bytes. */
  json?: Uint8Array;
  /** The analysis held is not of the version asked for (a newer edit replaced it). */
  stale?: boolean;
  /** Of a lint job with edits: the copy held is not the one they apply to; send the text. */
  resync?: boolean;
  error?: string;
}

let engine: { key: string; engine: Engine } | undefined;
/** The analysis of each huge document, at the version last linted. */
const held = new Map<string, Analysis>();
/** The text of each huge document, as last sent (the server then sends only edits). */
const copies = new Map<string, TextDocument>();
/** Parts of a text received ahead of its lint job. */
const incoming = new Map<string, string[]>();

function engineFor(recipe: EngineRecipe): Engine {
  const key = JSON.stringify(recipe);
  if (engine?.key === key) return engine.engine;
  const built = buildEngine({
    searchFrom: recipe.searchFrom,
    choices: recipe.choices,
    choicesBase: (file) => (file ? dirname(file) : recipe.base),
    trusted: recipe.trusted,
    uriOf: (path) => pathToFileURL(path).href,
  });
  engine = { key, engine: built.engine };
  return engine.engine;
}

function lint(job: LintJob): void {
  const doc = textOf(job);
  if (!doc) {
    parentPort!.postMessage({ id: job.id, resync: true } satisfies WorkerReply);
    return;
  }
  // What the previous version held is dropped first: two trees of megabytes do not fit together.
  held.delete(job.uri);
  const e = engineFor(job.recipe);
  const draft = readDraft(job.uri, doc.getText());
  const result = e.lintDraft(draft);
  const analysis: Analysis = {
    uri: job.uri,
    version: job.version,
    doc,
    draft,
    result,
    entry: { engine: e, acquisDirs: [], settings: {} },
  };
  held.set(job.uri, analysis);
  const published = job.publish ? publishedFindings(result.findings) : [];
  const counts = { findings: result.findings.length, suppressed: result.suppressed.length };
  const diagnostics: Diagnostic[] = published.map(({ finding, index }) => toDiagnostic(doc, finding, index, docsUri, (u, span) => precedentRange(e, u, span)));
  const bytes = toWire(diagnostics);
  parentPort!.postMessage({ id: job.id, diagnostics: bytes, counts } satisfies WorkerReply, [bytes.buffer]);
}

/** The document at the job's version: made from its text, or the copy held with its edits applied. */
function textOf(job: LintJob): TextDocument | undefined {
  if (job.parted) {
    const parts = incoming.get(job.uri) ?? [];
    incoming.delete(job.uri);
    job.text = parts.join('');
  }
  if (job.text !== undefined) {
    const doc = TextDocument.create(job.uri, 'draft', job.version, job.text);
    copies.set(job.uri, doc);
    return doc;
  }
  const copy = copies.get(job.uri);
  if (!copy || !job.edits || copy.version !== job.edits.from) {
    copies.delete(job.uri);
    return undefined;
  }
  TextDocument.update(copy, job.edits.changes, job.version);
  return copy;
}

function feature(job: FeatureJob): void {
  const analysis = held.get(job.uri);
  if (!analysis || analysis.version !== job.version) {
    parentPort!.postMessage({ id: job.id, stale: true } satisfies WorkerReply);
    return;
  }
  applyClientState(job.client);
  const result = runFeature(analysis, job.feature, job.params as never);
  if (!job.raw) {
    parentPort!.postMessage({ id: job.id, result } satisfies WorkerReply);
    return;
  }
  const json = toWire(result);
  parentPort!.postMessage({ id: job.id, json } satisfies WorkerReply, [json.buffer]);
}

parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'forget') {
    held.delete(job.uri);
    copies.delete(job.uri);
    incoming.delete(job.uri);
    return;
  }
  if (job.kind === 'part') {
    const parts = job.first ? undefined : incoming.get(job.uri);
    if (parts) parts.push(...job.parts);
    else incoming.set(job.uri, job.parts);
    return;
  }
  try {
    if (job.kind === 'lint') lint(job);
    else feature(job);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: String((error as Error).stack ?? error) } satisfies WorkerReply);
  }
});
