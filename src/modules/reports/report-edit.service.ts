import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assertOrgScope, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { users } from '../auth';
import { orgs } from '../orgs';
import { vnTime } from './dates';
import { expectedFor, type ExpectedOrg } from './expected';
import { listIndicators, prefillFigures } from './indicators';
import { getPeriod, periodDto } from './periods.service';
import { assertCanReadContent, assertCanWriteReport, assertEditable, assertPeriodOpen } from './report-access';
import type { ReportDraftInput } from './reports.schemas';
import { reportEvents, reportFiles, reports, type ReportEntry } from './reports.tables';

export type ReportRow = typeof reports.$inferSelect;

export async function getReportRow(db: Db, id: string): Promise<ReportRow> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw new AppError('report.not_found', { id });
  return row;
}

/** The role of whoever last saved the report (who may read a draft depends on it). */
export async function lastEditorRole(db: Db, row: ReportRow): Promise<string | null> {
  if (!row.updatedBy) return null;
  const [u] = await db.select({ role: users.role }).from(users).where(eq(users.id, row.updatedBy));
  return u?.role ?? null;
}

/** The organisation's report for a period, created on first opening with one entry per task it owes (figures pre-filled). */
export async function openReport(db: Db, periodId: string, orgId: string, user: SessionUser, actor: Actor) {
  assertOrgScope(user, orgId);
  if (user.role !== 'officer' && user.role !== 'secretariat') throw new AppError('report.forbidden');
  const period = await getPeriod(db, periodId);
  const [existing] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.periodId, periodId), eq(reports.orgId, orgId)));
  if (existing) return { id: existing.id, created: false };
  assertPeriodOpen(period);
  const expected = await expectedFor(db, period, orgId);
  if (!expected) throw new AppError('report.not_expected', { field: 'orgId' });
  const entries: ReportEntry[] = [];
  for (const t of expected.tasks) {
    const known = await prefillFigures({ db, orgId, taskId: t.taskId, from: period.dataFrom, to: period.dataTo });
    const figures = Object.fromEntries(Object.entries(known).map(([code, v]) => [code, { value: v, prefilled: v, reason: null }]));
    entries.push({ taskId: t.taskId, status: 'not_started', completedOn: null, done: '', difficulties: '', proposals: '', figures });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({ periodId, orgId, entries, answers: period.questions.map(() => ''), updatedBy: user.id })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (!row) {
      const [again] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.periodId, periodId), eq(reports.orgId, orgId)));
      return { id: again.id, created: false };
    }
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'report',
      entityId: row.id,
      after: { periodId, orgId, tasks: entries.length },
    });
    return { id: row.id, created: true };
  });
}

export function reportDto(r: ReportRow) {
  return {
    id: r.id,
    periodId: r.periodId,
    orgId: r.orgId,
    status: r.status,
    entries: r.entries,
    answers: r.answers,
    difficulties: r.difficulties,
    proposals: r.proposals,
    reviewComment: r.reviewComment,
    submissions: r.submissions,
    firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A report with everything its screen needs: period, organisation, tasks owed, history, files, catalogue. */
export async function getReport(db: Db, id: string, user: SessionUser) {
  const row = await getReportRow(db, id);
  assertCanReadContent(user, row, await lastEditorRole(db, row));
  const period = await getPeriod(db, row.periodId);
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId));
  const expected = await expectedFor(db, period, row.orgId);
  const [events, files, indicators] = await Promise.all([
    db.select().from(reportEvents).where(eq(reportEvents.reportId, id)).orderBy(asc(reportEvents.at)),
    db
      .select({
        id: reportFiles.id,
        taskId: reportFiles.taskId,
        filename: reportFiles.filename,
        mime: reportFiles.mime,
        size: reportFiles.size,
        createdAt: reportFiles.createdAt,
      })
      .from(reportFiles)
      .where(eq(reportFiles.reportId, id))
      .orderBy(asc(reportFiles.createdAt)),
    listIndicators(db),
  ]);
  return {
    ...reportDto(row),
    orgName: org?.name ?? '',
    period: periodDto(period),
    tasks: expected?.tasks ?? [],
    events: events.map((e) => ({ action: e.action, comment: e.comment, actorName: e.actorName, at: e.at.toISOString() })),
    files: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    indicators: indicators
      .filter((i) => i.active)
      .map((i) => ({ code: i.code, labelVi: i.labelVi, labelEn: i.labelEn, unit: i.unit, category: i.category })),
  };
}

/** Checks entries against the tasks owed and the catalogue; keeps the server's pre-filled values, requiring a reason for a change. */
export function checkEntries(
  input: ReportDraftInput['entries'],
  stored: ReportEntry[],
  expected: ExpectedOrg,
  codes: Set<string>,
): ReportEntry[] {
  const owed = new Set(expected.tasks.map((t) => t.taskId));
  const seen = new Set<string>();
  return input.map((e, i) => {
    if (!owed.has(e.taskId)) throw new AppError('report.task_not_in_report', { field: `body.entries.${i}.taskId` });
    if (seen.has(e.taskId)) throw new AppError('report.task_repeated', { field: `body.entries.${i}.taskId` });
    seen.add(e.taskId);
    const before = stored.find((s) => s.taskId === e.taskId);
    const figures: ReportEntry['figures'] = {};
    for (const [code, f] of Object.entries(e.figures)) {
      if (!codes.has(code)) throw new AppError('report.indicator_unknown', { field: `body.entries.${i}.figures.${code}`, code });
      const prefilled = before?.figures[code]?.prefilled ?? null;
      const reason = f.reason?.trim() || null;
      if (prefilled !== null && f.value !== prefilled && !reason) {
        throw new AppError('report.figure_reason_required', { field: `body.entries.${i}.figures.${code}.reason`, code, prefilled });
      }
      figures[code] = { value: f.value, prefilled, reason: prefilled !== null && f.value !== prefilled ? reason : null };
    }
    return {
      taskId: e.taskId,
      status: e.status,
      completedOn: e.completedOn ?? null,
      done: e.done,
      difficulties: e.difficulties,
      proposals: e.proposals,
      figures,
    };
  });
}

/** The conflict error naming who saved last and when (read again, so it is exact). */
export async function versionConflict(db: Db, id: string): Promise<AppError> {
  const row = await getReportRow(db, id);
  const [by] = row.updatedBy ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.updatedBy)) : [];
  return new AppError('report.version_conflict', {
    by: by?.name ?? '?',
    at: row.updatedAt.toISOString(),
    atText: vnTime(row.updatedAt),
    version: row.version,
  });
}

/** Saves a draft (autosave). The version must match: two people never overwrite each other silently. */
export async function saveDraft(db: Db, id: string, input: ReportDraftInput, user: SessionUser, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await getReportRow(tx, id);
    assertCanWriteReport(user, row);
    const period = await getPeriod(tx, row.periodId);
    assertPeriodOpen(period);
    assertEditable(row);
    if (row.version !== input.version) throw await versionConflict(tx, id);
    const expected = await expectedFor(tx, period, row.orgId);
    if (!expected) throw new AppError('report.not_expected', { field: 'orgId' });
    const codes = new Set((await listIndicators(tx)).map((i) => i.code));
    const entries = checkEntries(input.entries, row.entries, expected, codes);
    if (input.answers.length > period.questions.length) throw new AppError('report.answers_extra', { field: 'body.answers' });
    const [updated] = await tx
      .update(reports)
      .set({
        entries,
        answers: input.answers,
        difficulties: input.difficulties,
        proposals: input.proposals,
        version: row.version + 1,
        updatedBy: user.id,
        updatedAt: new Date(),
      })
      .where(and(eq(reports.id, id), eq(reports.version, input.version)))
      .returning();
    if (!updated) throw await versionConflict(tx, id);
    await writeAudit(tx, actor, {
      action: 'save_draft',
      entity: 'report',
      entityId: id,
      before: { version: row.version },
      after: { version: updated.version, entries: entries.length },
    });
    return { version: updated.version, updatedAt: updated.updatedAt.toISOString() };
  });
}
