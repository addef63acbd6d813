import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { fullNumber, numberCodeOf, numberSerial } from '../../shared/doc-number';
import { orgGroups, orgs } from '../orgs';
import type { ParsedPlan, PlanTask } from './import/types';
import type { PlanInput, PlanStatus, TaskRole } from './plans.schemas';
import { TASK_ROLE_VALUES } from './plans.schemas';
import { plans, planTasks, taskOrgs, taskTargets } from './plans.tables';

/**
 * Reading and writing a whole plan: the header row, its tasks in order, the organisations
 * in their roles and the targets. A plan read back has the importer's shape (ParsedPlan),
 * plus ids, so the exporters and the screens use one form.
 */
export interface StoredOrgEntry {
  id: string;
  name: string;
  orgId: string | null;
  group: string | null;
  raw: string;
  open?: boolean;
}
export interface StoredTask {
  id: string;
  parentId: string | null;
  sourceTaskId: string | null;
  code: string;
  parent: string | null;
  position: number;
  title: string;
  content: string[];
  notes: { label: string; text: string }[];
  time: { label: string; from: string | null; to: string | null };
  lead: StoredOrgEntry[];
  advisory: StoredOrgEntry[];
  coordinating: StoredOrgEntry[];
  targets: { id: string; text: string; min: number; indicator: string | null }[];
  version: number;
}
export type PlanRow = typeof plans.$inferSelect;
export interface StoredPlan {
  id: string;
  parentPlanId: string | null;
  orgId: string | null;
  orgName: string | null;
  status: PlanStatus;
  version: number;
  updatedAt: string;
  sourceFilename: string | null;
  document: ParsedPlan['document'];
  legalBases: unknown[];
  preamble: string | null;
  objectives: string[];
  requirements: string[];
  budget: { text: string; sources: string[] };
  implementation: unknown[];
  reporting: { deadlines: { day: number; month: number }[]; adHoc: boolean; text: string[] };
  closing: string[];
  recipients: string[];
  unparsed: string[];
  tasks: StoredTask[];
}

export interface InsertOptions {
  status: PlanStatus;
  createdBy: string | null;
  orgId: string | null;
  parentPlanId?: string | null;
  /** For sub-plans: provincial task id for each task code. */
  sourceTaskIds?: Map<string, string>;
}

/** Inserts a whole plan; call inside the transaction that also writes its audit record. */
export async function insertPlan(tx: Db, input: PlanInput, opts: InsertOptions): Promise<string> {
  const d = input.document;
  const [row] = await tx
    .insert(plans)
    .values({
      parentPlanId: opts.parentPlanId ?? null,
      orgId: opts.orgId,
      status: opts.status,
      kind: d.kind ?? 'KẾ HOẠCH',
      number: fullNumber(d.number, d.numberCode),
      numberCode: d.numberCode ?? numberCodeOf(d.number),
      issuer: d.issuer,
      place: d.place,
      issuedOn: d.issuedOn,
      title: d.title,
      yearFrom: d.yearFrom,
      yearTo: d.yearTo,
      signer: d.signer,
      signerTitle: d.signerTitle,
      legalBases: input.legalBases,
      preamble: input.preamble,
      objectives: input.objectives,
      requirements: input.requirements,
      budget: input.budget,
      implementation: input.implementation,
      reporting: input.reporting,
      closing: input.closing,
      recipients: input.recipients,
      sourceFilename: input.sourceFilename ?? null,
      sourceText: input.sourceText ?? null,
      unparsed: input.unparsed,
      createdBy: opts.createdBy,
    })
    .returning({ id: plans.id });
  await insertTasks(tx, row.id, input.tasks, opts.sourceTaskIds);
  return row.id;
}

export async function insertTasks(tx: Db, planId: string, tasks: PlanInput['tasks'], sourceTaskIds?: Map<string, string>) {
  const idByCode = new Map<string, string>();
  const seen = new Set<string>();
  for (const t of tasks) {
    if (seen.has(t.code)) throw new AppError('plan.task_code_duplicate', { code: t.code, field: 'tasks' });
    seen.add(t.code);
  }
  // Parents come before children in a plan; insert one by one to know each id.
  let position = 0;
  for (const t of tasks) {
    const parentId = t.parent ? idByCode.get(t.parent) : null;
    if (t.parent && !parentId) throw new AppError('plan.task_parent_missing', { code: t.code, parent: t.parent, field: 'tasks' });
    const [task] = await tx
      .insert(planTasks)
      .values({
        planId,
        parentId: parentId ?? null,
        sourceTaskId: sourceTaskIds?.get(t.code) ?? null,
        code: t.code,
        position: position++,
        title: t.title,
        content: t.content,
        notes: t.notes,
        timeLabel: t.time.label || null,
        timeFrom: t.time.from,
        timeTo: t.time.to,
      })
      .returning({ id: planTasks.id });
    idByCode.set(t.code, task.id);
    await insertTaskRoles(tx, task.id, t);
  }
  return idByCode;
}

export async function insertTaskRoles(tx: Db, taskId: string, t: Pick<PlanInput['tasks'][number], TaskRole | 'targets'>) {
  const roles = TASK_ROLE_VALUES.flatMap((role) =>
    t[role].map((e, i) => ({
      taskId,
      role,
      position: i,
      orgId: e.orgId ?? null,
      groupKey: e.group ?? null,
      writtenName: (e.raw || e.name).slice(0, 500),
    })),
  );
  if (roles.length) await tx.insert(taskOrgs).values(roles);
  if (t.targets.length) await tx.insert(taskTargets).values(t.targets.map((x) => ({ taskId, text: x.text, min: x.min })));
}

export async function getPlanRow(db: Db, id: string): Promise<PlanRow> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  if (!row) throw new AppError('plan.not_found', { id });
  return row;
}

/** A plan's header row with its owner organisation's name, in one read. */
export async function getPlanHeader(db: Db, id: string): Promise<{ row: PlanRow; ownerName: string | null }> {
  const [found] = await db
    .select({ row: plans, ownerName: orgs.name })
    .from(plans)
    .leftJoin(orgs, eq(orgs.id, plans.orgId))
    .where(eq(plans.id, id));
  if (!found) throw new AppError('plan.not_found', { id });
  return found;
}

/** The whole plan with its tasks, roles (directory names where resolved) and targets. */
export async function loadPlan(db: Db, id: string): Promise<StoredPlan> {
  return planOf(db, await getPlanHeader(db, id));
}

/** The whole plan from its header (getPlanHeader): tasks, roles with their organisations' and groups' names, targets; one statement after another (the handle may be a transaction). */
export async function planOf(db: Db, { row, ownerName }: { row: PlanRow; ownerName: string | null }): Promise<StoredPlan> {
  const id = row.id;
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, id)).orderBy(asc(planTasks.position));
  const taskIds = tasks.map((t) => t.id);
  const roles = taskIds.length
    ? await db
        .select({ r: taskOrgs, orgName: orgs.name, groupName: orgGroups.name, groupOpen: orgGroups.open })
        .from(taskOrgs)
        .innerJoin(planTasks, eq(planTasks.id, taskOrgs.taskId))
        .leftJoin(orgs, eq(orgs.id, taskOrgs.orgId))
        .leftJoin(orgGroups, eq(orgGroups.key, taskOrgs.groupKey))
        .where(eq(planTasks.planId, id))
        .orderBy(asc(taskOrgs.position))
    : [];
  const targets = taskIds.length ? await db.select().from(taskTargets).where(inArray(taskTargets.taskId, taskIds)) : [];
  const codeById = new Map(tasks.map((t) => [t.id, t.code]));
  const rolesOf = groupBy(roles, (r) => r.r.taskId);
  const targetsOf = groupBy(targets, (x) => x.taskId);
  return {
    id: row.id,
    parentPlanId: row.parentPlanId,
    orgId: row.orgId,
    orgName: ownerName ?? null,
    status: row.status as PlanStatus,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    sourceFilename: row.sourceFilename,
    document: {
      kind: row.kind,
      number: fullNumber(row.number, row.numberCode),
      numberCode: row.numberCode,
      numberSerial: numberSerial(row.number),
      issuer: row.issuer,
      issuerSource: null,
      issuerParent: null,
      place: row.place,
      issuedOn: row.issuedOn,
      issuedYear: row.issuedOn ? Number(row.issuedOn.slice(0, 4)) : row.yearFrom,
      title: row.title,
      yearFrom: row.yearFrom,
      yearTo: row.yearTo,
      signer: row.signer,
      signerTitle: row.signerTitle,
    },
    legalBases: row.legalBases,
    preamble: row.preamble,
    objectives: row.objectives,
    requirements: row.requirements,
    budget: row.budget,
    implementation: row.implementation,
    reporting: row.reporting,
    closing: row.closing,
    recipients: row.recipients,
    unparsed: row.unparsed,
    tasks: tasks.map((t) => {
      const mine = rolesOf.get(t.id) ?? [];
      const entries = (role: TaskRole): StoredOrgEntry[] =>
        mine
          .filter((r) => r.r.role === role)
          .map(({ r, orgName, groupName, groupOpen }) => ({
            id: r.id,
            name: orgName ?? groupName ?? r.writtenName,
            orgId: r.orgId,
            group: r.groupKey,
            raw: r.writtenName,
            ...(groupOpen ? { open: true } : {}),
          }));
      return {
        id: t.id,
        parentId: t.parentId,
        sourceTaskId: t.sourceTaskId,
        code: t.code,
        parent: t.parentId ? (codeById.get(t.parentId) ?? null) : null,
        position: t.position,
        title: t.title,
        content: t.content,
        notes: t.notes,
        time: { label: t.timeLabel ?? '', from: t.timeFrom, to: t.timeTo },
        lead: entries('lead'),
        advisory: entries('advisory'),
        coordinating: entries('coordinating'),
        targets: (targetsOf.get(t.id) ?? []).map((x) => ({ id: x.id, text: x.text, min: x.min, indicator: x.indicator })),
        version: t.version,
      };
    }),
  };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** A stored plan in the importer's shape, for the exporters. */
export function toParsedPlan(p: StoredPlan): ParsedPlan {
  const entry = (e: StoredOrgEntry) => ({
    name: e.group ? e.raw : e.name,
    orgId: e.orgId,
    raw: e.raw,
    ...(e.group ? { group: e.group } : {}),
  });
  return {
    document: { ...p.document, issuerSource: 'header', issuerParent: null },
    legalBases: p.legalBases as ParsedPlan['legalBases'],
    preamble: p.preamble,
    objectives: p.objectives,
    requirements: p.requirements,
    tasks: p.tasks.map((t): PlanTask => ({
      code: t.code,
      parent: t.parent,
      title: t.title,
      content: t.content,
      time: t.time,
      lead: t.lead.map(entry),
      advisory: t.advisory.map(entry),
      coordinating: t.coordinating.map(entry),
      targets: t.targets.map((x) => ({ text: x.text, min: x.min })),
      notes: t.notes,
      sourceLines: [0, 0],
    })),
    budget: p.budget,
    implementation: p.implementation as ParsedPlan['implementation'],
    reporting: p.reporting,
    closing: p.closing,
    recipients: p.recipients,
    unparsed: [],
    unparsedLines: [],
    warnings: [],
  };
}
