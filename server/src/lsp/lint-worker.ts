/**
 * The language server's lint worker (bundled to dist/lint-worker.js): lints huge documents in a
 * thread of its own, so that the server keeps answering other requests while a document of
 * megabytes is read (see analyses.ts). It builds its own engine from the same recipe as the
 * server's (configuration and acquis folders) and answers with plain findings.
 */
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { readAcquisFolder } from '../host/folders.js';
import { createEngine, readDraft, type AcquisConfig, type Engine } from '../engine/index.js';
import type { Finding } from '../engine/rules/rule.js';
import type { SuppressedFinding } from '../engine/lint.js';

/** What the server asks: lint `text` as `uri` with the engine made from `config` and `acquisDirs`. */
export interface LintJob {
  id: number;
  uri: string;
  text: string;
  config: AcquisConfig;
  acquisDirs: string[];
}

export interface LintReply {
  id: number;
  findings?: Finding[];
  suppressed?: SuppressedFinding[];
  error?: string;
}

let engine: { key: string; engine: Engine } | undefined;

function engineFor(job: LintJob): Engine {
  const key = JSON.stringify([job.config, job.acquisDirs]);
  if (engine?.key === key) return engine.engine;
  // The same folders as the server's engine, parsed here (the worker is for huge drafts, rare).
  const sources = job.acquisDirs.flatMap((dir) => readAcquisFolder(dir)).map((s) => ({ uri: pathToFileURL(s.uri).href, text: s.text }));
  engine = { key, engine: createEngine(sources, job.config) };
  return engine.engine;
}

parentPort?.on('message', (job: LintJob) => {
  let reply: LintReply;
  try {
    const result = engineFor(job).lintDraft(readDraft(job.uri, job.text));
    reply = { id: job.id, findings: result.findings, suppressed: result.suppressed };
  } catch (error) {
    reply = { id: job.id, error: String((error as Error).stack ?? error) };
  }
  parentPort!.postMessage(reply);
});
