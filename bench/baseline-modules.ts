/**
 * Baselines of the module calls (plan page, reporting dashboard, consolidated export, report save,
 * plan import upload, article search): bare Fastify routes running the same reads or writes as
 * the API call, hand-written, through the same driver, returning the rows as JSON (no session,
 * access rule, zod, assembly in JavaScript, or document building). Registered by baseline-server.ts.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../src/db/client';
import { fold } from '../src/shared/text/fold';

type Query = <T = Record<string, unknown>>(s: SQL) => Promise<T[]>;
interface Period {
  id: string;
  plan_id: string | null;
}

/** What the completeness dashboard reads: the period, the directory, the plan's tasks and roles, the period's reports (entry statuses). */
async function dashboardRows(q: Query, id: string) {
  const [period] = await q<Period>(sql`SELECT * FROM report_periods WHERE id = ${id}`);
  const planId = period?.plan_id ?? null;
  const [orgs, groups, members, successors, plan, tasks, roles, received] = await Promise.all([
    q(sql`SELECT id, name, short_name, kind, valid_from, valid_to FROM orgs ORDER BY name`),
    q(sql`SELECT * FROM org_groups`),
    q(sql`SELECT * FROM org_group_members`),
    q(sql`SELECT * FROM org_successors`),
    q(sql`SELECT issued_on, year_from FROM plans WHERE id = ${planId}`),
    q(sql`SELECT id, code, title, time_to FROM plan_tasks WHERE plan_id = ${planId} ORDER BY position`),
    q(
      sql`SELECT o.task_id, o.role, o.org_id, o.group_key FROM task_orgs o JOIN plan_tasks t ON t.id = o.task_id WHERE t.plan_id = ${planId} ORDER BY o.position`,
    ),
    q(sql`
      SELECT id, org_id, status, first_submitted_at, submitted_at,
             coalesce((SELECT jsonb_agg(jsonb_build_object('taskId', e->>'taskId', 'status', e->>'status', 'completedOn', e->>'completedOn')) FROM jsonb_array_elements(entries) e), '[]'::jsonb) AS entries
      FROM reports WHERE period_id = ${id}`),
  ]);
  return { period, orgs, groups, members, successors, plan, tasks, roles, received };
}

export function moduleBaselines(app: FastifyInstance, db: Db, q: Query) {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 25 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  // The plan page: the plan, its tasks in order, their organisations (with directory names), targets, group names, owner.
  app.get<{ Params: { id: string } }>('/sql/plans/:id', async (req) => {
    const id = req.params.id;
    const [[plan], tasks, roles, targets, groups] = await Promise.all([
      q<{ org_id: string | null }>(sql`SELECT * FROM plans WHERE id = ${id}`),
      q(sql`SELECT * FROM plan_tasks WHERE plan_id = ${id} ORDER BY position`),
      q(
        sql`SELECT r.*, o.name AS org_name FROM task_orgs r JOIN plan_tasks t ON t.id = r.task_id LEFT JOIN orgs o ON o.id = r.org_id WHERE t.plan_id = ${id} ORDER BY r.position`,
      ),
      q(sql`SELECT x.* FROM task_targets x JOIN plan_tasks t ON t.id = x.task_id WHERE t.plan_id = ${id}`),
      q(sql`SELECT key, name, open FROM org_groups`),
    ]);
    const [owner] = await q(sql`SELECT name FROM orgs WHERE id = ${plan?.org_id ?? null}`);
    return { plan, owner, tasks, roles, targets, groups };
  });

  app.get<{ Params: { id: string } }>('/sql/dashboard/:id', async (req) => dashboardRows(q, req.params.id));

  // The consolidated report: the dashboard's reads, plus the accepted reports whole, the catalogue, the saved narrative, settings.
  app.get<{ Params: { id: string } }>('/sql/consolidated/:id', async (req) => {
    const id = req.params.id;
    const dash = await dashboardRows(q, id);
    const [accepted, indicators, saved, settings] = await Promise.all([
      q(
        sql`SELECT r.org_id, o.name AS org_name, r.entries, r.difficulties, r.proposals, r.answers FROM reports r JOIN orgs o ON o.id = r.org_id WHERE r.period_id = ${id} AND r.status = 'accepted'`,
      ),
      q(sql`SELECT * FROM report_indicators ORDER BY position, code`),
      q(sql`SELECT * FROM consolidated_reports WHERE period_id = ${id}`),
      q(sql`SELECT * FROM settings`),
    ]);
    return { ...dash, accepted, indicators, saved, settings };
  });

  // Report autosave: the versioned UPDATE and its audit record, in one transaction.
  app.put<{
    Params: { id: string };
    Body: { version: number; entries: unknown[]; answers: string[]; difficulties: string; proposals: string };
  }>('/sql/reports/:id', async (req, reply) => {
    const b = req.body;
    return db.transaction(async (tx) => {
      const [row] = rowsOf<{ version: number; updated_at: string }>(
        await tx.execute(sql`
        UPDATE reports SET entries = ${JSON.stringify(b.entries)}::jsonb, answers = ${JSON.stringify(b.answers)}::jsonb, difficulties = ${b.difficulties}, proposals = ${b.proposals},
               version = version + 1, updated_at = now()
        WHERE id = ${req.params.id} AND version = ${b.version} RETURNING version, updated_at`),
      );
      if (!row) return reply.status(409).send({ code: 'report.version_conflict' });
      await tx.execute(sql`
        INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after, ip)
        VALUES (NULL, 'bench', 'save_draft', 'report', ${req.params.id}, ${JSON.stringify({ version: b.version })}::jsonb, ${JSON.stringify({ version: row.version, entries: b.entries.length })}::jsonb, '127.0.0.1')`);
      return { version: row.version, updatedAt: new Date(row.updated_at).toISOString() };
    });
  });

  // Plan import: the same upload received by the bare framework, answered with its size (there is no SQL to compare with).
  app.post('/sql/upload', async (req) => ({ size: (req.body as Buffer).length }));

  // Article search for a phrase: its adjacent syllable pairs in `search_pairs` (as the product looks a phrase up, migration 0006),
  // the latest 20 hits with what the list shows, and the total capped at 1,000.
  app.get<{ Querystring: { q: string } }>('/sql/articles', async (req) => {
    const s = fold(req.query.q)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const pairs = s
      .slice(1)
      .map((w, i) => `${s[i]}_${w}`)
      .join(' & ');
    const [items, [{ n }]] = await Promise.all([
      q(sql`
        SELECT a.id, a.title, left(a.text, 20000) AS text, a.outlet, a.url, a.published_at, a.language, a.country, a.tone, a.story_id, s.appearances
        FROM press_articles a LEFT JOIN press_stories s ON s.id = a.story_id
        WHERE a.search_pairs @@ ${pairs}::tsquery ORDER BY a.published_at DESC, a.id LIMIT 20`),
      q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM press_articles a WHERE a.search_pairs @@ ${pairs}::tsquery LIMIT 1001) x`,
      ),
    ]);
    return { items, total: Math.min(n, 1000) };
  });
}
