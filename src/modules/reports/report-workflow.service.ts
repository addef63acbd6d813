import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { translate } from '../../shared/messages/catalogue';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import { dmy } from './dates';
import { officersOf, secretariatUsers, send, tell, type Notifier } from './notify';
import { getPeriod } from './periods.service';
import { assertCanWriteReport, assertPeriodOpen, assertReviewer } from './report-access';
import { getReportRow, versionConflict } from './report-edit.service';
import { reportEvents, reports } from './reports.tables';

/**
 * draft → submitted → (returned with comments → submitted again) → accepted (locked).
 * Each transition is one transaction with its event and audit record; notifications follow it.
 */
type Action = 'submit' | 'return' | 'accept';
const FROM: Record<Action, string[]> = { submit: ['draft', 'returned'], return: ['submitted'], accept: ['submitted'] };
const TO: Record<Action, string> = { submit: 'submitted', return: 'returned', accept: 'accepted' };

export async function transition(
  db: Db,
  n: Notifier,
  id: string,
  action: Action,
  user: SessionUser,
  actor: Actor,
  opts: { comment?: string; version?: number; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    const row = await getReportRow(tx, id);
    if (action === 'submit') assertCanWriteReport(user, row);
    else assertReviewer(user);
    const period = await getPeriod(tx, row.periodId);
    assertPeriodOpen(period);
    if (!FROM[action].includes(row.status)) {
      if (row.status === 'accepted') throw new AppError('report.locked', { status: row.status });
      throw new AppError('report.bad_transition', { from: row.status, action });
    }
    if (opts.version !== undefined && opts.version !== row.version) throw await versionConflict(tx, id);
    const resubmit = action === 'submit' && row.submissions > 0;
    const set =
      action === 'submit'
        ? {
            status: 'submitted' as const,
            submissions: row.submissions + 1,
            firstSubmittedAt: row.firstSubmittedAt ?? now,
            submittedAt: now,
          }
        : action === 'return'
          ? { status: 'returned' as const, reviewComment: opts.comment ?? null }
          : { status: 'accepted' as const, acceptedAt: now };
    const [updated] = await tx
      .update(reports)
      .set({ ...set, version: row.version + 1, updatedAt: now, updatedBy: user.id })
      .where(and(eq(reports.id, id), eq(reports.version, row.version)))
      .returning();
    if (!updated) throw await versionConflict(tx, id);
    const eventAction = resubmit ? 'resubmit' : action;
    await tx
      .insert(reportEvents)
      .values({ reportId: id, action: eventAction, comment: opts.comment ?? null, actorId: user.id, actorName: user.displayName, at: now });
    await writeAudit(tx, actor, {
      action: eventAction,
      entity: 'report',
      entityId: id,
      before: { status: row.status },
      after: { status: TO[action], comment: opts.comment ?? null },
    });
    const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId));
    const params = { org: org?.name ?? '', period: period.title, comment: opts.comment ?? '', deadline: dmy(period.deadline) };
    const to = action === 'submit' ? await secretariatUsers(tx) : await officersOf(tx, [row.orgId]);
    // The notice and its e-mail are part of the change: written in its transaction, sent after commit.
    await tell(tx, to, {
      kind: `report.${eventAction}`,
      title: translate('vi', `report.notice_${eventAction}_title`, params),
      body: translate('vi', `report.notice_${eventAction}_body`, params),
      link: `/reports/r/${id}`,
    });
    return updated;
  });
  await send(db, n);
  const row = result;
  return { status: row.status, version: row.version };
}
