/**
 * Publishing adopted documents to the store: read and checked exactly as a local acquis is (the
 * engine's builder), then written batch by batch, one transaction per batch, so that a reader sees
 * a document whole or not at all. A document already in the store (same symbol) is replaced.
 */
import type pg from 'pg';
import { buildAcquis, normaliseSymbol, type Acquis, type AcquisProblem, type AdoptedDocument, type SourceFile } from '../engine/index.js';
import { key64, NGRAM } from '../engine/search/keys.js';
import { reach, type Store } from './connection.js';
import { migrate } from './migrate.js';

/** Arbitrary, fixed: publishers take turns per batch (readers are never blocked). */
const PUBLISH_LOCK = 7_305_142;
/** Attempts of a batch that meets a deadlock or a serialisation failure. */
const ATTEMPTS = 5;

export interface PublishReport {
  documents: number;
  precedents: number;
  replaced: number;
  migrations: number[];
}

export interface PublishOptions {
  /** Documents per transaction (default 50). */
  batchSize?: number;
  onBatch?: (done: number, total: number) => void;
  /**
   * Memory PostgreSQL may use for each of the steps that end a bulk load (each GIN index build,
   * the 3-gram count), as a PostgreSQL size: `maintenance_work_mem` and `work_mem` of those
   * sessions. Default {@link INDEX_MEMORY}.
   */
  indexMemory?: string;
  /** Called as each stage ends, with its wall time (the CLI's `--timings`). */
  onStep?: (step: string, ms: number) => void;
}

/**
 * A GIN build keeps the keys it has read in memory and writes them out when this is full: at a
 * million paragraphs (about 20 million distinct 3-gram keys) 256MB meant many passes over an index
 * larger than PostgreSQL's buffers. 1GB per step (three at once at most) fits a publishing
 * machine; a smaller server can pass less (`acquis publish --index-memory 256MB`).
 */
export const INDEX_MEMORY = '1GB';
/** A PostgreSQL memory size (checked before it reaches the server). */
const MEMORY_SIZE = /^[1-9]\d{0,6}(kB|MB|GB)$/;

/** Problems stop a publish before anything is written (the same checks as a local acquis). */
export class PublishProblems extends Error {
  constructor(readonly problems: AcquisProblem[]) {
    super(`${problems.length} problem(s) in the documents to publish`);
  }
}

interface StoredPrecedent {
  ord: number;
  pinpoint: string;
  text: string;
  start: number;
  end: number;
  ngrams: string[];
  words: string[];
}

interface Row {
  symbol: string;
  norm: string;
  uri: string;
  adoption: string;
  consensus: boolean;
  body: string | null;
  year: number | null;
  fields: string;
  text: string;
  precedents: StoredPrecedent[];
}

/**
 * The sources read and checked (no database yet), with each document's row made only when its
 * batch is written: the keys of a million paragraphs' precedents, held at once, would not fit in
 * memory, while the acquis itself is compact (typed-array columns).
 */
export interface PublishPlan {
  /** One per symbol (the last of two files with one symbol wins, as a re-publish would). */
  documents: AdoptedDocument[];
  precedents: number;
  rowOf(document: AdoptedDocument): Row;
}

export function planPublish(sources: SourceFile[]): PublishPlan {
  return planOf(buildAcquis(sources));
}

/**
 * The plan of an acquis read and checked elsewhere: the CLI streams a large one through worker
 * threads, its documents' texts read again when their rows are made.
 */
export function planOf({ acquis, problems }: { acquis: Acquis; problems: AcquisProblem[] }): PublishPlan {
  if (problems.length) throw new PublishProblems(problems);
  // A document's precedents, by their index in the acquis.
  const byDocument = new Map<AdoptedDocument, number[]>();
  acquis.precedents.forEach((p, i) => {
    const list = byDocument.get(p.document);
    if (list) list.push(i);
    else byDocument.set(p.document, [i]);
  });
  // Keys from the word ids the builder already made (each vocabulary word hashed once), rather
  // than reading every precedent's words again.
  const vocabulary = [...acquis.index.vocabulary.keys()];
  const wordKeyOf = vocabulary.map((k) => key64(k));
  const bySymbol = new Map(acquis.documents.map((d) => [normaliseSymbol(d.symbol), d]));
  const documents = [...bySymbol.values()];
  let precedents = 0;
  for (const d of documents) precedents += byDocument.get(d)?.length ?? 0;

  const rowOf = (d: AdoptedDocument): Row => {
    const { title, body, year, date, adoptedBy, source, restates, lineage } = d;
    const row: Row = {
      symbol: d.symbol,
      norm: normaliseSymbol(d.symbol),
      uri: d.uri,
      adoption: JSON.stringify(d.adoption),
      consensus: d.adoption.kind === 'consensus',
      body: body ?? null,
      year: year ?? null,
      fields: JSON.stringify({ title, body, year, date, adoptedBy, source, restates, lineage }),
      text: d.text,
      precedents: [],
    };
    for (const i of byDocument.get(d) ?? []) {
      const p = acquis.precedents[i]!;
      const ids = p.ids;
      const ngrams = new Set<string>();
      const words = new Set<string>();
      for (let j = 0; j < ids.length; j++) {
        words.add(wordKeyOf[ids[j]!]!);
        if (j + NGRAM <= ids.length) ngrams.add(key64(`${vocabulary[ids[j]!]}\u0001${vocabulary[ids[j + 1]!]}\u0001${vocabulary[ids[j + 2]!]}`));
      }
      const keys = { ngrams: [...ngrams], words: [...words] };
      row.precedents.push({ ord: row.precedents.length, pinpoint: p.pinpoint, text: p.text, start: p.span.start, end: p.span.end, ...keys });
    }
    return row;
  };
  return { documents, precedents, rowOf };
}

/** How many precedents use each key, and how many paragraphs (a document's pinpoint) use each word. */
function countsOf(batch: Row[]): { ngram: Map<string, number>; word: Map<string, number>; paragraphWord: Map<string, number>; paragraphs: number } {
  const ngram = new Map<string, number>();
  const word = new Map<string, number>();
  const paragraphWord = new Map<string, number>();
  let paragraphs = 0;
  const add = (counts: Map<string, number>, keys: Iterable<string>): void => {
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const row of batch) {
    const byPinpoint = new Map<string, Set<string>>();
    for (const p of row.precedents) {
      add(ngram, p.ngrams);
      add(word, p.words);
      let set = byPinpoint.get(p.pinpoint);
      if (!set) byPinpoint.set(p.pinpoint, (set = new Set()));
      for (const k of p.words) set.add(k);
    }
    paragraphs += byPinpoint.size;
    for (const set of byPinpoint.values()) add(paragraphWord, set);
  }
  return { ngram, word, paragraphWord, paragraphs };
}

/**
 * The GIN indexes over the key arrays, as migration 002 leaves them (fast update off: no pending
 * list for readers to scan). A bulk load drops them and builds them again at the end, which
 * PostgreSQL does by sorting every key once rather than inserting row by row.
 */
const KEY_INDEXES = [
  { step: 'index of 3-gram keys', sql: 'CREATE INDEX IF NOT EXISTS precedent_ngram_keys ON acquis.precedent USING gin (ngram_keys) WITH (fastupdate = off)' },
  { step: 'index of word keys', sql: 'CREATE INDEX IF NOT EXISTS precedent_word_keys ON acquis.precedent USING gin (word_keys) WITH (fastupdate = off)' },
];
/** A publish is a bulk load when it brings at least this many precedents and as many as the store holds. */
const BULK_PRECEDENTS = 10_000;

/**
 * Publish documents: `sources` read here, or a function that returns their plan (called first,
 * so that `onStep` times it: see {@link planOf}).
 */
export async function publish(store: Store, sources: SourceFile[] | (() => PublishPlan), options: PublishOptions = {}): Promise<PublishReport> {
  const memory = options.indexMemory ?? INDEX_MEMORY;
  if (!MEMORY_SIZE.test(memory)) throw new RangeError(`index memory: a size such as 256MB or 1GB, not '${memory}'`);
  const step = stepTimer(options.onStep);
  const plan = typeof sources === 'function' ? sources() : planPublish(sources);
  step('documents read and checked');
  const documents = plan.documents;
  const size = options.batchSize ?? 50;
  const report: PublishReport = { documents: 0, precedents: 0, replaced: 0, migrations: [] };
  const incoming = plan.precedents;
  const client = await reach(store, () => store.pool.connect());
  try {
    report.migrations = await reach(store, () => migrate(client));
    const held = await reach(store, () => client.query<{ precedents: number }>('SELECT precedents FROM acquis.totals'));
    // A first load (or one that doubles the store): without the key indexes while loading, each
    // batch is a plain append; readers still see whole documents (one transaction per batch),
    // found by a slower scan until the indexes are built again below.
    const bulk = incoming >= BULK_PRECEDENTS && incoming >= (held.rows[0]?.precedents ?? 0);
    if (bulk) await reach(store, () => client.query('DROP INDEX IF EXISTS acquis.precedent_ngram_keys, acquis.precedent_word_keys'));
    for (let i = 0; i < documents.length; i += size) {
      // The batch's rows (keys included) are made here and dropped once written.
      const batch = documents.slice(i, i + size).map(plan.rowOf);
      const replaced = await reach(store, () => withRetry(client, () => writeBatch(client, batch, bulk)));
      report.documents += batch.length;
      report.precedents += batch.reduce((n, r) => n + r.precedents.length, 0);
      report.replaced += replaced;
      options.onBatch?.(Math.min(i + size, documents.length), documents.length);
    }
    step('rows written');
    // The steps that end a publish run at once, each on its own connection: PostgreSQL 15 builds
    // a GIN index in one process, and the two builds and the count are independent (CREATE INDEX
    // and the count's read of acquis.precedent take locks that do not conflict). At a million
    // paragraphs each takes minutes; one after the other they were most of the publish.
    const ending: Array<Promise<void>> = [];
    if (bulk) {
      // The 3-gram counts of a bulk load are counted once, from the table, rather than upserted
      // batch by batch (millions of keys); until then readers find the new 3-grams uncounted,
      // which only narrows search's lineage look-ups. Counted by sorting the keys (the rows then
      // go into the table's B-tree in key order: in hash order, most of the time went on
      // inserting into it).
      ending.push(
        reach(store, () =>
          withRetry(client, async () => {
            await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
            await client.query(`SELECT set_config('work_mem', $1, true), set_config('enable_hashagg', 'off', true)`, [memory]);
            await client.query('TRUNCATE acquis.ngram_df');
            await client.query('INSERT INTO acquis.ngram_df (key, df) SELECT k, count(*)::int FROM acquis.precedent p, unnest(p.ngram_keys) AS k GROUP BY k ORDER BY k');
          }),
        ).then(() => step('3-grams counted')),
      );
    }
    // Every publish ends with the indexes in place (a bulk load's, or one an interrupted bulk load left out).
    for (const index of KEY_INDEXES) {
      ending.push(
        reach(store, async () => {
          const builder = await store.pool.connect();
          try {
            await builder.query('BEGIN');
            await builder.query(`SELECT set_config('maintenance_work_mem', $1, true)`, [memory]);
            await builder.query(index.sql);
            await builder.query('COMMIT');
          } catch (error) {
            await builder.query('ROLLBACK').catch(() => undefined);
            throw error;
          } finally {
            builder.release();
          }
        }).then(() => step(index.step)),
      );
    }
    // Every step is awaited before the first failure is passed on (none left running on a released client).
    const ended = await Promise.allSettled(ending);
    const failed = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    client.release();
  }
  return report;
}

/** Reports each stage's wall time since the previous one (the concurrent last steps since the rows were written). */
function stepTimer(onStep: PublishOptions['onStep']): (step: string) => void {
  let since = performance.now();
  let rowsWritten: number | undefined;
  return (step) => {
    const now = performance.now();
    if (rowsWritten !== undefined) {
      onStep?.(step, now - rowsWritten);
      return;
    }
    onStep?.(step, now - since);
    since = now;
    if (step === 'rows written') rowsWritten = now;
  };
}

async function withRetry<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await client.query('BEGIN');
    try {
      const out = await work();
      await client.query('COMMIT');
      return out;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt < ATTEMPTS && (code === '40P01' || code === '40001')) continue;
      throw error;
    }
  }
}

/** The tables of counts, and the SQL that counts a document's keys for each (to take them away on replacement). */
const COUNTS = [
  { table: 'ngram_df', counted: 'SELECT k FROM acquis.precedent p, unnest(p.ngram_keys) AS k WHERE p.document_id = ANY($1::int8[])' },
  { table: 'word_df', counted: 'SELECT k FROM acquis.precedent p, unnest(p.word_keys) AS k WHERE p.document_id = ANY($1::int8[])' },
  {
    table: 'word_paragraph_df',
    counted: 'SELECT k FROM (SELECT DISTINCT p.document_id, p.pinpoint, k FROM acquis.precedent p, unnest(p.word_keys) AS k WHERE p.document_id = ANY($1::int8[])) AS x',
  },
] as const;

/** One batch inside a transaction; returns how many documents it replaced. */
async function writeBatch(client: pg.PoolClient, batch: Row[], bulk: boolean): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
  const norms = batch.map((r) => r.norm);
  const old = await client.query<{ id: string }>('SELECT id FROM acquis.document WHERE norm_symbol = ANY($1::text[]) ORDER BY id', [norms]);
  const oldIds = old.rows.map((r) => r.id);
  if (oldIds.length) {
    for (const { table, counted } of COUNTS) {
      await client.query(
        `WITH c AS (SELECT k, count(*)::int AS n FROM (${counted}) AS keys GROUP BY k)
         UPDATE acquis.${table} AS d SET df = d.df - c.n FROM c WHERE d.key = c.k`,
        [oldIds],
      );
    }
    const gone = await client.query<{ n: number; paragraphs: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT (document_id, pinpoint))::int AS paragraphs FROM acquis.precedent WHERE document_id = ANY($1::int8[])',
      [oldIds],
    );
    await client.query('UPDATE acquis.totals SET documents = documents - $1, precedents = precedents - $2, paragraphs = paragraphs - $3', [
      oldIds.length,
      gone.rows[0]!.n,
      gone.rows[0]!.paragraphs,
    ]);
    await client.query('DELETE FROM acquis.document WHERE id = ANY($1::int8[])', [oldIds]);
  }
  const inserted = await client.query<{ id: string; norm_symbol: string }>(
    `INSERT INTO acquis.document (symbol, norm_symbol, uri, adoption, consensus, body, year, fields, text)
     SELECT s, n, u, a::jsonb, c, b, y, f::jsonb, t
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::int[], $8::text[], $9::text[])
          AS x(s, n, u, a, c, b, y, f, t)
     RETURNING id, norm_symbol`,
    [
      batch.map((r) => r.symbol),
      norms,
      batch.map((r) => r.uri),
      batch.map((r) => r.adoption),
      batch.map((r) => r.consensus),
      batch.map((r) => r.body),
      batch.map((r) => r.year),
      batch.map((r) => r.fields),
      batch.map((r) => r.text),
    ],
  );
  const idOf = new Map(inserted.rows.map((r) => [r.norm_symbol, r.id]));
  const cols = { doc: [] as string[], ord: [] as number[], pin: [] as string[], text: [] as string[], start: [] as number[], end: [] as number[], ngrams: [] as string[], words: [] as string[] };
  for (const row of batch) {
    for (const p of row.precedents) {
      cols.doc.push(idOf.get(row.norm)!);
      cols.ord.push(p.ord);
      cols.pin.push(p.pinpoint);
      cols.text.push(p.text);
      cols.start.push(p.start);
      cols.end.push(p.end);
      cols.ngrams.push(`{${p.ngrams.join(',')}}`);
      cols.words.push(`{${p.words.join(',')}}`);
    }
  }
  // One statement for the batch's precedents: arrays of columns, unnested by the server.
  await client.query(
    `INSERT INTO acquis.precedent (document_id, ord, pinpoint, text, span_start, span_end, ngram_keys, word_keys)
     SELECT d, o, p, t, s, e, g::int8[], w::int8[]
     FROM unnest($1::int8[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[]) AS x(d, o, p, t, s, e, g, w)`,
    [cols.doc, cols.ord, cols.pin, cols.text, cols.start, cols.end, cols.ngrams, cols.words],
  );
  // The counts, made here from the rows in hand rather than read back; upserted in key order
  // (concurrent writers would otherwise lock rows in different orders).
  const counts = countsOf(batch);
  const tables = [['ngram_df', counts.ngram], ['word_df', counts.word], ['word_paragraph_df', counts.paragraphWord]] as const;
  for (const [table, map] of bulk ? tables.slice(1) : tables) {
    await client.query(
      `INSERT INTO acquis.${table} (key, df)
       SELECT k, n FROM unnest($1::int8[], $2::int[]) AS c(k, n) ORDER BY k
       ON CONFLICT (key) DO UPDATE SET df = acquis.${table}.df + excluded.df`,
      [[...map.keys()], [...map.values()]],
    );
  }
  await client.query('UPDATE acquis.totals SET documents = documents + $1, precedents = precedents + $2, paragraphs = paragraphs + $3, generation = generation + 1', [
    batch.length,
    cols.doc.length,
    counts.paragraphs,
  ]);
  return oldIds.length;
}
