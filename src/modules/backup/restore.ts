import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../../db/client';
import { listMigrations, migrate } from '../../db/migrate';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, filesDir, type Manifest } from './backup';
import { ident, listTables, literal, rowCounts, type TableInfo } from './catalog';
import { entryLines, entryText, readTarGz, type TarEntry } from './tar';

/**
 * `ttdn restore FILE`: the database becomes exactly what the backup holds, then is brought
 * up to this version's schema. In one transaction: drop the product's objects, apply the
 * backup's migrations, load every table (JSON rows through jsonb_populate_recordset, so the
 * column types come from the target database, PGlite or PostgreSQL alike), fill the
 * references that pointed forward, reset the sequences, apply the newer migrations.
 * Any failure (corrupt or truncated file, a row that does not fit) rolls it all back.
 * The attachment files are unpacked beside DATA_DIR/files and swapped in after the commit.
 */
export interface RestoreOptions {
  file: string;
  dataDir: string;
  /** Replace a database that already holds data. */
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  files: number;
  upgradedBy: string[];
}

const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

export function checkManifest(manifest: Manifest) {
  if (manifest?.format !== BACKUP_FORMAT) throw new BackupError('Tệp này không phải bản sao lưu ttdn (thiếu manifest.json hợp lệ).');
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Bản sao lưu dùng định dạng ${manifest.formatVersion}, mới hơn phiên bản ttdn này (${BACKUP_FORMAT_VERSION}): hãy cập nhật ttdn rồi khôi phục.`,
    );
  }
  const known = listMigrations().map((m) => m.tag);
  const unknown = manifest.migrations.filter((t) => !known.includes(t));
  if (unknown.length) {
    throw new BackupError(
      `Bản sao lưu có cấu trúc dữ liệu mới hơn phiên bản ttdn này (migration chưa biết: ${unknown.join(', ')}): hãy cập nhật ttdn rồi khôi phục.`,
    );
  }
  if (manifest.migrations.some((t, i) => known[i] !== t)) {
    throw new BackupError('Danh sách migration trong bản sao lưu không khớp với phiên bản ttdn này.');
  }
}

/** zlib's errors (Z_BUF_ERROR "unexpected end of file", Z_DATA_ERROR…) and a tar stream cut short. */
function isUnreadableArchive(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown; message?: unknown };
  return (
    (typeof e?.code === 'string' && e.code.startsWith('Z_')) ||
    /unexpected end of file|incorrect header check|invalid (block|stored|distance)/i.test(String(e?.message))
  );
}

export async function restore(database: Database, opts: RestoreOptions): Promise<RestoreResult> {
  if (!fs.existsSync(opts.file)) throw new BackupError(`Không tìm thấy tệp ${opts.file}.`);
  const counts = await rowCounts(database.db);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  const root = filesDir(opts.dataDir);
  const hasFiles = fs.existsSync(root) && fs.readdirSync(root).length > 0;
  if ((filled.length || hasFiles) && !opts.force) {
    throw new BackupError(
      `Cơ sở dữ liệu đích đã có dữ liệu (${filled.map(([t, n]) => `${t}: ${n}`).join(', ') || 'tệp đính kèm'}). ` +
        'Khôi phục sẽ thay toàn bộ: chạy lại với --force nếu chắc chắn.',
    );
  }

  const staging = path.join(opts.dataDir, `.files-restore-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  let manifest: Manifest | null = null;
  let rows = 0;
  let files = 0;
  let upgradedBy: string[] = [];
  try {
    await database.db.transaction(async (tx) => {
      const entries = readTarGz(opts.file);
      const first = await entries.next();
      if (first.done || first.value.name !== 'manifest.json')
        throw new BackupError('Tệp không bắt đầu bằng manifest.json: không phải bản sao lưu ttdn.');
      manifest = JSON.parse(await entryText(first.value)) as Manifest;
      checkManifest(manifest);
      const m = manifest;

      await dropProductObjects(tx);
      await applyMigrations(tx, m.migrations);

      const target = new Map((await listTables(tx)).map((t) => [t.name, t]));
      const position = new Map(m.tables.map((t, i) => [t.name, i]));
      const deferred = new Map<string, { table: TableInfo; columns: string[]; batches: string[] }>();
      for (const [i, bt] of m.tables.entries()) {
        const t = target.get(bt.name);
        if (!t) throw new BackupError(`Bảng ${bt.name} trong bản sao lưu không có trong cơ sở dữ liệu đích.`);
        const cols = t.foreignKeys.filter((fk) => (position.get(fk.table) ?? -1) >= i).flatMap((fk) => fk.columns);
        if (cols.length) {
          const notNull = cols.filter((c) => !t.nullable.has(c));
          if (notNull.length) throw new BackupError(`Bảng ${t.name}: cột ${notNull.join(', ')} tham chiếu vòng và không cho phép rỗng.`);
          deferred.set(t.name, { table: t, columns: [...new Set(cols)], batches: [] });
        }
      }

      const seenTables = new Set<string>();
      for (;;) {
        const next = await entries.next();
        if (next.done) break;
        const entry = next.value;
        if (entry.name.startsWith('tables/')) {
          const bt = m.tables.find((t) => t.file === entry.name);
          if (!bt) throw new BackupError(`Tệp ${entry.name} không có trong manifest.`);
          rows += await loadTable(tx, target.get(bt.name)!, bt, entry, deferred.get(bt.name));
          seenTables.add(bt.name);
        } else if (entry.name.startsWith('files/')) {
          await unpackFile(entry, staging, m);
          files++;
        }
      }
      const missing = m.tables.filter((t) => !seenTables.has(t.name));
      if (missing.length) throw new BackupError(`Bản sao lưu thiếu dữ liệu bảng: ${missing.map((t) => t.name).join(', ')}.`);
      if (files !== m.files.length) throw new BackupError(`Bản sao lưu thiếu tệp đính kèm (${files}/${m.files.length}).`);

      for (const d of deferred.values()) {
        const t = d.table;
        const set = d.columns.map((c) => `${ident(c)} = r.${ident(c)}`).join(', ');
        const on = t.primaryKey.map((c) => `t.${ident(c)} = r.${ident(c)}`).join(' AND ');
        if (!on) throw new BackupError(`Bảng ${t.name} tự tham chiếu nhưng không có khóa chính.`);
        for (const batch of d.batches) {
          await tx.execute(
            sql`${sql.raw(`UPDATE ${ident(t.name)} t SET ${set} FROM jsonb_populate_recordset(null::${ident(t.name)}, `)}${batch}${sql.raw(`::jsonb) r WHERE ${on}`)}`,
          );
        }
      }
      await resetSequences(tx, [...target.values()]);
      upgradedBy = await migrate(tx);
    });
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw isUnreadableArchive(err)
      ? new BackupError(
          `Tệp sao lưu ${opts.file} bị cắt cụt hoặc hỏng: không giải nén được (${(err as { code?: string }).code ?? 'gzip/tar'}). Cơ sở dữ liệu không thay đổi gì; hãy dùng một bản sao lưu đầy đủ.`,
        )
      : err;
  }

  // The database is committed: swap the attachment files in.
  const old = `${root}.old-${process.pid}`;
  if (fs.existsSync(root)) fs.renameSync(root, old);
  if (fs.existsSync(staging)) fs.renameSync(staging, root);
  fs.rmSync(old, { recursive: true, force: true });
  return { manifest: manifest!, rows, files, upgradedBy };
}

async function loadTable(
  tx: Db,
  t: TableInfo,
  bt: Manifest['tables'][number],
  entry: TarEntry,
  deferred: { columns: string[]; batches: string[] } | undefined,
): Promise<number> {
  const columns = bt.columns.filter((c) => t.columns.includes(c));
  const later = new Set(deferred?.columns ?? []);
  const select = columns.map((c) => (later.has(c) ? 'NULL' : `r.${ident(c)}`)).join(', ');
  const head = `INSERT INTO ${ident(t.name)} (${columns.map(ident).join(', ')}) OVERRIDING SYSTEM VALUE SELECT ${select} FROM jsonb_populate_recordset(null::${ident(t.name)}, `;
  const hash = crypto.createHash('sha256');
  let batch: string[] = [];
  let bytes = 0;
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    const json = `[${batch.join(',')}]`;
    await tx.execute(sql`${sql.raw(head)}${json}${sql.raw('::jsonb) r')}`);
    if (deferred) deferred.batches.push(json);
    batch = [];
    bytes = 0;
  };
  for await (const line of entryLines(entry)) {
    hash.update(line + '\n');
    batch.push(line);
    bytes += line.length;
    count++;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  if (count !== bt.rows || hash.digest('hex') !== bt.sha256) {
    throw new BackupError(`Dữ liệu bảng ${t.name} trong bản sao lưu bị hỏng (${count}/${bt.rows} dòng hoặc sai mã kiểm tra).`);
  }
  return count;
}

async function unpackFile(entry: TarEntry, staging: string, m: Manifest) {
  const rel = entry.name.slice('files/'.length);
  const meta = m.files.find((f) => f.path === rel);
  if (!meta || rel.split('/').some((p) => p === '..' || p === '') || path.isAbsolute(rel)) {
    throw new BackupError(`Tệp đính kèm không hợp lệ trong bản sao lưu: ${entry.name}.`);
  }
  const dest = path.join(staging, ...rel.split('/'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const fd = fs.openSync(dest, 'wx');
  const hash = crypto.createHash('sha256');
  try {
    for await (const c of entry.chunks()) {
      hash.update(c);
      fs.writeSync(fd, c);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (hash.digest('hex') !== meta.sha256) throw new BackupError(`Tệp đính kèm ${rel} trong bản sao lưu bị hỏng.`);
}

/**
 * Drops every object the migrations made in the public schema (tables, views, sequences,
 * types, functions), leaving the extensions' own objects: the migrations rebuild the rest.
 */
async function dropProductObjects(tx: Db) {
  const notExt = (oidCol: string) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oidCol} AND d.deptype = 'e')`;
  const ns = `(SELECT oid FROM pg_namespace WHERE nspname = 'public')`;
  const q = async (text: string) => rowsOf<{ n: string }>(await tx.execute(sql.raw(text))).map((r) => r.n);
  for (const v of await q(
    `SELECT c.oid::regclass::text AS n FROM pg_class c WHERE c.relnamespace = ${ns} AND c.relkind IN ('v','m') AND ${notExt('c.oid')}`,
  )) {
    await tx.execute(sql.raw(`DROP VIEW IF EXISTS ${v} CASCADE`));
  }
  const tables = await q(
    `SELECT c.oid::regclass::text AS n FROM pg_class c WHERE c.relnamespace = ${ns} AND c.relkind IN ('r','p') AND ${notExt('c.oid')}`,
  );
  if (tables.length) await tx.execute(sql.raw(`DROP TABLE IF EXISTS ${tables.join(', ')} CASCADE`));
  for (const s of await q(
    `SELECT c.oid::regclass::text AS n FROM pg_class c WHERE c.relnamespace = ${ns} AND c.relkind = 'S' AND ${notExt('c.oid')}`,
  )) {
    await tx.execute(sql.raw(`DROP SEQUENCE IF EXISTS ${s} CASCADE`));
  }
  for (const f of await q(`SELECT p.oid::regprocedure::text AS n FROM pg_proc p WHERE p.pronamespace = ${ns} AND ${notExt('p.oid')}`)) {
    await tx.execute(sql.raw(`DROP FUNCTION IF EXISTS ${f} CASCADE`));
  }
  for (const t of await q(
    `SELECT t.oid::regtype::text AS n FROM pg_type t WHERE t.typnamespace = ${ns} AND t.typtype IN ('e','d') AND ${notExt('t.oid')}`,
  )) {
    await tx.execute(sql.raw(`DROP TYPE IF EXISTS ${t} CASCADE`));
  }
}

/** Applies the given migrations (a prefix of this version's list), as src/db/migrate.ts does. */
async function applyMigrations(tx: Db, tags: string[]) {
  await tx.execute(sql`CREATE TABLE IF NOT EXISTS ttdn_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const m of listMigrations()) {
    if (!tags.includes(m.tag)) break;
    for (const statement of m.statements) await tx.execute(sql.raw(statement));
    await tx.execute(sql`INSERT INTO ttdn_migrations (tag) VALUES (${m.tag})`);
  }
}

async function resetSequences(tx: Db, tables: TableInfo[]) {
  for (const t of tables) {
    for (const c of t.sequenced) {
      await tx.execute(
        sql.raw(
          `SELECT setval(pg_get_serial_sequence(${literal(ident(t.name))}, ${literal(c)}), COALESCE((SELECT max(${ident(c)}) FROM ${ident(t.name)}), 0) + 1, false)`,
        ),
      );
    }
  }
}
