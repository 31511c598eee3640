/**
 * Migrations: numbered SQL files shipped in the package (server/store/migrations/NNN_name.sql),
 * applied in order by the publishing role, each in its own transaction, recorded in
 * acquis.schema_version. An advisory lock keeps two publishers from migrating at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { packageRoot } from '../host/install.js';
import { schemaVersion } from './connection.js';

/** Arbitrary, fixed: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_305_141;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function shippedMigrations(dir = join(packageRoot(), 'server', 'store', 'migrations')): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d+)_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** Brings the store's schema up to date; returns the versions applied. */
export async function migrate(client: pg.PoolClient, migrations = shippedMigrations()): Promise<number[]> {
  const applied: number[] = [];
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS acquis');
    await client.query(
      `CREATE TABLE IF NOT EXISTS acquis.schema_version (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const current = await schemaVersion(client);
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO acquis.schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(m.version);
    }
    await grantReaders(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
  return applied;
}

/**
 * The read-only role (acquis_reader, made by server/store/roles.sql) may read the schema, now and
 * after later migrations; nothing is granted when the role does not exist.
 */
async function grantReaders(client: pg.PoolClient): Promise<void> {
  const role = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = 'acquis_reader'`);
  if (!role.rowCount) return;
  await client.query('GRANT USAGE ON SCHEMA acquis TO acquis_reader');
  await client.query('GRANT SELECT ON ALL TABLES IN SCHEMA acquis TO acquis_reader');
  await client.query('ALTER DEFAULT PRIVILEGES IN SCHEMA acquis GRANT SELECT ON TABLES TO acquis_reader');
}
