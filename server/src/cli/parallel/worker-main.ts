/**
 * Entry of a lint worker thread (bundled to dist/cli-lint-worker.js): builds the engine once,
 * as the main thread did, then lints the files it is sent, one at a time, in the order sent,
 * each only if no other thread claimed it first.
 */
import type { EventEmitter } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import type { Engine } from '../../engine/index.js';
import { engineFor } from '../engine-for.js';
import { lintText } from './lint-text.js';
import { carry, claim, linted, type LintTask, type TaskReply, type WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const claims = new Int32Array(setup.claims);
const port = parentPort!;
let engine: Engine | undefined;
let setupError: unknown;
try {
  engine = engineFor(setup.acquis, setup.cwd);
} catch (error) {
  setupError = error;
}

let first = true;
port.on('message', (message: LintTask | 'close') => {
  if (message === 'close') {
    port.close();
    return;
  }
  if (!claim(claims, message.index)) {
    port.postMessage({ id: message.id, skipped: true } satisfies TaskReply);
    return;
  }
  let reply: TaskReply;
  try {
    if (!engine) throw setupError;
    reply = linted(message.id, message.text, lintText(engine, message.path, message.text, setup.fix));
  } catch (error) {
    reply = { id: message.id, failed: carry(error) };
  }
  port.postMessage(reply);
  if (first) {
    // The code cache of this bundle, written now that the lint path is compiled (bin/load-bundle.js):
    // the main thread may end the process before this worker exits.
    first = false;
    (process as EventEmitter).emit('acquis:write-code-cache');
  }
});
