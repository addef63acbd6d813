import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../src/db/client';
import { listTables, tableRows } from '../src/modules/backup';
import { adminUrl, createPgDatabase, dropPgDatabase, TEST_PASSWORD, withDatabase } from './db';

/**
 * Generic comparison of two databases: every table (read from the catalogue, so tables that
 * modules add later are included), every row, timestamps compared as instants.
 * Keys keep their order in JSON.stringify because row_to_json writes columns in table order.
 */
export async function snapshotTables(db: Database['db']): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await listTables(db)) {
    const rows: unknown[] = [];
    for await (const page of tableRows(db, t)) for (const line of page) rows.push(normalise(JSON.parse(line)));
    // Compared as sets: a restore keeps the physical order except where it fills forward references.
    out[t.name] = rows
      .map((r) => JSON.stringify(r))
      .sort()
      .map((r) => JSON.parse(r));
  }
  return out;
}

const TS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?([+-]\d\d(?::?\d\d)?|Z)$/;
function normalise(v: unknown): unknown {
  if (typeof v === 'string') {
    const m = v.match(TS);
    if (!m) return v;
    const offset = m[3] === 'Z' ? 'Z' : m[3].length === 3 ? `${m[3]}:00` : m[3];
    return `${new Date(`${m[1]}${offset}`).toISOString().slice(0, 19)}${(m[2] ?? '.').padEnd(7, '0')}Z`;
  }
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

/** The API reads a restored system must answer identically (as admin; inspector for audit). */
export async function apiReads(app: FastifyInstance): Promise<Record<string, unknown>> {
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username} ${res.statusCode} ${res.body}`);
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };
  const admin = await login('admin');
  const get = async (url: string, cookie = admin) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as unknown };
  };
  const out: Record<string, unknown> = {};
  const orgs = await get('/api/orgs?pageSize=500');
  out.orgs = orgs;
  for (const o of ((orgs.body as { items: { id: string }[] }).items ?? []).slice(0, 10))
    out[`org ${o.id}`] = await get(`/api/orgs/${o.id}`);
  out.lookup = await get('/api/orgs/lookup?name=so%20ngoai%20vu');
  out.groups = await get('/api/org-groups');
  const users = await get('/api/users');
  // The admin's last-login time changed with this very login: compare the rest.
  out.users = (users.body as { items: Record<string, unknown>[] }).items.map(({ lastLoginAt: _, ...u }) => u);
  // Audit, before this comparison's own logins (entries up to the backup's last id).
  const audit = (await get('/api/audit?pageSize=500', await login('thanhtra'))).body as { items: { action: string; entity: string }[] };
  out.audit = audit.items.filter((e) => !(e.action === 'login' && e.entity === 'session'));
  return out;
}

/** A new, empty database of the kind the suite runs on. */
export async function emptyDatabase(): Promise<Database & { url?: string }> {
  const url = adminUrl();
  if (!url) return openDatabase({});
  const name = `ttdn_e_${crypto.randomBytes(5).toString('hex')}`;
  await createPgDatabase(url, name);
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 3 });
  return {
    ...database,
    url: dbUrl,
    close: async () => {
      await database.close();
      await dropPgDatabase(url, name);
    },
  };
}
