/**
 * The shared store against a real PostgreSQL server: publishing (the built-in acquis, a synthetic
 * acquis, replacing, two publishers at once, the read-only role), linting against the store with
 * exactly the findings of the same acquis from folders, search, hostile search terms, and a store
 * that cannot be reached.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticAcquis } from '../../bench/acquis-gen';
import { acquis, cleanTempDirs, describeRun, requireBuild, tempDir, writeFiles, type Run } from '../cli/helpers';
import { SEARCH_ACQUIS } from '../search/fixtures';
import { createStore, ROOT, skipWithoutPostgres, useCluster } from './postgres';

const skip = skipWithoutPostgres();
requireBuild();
cleanTempDirs();

/** Paragraphs of the synthetic acquis (10k keeps the file under a minute on two cores; bench/ does 100k). */
const SYNTHETIC_PARAGRAPHS = Number(process.env.ACQUIS_STORE_TEST_PARAGRAPHS ?? 10_000);

/**
 * Findings without the precedent's `uri` (a folder path locally, `acquis-store:` from the store):
 * everything else (rule, range, severity, precedent, message, fixes, precedent.voted's rarity
 * `weight`, the lineage) must be identical.
 */
function findings(run: Run): unknown {
  expect(run.status === 0 || run.status === 1, describeRun(run)).toBe(true);
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== 'uri')
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; findings: unknown[] }> };
  return report.files.map((f) => ({ path: f.path, findings: strip(f.findings) }));
}

function acquisAsync(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'acquis.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

describe.skipIf(skip)('the shared store on PostgreSQL', () => {
  const cluster = useCluster();
  let store: { publisher: string; reader: string };

  beforeAll(() => {
    store = createStore(cluster(), 'acquis_main');
  });

  it('publishes the built-in acquis; lint against the store gives the findings of the folders', () => {
    const pub = acquis(['publish', 'server/acquis', '--store', store.publisher]);
    expect(pub.status, describeRun(pub)).toBe(0);
    expect(pub.stdout).toMatch(/^Published 5 documents \(\d+ precedents\) to postgres:\/\/acquis_publisher@127\.0\.0\.1:\d+\/acquis_main \(schema migrated to version 2\)\.\n$/);
    expect(cluster().psql('acquis_main', 'SELECT max(version) FROM acquis.schema_version')).toBe('2');
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.draft')).map((f) => `samples/${f}`);
    const local = acquis(['lint', ...samples, '--format', 'json']);
    const shared = acquis(['lint', ...samples, '--format', 'json', '--no-builtin', '--store', store.reader]);
    expect(findings(shared)).toEqual(findings(local));
    // And the store is really used: without it, no precedent is found.
    const none = acquis(['lint', ...samples, '--format', 'json', '--no-builtin']);
    expect(findings(none)).not.toEqual(findings(local));
  });

  it('reading the documents on two threads publishes the same rows as one thread', () => {
    const db = createStore(cluster(), 'acquis_two_readers');
    // With ACQUIS_DEBUG=1 the CLI says on how many threads it read the documents.
    process.env.ACQUIS_DEBUG = '1';
    let pub: Run;
    try {
      pub = acquis(['publish', 'server/acquis', '--store', db.publisher, '--jobs', '2'], ROOT, 60_000);
    } finally {
      delete process.env.ACQUIS_DEBUG;
    }
    expect(pub.status, describeRun(pub)).toBe(0);
    expect(pub.stderr).toContain('acquis: reading 5 acquis files on 2 threads');
    // Every column but the serial ids and the time of publishing, in a fixed order.
    const digest = (name: string): string =>
      cluster().psql(
        name,
        `SELECT md5(string_agg(row, E'\\n' ORDER BY row)) FROM (
           SELECT concat_ws('|', d.symbol, d.norm_symbol, d.uri, d.adoption::text, d.consensus, d.body, d.year, d.fields::text, d.text, p.ord, p.pinpoint, p.text, p.span_start, p.span_end, p.ngram_keys::text, p.word_keys::text) AS row
             FROM acquis.document d JOIN acquis.precedent p ON p.document_id = d.id
           UNION ALL SELECT concat_ws('|', 'n', key, df) FROM acquis.ngram_df
           UNION ALL SELECT concat_ws('|', 'w', key, df) FROM acquis.word_df
           UNION ALL SELECT concat_ws('|', 'p', key, df) FROM acquis.word_paragraph_df
           UNION ALL SELECT concat_ws('|', 't', documents, precedents, paragraphs) FROM acquis.totals) AS rows`,
      );
    expect(digest('acquis_two_readers')).toMatch(/^[0-9a-f]{32}$/);
    expect(digest('acquis_two_readers')).toBe(digest('acquis_main'));
  });

  it('finds the same agreed language through ACQUIS_STORE and `store:` in the configuration', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'acquis.config.yaml'), `builtin: false\nstore: ${store.reader}\n`);
    const fromConfig = acquis(['search', 'critical infrastructure', '--format', 'json'], dir);
    const local = acquis(['search', 'critical infrastructure', '--format', 'json']);
    const strip = (r: Run) => (JSON.parse(r.stdout) as { results: Array<Record<string, unknown>> }).results.map(({ uri: _u, ...rest }) => rest);
    expect(fromConfig.status, describeRun(fromConfig)).toBe(0);
    expect(strip(fromConfig)).toEqual(strip(local));
  });

  it(`publishes a synthetic acquis of ${SYNTHETIC_PARAGRAPHS} paragraphs; lint and search against it agree with the folder`, async () => {
    const dir = tempDir();
    const real = readdirSync(join(ROOT, 'server', 'acquis')).map((f) => readFileSync(join(ROOT, 'server', 'acquis', f), 'utf8'));
    const generated = writeSyntheticAcquis(join(dir, 'synthetic'), SYNTHETIC_PARAGRAPHS, real);
    const db = createStore(cluster(), 'acquis_synthetic');
    const started = Date.now();
    // A bulk load (the indexes built at the end, at once) with a small memory for each build.
    const pub = acquis(['publish', 'synthetic', '--store', db.publisher, '--index-memory', '64MB', '--timings'], dir, 300_000);
    expect(pub.status, describeRun(pub)).toBe(0);
    expect(pub.stdout).toContain(`Published ${generated.documents} documents`);
    for (const step of ['documents read and checked', 'rows written', '3-grams counted', 'index of 3-gram keys', 'index of word keys']) {
      expect(pub.stderr).toMatch(new RegExp(`^publish: ${step} in \\d+\\.\\d s$`, 'm'));
    }
    console.log(`published ${SYNTHETIC_PARAGRAPHS} paragraphs in ${Date.now() - started} ms`);
    // Drafts quoting the acquis: paragraphs taken whole, with a word changed, or cut short.
    const docs = readdirSync(join(dir, 'synthetic')).filter((f) => f.endsWith('.draft'));
    const paragraphs: string[] = [];
    for (const [i, file] of docs.slice(0, 12).entries()) {
      const text = readFileSync(join(dir, 'synthetic', file), 'utf8');
      const body = text.split(/\n---\n/)[1]!.split(/\n\n+/).filter((p) => /^\d+\. /.test(p.trim()));
      const p = body[(i * 7) % body.length]!.replace(/^\d+\. /, '').replace(/\s+/g, ' ');
      const words = p.split(' ');
      if (i % 3 === 1) words[Math.floor(words.length / 2)] = 'notwithstanding';
      if (i % 3 === 2) words.splice(words.length - 3, 3, 'accordingly.');
      paragraphs.push(words.join(' '));
    }
    writeFiles(dir, {
      'drafts/one.draft': `---\ntitle: Draft one\n---\n\n${paragraphs.slice(0, 6).map((p, i) => `${i + 1}. ${p}`).join('\n\n')}\n`,
      'drafts/two.draft': `---\ntitle: Draft two\n---\n\n${paragraphs.slice(6).map((p, i) => `${i + 1}. ${p}`).join('\n\n')}\n`,
    });
    const local = acquis(['lint', 'drafts', '--format', 'json', '--no-builtin', '--acquis', 'synthetic'], dir, 120_000);
    const shared = acquis(['lint', 'drafts', '--format', 'json', '--no-builtin', '--store', db.reader], dir, 120_000);
    const expected = findings(local) as Array<{ findings: unknown[] }>;
    expect(expected.flatMap((f) => f.findings).length).toBeGreaterThan(6);
    expect(findings(shared)).toEqual(expected);
    // Search: the same results from the folder and from the store.
    const query = paragraphs[0]!.split(' ').slice(2, 9).join(' ');
    const strip = (r: Run) => (JSON.parse(r.stdout) as { results: Array<Record<string, unknown>> }).results.map(({ uri: _u, lineage: _l, ...rest }) => rest);
    const localSearch = acquis(['search', query, '--format', 'json', '--no-builtin', '--acquis', 'synthetic'], dir, 120_000);
    const storeSearch = acquis(['search', query, '--format', 'json', '--no-builtin', '--store', db.reader], dir);
    expect(storeSearch.status, describeRun(storeSearch)).toBe(0);
    expect(strip(storeSearch).slice(0, 5)).toEqual(strip(localSearch).slice(0, 5));
  }, 600_000);

  describe('publishing', () => {
    let small: { publisher: string; reader: string };
    let dir: string;
    beforeAll(() => {
      small = createStore(cluster(), 'acquis_small');
      // Shared by the tests of this block (tempDir() folders go after each test).
      dir = mkdtempSync(join(tmpdir(), 'acquis-store-small-'));
      writeFiles(dir, SEARCH_ACQUIS);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const consistent = (): void => {
      // The counts kept for the frequency cut-off and IDF agree with the rows.
      const bad = cluster().psql(
        'acquis_small',
        `WITH n AS (SELECT k, count(*) AS c FROM acquis.precedent, unnest(ngram_keys) AS k GROUP BY k),
              w AS (SELECT k, count(*) AS c FROM acquis.precedent, unnest(word_keys) AS k GROUP BY k),
              pw AS (SELECT k, count(*) AS c FROM (SELECT DISTINCT document_id, pinpoint, k FROM acquis.precedent, unnest(word_keys) AS k) AS x GROUP BY k)
         SELECT (SELECT count(*) FROM acquis.ngram_df d FULL JOIN n ON n.k = d.key WHERE coalesce(d.df, 0) <> coalesce(n.c, 0))
              + (SELECT count(*) FROM acquis.word_df d FULL JOIN w ON w.k = d.key WHERE coalesce(d.df, 0) <> coalesce(w.c, 0))
              + (SELECT count(*) FROM acquis.word_paragraph_df d FULL JOIN pw ON pw.k = d.key WHERE coalesce(d.df, 0) <> coalesce(pw.c, 0))
              + (SELECT count(*) FROM acquis.totals t WHERE t.documents <> (SELECT count(*) FROM acquis.document) OR t.precedents <> (SELECT count(*) FROM acquis.precedent)
                   OR t.paragraphs <> (SELECT count(*) FROM (SELECT DISTINCT document_id, pinpoint FROM acquis.precedent) AS x))`,
      );
      expect(bad).toBe('0');
    };

    it('re-publishing a document replaces it', () => {
      expect(acquis(['publish', 'acquis', '--store', small.publisher], dir).status).toBe(0);
      const changed = SEARCH_ACQUIS['acquis/A-97-50.draft']!.replace('narrow straits and archipelagos', 'fogbound estuaries');
      writeFiles(dir, { 'again/A-97-50.draft': changed });
      const again = acquis(['publish', 'again/A-97-50.draft', '--store', small.publisher], dir);
      expect(again.status, describeRun(again)).toBe(0);
      expect(again.stdout).toContain('Published 1 document (1 precedent, 1 replaced)');
      expect(cluster().psql('acquis_small', 'SELECT count(*) FROM acquis.document')).toBe('4');
      const found = acquis(['search', 'fogbound estuaries', '--no-builtin', '--store', small.reader, '--format', 'json'], dir);
      expect((JSON.parse(found.stdout) as { results: Array<{ symbol: string }> }).results[0]!.symbol).toBe('A/97/50');
      const gone = acquis(['search', 'narrow straits', '--no-builtin', '--store', small.reader, '--format', 'json'], dir);
      expect((JSON.parse(gone.stdout) as { results: unknown[] }).results).toEqual([]);
      consistent();
    });

    it('the read-only role cannot publish (exit 2), and can search', () => {
      const r = acquis(['publish', 'acquis', '--store', small.reader], dir);
      expect(r.status, describeRun(r)).toBe(2);
      expect(r.stderr).toMatch(/error: the store refused: permission denied/);
      expect(cluster().psql('acquis_small', 'SELECT count(*) FROM acquis.document')).not.toBe('0');
    });

    it('takes quotes, backslashes and SQL in search terms as words', () => {
      for (const query of ['"DROP TABLE harbours; --"', "harbours' OR '1'='1", 'C:\\harbour\\beacons', "'); DELETE FROM acquis.document; --", '\\x27 $1 $$ ;']) {
        const shared = acquis(['search', query, '--no-builtin', '--store', small.reader, '--format', 'json'], dir);
        const local = acquis(['search', query, '--no-builtin', '--acquis', 'acquis', '--format', 'json'], dir);
        expect(shared.status, describeRun(shared)).toBe(0);
        const strip = (r: Run) => (JSON.parse(r.stdout) as { results: Array<Record<string, unknown>> }).results.map((x) => `${x.citation}`);
        expect(strip(shared)).toEqual(strip(local));
      }
      expect(cluster().psql('acquis_small', "SELECT count(*) FROM acquis.document WHERE symbol = 'A/98/9'")).toBe('1');
    });

    it('rejects a document with a problem before writing anything (exit 2)', () => {
      writeFiles(dir, { 'bad/A-1.draft': '---\nsymbol: A/80/1\n---\n\n1. No adoption.\n' });
      const before = cluster().psql('acquis_small', 'SELECT count(*) FROM acquis.document');
      const r = acquis(['publish', 'bad', 'acquis', '--store', small.publisher], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^bad\/A-1\.draft:1:1: error: not published: An acquis document needs an `adoption`/);
      expect(cluster().psql('acquis_small', 'SELECT count(*) FROM acquis.document')).toBe(before);
    });

    it('takes two publishers at once', async () => {
      const d = tempDir();
      const real = readdirSync(join(ROOT, 'server', 'acquis')).map((f) => readFileSync(join(ROOT, 'server', 'acquis', f), 'utf8'));
      writeSyntheticAcquis(join(d, 'a'), 1_000, real, 11);
      writeSyntheticAcquis(join(d, 'b'), 1_000, real, 12);
      // Both folders hold documents with the same symbols (A/SYN/1000/n): the last transaction wins, whole.
      const [a, b] = await Promise.all([
        acquisAsync(['publish', 'a', '--store', small.publisher, '--batch-size', '2'], d),
        acquisAsync(['publish', 'b', '--store', small.publisher, '--batch-size', '3'], d),
      ]);
      expect(a.status, describeRun(a)).toBe(0);
      expect(b.status, describeRun(b)).toBe(0);
      expect(cluster().psql('acquis_small', "SELECT count(*) FROM acquis.document WHERE symbol LIKE 'A/SYN/1000/%'")).toBe('10');
      // Every document is whole: its precedents are those of one folder's version of it.
      const mixed = cluster().psql(
        'acquis_small',
        `SELECT count(*) FROM acquis.document d WHERE d.symbol LIKE 'A/SYN/%'
           AND (SELECT count(*) FROM acquis.precedent p WHERE p.document_id = d.id
                AND position(regexp_replace(p.text, '\\s+', ' ', 'g') IN regexp_replace(d.text, '\\s+', ' ', 'g')) = 0) > 0`,
      );
      expect(mixed).toBe('0');
      consistent();
    }, 120_000);

    it('migrates a store of schema 1 to 2 on the next publish, counting the paragraphs it already holds', () => {
      // A store as schema 1 left it: no paragraph counts.
      cluster().psql(
        'acquis_small',
        'DROP TABLE acquis.word_paragraph_df; ALTER TABLE acquis.totals DROP COLUMN paragraphs, DROP COLUMN generation; DELETE FROM acquis.schema_version WHERE version = 2',
      );
      const old = acquis(['search', 'harbours', '--no-builtin', '--store', small.reader], dir);
      expect(old.status).toBe(2);
      expect(old.stderr).toContain('has schema version 1: publish with this Acquis once to migrate it to 2');
      const pub = acquis(['publish', 'acquis/A-97-50.draft', '--store', small.publisher], dir);
      expect(pub.status, describeRun(pub)).toBe(0);
      expect(pub.stdout).toContain('(schema migrated to version 2)');
      consistent();
      const found = acquis(['search', 'harbours', '--no-builtin', '--store', small.reader], dir);
      expect(found.status, describeRun(found)).toBe(0);
    });
  });

  it('an unreachable or empty store is a clear error (exit 2)', () => {
    const down = acquis(['search', 'critical infrastructure', '--store', 'postgres://acquis_reader@127.0.0.1:1/acquis']);
    expect(down.status, describeRun(down)).toBe(2);
    expect(down.stderr).toMatch(/^error: cannot reach the store postgres:\/\/acquis_reader@127\.0\.0\.1:1\/acquis: /);
    const lint = acquis(['lint', 'samples/demo.draft', '--store', 'postgres://acquis_reader:secret@127.0.0.1:1/acquis']);
    expect(lint.status).toBe(2);
    expect(lint.stderr).not.toContain('secret');
    const memory = acquis(['publish', 'server/acquis', '--store', 'postgres://acquis_publisher@127.0.0.1:1/acquis', '--index-memory', "1GB'; DROP TABLE x; --"]);
    expect(memory.status).toBe(2);
    expect(memory.stderr).toContain('--index-memory needs a size such as 256MB or 1GB');
    cluster().psql('postgres', 'CREATE DATABASE acquis_empty');
    const empty = acquis(['search', 'critical', '--store', cluster().admin('acquis_empty')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('is empty: publish to it first');
  });
});
