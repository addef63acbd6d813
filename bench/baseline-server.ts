/**
 * The baselines of the API benchmarks, on the same machine, same database, same driver:
 * a bare Fastify answering a constant, and bare Fastify routes running the hand-written SQL
 * equivalent of each measured API call (no session, no access rule, no zod, no audit).
 * Started by bench/run.ts as a child process (DATA_DIR or DATABASE_URL, PORT); prints its URL.
 */
import crypto from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../src/db/client';
import { verify } from '@node-rs/argon2';
import { fold } from '../src/shared/text/fold';
import { moduleBaselines } from './baseline-modules';

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : process.env.DATA_DIR,
});
const db = database.db;
const app = Fastify({ logger: false, bodyLimit: 30 * 1024 * 1024 });
const q = async <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

app.get('/const', async () => ({ ok: true }));

async function orgPage(where: ReturnType<typeof sql>) {
  const [items, [{ total }]] = await Promise.all([
    q<{ id: string }>(sql`SELECT * FROM orgs o WHERE ${where} ORDER BY name ASC, name ASC LIMIT 50 OFFSET 0`),
    q<{ total: number }>(sql`SELECT count(*)::int AS total FROM orgs o WHERE ${where}`),
  ]);
  const ids = items.map((r) => r.id);
  const aliases = ids.length ? await q(sql`SELECT * FROM org_aliases WHERE org_id IN ${sql.raw(`('${ids.join("','")}')`)}`) : [];
  return { items, aliases, total };
}

app.get('/sql/orgs', async () => orgPage(sql`true`));
app.get<{ Querystring: { q: string } }>('/sql/orgs-search', async (req) => {
  const f = `%${fold(req.query.q)}%`;
  return orgPage(sql`(o.search_text LIKE ${f} OR EXISTS (SELECT 1 FROM org_aliases a WHERE a.org_id = o.id AND a.folded LIKE ${f}))`);
});
app.get<{ Querystring: { name: string } }>('/sql/lookup', async (req) => {
  const f = fold(req.query.name);
  return q(sql`
    WITH names AS (
      SELECT o.id, o.name AS matched, ttdn_fold(o.name) AS f FROM orgs o
      UNION ALL SELECT o.id, o.short_name, ttdn_fold(o.short_name) FROM orgs o
      UNION ALL SELECT o.id, a.alias, a.folded FROM org_aliases a JOIN orgs o ON o.id = a.org_id
    ), scored AS (SELECT id, matched, CASE WHEN f = ${f} THEN 1.0 ELSE similarity(f, ${f}) END AS score FROM names),
    best AS (SELECT DISTINCT ON (id) id, matched, score FROM scored ORDER BY id, score DESC)
    SELECT o.id, o.name, o.short_name, o.kind, b.score::float8 AS score, b.matched FROM best b JOIN orgs o ON o.id = b.id
    WHERE b.score > 0.2 ORDER BY b.score DESC, o.name LIMIT 5`);
});
app.get('/sql/audit', async () => {
  const [items, [{ total }]] = await Promise.all([
    q(sql`SELECT * FROM audit_log ORDER BY id DESC LIMIT 50`),
    q<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log`),
  ]);
  return { items, total };
});
app.get('/sql/me', async (req, reply) => {
  const token = /ttdn_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
  const [row] = await q(
    sql`SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${sha256(token)} AND s.expires_at > now() AND u.active`,
  );
  return row ?? reply.status(401).send({});
});
app.post<{ Body: { username: string; password: string } }>('/sql/login', async (req, reply) => {
  const [user] = await q<{ id: string; password_hash: string }>(
    sql`SELECT id, password_hash FROM users WHERE username = ${req.body.username}`,
  );
  if (!user || !(await verify(user.password_hash, req.body.password))) return reply.status(401).send({});
  const token = crypto.randomBytes(32).toString('base64url');
  await q(
    sql`INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES (${sha256(token)}, ${user.id}, 'x', now() + interval '1 hour')`,
  );
  return { ok: true };
});

moduleBaselines(app, db, q);

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`baseline at http://localhost:${(app.server.address() as { port: number }).port}`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
