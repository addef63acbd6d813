import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import { assertCanRead, getPlanRow, planTasks } from '../plans';
import { activities, activitySpending, activityTasks, budgetAllocations } from './activities.tables';
import type { AllocationInput } from './activities.schemas';
import { BUDGET_SOURCE_VALUES } from './activities.schemas';
import { assertCanWriteFor } from './activity-access';
import { assertOrgExists, assertTasksExist } from './activity-store';

/** Sets (or replaces) the amount allocated to a task, for an organisation, from a source. Audited. */
export async function setAllocation(db: Db, input: AllocationInput, user: SessionUser, actor: Actor) {
  assertCanWriteFor(user, input.orgId);
  await assertOrgExists(db, input.orgId);
  await assertTasksExist(db, [input.taskId], 'body.taskId');
  return db.transaction(async (tx) => {
    const key = and(
      eq(budgetAllocations.taskId, input.taskId),
      eq(budgetAllocations.orgId, input.orgId),
      eq(budgetAllocations.source, input.source),
    );
    const [before] = await tx.select().from(budgetAllocations).where(key);
    const [row] = await tx
      .insert(budgetAllocations)
      .values({ ...input, note: input.note ?? null, updatedBy: user.id })
      .onConflictDoUpdate({
        target: [budgetAllocations.taskId, budgetAllocations.orgId, budgetAllocations.source],
        set: {
          amount: input.amount,
          note: input.note ?? null,
          updatedBy: user.id,
          updatedAt: new Date(),
          version: (before?.version ?? 0) + 1,
        },
      })
      .returning();
    await writeAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'budget_allocation',
      entityId: row.id,
      before: before ? { amount: Number(before.amount) } : null,
      after: input,
    });
    return { id: row.id, ...input, amount: Number(row.amount) };
  });
}

export async function deleteAllocation(db: Db, id: string, user: SessionUser, actor: Actor) {
  const [row] = await db.select().from(budgetAllocations).where(eq(budgetAllocations.id, id));
  if (!row) throw new AppError('activity.allocation_not_found', { id });
  assertCanWriteFor(user, row.orgId);
  await db.transaction(async (tx) => {
    await tx.delete(budgetAllocations).where(eq(budgetAllocations.id, id));
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'budget_allocation',
      entityId: id,
      before: { ...row, amount: Number(row.amount) },
    });
  });
}

type BySource = Record<string, number>;
interface Line {
  allocated: BySource;
  spent: BySource;
  allocatedTotal: number;
  spentTotal: number;
}
const emptyLine = (): Line => ({ allocated: {}, spent: {}, allocatedTotal: 0, spentTotal: 0 });
const add = (line: Line, what: 'allocated' | 'spent', source: string, amount: number) => {
  line[what][source] = (line[what][source] ?? 0) + amount;
  if (what === 'allocated') line.allocatedTotal += amount;
  else line.spentTotal += amount;
};

/**
 * Budget against spending for a plan, by task, organisation and source. Spending is the money
 * recorded on activities linked to the plan's tasks; an activity linked to several tasks of the
 * plan counts once, on the first of them in plan order.
 */
export async function planBudget(db: Db, planId: string, user: SessionUser) {
  assertCanRead(user, await getPlanRow(db, planId));
  const tasks = await db
    .select({ id: planTasks.id, code: planTasks.code, title: planTasks.title, position: planTasks.position })
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.position));
  const taskIds = tasks.map((t) => t.id);
  const position = new Map(tasks.map((t) => [t.id, t.position]));
  const [allocations, links] = await Promise.all([
    taskIds.length ? db.select().from(budgetAllocations).where(inArray(budgetAllocations.taskId, taskIds)) : [],
    taskIds.length
      ? db
          .select({ activityId: activityTasks.activityId, taskId: activityTasks.taskId, orgId: activities.orgId })
          .from(activityTasks)
          .innerJoin(activities, eq(activities.id, activityTasks.activityId))
          .where(inArray(activityTasks.taskId, taskIds))
      : [],
  ]);
  const firstTask = new Map<string, { taskId: string; orgId: string }>();
  for (const l of links) {
    const cur = firstTask.get(l.activityId);
    if (!cur || position.get(l.taskId)! < position.get(cur.taskId)!) firstTask.set(l.activityId, { taskId: l.taskId, orgId: l.orgId });
  }
  const spending = firstTask.size
    ? await db
        .select()
        .from(activitySpending)
        .where(inArray(activitySpending.activityId, [...firstTask.keys()]))
    : [];
  const byTask = new Map(tasks.map((t) => [t.id, emptyLine()]));
  const byOrg = new Map<string, Line>();
  const bySource = new Map(BUDGET_SOURCE_VALUES.map((s) => [s as string, emptyLine()]));
  const total = emptyLine();
  const book = (what: 'allocated' | 'spent', taskId: string, orgId: string, source: string, amount: number) => {
    add(byTask.get(taskId)!, what, source, amount);
    if (!byOrg.has(orgId)) byOrg.set(orgId, emptyLine());
    add(byOrg.get(orgId)!, what, source, amount);
    if (!bySource.has(source)) bySource.set(source, emptyLine());
    add(bySource.get(source)!, what, source, amount);
    add(total, what, source, amount);
  };
  for (const a of allocations) book('allocated', a.taskId, a.orgId, a.source, Number(a.amount));
  for (const s of spending) {
    const at = firstTask.get(s.activityId)!;
    book('spent', at.taskId, at.orgId, s.source, Number(s.amount));
  }
  const orgNames = byOrg.size
    ? await db
        .select({ id: orgs.id, name: orgs.name })
        .from(orgs)
        .where(inArray(orgs.id, [...byOrg.keys()]))
    : [];
  return {
    planId,
    sources: BUDGET_SOURCE_VALUES as string[],
    byTask: tasks.map((t) => ({ taskId: t.id, code: t.code, title: t.title, ...byTask.get(t.id)! })),
    byOrg: orgNames.map((o) => ({ orgId: o.id, name: o.name, ...byOrg.get(o.id)! })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    bySource: [...bySource.entries()].map(([source, line]) => ({ source, allocated: line.allocatedTotal, spent: line.spentTotal })),
    total: { allocated: total.allocatedTotal, spent: total.spentTotal },
    allocations: allocations.map((a) => ({
      id: a.id,
      taskId: a.taskId,
      orgId: a.orgId,
      source: a.source,
      amount: Number(a.amount),
      note: a.note,
    })),
  };
}
export type PlanBudget = Awaited<ReturnType<typeof planBudget>>;
