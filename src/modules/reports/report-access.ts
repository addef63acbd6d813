import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import type { PeriodRow } from './expected';

interface ReportOwner {
  orgId: string;
  status: string;
}

/**
 * Who sees and writes an organisation's report:
 * - province-wide roles (secretariat, leader, inspector, admin) read every report;
 * - an officer reads and writes their own organisation's report only (never another's draft);
 *   what supporting organisations reported on a task the officer's organisation leads is read
 *   through the task's contributions (submitted or accepted reports only);
 * - the secretariat writes any report (reports received on paper are typed in for them) and reviews.
 */
export function assertCanReadReport(user: SessionUser, report: ReportOwner) {
  if (user.role === 'officer' && user.orgId !== report.orgId) throw new AppError('report.forbidden');
}

/**
 * A report's content (entries, answers, attached files): until its first submission it is the
 * organisation's working draft. Its officers read it, and the secretariat when it is typing in a
 * report received on paper (the draft was last saved by a secretariat user); the other province
 * roles only see that it exists (its status on the dashboards) until it is submitted.
 */
export function assertCanReadContent(
  user: SessionUser,
  report: ReportOwner & { firstSubmittedAt: Date | null },
  lastEditorRole: string | null,
) {
  assertCanReadReport(user, report);
  if (report.firstSubmittedAt || user.role === 'officer') return;
  if (user.role === 'secretariat' && lastEditorRole === 'secretariat') return;
  throw new AppError('report.draft_private', { orgId: report.orgId, status: report.status });
}

export function assertCanWriteReport(user: SessionUser, report: ReportOwner) {
  const ok = user.role === 'secretariat' || (user.role === 'officer' && user.orgId === report.orgId);
  if (!ok) throw new AppError('report.forbidden');
}

export function assertPeriodOpen(period: PeriodRow) {
  if (period.status !== 'open') throw new AppError('report.period_closed', { title: period.title });
}

/** A report's content changes only while it is a draft or has been returned. */
export function assertEditable(report: ReportOwner) {
  if (report.status === 'accepted') throw new AppError('report.locked', { status: report.status });
  if (report.status === 'submitted') throw new AppError('report.under_review', { status: report.status });
}

export function assertReviewer(user: SessionUser) {
  if (user.role !== 'secretariat') throw new AppError('report.forbidden');
}
