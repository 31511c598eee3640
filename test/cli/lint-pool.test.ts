/**
 * The lint pool's bookkeeping, with stand-in workers (plain scripts speaking the pool's protocol,
 * so that a worker can be made to die on cue): every file gets exactly one outcome, the main
 * thread takes back what waits in a worker's queue, and a worker that dies fails only the file it
 * had started, its queued files going to the main thread. The real worker, through the CLI, is
 * checked in jobs.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LintPool, type Outcome, type PoolTask } from '../../server/src/cli/parallel/pool';

const dir = mkdtempSync(join(tmpdir(), 'acquis-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in worker: claims each file as the real one does, answers with one finding naming the
 * file; waits `delayMs` before each; exits with code 3 instead of answering its `dieOn`-th file.
 */
function fakeWorker(name: string, delayMs: number, dieOn = 0): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `const { parentPort, workerData } = require('node:worker_threads');
const claims = new Int32Array(workerData.claims);
let n = 0;
const queue = [];
let busy = false;
const next = () => {
  if (busy || !queue.length) return;
  const m = queue.shift();
  if (Atomics.compareExchange(claims, m.index, 0, 1) !== 0) { parentPort.postMessage({ id: m.id, skipped: true }); return next(); }
  busy = true;
  n++;
  setTimeout(() => {
    if (n === ${dieOn}) process.exit(3);
    parentPort.postMessage({ id: m.id, findings: JSON.stringify([{ ruleId: 'fake', file: m.path }]) });
    busy = false;
    next();
  }, ${delayMs});
};
parentPort.on('message', (m) => { if (m === 'close') return parentPort.close(); queue.push(m); next(); });
`,
  );
  return file;
}

/** Run `count` files over the main thread (which takes `mainMs` a file) and one stand-in worker. */
async function run(count: number, worker: string, mainMs: number): Promise<{ outcomes: Array<Outcome | undefined>; byMain: number[] }> {
  const tasks: PoolTask[] = Array.from({ length: count }, (_, index) => ({ index, path: `f${index}`, text: `text ${index}` }));
  let next = 0;
  const outcomes: Array<Outcome | undefined> = [];
  const byMain: number[] = [];
  const settle = (index: number, outcome: Outcome): void => {
    expect(outcomes[index], `file ${index} settled twice`).toBeUndefined();
    outcomes[index] = outcome;
  };
  const pool = LintPool.start(1, worker, { acquis: { acquis: [], builtin: true }, cwd: dir }, count, () => tasks[next++], settle);
  try {
    pool.feedAll();
    for (;;) {
      for (let task = pool.nextForMain(); task; task = pool.nextForMain()) {
        byMain.push(task.index);
        await new Promise((resolve) => setTimeout(resolve, mainMs));
        settle(task.index, { done: { text: task.text, findings: [] } });
        pool.feedAll();
      }
      if (pool.pending === 0) break;
      await pool.drain();
    }
  } finally {
    pool.close();
  }
  return { outcomes, byMain };
}

describe('LintPool', () => {
  it('gives every file one outcome, and the main thread takes back files queued at a slow worker', async () => {
    const { outcomes, byMain } = await run(12, fakeWorker('slow.js', 400), 5);
    expect(outcomes.filter(Boolean)).toHaveLength(12);
    for (const [index, outcome] of outcomes.entries()) {
      expect(outcome && 'done' in outcome, `file ${index}`).toBe(true);
      if (outcome && 'done' in outcome && !byMain.includes(index)) expect(outcome.done.findings).toEqual([{ ruleId: 'fake', file: `f${index}` }]);
    }
    // The worker was sent files 0 and 1 at once; long before it finished file 0, this thread had
    // linted the other ten and took back file 1 from its queue (and file 0 too if the worker had
    // not started it yet). Without taking back, this thread would have linted ten.
    expect(byMain).toContain(1);
    expect(byMain.length).toBeGreaterThanOrEqual(11);
  });

  it('fails only the file a dying worker had started; its queued files are linted on the main thread', async () => {
    const { outcomes, byMain } = await run(10, fakeWorker('dies.js', 40, 2), 30);
    expect(outcomes.filter(Boolean)).toHaveLength(10);
    const failed = outcomes.flatMap((o, index) => (o && 'failed' in o ? [{ index, error: o.failed }] : []));
    expect(failed).toHaveLength(1);
    expect(String((failed[0]!.error as Error).message)).toMatch(/a lint worker stopped \(exit code 3\)/);
    expect(byMain).not.toContain(failed[0]!.index);
  });
});
