import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgGroupMembers, orgGroups, orgs, orgSuccessors } from '../orgs/orgs.tables';
import { planOnDate } from '../plans/plan-views';
import { plans, planTasks, taskOrgs } from '../plans/plans.tables';
import type { reportPeriods } from './reports.tables';

/**
 * Who owes a report for a period, derived (never typed):
 * - periodic: every organisation holding a role (lead, advisory, coordinating) in a task of the
 *   plan, named or through a group phrase resolved on the plan's date (the directory's validity
 *   dates decide who belonged). Open groups ("các đơn vị có liên quan") name nobody. The province
 *   itself (UBND tỉnh) receives the reports and owes none.
 * - an organisation that has ended before the period's reference date (the deadline, or the end
 *   of the data window when that comes first) is replaced by its successors valid then, which
 *   take over its tasks (merged or renamed organisations);
 * - ad-hoc: the organisations named in the request, about the tasks it names.
 */
export type PeriodRow = typeof reportPeriods.$inferSelect;
export type TaskRoleName = 'lead' | 'advisory' | 'coordinating' | 'asked';

export interface ExpectedTask {
  taskId: string;
  code: string;
  title: string;
  timeTo: string | null;
  roles: TaskRoleName[];
}
export interface ExpectedOrg {
  orgId: string;
  name: string;
  shortName: string;
  kind: string;
  /** Set when the organisation reports in place of ended ones. */
  replaces: string[];
  tasks: ExpectedTask[];
}

interface OrgInfo {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}
const validAt = (o: OrgInfo, d: string) => (!o.validFrom || o.validFrom <= d) && (!o.validTo || o.validTo >= d);

async function directory(db: Db) {
  const [all, groups, members, successors] = await Promise.all([
    db.select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName, kind: orgs.kind, validFrom: orgs.validFrom, validTo: orgs.validTo }).from(orgs).orderBy(asc(orgs.name)),
    db.select().from(orgGroups),
    db.select().from(orgGroupMembers),
    db.select().from(orgSuccessors),
  ]);
  const byId = new Map(all.map((o) => [o.id, o]));
  const groupMembers = (key: string, onDate: string): OrgInfo[] => {
    const g = groups.find((x) => x.key === key);
    if (!g || g.open) return [];
    const explicit = new Set(members.filter((m) => m.groupId === g.id).map((m) => m.orgId));
    return all.filter((o) => (g.kinds.includes(o.kind) || explicit.has(o.id)) && validAt(o, onDate));
  };
  /** The organisations that report for `org` at `date`: itself while valid, else its successors (followed). */
  const reporters = (org: OrgInfo, date: string, depth = 0): OrgInfo[] => {
    if (validAt(org, date) || depth > 5) return [org];
    return successors
      .filter((s) => s.orgId === org.id)
      .map((s) => byId.get(s.successorId))
      .filter((o): o is OrgInfo => Boolean(o))
      .flatMap((o) => reporters(o, date, depth + 1))
      .filter((o) => validAt(o, date));
  };
  return { byId, groupMembers, reporters };
}

export async function expectedOrgs(db: Db, period: PeriodRow): Promise<ExpectedOrg[]> {
  const dir = await directory(db);
  const result = new Map<string, ExpectedOrg>();
  const refDate = period.deadline < period.dataTo ? period.deadline : period.dataTo;
  const add = (org: OrgInfo, task: Omit<ExpectedTask, 'roles'>, role: TaskRoleName, original: OrgInfo) => {
    for (const o of dir.reporters(org, refDate)) {
      if (o.kind === 'province') continue;
      let e = result.get(o.id);
      if (!e) result.set(o.id, (e = { orgId: o.id, name: o.name, shortName: o.shortName, kind: o.kind, replaces: [], tasks: [] }));
      if (original.id !== o.id && !e.replaces.includes(original.name)) e.replaces.push(original.name);
      let t = e.tasks.find((x) => x.taskId === task.taskId);
      if (!t) e.tasks.push((t = { ...task, roles: [] }));
      if (!t.roles.includes(role)) t.roles.push(role);
    }
  };

  if (period.kind === 'ad_hoc') {
    const tasks = period.taskIds.length
      ? await db.select({ id: planTasks.id, code: planTasks.code, title: planTasks.title, timeTo: planTasks.timeTo, position: planTasks.position }).from(planTasks).where(inArray(planTasks.id, period.taskIds)).orderBy(asc(planTasks.position))
      : [];
    for (const orgId of period.orgIds) {
      const org = dir.byId.get(orgId);
      if (!org) continue;
      const e: ExpectedOrg = { orgId, name: org.name, shortName: org.shortName, kind: org.kind, replaces: [], tasks: [] };
      e.tasks = tasks.map((t) => ({ taskId: t.id, code: t.code, title: t.title, timeTo: t.timeTo, roles: ['asked'] }));
      result.set(orgId, e);
    }
    return [...result.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  if (!period.planId) return [];
  // Only what is needed (not the whole plan document): the dashboard calls this on every view.
  const [[plan], tasks, roles] = await Promise.all([
    db.select({ issuedOn: plans.issuedOn, yearFrom: plans.yearFrom }).from(plans).where(eq(plans.id, period.planId)),
    db.select({ id: planTasks.id, code: planTasks.code, title: planTasks.title, timeTo: planTasks.timeTo }).from(planTasks).where(eq(planTasks.planId, period.planId)).orderBy(asc(planTasks.position)),
    db
      .select({ taskId: taskOrgs.taskId, role: taskOrgs.role, orgId: taskOrgs.orgId, groupKey: taskOrgs.groupKey })
      .from(taskOrgs)
      .innerJoin(planTasks, eq(planTasks.id, taskOrgs.taskId))
      .where(eq(planTasks.planId, period.planId))
      .orderBy(asc(taskOrgs.position)),
  ]);
  if (!plan) return [];
  const onDate = planOnDate(plan);
  for (const t of tasks) {
    const task = { taskId: t.id, code: t.code, title: t.title, timeTo: t.timeTo };
    for (const role of ['lead', 'advisory', 'coordinating'] as const) {
      for (const entry of roles.filter((r) => r.taskId === t.id && r.role === role)) {
        const named = entry.orgId ? dir.byId.get(entry.orgId) : undefined;
        const holders = named ? [named] : entry.groupKey ? dir.groupMembers(entry.groupKey, onDate) : [];
        for (const org of holders) add(org, task, role, org);
      }
    }
  }
  return [...result.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The tasks an organisation reports on in a period (empty when it owes no report). */
export async function expectedFor(db: Db, period: PeriodRow, orgId: string): Promise<ExpectedOrg | null> {
  return (await expectedOrgs(db, period)).find((e) => e.orgId === orgId) ?? null;
}
