import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { planOnDate, provinceScope } from '../plans';
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
 *
 * Computed on every call from one SQL statement (the directory and the plans' tasks and roles,
 * as JSON): nothing is cached, so several processes sharing a database always agree.
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
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}
interface Inputs {
  /** By name (the database's collation). */
  orgs: OrgInfo[];
  groups: { id: string; key: string; kinds: string[]; open: boolean }[];
  members: { groupId: string; orgId: string }[];
  successors: { orgId: string; successorId: string }[];
  plans: { id: string; orgId: string | null; issuedOn: string | null; yearFrom: number }[];
  /** The plans' tasks and the ad-hoc requests' tasks, by position. */
  tasks: { id: string; planId: string; code: string; title: string; timeTo: string | null }[];
  /** The plans' lead, advisory and coordinating roles, by position. */
  roles: { taskId: string; role: 'lead' | 'advisory' | 'coordinating'; orgId: string | null; groupKey: string | null }[];
}

const ROLES = ['lead', 'advisory', 'coordinating'] as const;
const byNameVi = new Intl.Collator('vi').compare;
const validAt = (o: OrgInfo, d: string) => (!o.validFrom || o.validFrom <= d) && (!o.validTo || o.validTo >= d);
/** A uuid[] literal (the ids come from uuid columns). */
const uuidArray = (ids: Iterable<string>) => `{${[...new Set(ids)].join(',')}}`;

/** Everything the resolution needs for these periods, in one round trip. */
async function loadInputs(db: Db, periods: PeriodRow[]): Promise<Inputs> {
  const planIds = uuidArray(periods.filter((p) => p.kind !== 'ad_hoc' && p.planId).map((p) => p.planId!));
  const taskIds = uuidArray(periods.filter((p) => p.kind === 'ad_hoc').flatMap((p) => p.taskIds));
  const [row] = rowsOf<Inputs>(
    await db.execute(sql`
      SELECT
        (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name, 'kind', o.kind, 'parentId', o.parent_id, 'validFrom', o.valid_from, 'validTo', o.valid_to) ORDER BY o.name), '[]') FROM orgs o) AS orgs,
        (SELECT coalesce(json_agg(json_build_object('id', g.id, 'key', g.key, 'kinds', g.kinds, 'open', g.open)), '[]') FROM org_groups g) AS groups,
        (SELECT coalesce(json_agg(json_build_object('groupId', m.group_id, 'orgId', m.org_id)), '[]') FROM org_group_members m) AS members,
        (SELECT coalesce(json_agg(json_build_object('orgId', s.org_id, 'successorId', s.successor_id)), '[]') FROM org_successors s) AS successors,
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'orgId', p.org_id, 'issuedOn', p.issued_on, 'yearFrom', p.year_from)), '[]') FROM plans p WHERE p.id = ANY(${planIds}::uuid[])) AS plans,
        (SELECT coalesce(json_agg(json_build_object('id', t.id, 'planId', t.plan_id, 'code', t.code, 'title', t.title, 'timeTo', t.time_to) ORDER BY t.position), '[]')
           FROM (SELECT id, plan_id, code, title, time_to, position FROM plan_tasks WHERE plan_id = ANY(${planIds}::uuid[])
                 UNION SELECT id, plan_id, code, title, time_to, position FROM plan_tasks WHERE id = ANY(${taskIds}::uuid[])) t) AS tasks,
        (SELECT coalesce(json_agg(json_build_object('taskId', r.task_id, 'role', r.role, 'orgId', r.org_id, 'groupKey', r.group_key) ORDER BY r.position), '[]')
           FROM plan_tasks t CROSS JOIN LATERAL (SELECT r.task_id, r.role, r.org_id, r.group_key, r.position FROM task_orgs r WHERE r.task_id = t.id AND r.role IN ('lead', 'advisory', 'coordinating') OFFSET 0) r
           WHERE t.plan_id = ANY(${planIds}::uuid[])) AS roles`),
  );
  return row;
}

function directory(inp: Inputs) {
  const byId = new Map(inp.orgs.map((o) => [o.id, o]));
  const groupByKey = new Map(inp.groups.map((g) => [g.key, g]));
  const explicit = new Map<string, Set<string>>();
  for (const m of inp.members) (explicit.get(m.groupId) ?? explicit.set(m.groupId, new Set()).get(m.groupId)!).add(m.orgId);
  const successorsOf = new Map<string, string[]>();
  for (const s of inp.successors) (successorsOf.get(s.orgId) ?? successorsOf.set(s.orgId, []).get(s.orgId)!).push(s.successorId);
  const memberCache = new Map<string, OrgInfo[]>();
  const inProvince = provinceScope(byId);
  /** A group's members on a date; by kind only the bodies of the plan's own province (`provinceId`). */
  const groupMembers = (key: string, onDate: string, provinceId: string | null): OrgInfo[] => {
    const cacheKey = `${key}\n${onDate}\n${provinceId}`;
    let found = memberCache.get(cacheKey);
    if (!found) {
      const g = groupByKey.get(key);
      const named = g && !g.open ? (explicit.get(g.id) ?? new Set<string>()) : null;
      found =
        g && named
          ? inp.orgs.filter((o) => ((g.kinds.includes(o.kind) && inProvince(o, provinceId)) || named.has(o.id)) && validAt(o, onDate))
          : [];
      memberCache.set(cacheKey, found);
    }
    return found;
  };
  /** The organisations that report for `org` at `date`: itself while valid, else its successors (followed). */
  const reporters = (org: OrgInfo, date: string, depth = 0): OrgInfo[] => {
    if (validAt(org, date) || depth > 5) return [org];
    return (successorsOf.get(org.id) ?? [])
      .map((id) => byId.get(id))
      .filter((o): o is OrgInfo => Boolean(o))
      .flatMap((o) => reporters(o, date, depth + 1))
      .filter((o) => validAt(o, date));
  };
  return { byId, groupMembers, reporters };
}

type Directory = ReturnType<typeof directory>;

function resolve(
  inp: Inputs,
  dir: Directory,
  tasksByPlan: Map<string, Inputs['tasks']>,
  rolesByTask: Map<string, Inputs['roles']>,
  period: PeriodRow,
): ExpectedOrg[] {
  const result = new Map<string, { e: ExpectedOrg; tasks: Map<string, ExpectedTask> }>();
  const sorted = () => [...result.values()].map((x) => x.e).sort((a, b) => byNameVi(a.name, b.name));

  if (period.kind === 'ad_hoc') {
    const wanted = new Set(period.taskIds);
    const tasks = inp.tasks.filter((t) => wanted.has(t.id));
    for (const orgId of period.orgIds) {
      const org = dir.byId.get(orgId);
      if (!org) continue;
      const e: ExpectedOrg = { orgId, name: org.name, shortName: org.shortName, kind: org.kind, replaces: [], tasks: [] };
      e.tasks = tasks.map((t) => ({ taskId: t.id, code: t.code, title: t.title, timeTo: t.timeTo, roles: ['asked'] }));
      result.set(orgId, { e, tasks: new Map() });
    }
    return sorted();
  }

  const plan = period.planId ? inp.plans.find((p) => p.id === period.planId) : undefined;
  if (!plan) return [];
  const refDate = period.deadline < period.dataTo ? period.deadline : period.dataTo;
  const reportersOf = new Map<string, OrgInfo[]>();
  const add = (org: OrgInfo, task: Omit<ExpectedTask, 'roles'>, role: TaskRoleName) => {
    let reporters = reportersOf.get(org.id);
    if (!reporters) reportersOf.set(org.id, (reporters = dir.reporters(org, refDate)));
    for (const o of reporters) {
      if (o.kind === 'province') continue;
      let x = result.get(o.id);
      if (!x)
        result.set(
          o.id,
          (x = { e: { orgId: o.id, name: o.name, shortName: o.shortName, kind: o.kind, replaces: [], tasks: [] }, tasks: new Map() }),
        );
      if (org.id !== o.id && !x.e.replaces.includes(org.name)) x.e.replaces.push(org.name);
      let t = x.tasks.get(task.taskId);
      if (!t) {
        // Written out: an object spread here costs more than the rest of the resolution.
        x.e.tasks.push((t = { taskId: task.taskId, code: task.code, title: task.title, timeTo: task.timeTo, roles: [] }));
        x.tasks.set(task.taskId, t);
      }
      if (!t.roles.includes(role)) t.roles.push(role);
    }
  };
  const onDate = planOnDate(plan);
  for (const t of tasksByPlan.get(plan.id) ?? []) {
    const task = { taskId: t.id, code: t.code, title: t.title, timeTo: t.timeTo };
    const entries = rolesByTask.get(t.id) ?? [];
    for (const role of ROLES) {
      for (const entry of entries) {
        if (entry.role !== role) continue;
        const named = entry.orgId ? dir.byId.get(entry.orgId) : undefined;
        const holders = named ? [named] : entry.groupKey ? dir.groupMembers(entry.groupKey, onDate, plan.orgId) : [];
        for (const org of holders) add(org, task, role);
      }
    }
  }
  return sorted();
}

/** Who owes a report, for each of these periods (by period id), read in one round trip. */
export async function expectedForPeriods(db: Db, periods: PeriodRow[]): Promise<Map<string, ExpectedOrg[]>> {
  const out = new Map<string, ExpectedOrg[]>();
  if (!periods.length) return out;
  const inp = await loadInputs(db, periods);
  const dir = directory(inp);
  const tasksByPlan = new Map<string, Inputs['tasks']>();
  for (const t of inp.tasks) (tasksByPlan.get(t.planId) ?? tasksByPlan.set(t.planId, []).get(t.planId)!).push(t);
  const rolesByTask = new Map<string, Inputs['roles']>();
  for (const r of inp.roles) (rolesByTask.get(r.taskId) ?? rolesByTask.set(r.taskId, []).get(r.taskId)!).push(r);
  for (const p of periods) out.set(p.id, resolve(inp, dir, tasksByPlan, rolesByTask, p));
  return out;
}

export async function expectedOrgs(db: Db, period: PeriodRow): Promise<ExpectedOrg[]> {
  return (await expectedForPeriods(db, [period])).get(period.id)!;
}

/** The tasks an organisation reports on in a period (empty when it owes no report). */
export async function expectedFor(db: Db, period: PeriodRow, orgId: string): Promise<ExpectedOrg | null> {
  return (await expectedOrgs(db, period)).find((e) => e.orgId === orgId) ?? null;
}
