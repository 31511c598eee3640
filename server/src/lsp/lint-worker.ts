/**
 * The language server's lint worker (bundled to dist/lint-worker.js): lints huge documents in a
 * thread of its own, so that the server keeps answering other requests while a document of
 * megabytes is read (see analyses.ts). It builds its own engine from the same recipe as the
 * server's (configuration and acquis folders) and answers with plain findings.
 */
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { readDraft, type Engine, type Finding, type SuppressedFinding } from '../engine/index.js';
import { buildEngine } from '../host/build-engine.js';
import type { EngineRecipe } from './engines.js';

/** What the server asks: lint `text` as `uri` with the engine its recipe builds (as the server does). */
export interface LintJob {
  id: number;
  uri: string;
  text: string;
  recipe: EngineRecipe;
}

export interface LintReply {
  id: number;
  findings?: Finding[];
  suppressed?: SuppressedFinding[];
  error?: string;
  /** More messages of the same job follow (findings come in slices; see CHUNK). */
  more?: boolean;
}

/**
 * Findings per message: the server reads each message on its own thread, and thousands of
 * findings read at once would hold it up for a large part of a second.
 */
const CHUNK = 250;

let engine: { key: string; engine: Engine } | undefined;

function engineFor(job: LintJob): Engine {
  const key = JSON.stringify(job.recipe);
  if (engine?.key === key) return engine.engine;
  const r = job.recipe;
  const built = buildEngine({
    searchFrom: r.searchFrom,
    choices: r.choices,
    choicesBase: (file) => (file ? dirname(file) : r.base),
    trusted: r.trusted,
    uriOf: (path) => pathToFileURL(path).href,
  });
  engine = { key, engine: built.engine };
  return engine.engine;
}

parentPort?.on('message', (job: LintJob) => {
  try {
    const { findings, suppressed } = engineFor(job).lintDraft(readDraft(job.uri, job.text));
    for (let at = 0; at + CHUNK < findings.length; at += CHUNK) {
      parentPort!.postMessage({ id: job.id, findings: findings.slice(at, at + CHUNK), more: true } satisfies LintReply);
    }
    const last = findings.length ? Math.floor((findings.length - 1) / CHUNK) * CHUNK : 0;
    parentPort!.postMessage({ id: job.id, findings: findings.slice(last), suppressed } satisfies LintReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: String((error as Error).stack ?? error) } satisfies LintReply);
  }
});
