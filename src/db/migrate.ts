import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client';

/**
 * Applies the SQL migrations in src/db/migrations (written by `drizzle-kit generate`,
 * read before commit) in journal order, each in its own transaction, under an advisory
 * lock so that several processes starting at once on one PostgreSQL migrate it once.
 * The same files run on PGlite and on PostgreSQL.
 */
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 727_001;

interface JournalEntry {
  idx: number;
  tag: string;
}

export function listMigrations(): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      tag: e.tag,
      statements: fs
        .readFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0),
    }));
}

/**
 * Runs `fn` in a transaction holding the start-up lock: processes that start together on
 * one PostgreSQL take turns to migrate and to load the demo data.
 */
export async function withBootLock<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    return fn(tx);
  });
}

export async function migrate(db: Db): Promise<string[]> {
  await withBootLock(db, (tx) =>
    tx.execute(sql`CREATE TABLE IF NOT EXISTS ttdn_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`),
  );
  const applied: string[] = [];
  for (const m of listMigrations()) {
    await withBootLock(db, async (tx) => {
      const done = await tx.execute(sql`SELECT 1 FROM ttdn_migrations WHERE tag = ${m.tag}`);
      if (rowsOf(done).length > 0) return;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO ttdn_migrations (tag) VALUES (${m.tag})`);
      applied.push(m.tag);
    });
  }
  return applied;
}
