import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { fullNumber } from '../../shared/doc-number';
import { writeAudit, type Actor } from '../audit';
import { orgGroupMembers, orgGroups, orgs } from '../orgs';
import { translate } from '../../shared/messages/catalogue';
import { assertCanRead } from './plan-access';
import { subPlanDraft } from './sub-plan-draft';
import { getPlanRow, insertPlan, loadPlan, type StoredPlan, type StoredTask } from './plan-store';
import type { TaskRole } from './plans.schemas';
import { plans } from './plans.tables';

/** The date a plan's organisations are taken at: its issue date, or 1 January of its first year. */
export const planOnDate = (p: { issuedOn: string | null; yearFrom: number }) => p.issuedOn ?? `${p.yearFrom}-01-01`;

/**
 * Whose bodies a plan's group phrase stands for. The directory may hold several provinces at
 * once (after a merger, the former provinces' bodies stay as history under their committees): a
 * group such as "các sở, ban, ngành" of one province's plan means that province's bodies by kind,
 * not the other's. A body sits in a province when its parent is that province's committee; bodies
 * under no province (central agencies, or a directory of one province) belong to every plan.
 */
interface ScopedOrg {
  id: string;
  kind: string;
  parentId: string | null;
}

/**
 * `inProvince(org, provinceId)`: whether `org` belongs to the plan of the organisation `provinceId`
 * (a plan's `orgId`); always true when that organisation is not a province (a department's sub-plan).
 */
export function provinceScope(byId: ReadonlyMap<string, ScopedOrg>) {
  return (org: ScopedOrg, provinceId: string | null): boolean => {
    if (!provinceId || byId.get(provinceId)?.kind !== 'province') return true;
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    return !parent || parent.kind !== 'province' || parent.id === provinceId;
  };
}

interface Membership {
  orgId: string;
  kind: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Whether an organisation belongs to a group phrase of a plan on a date (by kind within the plan's
 * province, or added by hand).
 */
async function groupMembership(db: Db) {
  const groups = await db.select().from(orgGroups);
  const explicit = await db.select().from(orgGroupMembers);
  const directory = await db.select({ id: orgs.id, kind: orgs.kind, parentId: orgs.parentId }).from(orgs);
  const inProvince = provinceScope(new Map(directory.map((o) => [o.id, o])));
  return (groupKey: string, org: Membership, onDate: string, planOrgId: string | null) => {
    const g = groups.find((x) => x.key === groupKey);
    if (!g) return false;
    const valid = (!org.validFrom || org.validFrom <= onDate) && (!org.validTo || org.validTo >= onDate);
    const byKind = g.kinds.includes(org.kind) && inProvince({ id: org.orgId, kind: org.kind, parentId: org.parentId }, planOrgId);
    const member = byKind || explicit.some((m) => m.groupId === g.id && m.orgId === org.orgId);
    return valid && member;
  };
}

/** The roles an organisation holds on a task: named directly, or through a group phrase. */
export function rolesOf(task: StoredTask, org: Membership, inGroup: (key: string, org: Membership) => boolean) {
  const roles: { role: TaskRole; via: string | null }[] = [];
  for (const role of ['lead', 'advisory', 'coordinating'] as const) {
    for (const e of task[role]) {
      if (e.orgId === org.orgId) roles.push({ role, via: null });
      else if (e.group && inGroup(e.group, org)) roles.push({ role, via: e.name });
    }
  }
  return roles;
}

async function orgMembership(db: Db, orgId: string): Promise<Membership> {
  const [o] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!o) throw new AppError('org.not_found', { id: orgId });
  return { orgId: o.id, kind: o.kind, parentId: o.parentId, validFrom: o.validFrom, validTo: o.validTo };
}

/** "Our organisation's tasks": every task of the issued provincial plans of a year where the organisation has a role. */
export async function orgTasks(db: Db, orgId: string, year: number) {
  const org = await orgMembership(db, orgId);
  const inGroupAt = await groupMembership(db);
  const planRows = await db
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(isNull(plans.parentPlanId), inArray(plans.status, ['issued', 'closed']), lte(plans.yearFrom, year), gte(plans.yearTo, year)),
    );
  const result = [];
  for (const { id } of planRows) {
    const plan = await loadPlan(db, id);
    const onDate = planOnDate({ issuedOn: plan.document.issuedOn, yearFrom: plan.document.yearFrom! });
    for (const task of plan.tasks) {
      const roles = rolesOf(task, org, (key, o) => inGroupAt(key, o, onDate, plan.orgId));
      if (roles.length) result.push({ planId: plan.id, planTitle: plan.document.title, task, roles });
    }
  }
  return result;
}

/** Task × organisation matrix: named organisations and group phrases as columns. */
export function taskMatrix(plan: StoredPlan) {
  const columns = new Map<string, { key: string; name: string; orgId: string | null; group: string | null }>();
  const rows = plan.tasks.map((t) => {
    const cells: Record<string, TaskRole[]> = {};
    for (const role of ['lead', 'advisory', 'coordinating'] as const) {
      for (const e of t[role]) {
        const key = e.orgId ?? (e.group ? `group:${e.group}` : `name:${e.raw}`);
        if (!columns.has(key)) columns.set(key, { key, name: e.name, orgId: e.orgId, group: e.group });
        (cells[key] ??= []).push(role);
      }
    }
    return { taskId: t.id, code: t.code, title: t.title, parent: t.parent, cells };
  });
  // Columns: organisations leading most tasks first, group phrases last.
  const leadCount = (key: string) => rows.filter((r) => r.cells[key]?.includes('lead')).length;
  const cols = [...columns.values()].sort(
    (a, b) =>
      Number(Boolean(a.group)) - Number(Boolean(b.group)) || leadCount(b.key) - leadCount(a.key) || a.name.localeCompare(b.name, 'vi'),
  );
  return { columns: cols, rows };
}

/**
 * An organisation's own sub-plan, pre-filled from the provincial tasks it leads or supports
 * (directly or through a group phrase), each task linked to the provincial one.
 */
export async function createSubPlan(db: Db, planId: string, orgId: string, user: SessionUser, actor: Actor) {
  if (user.role === 'officer' && user.orgId !== orgId) throw new AppError('org.forbidden', { orgId });
  if (user.role === 'leader' || user.role === 'inspector') throw new AppError('plan.forbidden');
  const row = await getPlanRow(db, planId);
  assertCanRead(user, row);
  if (row.parentPlanId) throw new AppError('plan.sub_of_sub', {});
  const plan = await loadPlan(db, planId);
  const org = await orgMembership(db, orgId);
  const [orgRow] = await db
    .select({ name: orgs.name, shortName: orgs.shortName, docCode: orgs.docCode })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  const draft = await subPlanDraft(db, orgId, orgRow);
  const inGroupAt = await groupMembership(db);
  const onDate = planOnDate({ issuedOn: plan.document.issuedOn, yearFrom: plan.document.yearFrom! });
  const picked = plan.tasks.filter((t) => rolesOf(t, org, (k, o) => inGroupAt(k, o, onDate, plan.orgId)).length > 0);
  if (picked.length === 0) throw new AppError('plan.no_tasks_for_org', { org: orgRow.name });
  // Keep the parents of picked tasks so the tree stays whole.
  const keep = new Set(picked.map((t) => t.id));
  for (const t of picked) for (let p = t.parentId; p; p = plan.tasks.find((x) => x.id === p)?.parentId ?? null) keep.add(p);
  const tasks = plan.tasks.filter((t) => keep.has(t.id));
  const sourceTaskIds = new Map(tasks.map((t) => [t.code, t.id]));
  const self = { name: orgRow.name, orgId, raw: orgRow.name };
  const whole = fullNumber(plan.document.number, plan.document.numberCode);
  return db.transaction(async (tx) => {
    const id = await insertPlan(
      tx,
      {
        document: {
          kind: 'KẾ HOẠCH',
          number: null,
          numberCode: draft.numberCode,
          issuer: orgRow.name.toLocaleUpperCase('vi'),
          place: plan.document.place,
          issuedOn: null,
          title: translate('vi', 'plans.sub.title', { title: plan.document.title, org: orgRow.name }),
          yearFrom: plan.document.yearFrom!,
          yearTo: plan.document.yearTo!,
          signer: draft.signature.name,
          signerTitle: draft.signature.lines,
        },
        legalBases: [
          {
            text: `Kế hoạch ${whole ? `số ${whole} ` : ''}${plan.document.title}`,
            ref: whole,
            kind: 'Kế hoạch',
            date: plan.document.issuedOn,
          },
        ],
        preamble: null,
        objectives: plan.objectives,
        requirements: plan.requirements,
        tasks: tasks.map((t) => {
          const roles = rolesOf(t, org, (k, o) => inGroupAt(k, o, onDate, plan.orgId));
          const isLead = roles.some((r) => r.role === 'lead');
          return {
            code: t.code,
            parent: t.parent,
            title: t.title,
            content: t.content,
            notes: roles.length
              ? [
                  {
                    label: translate('vi', 'plans.sub.role_note'),
                    text: [...new Set(roles.map((r) => translate('vi', `plans.sub.role.${r.role}`)))].join(', '),
                  },
                ]
              : [],
            time: t.time,
            lead: picked.includes(t) && isLead ? [self] : [],
            advisory: [],
            coordinating: picked.includes(t) && !isLead ? [self] : [],
            targets: isLead ? t.targets.map((x) => ({ text: x.text, min: x.min })) : [],
          };
        }),
        budget: { text: draft.budget, sources: plan.budget.sources },
        implementation: draft.implementation,
        reporting: plan.reporting,
        closing: [],
        recipients: draft.recipients,
        unparsed: [],
        orgId,
      },
      { status: 'draft', createdBy: user.id, orgId, parentPlanId: planId, sourceTaskIds },
    );
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'plan',
      entityId: id,
      after: { parentPlanId: planId, orgId, tasks: tasks.length },
    });
    return id;
  });
}
