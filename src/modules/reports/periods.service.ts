import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import { getPlanRow, planTasks } from '../plans';
import { addDays, iso, vnDate } from './dates';
import { expectedForPeriods, type PeriodRow } from './expected';
import { ensureDefaultIndicators } from './indicators';
import type { AdHocInput, PeriodKind, PeriodPatch } from './reports.schemas';
import { reportPeriods, reports } from './reports.tables';

export async function getPeriod(db: Db, id: string): Promise<PeriodRow> {
  const [row] = await db.select().from(reportPeriods).where(eq(reportPeriods.id, id));
  if (!row) throw new AppError('report.period_not_found', { id });
  return row;
}

export interface PeriodDraft {
  kind: PeriodKind;
  year: number;
  title: string;
  dataFrom: string;
  dataTo: string;
  opensOn: string;
  deadline: string;
}

/**
 * The periods a plan's deadlines define for one year. Vietnamese reporting regime cut-offs by
 * default: six months = 15/12 of the previous year to 14/6, year = 15/12 to 14/12. Two deadlines
 * are the six-month and the annual report; one is the annual report; more are generic periodic
 * reports whose window ends at their deadline. A period opens 24 days before its deadline
 * (1/5 for 25/5). Every date stays editable afterwards.
 */
export function periodsForYear(deadlines: { day: number; month: number }[], year: number): PeriodDraft[] {
  const sorted = [...deadlines].sort((a, b) => a.month - b.month || a.day - b.day);
  const start = iso(year - 1, 12, 15);
  return sorted.map((d, i) => {
    const deadline = iso(year, d.month, d.day);
    const kind: PeriodKind =
      sorted.length === 1 || (sorted.length === 2 && i === 1) ? 'year' : sorted.length === 2 ? 'six_months' : 'periodic';
    const dataTo = kind === 'year' ? iso(year, 12, 14) : kind === 'six_months' ? iso(year, 6, 14) : deadline;
    const title =
      kind === 'year'
        ? `Báo cáo kết quả công tác thông tin đối ngoại năm ${year}`
        : kind === 'six_months'
          ? `Báo cáo kết quả công tác thông tin đối ngoại 6 tháng đầu năm ${year}`
          : `Báo cáo định kỳ công tác thông tin đối ngoại (hạn ${d.day}/${d.month}/${year})`;
    return { kind, year, title, dataFrom: start, dataTo, opensOn: addDays(deadline, -24), deadline };
  });
}

/** Creates the periods of a provincial plan that do not exist yet (idempotent). */
export async function generatePeriods(db: Db, planId: string, createdBy: string | null, actor: Actor) {
  const plan = await getPlanRow(db, planId);
  if (plan.parentPlanId) throw new AppError('report.plan_not_provincial', { field: 'planId' });
  if (plan.status === 'draft') throw new AppError('report.plan_not_issued', { field: 'planId' });
  if (!plan.reporting.deadlines.length) throw new AppError('report.plan_no_deadlines', { field: 'planId' });
  await ensureDefaultIndicators(db);
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(reportPeriods).where(eq(reportPeriods.planId, planId));
    const created: string[] = [];
    for (let year = plan.yearFrom; year <= plan.yearTo; year++) {
      for (const p of periodsForYear(plan.reporting.deadlines, year)) {
        if (existing.some((e) => e.kind === p.kind && e.year === year && (p.kind !== 'periodic' || e.deadline === p.deadline))) continue;
        const [row] = await tx
          .insert(reportPeriods)
          .values({ ...p, planId, createdBy })
          .returning({ id: reportPeriods.id });
        await writeAudit(tx, actor, { action: 'create', entity: 'report_period', entityId: row.id, after: { planId, ...p } });
        created.push(row.id);
      }
    }
    return { created };
  });
}

export async function createAdHoc(db: Db, input: AdHocInput, user: SessionUser, actor: Actor, now = new Date()) {
  const today = vnDate(now);
  if (input.deadline < today) throw new AppError('report.deadline_past', { field: 'deadline' });
  const found = await db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, input.orgIds));
  if (found.length !== new Set(input.orgIds).size) throw new AppError('report.org_unknown', { field: 'orgIds' });
  if (input.taskIds.length) {
    const tasks = await db.select({ id: planTasks.id }).from(planTasks).where(inArray(planTasks.id, input.taskIds));
    if (tasks.length !== new Set(input.taskIds).size) throw new AppError('report.task_unknown', { field: 'taskIds' });
  }
  if (!input.taskIds.length && !input.questions.length) throw new AppError('report.request_empty', { field: 'questions' });
  const dataFrom = input.dataFrom ?? iso(Number(input.deadline.slice(0, 4)), 1, 1);
  const dataTo = input.dataTo ?? input.deadline;
  if (dataTo < dataFrom) throw new AppError('report.window_invalid', { field: 'dataTo' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportPeriods)
      .values({
        kind: 'ad_hoc',
        planId: input.planId ?? null,
        year: Number(input.deadline.slice(0, 4)),
        title: input.title,
        dataFrom,
        dataTo,
        opensOn: today,
        deadline: input.deadline,
        orgIds: [...new Set(input.orgIds)],
        taskIds: [...new Set(input.taskIds)],
        questions: input.questions,
        createdBy: user.id,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'create', entity: 'report_period', entityId: row.id, after: input });
    return row;
  });
}

export async function updatePeriod(db: Db, id: string, patch: PeriodPatch, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await getPeriod(tx, id);
    if (row.version !== patch.version) throw new AppError('report.period_version_conflict', {});
    const { version, ...fields } = patch;
    const next = { ...row, ...fields };
    if (next.dataTo < next.dataFrom) throw new AppError('report.window_invalid', { field: 'dataTo' });
    if (next.deadline < next.opensOn) throw new AppError('report.deadline_before_opening', { field: 'deadline' });
    const [updated] = await tx
      .update(reportPeriods)
      .set({ ...fields, version: version + 1 })
      .where(and(eq(reportPeriods.id, id), eq(reportPeriods.version, version)))
      .returning();
    if (!updated) throw new AppError('report.period_version_conflict', {});
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, row[k as keyof PeriodRow]]));
    await writeAudit(tx, actor, {
      action: fields.status && fields.status !== row.status ? 'status' : 'update',
      entity: 'report_period',
      entityId: id,
      before,
      after: fields,
    });
    return updated;
  });
}

export const periodDto = (p: PeriodRow) => ({
  id: p.id,
  planId: p.planId,
  kind: p.kind,
  year: p.year,
  title: p.title,
  dataFrom: p.dataFrom,
  dataTo: p.dataTo,
  opensOn: p.opensOn,
  deadline: p.deadline,
  status: p.status,
  orgIds: p.orgIds,
  taskIds: p.taskIds,
  questions: p.questions,
  version: p.version,
});

/** Periods, newest first, with report counts; an officer also sees whether their organisation owes one and its report. */
export async function listPeriods(db: Db, user: SessionUser, q: { planId?: string; year?: number }) {
  const where = and(q.planId ? eq(reportPeriods.planId, q.planId) : undefined, q.year ? eq(reportPeriods.year, q.year) : undefined);
  const rows = await db.select().from(reportPeriods).where(where).orderBy(desc(reportPeriods.deadline), asc(reportPeriods.kind));
  const counts = rows.length
    ? await db
        .select({ periodId: reports.periodId, status: reports.status, n: sql<number>`count(*)::int` })
        .from(reports)
        .where(
          inArray(
            reports.periodId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(reports.periodId, reports.status)
    : [];
  const mine = user.orgId
    ? await db
        .select({ id: reports.id, periodId: reports.periodId, status: reports.status })
        .from(reports)
        .where(eq(reports.orgId, user.orgId))
    : [];
  const officerOrg = user.role === 'officer' ? user.orgId : null;
  // Whether the officer's organisation owes a report where it has none yet: all those periods resolved in one read.
  const expected = officerOrg
    ? await expectedForPeriods(
        db,
        rows.filter((p) => !mine.some((m) => m.periodId === p.id)),
      )
    : null;
  const items = [];
  for (const p of rows) {
    const c = counts.filter((x) => x.periodId === p.id);
    const count = (s: string) => c.find((x) => x.status === s)?.n ?? 0;
    const own = mine.find((m) => m.periodId === p.id);
    let owes: boolean | null = null;
    if (officerOrg) owes = Boolean(own) || expected!.get(p.id)!.some((e) => e.orgId === officerOrg);
    items.push({
      ...periodDto(p),
      counts: { draft: count('draft'), submitted: count('submitted'), returned: count('returned'), accepted: count('accepted') },
      mine: own ? { reportId: own.id, status: own.status } : null,
      owes,
    });
  }
  return user.role === 'officer' ? items.filter((i) => i.owes) : items;
}
