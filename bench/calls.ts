/**
 * The API calls `npm run bench` measures, each with its baseline route (bench/baseline-server.ts),
 * and the fixture they need from the generated database: which plan, which period, which draft
 * reports (with sessions of their organisations' officers) and the plan file to upload.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../src/db/client';
import type { DynamicRequest } from './lib/measure';

export const PASSWORD = 'Bench-password-1';
/** The admin's session: one cookie shared by the API and the baselines; `bench` is its CSRF token. */
export const TOKEN = 'bench-session-token';
const CSRF = 'bench';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SEED_PLAN = 'ke-hoach-ttdn-quang-tri-2023.md';

interface Draft {
  id: string;
  version: number;
  token: string;
  entries: string;
  /** Sent, answer not seen yet. */
  sent?: boolean;
  /** Version unknown (answer cut off at the end of a run, or refused): not used again. */
  lost?: boolean;
}

export interface Fixture {
  planId: string;
  periodId: string;
  periodTitle: string;
  drafts: Draft[];
  /** Rows in the main tables, for the report. */
  counts: Record<string, number>;
}

export interface Call {
  name: string;
  api: string;
  sql: string;
  method?: 'POST' | 'PUT';
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Fewer connections than the others (calls taking about a second of CPU: the same throughput, meaningful latencies). */
  connections?: number;
  /** Sent without the admin's session (a login with a session cookie would end that session). */
  anonymous?: boolean;
  /** Per-request set-up (paths, sessions and versions that change): given the URL prefix of the API or the baseline. */
  requests?: (prefix: 'api' | 'sql') => () => DynamicRequest[];
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Sessions for the admin and for the officers owning draft reports; the plan, period and drafts measured. */
export async function loadFixture(db: Db): Promise<Fixture> {
  await db.execute(sql`
    INSERT INTO sessions (id, user_id, csrf_token, expires_at) SELECT ${sha256(TOKEN)}, id, ${CSRF}, now() + interval '1 day' FROM users WHERE username = 'admin'
    ON CONFLICT (id) DO NOTHING`);
  // The plan page of the last complete year (or the latest plan), and that year's annual period (or the latest closed one).
  const year = new Date().getFullYear() - 1;
  const [plan] = rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id FROM plans WHERE parent_plan_id IS NULL ORDER BY (year_from = ${year}) DESC, year_from DESC, created_at DESC LIMIT 1`,
    ),
  );
  const [period] = rowsOf<{ id: string; title: string }>(
    await db.execute(sql`
      SELECT p.id, p.title FROM report_periods p
      ORDER BY (p.status = 'closed') DESC, (SELECT count(*) FROM reports r WHERE r.period_id = p.id AND r.status = 'accepted') > 0 DESC, p.deadline DESC LIMIT 1`),
  );
  // Draft reports in open periods whose organisation has an officer: each gets a session.
  const rows = rowsOf<{ id: string; version: number; entries: unknown; user_id: string }>(
    await db.execute(sql`
      SELECT DISTINCT ON (r.id) r.id, r.version, r.entries, u.id AS user_id
      FROM reports r JOIN report_periods p ON p.id = r.period_id JOIN users u ON u.org_id = r.org_id AND u.role = 'officer' AND u.active
      WHERE r.status = 'draft' AND p.status = 'open' ORDER BY r.id, u.username`),
  );
  const drafts: Draft[] = [];
  for (const [i, r] of rows.entries()) {
    const token = `bench-officer-${i}`;
    await db.execute(
      sql`INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES (${sha256(token)}, ${r.user_id}, ${CSRF}, now() + interval '1 day') ON CONFLICT (id) DO NOTHING`,
    );
    drafts.push({ id: r.id, version: r.version, token, entries: typeof r.entries === 'string' ? r.entries : JSON.stringify(r.entries) });
  }
  if (!plan || !period) throw new Error('bench: the generated data has no plan or no reporting period');
  const tables = ['orgs', 'plans', 'plan_tasks', 'report_periods', 'reports', 'activities', 'press_articles', 'audit_log'];
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql.raw(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`)),
  );
  return { planId: plan.id, periodId: period.id, periodTitle: period.title, drafts, counts };
}

/**
 * Autosaves spread over the draft reports: each request takes a free draft with the version its
 * last save returned and gives it back with the new one. A draft whose answer was cut off at the
 * end of a run (or refused) has an unknown version: it is not used again. The state is on the
 * drafts, shared by every run of the API and of its baseline.
 */
function saveRequests(drafts: Draft[], prefix: 'api' | 'sql') {
  let free: Draft[] = [];
  return (): DynamicRequest[] => {
    for (const d of drafts) if (d.sent) d.lost = true;
    free = drafts.filter((d) => !d.lost);
    return [
      {
        setupRequest(req, context) {
          const d = free.shift();
          if (!d) throw new Error('bench: no draft report left to save (more drafts needed: fewer connections or more organisations)');
          d.sent = true;
          context.draft = d;
          return {
            ...req,
            method: 'PUT',
            path: `/${prefix}/reports/${d.id}`,
            headers: { ...req.headers, cookie: `ttdn_session=${d.token}`, 'x-csrf-token': CSRF, 'content-type': 'application/json' },
            body: `{"version":${d.version},"entries":${d.entries},"answers":[],"difficulties":"","proposals":"Đề nghị bổ sung kinh phí cho năm sau."}`,
          };
        },
        onResponse(status, body, context) {
          const d = context.draft as Draft;
          d.sent = false;
          if (status >= 200 && status < 300) {
            d.version = (JSON.parse(body) as { version: number }).version;
            free.push(d);
          } else d.lost = true;
        },
      },
    ];
  };
}

export function buildCalls(f: Fixture): Call[] {
  const q = (s: string) => encodeURIComponent(s);
  const seed = fs.readFileSync(path.join(ROOT, 'src/modules/plans/import/fixtures', SEED_PLAN));
  const write = { 'x-csrf-token': CSRF };
  return [
    { name: 'org list (page of 50)', api: '/api/orgs', sql: '/sql/orgs' },
    { name: 'org search (q=sở)', api: `/api/orgs?q=${q('sở')}`, sql: `/sql/orgs-search?q=${q('sở')}` },
    { name: 'org lookup (trigram)', api: `/api/orgs/lookup?name=${q('So TTTT')}`, sql: `/sql/lookup?name=${q('So TTTT')}` },
    { name: 'audit list (page of 50)', api: '/api/audit', sql: '/sql/audit' },
    { name: '/api/auth/me', api: '/api/auth/me', sql: '/sql/me' },
    {
      name: 'login (argon2id)',
      api: '/api/auth/login',
      sql: '/sql/login',
      method: 'POST',
      body: JSON.stringify({ username: 'lanhdao', password: PASSWORD }),
      anonymous: true,
    },
    { name: 'plan page (plan + 60 tasks, roles)', api: `/api/plans/${f.planId}`, sql: `/sql/plans/${f.planId}` },
    { name: 'reporting dashboard (period)', api: `/api/report-periods/${f.periodId}/dashboard`, sql: `/sql/dashboard/${f.periodId}` },
    {
      name: 'consolidated report .docx ¹',
      api: `/api/report-periods/${f.periodId}/consolidated.docx`,
      sql: `/sql/consolidated/${f.periodId}`,
      connections: 2,
    },
    { name: 'article search (q=quang tri)', api: `/api/press/articles?q=${q('quang tri')}`, sql: `/sql/articles?q=${q('quang tri')}` },
    {
      name: `plan import, parse only (${Math.round(seed.length / 1024)} KB .md) ²`,
      api: `/api/plans/import?filename=${SEED_PLAN}`,
      sql: '/sql/upload',
      method: 'POST',
      body: seed,
      headers: { ...write, 'content-type': 'application/octet-stream' },
      connections: 2,
    },
    // Last: it writes (report versions, audit records).
    { name: 'report save (officer autosave) ³', api: '', sql: '', method: 'PUT', requests: (prefix) => saveRequests(f.drafts, prefix) },
  ];
}
