import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { checkAttachment } from '../../shared/files/file-types';
import { writeAudit, type Actor } from '../audit';
import { activityFiles } from './activities.tables';
import { assertCanReadActivity, assertCanWriteFor } from './activity-access';
import { getActivityRow } from './activity-store';

/** Attachments: at most MAX_FILES per activity; type and size checked by the shared rule. */
export const MAX_FILES = 20;

export async function addActivityFile(db: Db, activityId: string, filename: string, body: Buffer, user: SessionUser, actor: Actor) {
  const activity = await getActivityRow(db, activityId);
  assertCanWriteFor(user, activity.orgId);
  const mime = checkAttachment(filename, body);
  // eslint-disable-next-line no-control-regex -- control characters are what a file name must not keep
  const name = filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(activityFiles)
      .where(eq(activityFiles.activityId, activityId));
    if (n >= MAX_FILES) throw new AppError('activity.too_many_files', { max: MAX_FILES });
    const [f] = await tx
      .insert(activityFiles)
      .values({ activityId, filename: name, mime, size: body.length, data: body, uploadedBy: user.id })
      .returning({ id: activityFiles.id, filename: activityFiles.filename, mime: activityFiles.mime, size: activityFiles.size });
    await writeAudit(tx, actor, {
      action: 'attach',
      entity: 'activity',
      entityId: activityId,
      after: { fileId: f.id, filename: name, mime, size: body.length },
    });
    return f;
  });
}

/** An attached file, for a reader (an officer: their own organisation's activities only). */
export async function readActivityFile(db: Db, activityId: string, fileId: string, user: SessionUser) {
  assertCanReadActivity(user, await getActivityRow(db, activityId));
  return getActivityFile(db, activityId, fileId);
}

export async function getActivityFile(db: Db, activityId: string, fileId: string) {
  const [f] = await db
    .select()
    .from(activityFiles)
    .where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId)));
  if (!f) throw new AppError('activity.file_not_found', { id: fileId });
  return f;
}

export async function deleteActivityFile(db: Db, activityId: string, fileId: string, user: SessionUser, actor: Actor) {
  const activity = await getActivityRow(db, activityId);
  assertCanWriteFor(user, activity.orgId);
  const f = await getActivityFile(db, activityId, fileId);
  await db.transaction(async (tx) => {
    await tx.delete(activityFiles).where(eq(activityFiles.id, fileId));
    await writeAudit(tx, actor, { action: 'detach', entity: 'activity', entityId: activityId, before: { fileId, filename: f.filename } });
  });
}
