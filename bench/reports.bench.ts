/**
 * Benchmark of the reporting cycle (not a timed test).
 * Run: node bin/run-ts.js bench/reports.bench.ts   (PGlite in memory)
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bin/run-ts.js bench/reports.bench.ts
 *        (creates and drops a scratch database `ttdn_bench_<pid>` on that server)
 * A generated province: 120 organisations, 10 yearly plans of 60 tasks (lead, advisory and
 * group-phrase roles), 10 years of six-month and annual periods, ~90 % of the owed reports
 * sent and accepted with figures. Prints the dashboard p50/p95 and the consolidated .docx
 * time, with the machine, and the ratio to a baseline measured in the same run: the
 * hand-written SQL count of the period's reports by status.
 * Targets (issue 4, 2-core machine, PostgreSQL): dashboard p95 < 100 ms, .docx < 2 s.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rowsOf, type Database } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service';
import { GROUP_PHRASES } from '../src/modules/orgs/group-phrases';
import { orgGroups, orgs } from '../src/modules/orgs/orgs.tables';
import { insertPlan } from '../src/modules/plans/plan-store';
import { planInput } from '../src/modules/plans/plans.schemas';
import { buildConsolidated } from '../src/modules/reports/consolidated.service';
import { periodDashboard } from '../src/modules/reports/dashboard.service';
import { expectedOrgs } from '../src/modules/reports/expected';
import { buildConsolidatedDocx } from '../src/modules/reports/export/consolidated-docx';
import { ensureDefaultIndicators } from '../src/modules/reports/indicators';
import { generatePeriods } from '../src/modules/reports/periods.service';
import { reportPeriods, reports, type ReportEntry } from '../src/modules/reports/reports.tables';
import { fold } from '../src/shared/text/fold';

const ORGS = 120;
const TASKS = 60;
const YEARS = 10;
const FIRST_YEAR = 2016;

async function open(): Promise<{ database: Database; cleanup: () => Promise<void>; where: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openDatabase({}), cleanup: async () => {}, where: 'PGlite (in memory)' };
  const name = `ttdn_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  const version = rowsOf<{ v: string }>(await database.db.execute(sql`SELECT current_setting('server_version') AS v`))[0].v;
  return {
    database,
    where: `PostgreSQL ${version} (${url.replace(/\/\/[^@]*@/, '//')})`,
    cleanup: async () => {
      database.pool?.on('error', () => {});
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const { database, cleanup, where } = await open();
const db = database.db;
const t0 = performance.now();
await migrate(db);
await ensureDefaultIndicators(db);
for (const g of GROUP_PHRASES)
  await db.insert(orgGroups).values({ key: g.key, name: g.name, phrases: g.phrases, kinds: g.kinds, open: g.open });

// 120 organisations: the province, 64 departments, 45 districts, 10 press; a few end mid-way (merged).
const kindOf = (i: number) => (i === 0 ? 'province' : i <= 64 ? 'department' : i <= 109 ? 'district' : 'press');
const orgRows = await db
  .insert(orgs)
  .values(
    Array.from({ length: ORGS }, (_, i) => {
      const name = i === 0 ? 'UBND tỉnh Mẫu' : `${kindOf(i) === 'district' ? 'UBND huyện' : kindOf(i) === 'press' ? 'Báo' : 'Sở'} Số ${i}`;
      return { name, shortName: name, kind: kindOf(i), searchText: fold(name), validTo: i % 40 === 7 ? '2021-06-30' : null };
    }),
  )
  .returning({ id: orgs.id, kind: orgs.kind });
const ids = orgRows.map((o) => o.id);

// 10 yearly plans of 60 tasks: 2 named leads, sometimes an adviser, coordinating by group phrase.
const entry = (i: number) => ({ name: `Org ${i}`, orgId: ids[i], raw: `Org ${i}` });
const group = (key: string) => ({ name: key, orgId: null, raw: key, group: key });
for (let y = 0; y < YEARS; y++) {
  const year = FIRST_YEAR + y;
  const tasks = Array.from({ length: TASKS }, (_, k) => ({
    code: String(k + 1),
    parent: null,
    title: `Nhiệm vụ ${k + 1} năm ${year}`,
    content: ['Nội dung'],
    time: { label: `Cả năm ${year}`, from: `${year}-01-01`, to: k % 10 === 3 ? `${year}-03-31` : `${year}-12-31` },
    lead: [entry(1 + ((k * 7) % 119)), entry(1 + ((k * 13 + 5) % 119))],
    advisory: k % 5 === 0 ? [entry(1 + ((k * 3) % 64))] : [],
    coordinating: [
      k % 3 === 0 ? group('departments') : k % 3 === 1 ? group('districts') : group('provincial_press'),
      entry(1 + ((k * 11) % 119)),
    ],
    targets: [],
    notes: [],
  }));
  const input = planInput.parse({
    document: {
      kind: 'KẾ HOẠCH',
      number: null,
      numberCode: 'KH-UBND',
      issuer: 'UBND tỉnh Mẫu',
      place: 'Mẫu',
      issuedOn: `${year}-01-05`,
      title: `Kế hoạch TTĐN năm ${year}`,
      yearFrom: year,
      yearTo: year,
      signer: null,
      signerTitle: [],
    },
    tasks,
    reporting: {
      deadlines: [
        { day: 25, month: 5 },
        { day: 25, month: 11 },
      ],
      adHoc: true,
      text: [],
    },
  });
  const planId = await insertPlan(db, input, { status: 'issued', createdBy: null, orgId: ids[0] });
  await generatePeriods(db, planId, null, SYSTEM_ACTOR);
}

// Reports: ~90 % of the owed ones, accepted (some late), with figures and text.
const periods = await db.select().from(reportPeriods);
let reportCount = 0;
let entryCount = 0;
for (const p of periods) {
  const expected = await expectedOrgs(db, p);
  const values = expected
    .filter((_, i) => i % 10 !== 9)
    .map((e, i) => {
      const entries: ReportEntry[] = e.tasks.map((t, k) => ({
        taskId: t.taskId,
        status: (['in_progress', 'done', 'not_started', 'delayed'] as const)[(i + k) % 4],
        completedOn: null,
        done: `${e.name} đã triển khai nhiệm vụ ${t.code}: tổ chức ${k + 2} hoạt động, đăng ${k * 3 + 1} tin, bài.`,
        difficulties: k % 7 === 0 ? 'Kinh phí còn hạn chế.' : '',
        proposals: '',
        figures: { news_articles: { value: k * 3 + 1 }, events: { value: k % 4 }, money_state_budget: { value: 1_000_000 * (k % 5) } },
      }));
      entryCount += entries.length;
      const at = new Date(`${p.deadline}T10:00:00+07:00`);
      if (i % 8 === 0) at.setUTCDate(at.getUTCDate() + 3);
      return {
        periodId: p.id,
        orgId: e.orgId,
        status: i % 6 === 0 ? ('submitted' as const) : ('accepted' as const),
        entries,
        submissions: 1,
        firstSubmittedAt: at,
        submittedAt: at,
        acceptedAt: at,
      };
    });
  for (let i = 0; i < values.length; i += 40) await db.insert(reports).values(values.slice(i, i + 40));
  reportCount += values.length;
}
const setupMs = performance.now() - t0;

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) };
}

const latest = periods.sort((a, b) => b.deadline.localeCompare(a.deadline))[0];
const now = new Date(`${latest.deadline}T12:00:00+07:00`);
const dash = await periodDashboard(db, latest.id, now);
const dashboard = await time(50, () => periodDashboard(db, latest.id, now));
const baseline = await time(50, async () =>
  db.execute(sql`SELECT status, count(*)::int AS n FROM reports WHERE period_id = ${latest.id} GROUP BY status`),
);
let docxBytes = 0;
const docx = await time(5, async () => {
  const c = await buildConsolidated(db, latest, now);
  // Built every time (the API memoises repeat downloads of unchanged data; this is the first download's cost).
  docxBytes = (await buildConsolidatedDocx(c, '2025-12-01')).length;
});

if (process.env.BENCH_PROFILE) {
  const parts = {
    expected: await time(30, () => expectedOrgs(db, latest)),
    received: await time(30, () =>
      db
        .select({
          id: reports.id,
          e: sql`(SELECT jsonb_agg(jsonb_build_object('taskId', e->>'taskId', 'status', e->>'status')) FROM jsonb_array_elements(${reports.entries}) e)`,
        })
        .from(reports)
        .where(sql`period_id = ${latest.id}`),
    ),
  };
  console.log(JSON.stringify(parts));
}
const cpu = os.cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, ${os.platform()} ${os.arch()}`,
);
console.log(`database: ${where}`);
console.log(
  `province: ${ORGS} organisations, ${YEARS} plans × ${TASKS} tasks, ${periods.length} periods, ${reportCount} reports, ${entryCount} task entries (set-up ${(setupMs / 1000).toFixed(1)} s)`,
);
console.log(
  `period measured: ${latest.title} — expected ${dash.totals.expected}, received ${dash.totals.received}, tasks ${dash.byTask.length}`,
);
const line = (name: string, r: { p50: number; p95: number; max: number }) =>
  `${name.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  max ${r.max.toFixed(1).padStart(7)} ms  ratio p95/baseline ${(r.p95 / Math.max(baseline.p95, 1e-3)).toFixed(1)}×`;
console.log(line('baseline: SQL count by status', baseline));
console.log(line('dashboard (50 runs)', dashboard));
console.log(line(`consolidated .docx (5 runs, ${Math.round(docxBytes / 1024)} KB)`, docx));
console.log(`targets (dashboard p95 < 100 ms, .docx < 2000 ms): ${dashboard.p95 < 100 && docx.max < 2000 ? 'met' : 'NOT met'}`);
await cleanup();
process.exit(0);
