import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database, Db } from '../../db/client';
import { appliedMigrations, dependencyOrder, listTables, tableRows } from './catalog';
import { TarGzWriter } from './tar';

/**
 * `ttdn backup FILE`: one portable .tar.gz that restores into either database.
 *
 *   manifest.json              format, schema (applied migrations), tables with row counts
 *                              and SHA-256, attachment files
 *   tables/NNN-<table>.jsonl   one JSON object per row (PostgreSQL's row_to_json), tables in
 *                              dependency order, rows in primary-key order
 *   files/<path>               the attachment files under DATA_DIR/files, if any
 *
 * The rows are read in one read-only transaction (REPEATABLE READ on PostgreSQL), so the
 * backup is a consistent snapshot even while the servers keep writing.
 */
export const BACKUP_FORMAT = 'ttdn-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: string[];
  tables: { name: string; file: string; rows: number; columns: string[]; primaryKey: string[]; sha256: string }[];
  files: { path: string; size: number; sha256: string }[];
}

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  manifest: Manifest;
  bytes: number;
}

export const filesDir = (dataDir: string) => path.join(dataDir, 'files');

export async function backup(database: Database, opts: { file: string; dataDir: string }): Promise<BackupResult> {
  const target = path.resolve(opts.file);
  if (fs.existsSync(target)) throw new BackupError(`Tệp ${target} đã có: chọn tên khác (sao lưu không ghi đè).`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-backup-'));
  const partial = `${target}.partial-${process.pid}`;
  try {
    const dump = async (tx: Db) => {
      const migrations = await appliedMigrations(tx);
      if (!migrations.length) throw new BackupError('Cơ sở dữ liệu chưa có dữ liệu (chưa migrate): không có gì để sao lưu.');
      const { order } = dependencyOrder(await listTables(tx));
      const tables: Manifest['tables'] = [];
      for (const [i, t] of order.entries()) {
        const file = `tables/${String(i + 1).padStart(3, '0')}-${t.name}.jsonl`;
        const local = path.join(work, `${i}.jsonl`);
        const fd = fs.openSync(local, 'w');
        const hash = crypto.createHash('sha256');
        let rows = 0;
        for await (const page of tableRows(tx, t)) {
          const text = page.join('\n') + '\n';
          hash.update(text);
          fs.writeSync(fd, text);
          rows += page.length;
        }
        fs.closeSync(fd);
        tables.push({ name: t.name, file, rows, columns: t.columns, primaryKey: t.primaryKey, sha256: hash.digest('hex') });
      }
      return { migrations, tables };
    };
    const { migrations, tables } =
      database.kind === 'postgres'
        ? await database.db.transaction(dump, { isolationLevel: 'repeatable read', accessMode: 'read only' })
        : await database.db.transaction(dump);

    const root = filesDir(opts.dataDir);
    const files: Manifest['files'] = [];
    for (const rel of walk(root)) {
      const abs = path.join(root, rel);
      files.push({ path: rel, size: fs.statSync(abs).size, sha256: await sha256File(abs) });
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: database.kind,
      migrations,
      tables,
      files,
    };
    const tar = new TarGzWriter(partial);
    await tar.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
    for (const [i, t] of tables.entries()) await tar.addFile(t.file, path.join(work, `${i}.jsonl`));
    for (const f of files) await tar.addFile(`files/${f.path}`, path.join(root, f.path));
    await tar.close();
    fs.renameSync(partial, target);
    return { file: target, manifest, bytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

/** Relative paths (with /) of the regular files under a folder, sorted. */
export function walk(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const go = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) go(abs);
      else if (e.isFile()) out.push(path.relative(root, abs).split(path.sep).join('/'));
    }
  };
  go(root);
  return out.sort();
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
