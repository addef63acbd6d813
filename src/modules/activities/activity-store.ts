import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { orgs } from '../orgs';
import { planTasks } from '../plans';
import { activities, activityFiles, activitySpending, activityTasks } from './activities.tables';
import type { ActivityDto } from './activities.schemas';
import type { ActivityKind } from './activity-kinds';

export type ActivityRow = typeof activities.$inferSelect;

export async function getActivityRow(db: Db, id: string): Promise<ActivityRow> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) throw new AppError('activity.not_found', { id });
  return row;
}

/** Checks that the tasks exist; answers with the field at fault. */
export async function assertTasksExist(db: Db, taskIds: string[], field = 'body.taskIds') {
  const unique = [...new Set(taskIds)];
  const found = unique.length ? await db.select({ id: planTasks.id }).from(planTasks).where(inArray(planTasks.id, unique)) : [];
  if (found.length !== unique.length) throw new AppError('activity.task_ref_not_found', { field });
  return unique;
}

export async function assertOrgExists(db: Db, orgId: string, field = 'body.orgId') {
  const [o] = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  if (!o) throw new AppError('org.ref_not_found', { field, id: orgId });
  return o;
}

/** Activities with their organisation, tasks, spending and files, as the API shows them. */
export async function activityDtos(db: Db, rows: ActivityRow[]): Promise<ActivityDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [names, tasks, spending, files] = await Promise.all([
    db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(inArray(orgs.id, [...new Set(rows.map((r) => r.orgId))])),
    db
      .select({
        activityId: activityTasks.activityId,
        id: planTasks.id,
        code: planTasks.code,
        title: planTasks.title,
        planId: planTasks.planId,
      })
      .from(activityTasks)
      .innerJoin(planTasks, eq(planTasks.id, activityTasks.taskId))
      .where(inArray(activityTasks.activityId, ids))
      .orderBy(asc(planTasks.position)),
    db.select().from(activitySpending).where(inArray(activitySpending.activityId, ids)),
    db
      .select({
        activityId: activityFiles.activityId,
        id: activityFiles.id,
        filename: activityFiles.filename,
        mime: activityFiles.mime,
        size: activityFiles.size,
      })
      .from(activityFiles)
      .where(inArray(activityFiles.activityId, ids))
      .orderBy(asc(activityFiles.createdAt)),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ActivityKind,
    title: r.title,
    orgId: r.orgId,
    orgName: nameOf.get(r.orgId) ?? '',
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    place: r.place,
    description: r.description,
    details: r.details,
    links: r.links,
    tasks: tasks.filter((t) => t.activityId === r.id).map(({ activityId: _, ...t }) => t),
    spending: spending.filter((s) => s.activityId === r.id).map((s) => ({ source: s.source, amount: Number(s.amount), note: s.note })),
    files: files.filter((f) => f.activityId === r.id).map(({ activityId: _, ...f }) => f),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function loadActivity(db: Db, id: string): Promise<ActivityDto> {
  const [dto] = await activityDtos(db, [await getActivityRow(db, id)]);
  return dto;
}

/** Replaces an activity's task links and spending lines (inside the change's transaction). */
export async function writeLinks(
  tx: Db,
  activityId: string,
  taskIds: string[],
  spending: { source: string; amount: number; note?: string | null }[],
) {
  await tx.delete(activityTasks).where(eq(activityTasks.activityId, activityId));
  await tx.delete(activitySpending).where(eq(activitySpending.activityId, activityId));
  if (taskIds.length) await tx.insert(activityTasks).values(taskIds.map((taskId) => ({ activityId, taskId })));
  if (spending.length)
    await tx
      .insert(activitySpending)
      .values(spending.map((s) => ({ activityId, source: s.source, amount: s.amount, note: s.note ?? null })));
}
