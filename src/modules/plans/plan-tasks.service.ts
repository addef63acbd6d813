import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { assertCanEdit, assertDraft } from './plan-access';
import { getPlanRow, insertTaskRoles, loadPlan } from './plan-store';
import type { TaskInput } from './plans.schemas';
import { plans, planTasks, taskOrgs, taskTargets } from './plans.tables';

/** Editing a draft plan's tasks by hand: add, change, delete, move. Codes follow the tree (1, 2, 2.1…). */
export type TaskFields = Omit<TaskInput, 'code' | 'parent'>;

async function editablePlan(tx: Db, planId: string, user: SessionUser) {
  const plan = await getPlanRow(tx, planId);
  assertCanEdit(user, plan);
  assertDraft(plan);
  return plan;
}

async function taskOf(tx: Db, planId: string, taskId: string) {
  const [task] = await tx
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.id, taskId), eq(planTasks.planId, planId)));
  if (!task) throw new AppError('plan.task_not_found', { taskId });
  return task;
}

/** Recomputes every task's code and position from the tree (children ordered by position). */
export async function renumber(tx: Db, planId: string) {
  const rows = await tx
    .select({ id: planTasks.id, parentId: planTasks.parentId, position: planTasks.position, code: planTasks.code })
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.position));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  let position = 0;
  const walk = async (parent: string | null, prefix: string) => {
    const list = children.get(parent) ?? [];
    for (let i = 0; i < list.length; i++) {
      const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      const r = list[i];
      const pos = position++;
      if (r.code !== code || r.position !== pos) await tx.update(planTasks).set({ code, position: pos }).where(eq(planTasks.id, r.id));
      await walk(r.id, code);
    }
  };
  await walk(null, '');
}

async function touchPlan(tx: Db, planId: string) {
  const [p] = await tx.select({ version: plans.version }).from(plans).where(eq(plans.id, planId));
  await tx
    .update(plans)
    .set({ version: p.version + 1, updatedAt: new Date() })
    .where(eq(plans.id, planId));
}

export async function addTask(db: Db, planId: string, input: TaskFields & { parentId: string | null }, user: SessionUser, actor: Actor) {
  return db.transaction(async (tx) => {
    await editablePlan(tx, planId, user);
    if (input.parentId) await taskOf(tx, planId, input.parentId);
    const [task] = await tx
      .insert(planTasks)
      .values({
        planId,
        parentId: input.parentId,
        code: 'new',
        position: 1_000_000,
        title: input.title,
        content: input.content,
        notes: input.notes,
        timeLabel: input.time.label || null,
        timeFrom: input.time.from,
        timeTo: input.time.to,
      })
      .returning({ id: planTasks.id });
    await insertTaskRoles(tx, task.id, input);
    await renumber(tx, planId);
    await touchPlan(tx, planId);
    await writeAudit(tx, actor, { action: 'create', entity: 'task', entityId: task.id, after: { planId, ...input } });
    return task.id;
  });
}

export async function updateTask(
  db: Db,
  planId: string,
  taskId: string,
  input: TaskFields & { version: number },
  user: SessionUser,
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    await editablePlan(tx, planId, user);
    const task = await taskOf(tx, planId, taskId);
    if (task.version !== input.version) throw new AppError('plan.task_version_conflict', { taskId });
    const before = (await loadPlan(tx, planId)).tasks.find((t) => t.id === taskId);
    await tx
      .update(planTasks)
      .set({
        title: input.title,
        content: input.content,
        notes: input.notes,
        timeLabel: input.time.label || null,
        timeFrom: input.time.from,
        timeTo: input.time.to,
        version: task.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(planTasks.id, taskId));
    await tx.delete(taskOrgs).where(eq(taskOrgs.taskId, taskId));
    await tx.delete(taskTargets).where(eq(taskTargets.taskId, taskId));
    await insertTaskRoles(tx, taskId, input);
    await touchPlan(tx, planId);
    await writeAudit(tx, actor, { action: 'update', entity: 'task', entityId: taskId, before, after: input });
    return { version: task.version + 1 };
  });
}

export async function deleteTask(db: Db, planId: string, taskId: string, user: SessionUser, actor: Actor) {
  await db.transaction(async (tx) => {
    await editablePlan(tx, planId, user);
    const before = (await loadPlan(tx, planId)).tasks.find((t) => t.id === taskId);
    await taskOf(tx, planId, taskId);
    await tx.delete(planTasks).where(eq(planTasks.id, taskId));
    await renumber(tx, planId);
    await touchPlan(tx, planId);
    await writeAudit(tx, actor, { action: 'delete', entity: 'task', entityId: taskId, before });
  });
}

/** Moves a task under `parentId` (null: top level) at `index` among its new siblings. */
export async function moveTask(
  db: Db,
  planId: string,
  taskId: string,
  parentId: string | null,
  index: number,
  user: SessionUser,
  actor: Actor,
) {
  await db.transaction(async (tx) => {
    await editablePlan(tx, planId, user);
    const task = await taskOf(tx, planId, taskId);
    // The new parent may not be the task itself or one of its descendants.
    for (let cursor = parentId; cursor;) {
      if (cursor === taskId) throw new AppError('plan.task_move_cycle', { field: 'parentId' });
      cursor = (await taskOf(tx, planId, cursor)).parentId;
    }
    const siblings = (
      await tx
        .select({ id: planTasks.id, position: planTasks.position, parentId: planTasks.parentId })
        .from(planTasks)
        .where(eq(planTasks.planId, planId))
        .orderBy(asc(planTasks.position))
    ).filter((t) => t.parentId === parentId && t.id !== taskId);
    const at = Math.max(0, Math.min(index, siblings.length));
    const ordered = [...siblings.slice(0, at).map((s) => s.id), taskId, ...siblings.slice(at).map((s) => s.id)];
    // Siblings get positions in their new order (renumber sorts each sibling group by position), then codes follow.
    const base = siblings.length ? Math.min(...siblings.map((s) => s.position)) : task.position;
    for (let i = 0; i < ordered.length; i++) {
      await tx
        .update(planTasks)
        .set({ position: base * 1000 + i, ...(ordered[i] === taskId ? { parentId } : {}) })
        .where(eq(planTasks.id, ordered[i]));
    }
    await renumber(tx, planId);
    await touchPlan(tx, planId);
    await writeAudit(tx, actor, {
      action: 'move',
      entity: 'task',
      entityId: taskId,
      before: { parentId: task.parentId, code: task.code },
      after: { parentId, index: at },
    });
  });
}
