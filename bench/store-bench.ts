/**
 * The shared store against the local index: a synthetic acquis (acquis-gen.ts) is published to a
 * throwaway PostgreSQL cluster (scripts/pg-throwaway.sh), and its local index file is made with
 * `acquis index`; then
 * - the publish: wall time, the CLI's CPU time and the PostgreSQL server's CPU time;
 * - search latency, p50 and p95 over N queries (3 to 8 words taken from the acquis, and a few
 *   generic ones), in process: the local index (`searchAcquis` over the index file) and the store
 *   (`StoreLink.search`);
 * - lint time of the 10,000-word benchmark draft (draft-gen.ts) with paragraphs of the synthetic
 *   acquis mixed in: whole process (`acquis lint --index <file>` against `acquis lint --store`,
 *   median of 3, wall and CPU), whether the findings are identical, and in process.
 * CPU times are fairer than wall times on a loaded machine; the load average is printed with each size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, engineFromAcquis, type Engine } from '../server/src/engine/index.js';
import { readIndexFile } from '../server/src/host/acquis-index.js';
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
/**
 * `--published postgres://admin@host:port/postgres`: a cluster where `acquis publish` has already
 * loaded database acquis_<size> (a 1M publish is best run and timed on its own, with `--timings`);
 * the bench then measures search and lint only.
 */
const published = arg('published', '');

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

/** CPU seconds (user + system) of this process's children that have ended (Linux /proc). */
function childrenCpu(pid: number | 'self' = 'self'): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields after the name: state is [0]; utime [11], stime [12], cutime [13], cstime [14].
  const [u, s, cu, cs] = [11, 12, 13, 14].map((i) => Number(f[i]));
  return (pid === 'self' ? cu! + cs! : u! + s! + cu! + cs!) / 100;
}

interface Timed {
  ms: number;
  cpu: number;
}

function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Timed & { stderr: string } {
  const t = performance.now();
  const c = childrenCpu();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'acquis.js'), ...args], { cwd: out, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`acquis ${args.join(' ')}: ${r.stderr}`);
  return { ms: performance.now() - t, cpu: childrenCpu() - c, stderr: r.stderr };
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');
const s1 = (x: number): string => `${(x / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const real = readdirSync(join(root, 'server', 'acquis')).map((f) => readFileSync(join(root, 'server', 'acquis', f), 'utf8'));
  const base = mkdtempSync(join(tmpdir(), 'acquis-store-bench-'));
  const pgDir = join(base, 'pg');
  const admin = published || execFileSync('bash', [join(root, 'scripts', 'pg-throwaway.sh'), 'start', pgDir], { encoding: 'utf8' }).trim();
  const port = new URL(admin).port;
  console.log(`store benchmark: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; PostgreSQL on 127.0.0.1:${port}`);
  const rows: string[] = [];
  try {
    for (const size of sizes) {
      const dir = join(out, `acquis-${size}`);
      const made = writeSyntheticAcquis(dir, size, real);
      const db = `acquis_${size}`;
      const url = `postgres://postgres@127.0.0.1:${port}/${db}`;
      const loadBefore = load();
      let publishCell = 'published before (see --timings)';
      if (!published) {
        execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${db}`]);
        const postmaster = Number(readFileSync(join(pgDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
        const pgBefore = childrenCpu(postmaster);
        const run = cli(['publish', dir, '--store', url, '--batch-size', '100', '--timings']);
        const pgCpu = childrenCpu(postmaster) - pgBefore;
        const dbSize = execFileSync('psql', [url, '-Atc', `SELECT pg_size_pretty(pg_database_size('${db}'))`], { encoding: 'utf8' }).trim();
        console.log(
          `\n${size} paragraphs (${made.documents} documents), load average ${loadBefore}: published in ${s1(run.ms)} (CLI CPU ${run.cpu.toFixed(1)} s, PostgreSQL CPU ${pgCpu.toFixed(1)} s); database ${dbSize}`,
        );
        console.log(run.stderr.trimEnd().replace(/^/gm, '  '));
        publishCell = `${s1(run.ms)} (CPU ${run.cpu.toFixed(0)} s + PostgreSQL ${pgCpu.toFixed(0)} s), ${dbSize}`;
      } else {
        console.log(`\n${size} paragraphs (${made.documents} documents), load average ${loadBefore}: published before, in ${url}`);
      }
      // The local side: the index file a team member would make of the same folder (kept in
      // .bench/ and reused while it is newer than the generated acquis).
      const indexFile = join(out, `store-bench-${size}.idx`);
      if (existsSync(indexFile) && statSync(indexFile).mtimeMs > statSync(join(dir, 'stamp.json')).mtimeMs) {
        console.log(`  local index file ${indexFile} reused`);
      } else {
        const indexed = cli(['index', dir, '--no-builtin', '-o', indexFile]);
        console.log(`  local index file made in ${s1(indexed.ms)} (CPU ${indexed.cpu.toFixed(1)} s)`);
      }

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

      // Whole process: lint against the local index file, and against the store. Each run must
      // write its own report (a CLI that crashes exits 1 too, as a lint with findings does).
      const lintTo = (args: string[], report: string): Timed => {
        rmSync(join(out, report), { force: true });
        const run = cli([...args, '--format', 'json', '-o', join(out, report)]);
        if (!existsSync(join(out, report))) throw new Error(`acquis ${args.join(' ')} wrote no report: ${run.stderr}`);
        return run;
      };
      const localLint = [0, 1, 2].map(() => lintTo(['lint', draftFile, '--no-builtin', '--index', indexFile], 'store-bench-local.json'));
      const storeLint = [0, 1, 2].map(() => lintTo(['lint', draftFile, '--no-builtin', '--store', url], 'store-bench-store.json'));
      // The findings, without the precedents' uri (a path locally, acquis-store: from the store).
      const findingsOf = (file: string): string =>
        JSON.stringify((JSON.parse(readFileSync(join(out, file), 'utf8')) as { files: Array<{ findings: unknown }> }).files.map((f) => f.findings)).replace(/"uri":"[^"]*"/g, '');
      const same = findingsOf('store-bench-local.json') === findingsOf('store-bench-store.json');

      // In process: the local index file loaded once; the store link over an empty local acquis.
      const [local, buildMs] = await time(() => engineFromAcquis(readIndexFile(indexFile).acquis));
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
      const median = (xs: Timed[]): Timed => [...xs].sort((a, b) => a.ms - b.ms)[1]!;
      const [fl, sl] = [median(localLint), median(storeLint)];
      console.log(`  local index file loaded in ${(buildMs / 1000).toFixed(1)} s`);
      console.log(`  search (${queries.length} queries): local p50 ${ms(pct(localSearch, 50))}, p95 ${ms(pct(localSearch, 95))}; store p50 ${ms(pct(storeSearch, 50))}, p95 ${ms(pct(storeSearch, 95))}; same first result ${agree}/${queries.length}`);
      console.log(`  lint, whole process (median of 3): index file ${s1(fl.ms)} (CPU ${fl.cpu.toFixed(1)} s), store ${s1(sl.ms)} (CPU ${sl.cpu.toFixed(1)} s); findings identical: ${same}`);
      console.log(`  lint, in process (first run): local index ${ms(localLintIn)}, store retrieval + lint ${ms(storeLintIn)}; load average now ${load()}`);
      rows.push(
        `| ${size.toLocaleString('en')} | ${publishCell} | ${ms(pct(localSearch, 50))} / ${ms(pct(localSearch, 95))} | ${ms(pct(storeSearch, 50))} / ${ms(pct(storeSearch, 95))} | ${agree}/${queries.length} | ${s1(fl.ms)} (${fl.cpu.toFixed(1)} s CPU) / ${s1(sl.ms)} (${sl.cpu.toFixed(1)} s CPU) | ${same ? 'yes' : 'NO'} | ${loadBefore} |`,
      );
    }
  } finally {
    if (!published) spawnSync('bash', [join(root, 'scripts', 'pg-throwaway.sh'), 'stop', pgDir]);
    rmSync(base, { recursive: true, force: true });
  }
  console.log('\n| paragraphs | publish (wall; CPU) | search local p50 / p95 | search store p50 / p95 | same first result | lint, index file / store (whole process, median of 3) | same findings | load average |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
