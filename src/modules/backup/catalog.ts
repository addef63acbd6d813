import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

/**
 * What the backup knows about the database, read from the PostgreSQL catalogue rather than
 * from module code: a table a module adds is backed up, restored and compared with no
 * change here.
 */
export interface TableInfo {
  name: string;
  /** Stored columns (generated columns excluded), in table order. */
  columns: string[];
  primaryKey: string[];
  /** Foreign keys: local columns → referenced table. */
  foreignKeys: { columns: string[]; table: string }[];
  /** Columns filled by a sequence (serial, bigserial, identity). */
  sequenced: string[];
  nullable: Set<string>;
}

/** Tables that are not data: the migration ledger is written by the migration runner. */
export const NOT_DATA = new Set(['ttdn_migrations']);

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`),
  )
    .map((r) => r.name)
    .filter((n) => !NOT_DATA.has(n));
  const cols = rowsOf<{ table: string; column: string; notnull: boolean; seq: string | null }>(
    await db.execute(sql`
      SELECT c.relname AS "table", a.attname AS "column", a.attnotnull AS notnull,
             pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`),
  );
  const cons = rowsOf<{ table: string; type: string; columns: string[]; ref: string | null }>(
    await db.execute(sql`
      SELECT c.relname AS "table", k.contype AS type,
             ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
             r.relname AS ref
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class r ON r.oid = k.confrelid
      WHERE n.nspname = 'public' AND k.contype IN ('p', 'f')
      ORDER BY c.relname, k.conname`),
  );
  return tables.map((name) => {
    const mine = cols.filter((c) => c.table === name);
    const pk = cons.find((k) => k.table === name && k.type === 'p');
    return {
      name,
      columns: mine.map((c) => c.column),
      primaryKey: pk ? pgArray(pk.columns) : [],
      foreignKeys: cons
        .filter((k) => k.table === name && k.type === 'f' && k.ref)
        .map((k) => ({ columns: pgArray(k.columns), table: k.ref! })),
      sequenced: mine.filter((c) => c.seq).map((c) => c.column),
      nullable: new Set(mine.filter((c) => !c.notnull).map((c) => c.column)),
    };
  });
}

/** node-postgres returns name[] as an array; PGlite may return the text form. */
function pgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  const s = String(v);
  return s
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((x) => x.replace(/^"|"$/g, ''));
}

/**
 * Tables in an order where each comes after the tables it references. References that
 * cannot be satisfied that way (to itself, or around a cycle) are "deferred": those columns
 * are inserted empty and filled once every row is in.
 */
export function dependencyOrder(tables: TableInfo[]): { order: TableInfo[]; deferred: Map<string, string[]> } {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const order: TableInfo[] = [];
  const visiting = new Set<string>();
  const visit = (t: TableInfo) => {
    if (done.has(t.name) || visiting.has(t.name)) return;
    visiting.add(t.name);
    for (const fk of t.foreignKeys) {
      const ref = byName.get(fk.table);
      if (ref && ref.name !== t.name) visit(ref);
    }
    visiting.delete(t.name);
    done.add(t.name);
    order.push(t);
  };
  for (const t of tables) visit(t);
  const position = new Map(order.map((t, i) => [t.name, i]));
  const deferred = new Map<string, string[]>();
  for (const t of order) {
    const cols = t.foreignKeys
      .filter((fk) => byName.has(fk.table) && position.get(fk.table)! >= position.get(t.name)!)
      .flatMap((fk) => fk.columns);
    if (cols.length) deferred.set(t.name, [...new Set(cols)]);
  }
  return { order, deferred };
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = rowsOf(
    await db.execute(
      sql`SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'ttdn_migrations'`,
    ),
  );
  if (!exists.length) return [];
  return rowsOf<{ tag: string }>(await db.execute(sql`SELECT tag FROM ttdn_migrations ORDER BY tag`)).map((r) => r.tag);
}

/** Row counts of every data table (fuzz tests compare them before and after a rejected request). */
export async function rowCounts(db: Db, except: string[] = []): Promise<Record<string, number>> {
  const tables = (await listTables(db)).filter((t) => !except.includes(t.name));
  if (!tables.length) return {};
  const q = tables.map((t) => `SELECT '${t.name}' AS t, count(*)::int AS n FROM ${ident(t.name)}`).join(' UNION ALL ');
  const out: Record<string, number> = {};
  for (const r of rowsOf<{ t: string; n: number }>(await db.execute(sql.raw(q)))) out[r.t] = Number(r.n);
  return out;
}

/**
 * Every row of a table as JSON text, in pages, in the table's physical order (keyset on
 * ctid). Physical order, not key order: a restore then lays the rows out as they were, so
 * that even a read without ORDER BY answers the same after a restore.
 */
export async function* tableRows(db: Db, t: TableInfo, pageSize = 2000): AsyncGenerator<string[]> {
  let after = '(0,0)';
  for (;;) {
    const rows = rowsOf<{ j: string; k: string }>(
      await db.execute(
        sql.raw(
          `SELECT row_to_json(t)::text AS j, t.ctid::text AS k FROM ${ident(t.name)} t WHERE t.ctid > ${literal(after)}::tid ORDER BY t.ctid LIMIT ${pageSize}`,
        ),
      ),
    );
    if (!rows.length) return;
    yield rows.map((r) => r.j);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].k;
  }
}

/** A SQL string literal (standard_conforming_strings is on in every supported PostgreSQL). */
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
