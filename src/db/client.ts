import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

/**
 * A database handle or a transaction handle: services accept either. Queries name their tables
 * (no relational `db.query`), so the handle carries no schema and this file imports no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** True when the embedded database was created by this open. */
  created: boolean;
  close(): Promise<void>;
  /** The PGlite instance, for dumping test templates and backups (embedded only). */
  pglite?: PGlite;
  /** The pg pool (server only). */
  pool?: pg.Pool;
}

/**
 * The embedded database and its extensions (pg_trgm, unaccent, passed on every open): loaded only
 * when it is opened, so a process on PostgreSQL (a worker) does not carry PGlite's 60 MB.
 */
async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('drizzle-orm/pglite'),
  ]);
  return { PGlite, extensions: { pg_trgm, unaccent }, drizzle };
}

// Dates stay 'YYYY-MM-DD' strings on both drivers.
pg.types.setTypeParser(1082, (v) => v);

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** In-memory PGlite loaded from a dump (tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection can be cut by the server (restart, failover, DROP DATABASE … FORCE):
  // the pool drops that client by itself; without this listener the error would end the process.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.warn(`PostgreSQL: a pooled connection failed and was dropped (${err.message})`);
  });
  await pool.query('select 1');
  const db = drizzlePg(pool) as unknown as Db;
  return { db, kind: 'postgres', created: false, pool, close: () => pool.end() };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  let created = false;
  let dataDir: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    lock = acquireDataDirLock(opts.dataDir);
    dataDir = path.join(opts.dataDir, 'pgdata');
    created = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  } else {
    created = !opts.loadDataDir;
  }
  try {
    const { PGlite, extensions, drizzle } = await loadPglite();
    const pglite = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir, extensions });
    const db = drizzle(pglite) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      created,
      pglite,
      close: async () => {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Rows of a raw `db.execute(sql…)`, whose result type differs between the two drivers. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
