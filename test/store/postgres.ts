/**
 * A throwaway PostgreSQL server for the store tests (scripts/pg-throwaway.sh): started before a test
 * file, stopped after it. With no PostgreSQL on the machine the tests are skipped with a loud
 * message, except in CI (CI=true), where that is a failure: .ci/run installs it
 * (scripts/ensure-postgres.sh).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'pg-throwaway.sh');

export function postgresInstalled(): boolean {
  return existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

/** True when the store tests must be skipped (and says so loudly); throws in CI. */
export function skipWithoutPostgres(): boolean {
  if (postgresInstalled()) return false;
  if (process.env.CI === 'true') throw new Error('PostgreSQL is not installed, and CI must run the store tests: .ci/run calls scripts/ensure-postgres.sh.');
  console.warn('\n!!!!!!!!\n!!! PostgreSQL is not installed: the store tests are SKIPPED. Run scripts/ensure-postgres.sh.\n!!!!!!!!\n');
  return true;
}

export interface Cluster {
  dir: string;
  port: number;
  /** Superuser URL of a database (default postgres). */
  admin(db?: string): string;
  /** URL of a role on a database. */
  as(role: string, db: string): string;
  psql(db: string, sql: string): string;
  /** Stop the server (fast shutdown) and start it again later, on the same port. */
  pause(): void;
  resume(): void;
}

/** Starts a cluster before the file's tests; `get()` returns it. */
export function useCluster(): () => Cluster {
  let cluster: Cluster | undefined;
  let base: string | undefined;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'acquis-pg-'));
    const dir = join(base, 'pg');
    const url = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8' }).trim();
    const port = Number(new URL(url).port);
    const at = (role: string, db: string) => `postgres://${role}@127.0.0.1:${port}/${db}`;
    cluster = {
      dir,
      port,
      admin: (db = 'postgres') => at('postgres', db),
      as: at,
      psql: (db, sql) => {
        const r = spawnSync('psql', [at('postgres', db), '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
        return r.stdout.trim();
      },
      pause: () => execFileSync('bash', [SCRIPT, 'pause', dir]),
      resume: () => execFileSync('bash', [SCRIPT, 'resume', dir]),
    };
  }, 120_000);
  afterAll(() => {
    if (base) {
      spawnSync('bash', [SCRIPT, 'stop', join(base, 'pg')]);
      rmSync(base, { recursive: true, force: true });
    }
  });
  return () => cluster!;
}

/** A new database with the two roles of server/store/roles.sql (created once per cluster). */
export function createStore(cluster: Cluster, db: string): { publisher: string; reader: string } {
  cluster.psql('postgres', `CREATE DATABASE ${db}`);
  const roles = cluster.psql('postgres', "SELECT count(*) FROM pg_roles WHERE rolname IN ('acquis_publisher', 'acquis_reader')");
  if (roles === '0') {
    const r = spawnSync(
      'psql',
      [cluster.admin(db), '-v', 'ON_ERROR_STOP=1', '-q', '-v', "publisher_password='publisher'", '-v', "reader_password='reader'", '-v', `DBNAME=${db}`, '-f', join(ROOT, 'server', 'store', 'roles.sql')],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`roles.sql failed: ${r.stderr}`);
  } else {
    cluster.psql('postgres', `GRANT CONNECT, CREATE ON DATABASE ${db} TO acquis_publisher; GRANT CONNECT ON DATABASE ${db} TO acquis_reader`);
  }
  return { publisher: cluster.as('acquis_publisher', db), reader: cluster.as('acquis_reader', db) };
}
