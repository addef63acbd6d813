import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { foldedSearch } from '../../db/text-search';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { planTasks } from '../plans';
import { activities, activityTasks } from './activities.tables';
import type { ActivityInput, ActivityQuery } from './activities.schemas';
import { assertCanReadActivity, assertCanWriteFor, readScope } from './activity-access';
import { activityDtos, assertOrgExists, assertTasksExist, getActivityRow, loadActivity, writeLinks } from './activity-store';
import { indicatorActivityIds } from './indicators';

type Input = Omit<ActivityInput, 'version'>;

const values = (input: Input) => ({
  kind: input.kind,
  title: input.title,
  orgId: input.orgId,
  startsOn: input.startsOn,
  endsOn: input.endsOn ?? null,
  place: input.place ?? null,
  description: input.description ?? '',
  details: stripEmpty(input.details),
  links: input.links ?? [],
});
const stripEmpty = (d: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null && v !== undefined && v !== ''));

/** Records an activity (the caller's organisation for officers), with its tasks and spending, audited. */
export async function createActivity(db: Db, input: Input, user: SessionUser, actor: Actor) {
  assertCanWriteFor(user, input.orgId);
  if (input.endsOn && input.endsOn < input.startsOn) throw new AppError('activity.dates_order', { field: 'body.endsOn' });
  await assertOrgExists(db, input.orgId);
  const taskIds = await assertTasksExist(db, input.taskIds);
  const id = await db.transaction((tx) => insertActivity(tx, input, taskIds, user, actor));
  return loadActivity(db, id);
}

/** Inserts one checked activity with its links and audit record, inside the caller's transaction. */
export async function insertActivity(tx: Db, input: Input, taskIds: string[], user: SessionUser, actor: Actor, via = 'form') {
  const [row] = await tx
    .insert(activities)
    .values({ ...values(input), createdBy: user.id })
    .returning({ id: activities.id });
  await writeLinks(tx, row.id, taskIds, input.spending ?? []);
  await writeAudit(tx, actor, {
    action: 'create',
    entity: 'activity',
    entityId: row.id,
    after: { ...values(input), taskIds, spending: input.spending, via },
  });
  return row.id;
}

/** Changes an activity; the version must match, and an officer may neither touch nor move another organisation's. */
export async function updateActivity(db: Db, id: string, input: Input & { version: number }, user: SessionUser, actor: Actor) {
  const before = await getActivityRow(db, id);
  assertCanWriteFor(user, before.orgId);
  assertCanWriteFor(user, input.orgId);
  if (input.endsOn && input.endsOn < input.startsOn) throw new AppError('activity.dates_order', { field: 'body.endsOn' });
  await assertOrgExists(db, input.orgId);
  const taskIds = await assertTasksExist(db, input.taskIds);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(activities)
      .set({ ...values(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(activities.id, id), eq(activities.version, input.version)))
      .returning({ id: activities.id });
    if (!row) throw new AppError('activity.version_conflict', { version: before.version });
    await writeLinks(tx, id, taskIds, input.spending ?? []);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'activity',
      entityId: id,
      before: { ...before, createdAt: undefined, updatedAt: undefined },
      after: { ...values(input), taskIds, spending: input.spending },
    });
  });
  return loadActivity(db, id);
}

export async function deleteActivity(db: Db, id: string, user: SessionUser, actor: Actor) {
  const before = await getActivityRow(db, id);
  assertCanWriteFor(user, before.orgId);
  await db.transaction(async (tx) => {
    await tx.delete(activities).where(eq(activities.id, id));
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'activity',
      entityId: id,
      before: { kind: before.kind, title: before.title, orgId: before.orgId, startsOn: before.startsOn },
    });
  });
}

/** The conditions of a filtered list (shared by the list, its export and the drill-down). */
export async function activityFilter(db: Db, q: Omit<ActivityQuery, 'page' | 'pageSize'>): Promise<SQL | undefined> {
  const where: SQL[] = [];
  if (q.kind) where.push(eq(activities.kind, q.kind));
  if (q.orgId) where.push(eq(activities.orgId, q.orgId));
  if (q.from) where.push(gte(sql`coalesce(${activities.endsOn}, ${activities.startsOn})`, q.from));
  if (q.to) where.push(lte(activities.startsOn, q.to));
  if (q.taskId)
    where.push(
      inArray(activities.id, db.select({ id: activityTasks.activityId }).from(activityTasks).where(eq(activityTasks.taskId, q.taskId))),
    );
  if (q.planId) {
    const inPlan = db
      .select({ id: activityTasks.activityId })
      .from(activityTasks)
      .innerJoin(planTasks, eq(planTasks.id, activityTasks.taskId))
      .where(eq(planTasks.planId, q.planId));
    where.push(inArray(activities.id, inPlan));
  }
  const text = foldedSearch([activities.title, activities.place, activities.description], q.q);
  if (text) where.push(text);
  if (q.indicator) {
    const ids = await indicatorActivityIds(db, q.indicator, {
      orgId: q.orgId,
      from: q.from,
      to: q.to,
      taskIds: q.taskId ? [q.taskId] : undefined,
      planId: q.planId,
    });
    where.push(ids.length ? inArray(activities.id, ids) : sql`false`);
  }
  return where.length ? and(...where) : undefined;
}

/** One activity, for a reader (an officer: their own organisation's only). */
export async function readActivity(db: Db, id: string, user: SessionUser) {
  const row = await getActivityRow(db, id);
  assertCanReadActivity(user, row);
  const [dto] = await activityDtos(db, [row]);
  return dto;
}

/** A page of the register; an officer's is their own organisation's. */
export async function listActivities(db: Db, query: ActivityQuery, user: SessionUser) {
  const q = { ...query, orgId: readScope(user, query.orgId) };
  const cond = await activityFilter(db, q);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(activities)
      .where(cond)
      .orderBy(desc(activities.startsOn), desc(activities.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(activities)
      .where(cond),
  ]);
  return { items: await activityDtos(db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every activity of a filter (for exports), capped; an officer's are their own organisation's. */
export async function allActivities(db: Db, query: Omit<ActivityQuery, 'page' | 'pageSize'>, user: SessionUser, cap = 20_000) {
  const q = { ...query, orgId: readScope(user, query.orgId) };
  const rows = await db
    .select()
    .from(activities)
    .where(await activityFilter(db, q))
    .orderBy(desc(activities.startsOn))
    .limit(cap);
  return activityDtos(db, rows);
}
