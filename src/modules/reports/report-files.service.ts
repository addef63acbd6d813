import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { checkAttachment } from '../../shared/files/file-types';
import { writeAudit, type Actor } from '../audit';
import { getPeriod } from './periods.service';
import { assertCanReadContent, assertCanWriteReport, assertEditable, assertPeriodOpen } from './report-access';
import { getReportRow, lastEditorRole } from './report-edit.service';
import { reportFiles } from './reports.tables';

/** Attachments: at most MAX_FILES_PER_REPORT per report; type and size checked by the shared rule. */
export const MAX_FILES_PER_REPORT = 30;

export async function addFile(
  db: Db,
  reportId: string,
  input: { filename: string; taskId?: string | null },
  body: Buffer,
  user: SessionUser,
  actor: Actor,
) {
  const row = await getReportRow(db, reportId);
  assertCanWriteReport(user, row);
  assertPeriodOpen(await getPeriod(db, row.periodId));
  assertEditable(row);
  if (input.taskId && !row.entries.some((e) => e.taskId === input.taskId))
    throw new AppError('report.task_not_in_report', { field: 'taskId' });
  const mime = checkAttachment(input.filename, body);
  // eslint-disable-next-line no-control-regex -- control characters are what a file name must not keep
  const filename = input.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reportFiles)
      .where(eq(reportFiles.reportId, reportId));
    if (n >= MAX_FILES_PER_REPORT) throw new AppError('report.too_many_files', { max: MAX_FILES_PER_REPORT });
    const [f] = await tx
      .insert(reportFiles)
      .values({ reportId, taskId: input.taskId ?? null, filename, mime, size: body.length, data: body, uploadedBy: user.id })
      .returning({ id: reportFiles.id, filename: reportFiles.filename, mime: reportFiles.mime, size: reportFiles.size });
    await writeAudit(tx, actor, {
      action: 'attach',
      entity: 'report',
      entityId: reportId,
      after: { fileId: f.id, filename, mime, size: body.length },
    });
    return f;
  });
}

async function fileOf(db: Db, fileId: string) {
  const [f] = await db.select().from(reportFiles).where(eq(reportFiles.id, fileId));
  if (!f) throw new AppError('report.file_not_found', { id: fileId });
  return f;
}

export async function getFile(db: Db, fileId: string, user: SessionUser) {
  const f = await fileOf(db, fileId);
  const report = await getReportRow(db, f.reportId);
  assertCanReadContent(user, report, await lastEditorRole(db, report));
  return { filename: f.filename, mime: f.mime, data: Buffer.from(f.data) };
}

export async function deleteFile(db: Db, fileId: string, user: SessionUser, actor: Actor) {
  const f = await fileOf(db, fileId);
  const row = await getReportRow(db, f.reportId);
  assertCanWriteReport(user, row);
  assertEditable(row);
  await db.transaction(async (tx) => {
    await tx.delete(reportFiles).where(and(eq(reportFiles.id, fileId), eq(reportFiles.reportId, row.id)));
    await writeAudit(tx, actor, { action: 'detach', entity: 'report', entityId: row.id, before: { fileId, filename: f.filename } });
  });
}
