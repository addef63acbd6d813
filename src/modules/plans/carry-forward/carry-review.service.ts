import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { SessionUser } from '../../../http';
import { AppError } from '../../../shared/errors';
import { translate, type Lang } from '../../../shared/messages/catalogue';
import { writeAudit, type Actor } from '../../audit';
import { orgs } from '../../orgs';
import { assertCanEdit, assertCanRead, assertDraft } from '../plan-access';
import { getPlanRow, loadPlan, type StoredPlan, type StoredTask } from '../plan-store';
import type { SuccessorStep } from '../import';
import { TASK_ROLE_VALUES, type TaskRole } from '../plans.schemas';
import { planTasks, taskOrgs } from '../plans.tables';
import { planCarryItems } from './carry-forward.tables';

/** The review list of a carried-forward draft, each item with its message in the reader's language. */
export async function carryReview(db: Db, planId: string, user: SessionUser, lang: Lang = 'vi') {
  const row = await getPlanRow(db, planId);
  assertCanRead(user, row);
  const items = await db.select().from(planCarryItems).where(eq(planCarryItems.planId, planId)).orderBy(asc(planCarryItems.position));
  return {
    planId,
    sourcePlanId: row.carriedFromId,
    items: items.map((i) => ({
      id: i.id,
      position: i.position,
      taskCode: i.taskCode,
      code: i.code,
      params: i.params,
      message: translate(lang, i.code, i.params),
      role: i.role as TaskRole | null,
      chain: i.chain as SuccessorStep[],
      candidates: i.candidates,
      chosenOrgId: i.chosenOrgId,
      needsChoice: i.needsChoice,
      reviewedAt: i.reviewedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Marks an item reviewed (or not); for an organisation change, `orgId` picks one of its candidates:
 * the task keeps that one in the role and drops the other candidates.
 */
export async function reviewCarryItem(
  db: Db,
  planId: string,
  itemId: string,
  body: { reviewed: boolean; orgId?: string },
  user: SessionUser,
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const row = await getPlanRow(tx, planId);
    assertCanEdit(user, row);
    const [item] = await tx
      .select()
      .from(planCarryItems)
      .where(and(eq(planCarryItems.id, itemId), eq(planCarryItems.planId, planId)));
    if (!item) throw new AppError('plan.carry_item_not_found', { id: itemId });
    const patch: Partial<typeof planCarryItems.$inferInsert> = {
      reviewedAt: body.reviewed ? new Date() : null,
      reviewedBy: body.reviewed ? user.id : null,
    };
    if (body.orgId) {
      assertDraft(row);
      const chosen =
        item.candidates.find((c) => c.orgId === body.orgId) ??
        (item.code === 'carry.org_ended' ? await validOrg(tx, body.orgId, await directoryDate(tx, planId, row.yearFrom)) : undefined);
      if (!chosen || !item.taskId || !item.role)
        throw new AppError('plan.carry_choice_invalid', { field: 'body.orgId', task: item.taskCode ?? '' });
      const ids = item.candidates.map((c) => c.orgId);
      const rows = await tx
        .select()
        .from(taskOrgs)
        .where(and(eq(taskOrgs.taskId, item.taskId), eq(taskOrgs.role, item.role), inArray(taskOrgs.orgId, ids)))
        .orderBy(asc(taskOrgs.position));
      const last = await tx
        .select({ position: taskOrgs.position })
        .from(taskOrgs)
        .where(and(eq(taskOrgs.taskId, item.taskId), eq(taskOrgs.role, item.role)));
      const position = rows[0]?.position ?? Math.max(-1, ...last.map((r) => r.position)) + 1;
      if (rows.length)
        await tx.delete(taskOrgs).where(
          inArray(
            taskOrgs.id,
            rows.map((r) => r.id),
          ),
        );
      await tx.insert(taskOrgs).values({ taskId: item.taskId, role: item.role, position, orgId: chosen.orgId, writtenName: chosen.name });
      const [task] = await tx.select({ version: planTasks.version }).from(planTasks).where(eq(planTasks.id, item.taskId));
      await tx
        .update(planTasks)
        .set({ version: task.version + 1, updatedAt: new Date() })
        .where(eq(planTasks.id, item.taskId));
      Object.assign(patch, { chosenOrgId: chosen.orgId, needsChoice: false });
    }
    await tx.update(planCarryItems).set(patch).where(eq(planCarryItems.id, itemId));
    await writeAudit(tx, actor, {
      action: 'carry_review',
      entity: 'plan',
      entityId: planId,
      before: { item: itemId, reviewed: Boolean(item.reviewedAt), chosenOrgId: item.chosenOrgId },
      after: { item: itemId, reviewed: body.reviewed, chosenOrgId: body.orgId ?? item.chosenOrgId },
    });
    return { id: itemId, reviewed: body.reviewed, chosenOrgId: body.orgId ?? item.chosenOrgId };
  });
}

/** The date the carry-forward read the directory as of (its `carry.as_of` item), or 1 January of the plan's first year. */
async function directoryDate(db: Db, planId: string, year: number): Promise<string> {
  const [asOf] = await db
    .select({ params: planCarryItems.params })
    .from(planCarryItems)
    .where(and(eq(planCarryItems.planId, planId), eq(planCarryItems.code, 'carry.as_of')));
  return typeof asOf?.params.iso === 'string' ? asOf.params.iso : `${year}-01-01`;
}

/** An organisation valid on `day`, as a candidate, or undefined. */
async function validOrg(db: Db, orgId: string, day: string) {
  const [o] = await db
    .select({ orgId: orgs.id, name: orgs.name, validFrom: orgs.validFrom, validTo: orgs.validTo })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return o && (!o.validFrom || o.validFrom <= day) && (!o.validTo || o.validTo >= day) ? { orgId: o.orgId, name: o.name } : undefined;
}

export interface DiffSide {
  lead: string[];
  advisory: string[];
  coordinating: string[];
  time: string;
  targets: string[];
}
export interface DiffRow {
  code: string;
  title: string;
  old: DiffSide | null;
  new: DiffSide | null;
  changed: boolean;
}

const side = (t: StoredTask): DiffSide => ({
  ...(Object.fromEntries(TASK_ROLE_VALUES.map((r) => [r, t[r].map((e) => e.name)])) as Pick<
    DiffSide,
    'lead' | 'advisory' | 'coordinating'
  >),
  time: t.time.label || [t.time.from, t.time.to].filter(Boolean).join(' – '),
  targets: t.targets.map((x) => `${x.text} (${x.min})`),
});

/** Last year's plan beside the carried one, task by task (by number). */
export async function carryDiff(db: Db, planId: string, user: SessionUser): Promise<{ from: StoredPlan; to: StoredPlan; rows: DiffRow[] }> {
  const row = await getPlanRow(db, planId);
  assertCanRead(user, row);
  if (!row.carriedFromId) throw new AppError('plan.carry_no_source', { id: planId });
  const [to, from] = [await loadPlan(db, planId), await loadPlan(db, row.carriedFromId)];
  const oldByCode = new Map(from.tasks.map((t) => [t.code, t]));
  const rows: DiffRow[] = to.tasks.map((t) => {
    const o = oldByCode.get(t.code);
    const n = side(t);
    const old = o ? side(o) : null;
    return { code: t.code, title: t.title, old, new: n, changed: JSON.stringify(old) !== JSON.stringify(n) };
  });
  for (const o of from.tasks)
    if (!to.tasks.some((t) => t.code === o.code)) rows.push({ code: o.code, title: o.title, old: side(o), new: null, changed: true });
  return { from, to, rows };
}
