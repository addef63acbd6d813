import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { orgs } from '../orgs';
import { expectedOrgs } from './expected';
import { getPeriod } from './periods.service';
import { reports } from './reports.tables';

/**
 * What every organisation reported on one task in a period, for the lead organisation's
 * officers (and province-wide roles). Only reports sent to the secretariat (submitted or
 * accepted) are shown: drafts stay their organisation's own.
 */
export async function taskContributions(db: Db, periodId: string, taskId: string, user: SessionUser) {
  const period = await getPeriod(db, periodId);
  const expected = await expectedOrgs(db, period);
  const holders = expected.filter((e) => e.tasks.some((t) => t.taskId === taskId));
  if (!holders.length) throw new AppError('report.task_not_in_period', { taskId });
  if (user.role === 'officer') {
    const mine = holders.find((h) => h.orgId === user.orgId);
    if (!mine?.tasks.find((t) => t.taskId === taskId)?.roles.includes('lead')) throw new AppError('report.not_task_lead', { taskId });
  }
  const rows = await db
    .select({
      id: reports.id,
      orgId: reports.orgId,
      status: reports.status,
      entries: reports.entries,
      orgName: orgs.name,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .innerJoin(orgs, eq(orgs.id, reports.orgId))
    .where(
      and(
        eq(reports.periodId, periodId),
        inArray(reports.status, ['submitted', 'accepted']),
        inArray(
          reports.orgId,
          holders.map((h) => h.orgId),
        ),
      ),
    );
  const task = holders[0].tasks.find((t) => t.taskId === taskId)!;
  return {
    task: { taskId, code: task.code, title: task.title },
    items: holders.map((h) => {
      const r = rows.find((x) => x.orgId === h.orgId);
      const entry = r?.entries.find((e) => e.taskId === taskId) ?? null;
      return {
        orgId: h.orgId,
        orgName: h.name,
        roles: h.tasks.find((t) => t.taskId === taskId)!.roles,
        reportId: user.role === 'officer' && h.orgId !== user.orgId ? null : (r?.id ?? null),
        status: r?.status ?? null,
        submittedAt: r?.submittedAt?.toISOString() ?? null,
        entry,
      };
    }),
  };
}
