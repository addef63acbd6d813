import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { loadDemo } from '../src/demo/load-demo';
import { backup, BackupError, restore, rowCounts, type Manifest } from '../src/modules/backup';
import { entryText, readTarGz, TarGzWriter } from '../src/modules/backup/tar';
import { buildApp } from '../src/server/app';
import { createTestContext, testConfig, type TestContext } from './context';
import { adminUrl, createPgDatabase, dropPgDatabase, TEST_PASSWORD, withDatabase } from './db';
import { apiReads, emptyDatabase, snapshotTables } from './db-compare';
import { runTtdn } from './processes';

/**
 * Backup and restore (issue 7): a restored system holds the same rows in every table and
 * answers the same API reads; a bad, newer or partial file changes nothing.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-backup-test-'));
let ctx: TestContext;
let file: string;
/** The source's rows at backup time (the API comparisons below log in, which writes). */
let sourceRows: Record<string, unknown[]>;
const dataDir = path.join(tmp, 'source');

async function appOn(database: Database) {
  const app = await buildApp({ database, config: testConfig() }, { logger: false });
  await app.ready();
  return app;
}

beforeAll(async () => {
  ctx = await createTestContext();
  // Some changes of every kind the API makes today, so that the audit log, aliases, users and
  // sequences hold more than the demo data.
  const admin = await ctx.login('admin');
  for (let i = 0; i < 3; i++) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: `Ban Sao lưu ${i}`, kind: 'department', aliases: [`BSL${i}`, `Sao luu ${i}`] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json();
    const put = await admin.request({
      method: 'PUT',
      url: `/api/orgs/${org.id}`,
      payload: { name: `Ban Sao lưu ${i} (mới)`, kind: 'department', aliases: [`BSL${i}`], version: org.version },
    });
    expect(put.statusCode, put.body).toBe(200);
  }
  const user = await admin.request({
    method: 'POST',
    url: '/api/users',
    payload: { username: 'sao.luu', password: 'Mat-khau-2026-x', role: 'leader' },
  });
  expect(user.statusCode, user.body).toBe(201);
  // An attachment file, with a nested path and a long name (pax header in the archive).
  const nested = path.join(dataDir, 'files', 'press', '2026', `${'tệp-đính-kèm-'.repeat(8)}.pdf`);
  fs.mkdirSync(path.dirname(nested), { recursive: true });
  fs.writeFileSync(nested, Buffer.from([0, 1, 2, 255, 254, 10, 13]));
  fs.writeFileSync(path.join(dataDir, 'files', 'a.txt'), 'xin chào\n');
  file = path.join(tmp, 'backup.tar.gz');
  await backup(ctx.database, { file, dataDir });
  sourceRows = await snapshotTables(ctx.database.db);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function roundTrip(source: Database, sourceFile: string, label: string, rows: Record<string, unknown[]>) {
  const target = await emptyDatabase();
  const targetDir = path.join(tmp, `target-${label}`);
  try {
    const r = await restore(target, { file: sourceFile, dataDir: targetDir });
    expect(r.files).toBe(2);
    expect(await snapshotTables(target.db)).toEqual(rows);
    const [a, b] = [await appOn(source), await appOn(target)];
    try {
      expect(await apiReads(b)).toEqual(await apiReads(a));
      // Sequences were reset: the restored system writes new audit rows without a clash.
      const login = await b.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: TEST_PASSWORD } });
      expect(login.statusCode).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
    expect(fs.readFileSync(path.join(targetDir, 'files', 'a.txt'), 'utf8')).toBe('xin chào\n');
    return target;
  } catch (err) {
    await target.close();
    throw err;
  }
}

describe(`backup and restore (${adminUrl() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('writes a portable archive: manifest first, one JSON-lines file per table, the attachments', async () => {
    const names: string[] = [];
    let manifest: Manifest | null = null;
    for await (const e of readTarGz(file)) {
      names.push(e.name);
      if (e.name === 'manifest.json') manifest = JSON.parse(await entryText(e));
    }
    expect(names[0]).toBe('manifest.json');
    expect(manifest!.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['orgs', 'org_aliases', 'users', 'audit_log', 'sessions']));
    // Dependency order: a table comes after the tables it references.
    const pos = (n: string) => manifest!.tables.findIndex((t) => t.name === n);
    expect(pos('orgs')).toBeLessThan(pos('org_aliases'));
    expect(pos('users')).toBeLessThan(pos('sessions'));
    expect(names.filter((n) => n.startsWith('files/'))).toHaveLength(2);
    expect(manifest!.migrations.length).toBeGreaterThan(0);
  });

  it('restores into an empty database of the same kind: same rows in every table, same API answers, the files', async () => {
    const target = await roundTrip(ctx.database, file, 'same', sourceRows);
    await target.close();
  });

  it('refuses a non-empty database without --force, replaces it with --force', async () => {
    const target = await emptyDatabase();
    try {
      await restore(target, { file, dataDir: path.join(tmp, 'force') });
      await expect(restore(target, { file, dataDir: path.join(tmp, 'force') })).rejects.toThrow(/--force/);
      await restore(target, { file, dataDir: path.join(tmp, 'force'), force: true });
      expect(await snapshotTables(target.db)).toEqual(sourceRows);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup from a newer schema, and a corrupt one changes nothing (one transaction)', async () => {
    const future = path.join(tmp, 'future.tar.gz');
    const corrupt = path.join(tmp, 'corrupt.tar.gz');
    const w1 = new TarGzWriter(future);
    const w2 = new TarGzWriter(corrupt);
    for await (const e of readTarGz(file)) {
      if (e.name === 'manifest.json') {
        const m = JSON.parse(await entryText(e)) as Manifest;
        await w1.addBuffer(e.name, Buffer.from(JSON.stringify({ ...m, migrations: [...m.migrations, '9999_from_the_future'] })));
        await w2.addBuffer(e.name, Buffer.from(JSON.stringify(m)));
        continue;
      }
      const body = Buffer.from(await entryText(e));
      // The last table's rows are altered: its checksum no longer matches, after every other table was loaded.
      await w2.addBuffer(e.name, e.name.includes('audit_log') ? Buffer.from(body.toString().replace(/"admin"/g, '"mallory"')) : body);
    }
    await w1.close();
    await w2.close();
    const target = await emptyDatabase();
    try {
      await expect(restore(target, { file: future, dataDir: path.join(tmp, 'f') })).rejects.toThrow(/mới hơn/);
      expect(await rowCounts(target.db)).toEqual({});
      await restore(target, { file, dataDir: path.join(tmp, 'f') });
      const before = await snapshotTables(target.db);
      const err = await restore(target, { file: corrupt, dataDir: path.join(tmp, 'f'), force: true }).catch((e) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect(String(err.message)).toContain('audit_log');
      expect(await snapshotTables(target.db)).toEqual(before);
      // A truncated file too.
      const cut = path.join(tmp, 'cut.tar.gz');
      fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size * 0.6)));
      const cutErr = await restore(target, { file: cut, dataDir: path.join(tmp, 'f'), force: true }).catch((e) => e);
      expect(cutErr).toBeInstanceOf(BackupError);
      expect(String(cutErr.message)).toMatch(/bị cắt cụt hoặc hỏng: không giải nén được .*Cơ sở dữ liệu không thay đổi gì/);
      expect(await snapshotTables(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('ttdn backup and ttdn restore on the command line', async () => {
    const env: Record<string, string> = { DATA_DIR: path.join(tmp, 'cli') };
    let pgName: string | undefined;
    if (adminUrl()) {
      pgName = `ttdn_bkcli_${process.pid}`;
      await createPgDatabase(adminUrl()!, pgName);
      env.DATABASE_URL = withDatabase(adminUrl()!, pgName);
    }
    try {
      const r = await runTtdn(['restore', file], env);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Đã khôi phục');
      const again = await runTtdn(['restore', file], env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('--force');
      const out = path.join(tmp, 'cli-backup.tar.gz');
      const b = await runTtdn(['backup', out], env);
      expect(b.stderr).toBe('');
      expect(b.code).toBe(0);
      const sums = async (f: string) => {
        for await (const e of readTarGz(f))
          if (e.name === 'manifest.json') return (JSON.parse(await entryText(e)) as Manifest).tables.map((t) => [t.name, t.rows]);
      };
      // The same tables and row counts after a trip through the command line (rows: see the round trip above).
      expect(await sums(out)).toEqual(await sums(file));
    } finally {
      if (pgName) await dropPgDatabase(adminUrl()!, pgName);
    }
  }, 120_000);

  if (adminUrl()) {
    it('moves an embedded database to PostgreSQL (PGlite backup → ttdn restore with DATABASE_URL)', async () => {
      const source = await openDatabase({});
      try {
        await migrate(source.db);
        await loadDemo(source.db, { password: TEST_PASSWORD });
        const embedded = path.join(tmp, 'embedded.tar.gz');
        fs.mkdirSync(path.join(tmp, 'emb', 'files', 'press', '2026'), { recursive: true });
        fs.writeFileSync(path.join(tmp, 'emb', 'files', 'a.txt'), 'xin chào\n');
        fs.writeFileSync(path.join(tmp, 'emb', 'files', 'press', '2026', 'b.bin'), Buffer.from([1, 2, 3]));
        const r = await backup(source, { file: embedded, dataDir: path.join(tmp, 'emb') });
        expect(r.manifest.database).toBe('pglite');
        const target = await roundTrip(source, embedded, 'pg', await snapshotTables(source.db));
        expect(target.kind).toBe('postgres');
        await target.close();
      } finally {
        await source.close();
      }
    }, 60_000);
  }
});
