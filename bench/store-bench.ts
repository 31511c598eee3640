/**
 * The shared store against the local index: a synthetic acquis (acquis-gen.ts) is published to a
 * throwaway PostgreSQL cluster (scripts/pg-throwaway.sh), then
 * - search latency, p50 and p95 over N queries (3 to 8 words taken from the acquis, and a few
 *   generic ones), in process: the local index (`searchAcquis`) and the store (`StoreLink.search`);
 * - lint time of the 10,000-word benchmark draft (draft-gen.ts) with paragraphs of the synthetic
 *   acquis mixed in: whole process (`acquis lint`, median of 3) and in process (retrieval from
 *   the store and the lint, against the lint with the local index built);
 * - the publish time, and the local index's build time, for scale.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, type Engine } from '../server/src/engine/index.js';
import { searchAcquis } from '../server/src/engine/search/index.js';
import { openStore } from '../server/src/store/connection.js';
import { StoreLink } from '../server/src/store/retrieve.js';
import { writeSyntheticAcquis } from './acquis-gen.js';
import { generateDraft } from './draft-gen.js';
import { Random } from './random.js';

const root = resolve(__dirname, '..');
const out = join(root, '.bench');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const sizes = arg('sizes', '100000').split(',').map(Number);
const queryCount = Number(arg('queries', '60'));

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const median = (xs: number[]): number => pct(xs, 50);
const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

function cli(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'acquis.js'), ...args], { cwd: out, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`acquis ${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const real = readdirSync(join(root, 'server', 'acquis')).map((f) => readFileSync(join(root, 'server', 'acquis', f), 'utf8'));
  const base = mkdtempSync(join(tmpdir(), 'acquis-store-bench-'));
  const pgDir = join(base, 'pg');
  const admin = execFileSync('bash', [join(root, 'scripts', 'pg-throwaway.sh'), 'start', pgDir], { encoding: 'utf8' }).trim();
  const port = new URL(admin).port;
  console.log(`store benchmark: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; PostgreSQL on 127.0.0.1:${port}`);
  const rows: string[] = [];
  try {
    for (const size of sizes) {
      const dir = join(out, `acquis-${size}`);
      const made = writeSyntheticAcquis(dir, size, real);
      const db = `acquis_${size}`;
      execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${db}`]);
      const url = `postgres://postgres@127.0.0.1:${port}/${db}`;
      const publishMs = cli(['publish', dir, '--store', url, '--batch-size', '100']);
      const dbSize = execFileSync('psql', [url, '-Atc', `SELECT pg_size_pretty(pg_database_size('${db}'))`], { encoding: 'utf8' }).trim();
      console.log(`\n${size} paragraphs (${made.documents} documents): published in ${(publishMs / 1000).toFixed(1)} s; database ${dbSize}`);

      // The draft: the benchmark draft, plus 40 paragraphs of the synthetic acquis (some changed).
      const draft = generateDraft(10_000);
      const r = new Random(size);
      const files = readdirSync(dir).filter((f) => f.endsWith('.draft'));
      const quoted: string[] = [];
      const queries: string[] = ['critical infrastructure', 'confidence-building measures', 'capacity-building', 'international law applies'];
      for (let i = 0; i < 40 + queryCount; i++) {
        const text = readFileSync(join(dir, files[r.int(0, files.length - 1)]!), 'utf8');
        const paras = text.split(/\n\n+/).filter((p) => /^\d+\. /.test(p));
        const words = paras[r.int(0, paras.length - 1)]!.replace(/^\d+\. /, '').replace(/\s+/g, ' ').split(' ');
        if (i < 40) {
          if (i % 2) words[r.int(0, words.length - 1)] = 'notwithstanding';
          quoted.push(words.join(' '));
        } else if (queries.length < queryCount) {
          const n = r.int(3, 8);
          const at = r.int(0, Math.max(0, words.length - n));
          queries.push(words.slice(at, at + n).join(' ').replace(/[.,;:]/g, ''));
        }
      }
      const draftText = `${draft.text.trimEnd()}\n\n${quoted.map((q, i) => `${900 + i}. ${q}`).join('\n\n')}\n`;
      const draftFile = join(out, `store-draft-${size}.draft`);
      writeFileSync(draftFile, draftText);

      // Whole process: lint against the folder, and against the store.
      const localLint = [0, 1, 2].map(() => cli(['lint', draftFile, '--no-builtin', '--acquis', dir, '--format', 'json', '-o', join(out, 'store-bench-local.json')]));
      const storeLint = [0, 1, 2].map(() => cli(['lint', draftFile, '--no-builtin', '--store', url, '--format', 'json', '-o', join(out, 'store-bench-store.json')]));
      // The findings, without the precedents' uri (a path locally, acquis-store: from the store).
    const findingsOf = (file: string): string =>
      JSON.stringify((JSON.parse(readFileSync(join(out, file), 'utf8')) as { files: Array<{ findings: unknown }> }).files.map((f) => f.findings)).replace(/"uri":"[^"]*"/g, '');
    const same = findingsOf('store-bench-local.json') === findingsOf('store-bench-store.json');

      // In process: the local index built once; the store link over an empty local acquis.
      const sources = files.map((f) => ({ uri: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
      const [local, buildMs] = await time(() => createEngine(sources));
      const empty: Engine = createEngine([]);
      const store = await openStore(url);
      const link = new StoreLink(store, empty);
      await link.search('warm up', {});
      const localSearch: number[] = [];
      const storeSearch: number[] = [];
      let agree = 0;
      for (const q of queries) {
        const [a, ta] = await time(() => searchAcquis(local.acquis, q, {}, local.matcher));
        const [b, tb] = await time(() => link.search(q, {}));
        localSearch.push(ta);
        storeSearch.push(tb);
        if (a.hits[0]?.precedent.text === b.hits[0]?.precedent.text) agree++;
      }
      const [, localLintIn] = await time(() => local.lint('draft.draft', draftText));
      const [, storeLintIn] = await time(async () => (await link.engineFor(draftText)).lint('draft.draft', draftText));
      await store.close();
      console.log(`  local index built in ${(buildMs / 1000).toFixed(1)} s`);
      console.log(`  search (${queries.length} queries): local p50 ${ms(pct(localSearch, 50))}, p95 ${ms(pct(localSearch, 95))}; store p50 ${ms(pct(storeSearch, 50))}, p95 ${ms(pct(storeSearch, 95))}; same first result ${agree}/${queries.length}`);
      console.log(`  lint, whole process (median of 3): folder ${ms(median(localLint))}, store ${ms(median(storeLint))}; findings identical: ${same}`);
      console.log(`  lint, in process (first run): local index ${ms(localLintIn)}, store retrieval + lint ${ms(storeLintIn)}`);
      rows.push(
        `| ${size.toLocaleString('en')} | ${(publishMs / 1000).toFixed(0)} s | ${ms(pct(localSearch, 50))} / ${ms(pct(localSearch, 95))} | ${ms(pct(storeSearch, 50))} / ${ms(pct(storeSearch, 95))} | ${ms(median(localLint))} | ${ms(median(storeLint))} | ${same ? 'yes' : 'NO'} |`,
      );
    }
  } finally {
    spawnSync('bash', [join(root, 'scripts', 'pg-throwaway.sh'), 'stop', pgDir]);
    rmSync(base, { recursive: true, force: true });
  }
  console.log('\n| paragraphs | publish | search local p50 / p95 | search store p50 / p95 | lint, folder (process) | lint, store (process) | same findings |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
