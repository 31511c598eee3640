/**
 * Connecting to a shared acquis store (PostgreSQL, through node-postgres). Every query is
 * parameterised; a store that cannot be reached is a `StoreUnavailableError` with a message that
 * names the server (never the password).
 */
import type pg from 'pg';

/** The schema's version this build reads and writes (the highest migration shipped). */
export const SCHEMA_VERSION = 2;

export class StoreUnavailableError extends Error {}

/** A store whose schema this build cannot use (not published yet, or made by a newer Acquis). */
export class StoreSchemaError extends Error {}

/** `postgres://reader@db.example.org:5432/acquis`, without a password, for messages. */
export function describeStore(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'the store (the URL could not be read)';
  }
}

export interface Store {
  readonly url: string;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * A connection pool; nothing is connected until the first query. node-postgres is loaded here, on
 * first use, so that commands without a store do not pay for it at start-up.
 */
export async function openStore(url: string, options: { connectTimeoutMs?: number; max?: number } = {}): Promise<Store> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new StoreUnavailableError(`a store is a postgres:// URL, not '${describeStore(url)}'.`);
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({
    connectionString: url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 10_000,
    application_name: 'acquis',
  });
  // An idle client whose server went away must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  return { url, pool, close: () => pool.end() };
}

/** Connection failures (refused, unknown host, timeout, server shutting down) as opposed to SQL errors. */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e?.code && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|57P01|57P02|57P03|08\w{3})$/.test(e.code)) return true;
  return /timeout|Connection terminated|connection error|ECONNREFUSED/i.test(e?.message ?? '');
}

/** Runs `work`, turning a connection failure into a StoreUnavailableError that names the store. */
export async function reach<T>(store: Store, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) {
      throw new StoreUnavailableError(`cannot reach the store ${describeStore(store.url)}: ${(error as Error).message || (error as { code?: string }).code}`);
    }
    throw error;
  }
}

/** The schema version of the store, or 0 when nothing has been published to it. */
export async function schemaVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('acquis.schema_version')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM acquis.schema_version');
  return r.rows[0]?.v ?? 0;
}

/** Readers check the schema once: a store made by a newer Acquis, or an empty one, is an error. */
export async function checkSchema(store: Store): Promise<void> {
  const version = await reach(store, () => schemaVersion(store.pool));
  if (version === 0) throw new StoreSchemaError(`the store ${describeStore(store.url)} is empty: publish to it first (acquis publish <folder> --store ...).`);
  if (version > SCHEMA_VERSION) {
    throw new StoreSchemaError(`the store ${describeStore(store.url)} has schema version ${version}, newer than this Acquis reads (${SCHEMA_VERSION}): upgrade Acquis.`);
  }
  if (version < SCHEMA_VERSION) {
    throw new StoreSchemaError(`the store ${describeStore(store.url)} has schema version ${version}: publish with this Acquis once to migrate it to ${SCHEMA_VERSION}.`);
  }
}
