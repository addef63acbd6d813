import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { onTime, vnDate } from './dates';
import { expectedOrgs, type ExpectedOrg, type PeriodRow } from './expected';
import { getPeriod, periodDto } from './periods.service';
import type { TaskOutcome } from './reports.schemas';
import { reports } from './reports.tables';

/**
 * Completeness of a period (DHIS2-style): expected (derived), received (submitted at least
 * once), on time (first submission by the end of the deadline day, Vietnam time), late,
 * missing; by organisation and by task. Tasks get the four counts of government task
 * tracking from what their lead organisations (else anyone) reported.
 */
interface Received {
  id: string;
  orgId: string;
  status: string;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  entries: { taskId: string; status: string; completedOn: string | null }[];
}

async function receivedReports(db: Db, periodId: string): Promise<Received[]> {
  const rows = await db
    .select({
      id: reports.id,
      orgId: reports.orgId,
      status: reports.status,
      firstSubmittedAt: reports.firstSubmittedAt,
      submittedAt: reports.submittedAt,
      // Only what the dashboard needs from the entries, not the narrative text.
      entries: sql<
        Received['entries']
      >`coalesce((SELECT jsonb_agg(jsonb_build_object('taskId', e->>'taskId', 'status', e->>'status', 'completedOn', e->>'completedOn')) FROM jsonb_array_elements(${reports.entries}) e), '[]'::jsonb)`,
    })
    .from(reports)
    .where(eq(reports.periodId, periodId));
  return rows.map((r) => ({ ...r, entries: typeof r.entries === 'string' ? JSON.parse(r.entries) : r.entries }));
}

export function taskOutcome(
  task: { timeTo: string | null },
  entries: { status: string; completedOn: string | null; submittedOn: string | null }[],
  refDate: string,
): TaskOutcome {
  if (entries.length && entries.every((e) => e.status === 'done')) {
    const completed = entries
      .map((e) => e.completedOn ?? e.submittedOn ?? refDate)
      .sort()
      .at(-1)!;
    return !task.timeTo || completed <= task.timeTo ? 'doneOnTime' : 'doneLate';
  }
  if (entries.some((e) => e.status === 'delayed') || (task.timeTo && refDate > task.timeTo)) return 'overdue';
  return 'inProgress';
}

const byCode = new Intl.Collator('en', { numeric: true }).compare;

export function computeDashboard(period: PeriodRow, expected: ExpectedOrg[], received: Received[], now: Date) {
  const byOrgId = new Map(received.map((r) => [r.orgId, r]));
  const today = vnDate(now);
  const refDate = today < period.dataTo ? today : period.dataTo;
  // Per report, once: whether it arrived, on time, its submission date and its entries by task.
  const arrived = new Map<string, { onTime: boolean; submittedOn: string; entries: Map<string, Received['entries'][number]> }>();
  for (const [orgId, r] of byOrgId) {
    if (!r.firstSubmittedAt) continue;
    const entries = new Map<string, Received['entries'][number]>();
    for (const x of r.entries) if (!entries.has(x.taskId)) entries.set(x.taskId, x);
    arrived.set(orgId, { onTime: onTime(r.firstSubmittedAt, period.deadline), submittedOn: vnDate(r.firstSubmittedAt), entries });
  }
  const byOrg = expected.map((e) => {
    const r = byOrgId.get(e.orgId);
    const a = arrived.get(e.orgId);
    const got = Boolean(a);
    return {
      orgId: e.orgId,
      name: e.name,
      kind: e.kind,
      replaces: e.replaces,
      tasks: e.tasks.length,
      leads: e.tasks.filter((t) => t.roles.includes('lead')).length,
      reportId: r?.id ?? null,
      status: r?.status ?? 'missing',
      received: got,
      onTime: got && a!.onTime,
      late: got && !a!.onTime,
      firstSubmittedAt: r?.firstSubmittedAt?.toISOString() ?? null,
    };
  });
  const tasks = new Map<
    string,
    { taskId: string; code: string; title: string; timeTo: string | null; orgs: { orgId: string; lead: boolean }[] }
  >();
  for (const e of expected) {
    for (const t of e.tasks) {
      let x = tasks.get(t.taskId);
      if (!x) tasks.set(t.taskId, (x = { taskId: t.taskId, code: t.code, title: t.title, timeTo: t.timeTo, orgs: [] }));
      x.orgs.push({ orgId: e.orgId, lead: t.roles.includes('lead') });
    }
  }
  const outcomes = { doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0 };
  const byTask = [...tasks.values()]
    .sort((a, b) => byCode(a.code, b.code))
    .map((t) => {
      const got = t.orgs.filter((o) => arrived.has(o.orgId));
      const entriesOf = (list: typeof got) =>
        list.flatMap((o) => {
          const a = arrived.get(o.orgId)!;
          const entry = a.entries.get(t.taskId);
          return entry ? [{ status: entry.status, completedOn: entry.completedOn || null, submittedOn: a.submittedOn }] : [];
        });
      const leadEntries = entriesOf(got.filter((o) => o.lead));
      const outcome = taskOutcome(t, leadEntries.length ? leadEntries : entriesOf(got), refDate);
      outcomes[outcome]++;
      return {
        taskId: t.taskId,
        code: t.code,
        title: t.title,
        expected: t.orgs.length,
        received: got.length,
        onTime: got.filter((o) => arrived.get(o.orgId)!.onTime).length,
        missing: t.orgs.length - got.length,
        missingOrgs: t.orgs.filter((o) => !arrived.has(o.orgId)).map((o) => o.orgId),
        outcome,
      };
    });
  const count = (f: (o: (typeof byOrg)[number]) => boolean) => byOrg.filter(f).length;
  return {
    period: periodDto(period),
    totals: {
      expected: byOrg.length,
      received: count((o) => o.received),
      onTime: count((o) => o.onTime),
      late: count((o) => o.late),
      missing: count((o) => !o.received),
      accepted: count((o) => o.status === 'accepted'),
      returned: count((o) => o.status === 'returned'),
      underReview: count((o) => o.status === 'submitted'),
    },
    taskOutcomes: outcomes,
    byOrg,
    byTask,
  };
}

export async function periodDashboard(db: Db, periodId: string, now = new Date()) {
  return dashboardOf(db, await getPeriod(db, periodId), now);
}

/** Both reads at once (on one handle they queue, which is safe inside a transaction too). */
export async function dashboardOf(db: Db, period: PeriodRow, now = new Date()) {
  const [expected, received] = await Promise.all([expectedOrgs(db, period), receivedReports(db, period.id)]);
  return computeDashboard(period, expected, received, now);
}
