import { and, asc, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { fullNumber, numberCodeOf, numberSerial } from '../../shared/doc-number';
import { issueNumber, issuerCodeFor } from '../register';
import { fold } from '../../shared/text/fold';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import { assertCanEdit, assertCanRead, assertDraft, assertTransition, canReadPlan } from './plan-access';
import { getPlanHeader, getPlanRow, insertPlan, planOf } from './plan-store';
import type { PlanInput, PlanStatus } from './plans.schemas';
import { plans } from './plans.tables';

/**
 * The organisation of kind `province` (UBND tỉnh) that owns a provincial plan: the one valid on the
 * plan's date (a directory may keep former provinces as history), the issuer's when several are,
 * else the one still in office.
 */
export async function provinceOrgId(db: Db, doc?: { issuedOn: string | null; yearFrom: number; issuer: string | null }) {
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, validFrom: orgs.validFrom, validTo: orgs.validTo })
    .from(orgs)
    .where(eq(orgs.kind, 'province'))
    .orderBy(asc(orgs.createdAt), asc(orgs.name));
  const onDate = doc ? (doc.issuedOn ?? `${doc.yearFrom}-01-01`) : null;
  const valid = onDate ? rows.filter((o) => (!o.validFrom || o.validFrom <= onDate) && (!o.validTo || o.validTo >= onDate)) : rows;
  const pool = valid.length ? valid : rows;
  const issuer = doc?.issuer ? fold(doc.issuer) : null;
  const row = pool.find((o) => issuer !== null && fold(o.name) === issuer) ?? pool.find((o) => !o.validTo) ?? pool[0];
  return row?.id ?? null;
}

export async function createPlan(db: Db, input: PlanInput, user: SessionUser | null, actor: Actor, status: PlanStatus = 'draft') {
  if (user && user.role !== 'secretariat' && user.role !== 'admin') throw new AppError('plan.forbidden');
  const orgId = input.orgId ?? (await provinceOrgId(db, input.document));
  return db.transaction(async (tx) => {
    const id = await insertPlan(tx, input, { status, createdBy: user?.id ?? null, orgId });
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'plan',
      entityId: id,
      after: { title: input.document.title, status, tasks: input.tasks.length, source: input.sourceFilename ?? null },
    });
    return id;
  });
}

export interface PlanListQuery {
  q?: string;
  year?: number;
  status?: PlanStatus;
  scope: 'province' | 'sub' | 'all';
}

export async function listPlans(db: Db, user: SessionUser, q: PlanListQuery) {
  const where: SQL[] = [];
  if (q.year) where.push(and(lte(plans.yearFrom, q.year), gte(plans.yearTo, q.year))!);
  if (q.status) where.push(eq(plans.status, q.status));
  if (q.scope === 'province') where.push(isNull(plans.parentPlanId));
  if (q.scope === 'sub') where.push(sql`${plans.parentPlanId} IS NOT NULL`);
  if (user.role === 'officer') where.push(sql`(${plans.status} <> 'draft' OR ${plans.orgId} = ${user.orgId})`);
  const rows = await db
    .select({
      id: plans.id,
      parentPlanId: plans.parentPlanId,
      orgId: plans.orgId,
      orgName: orgs.name,
      status: plans.status,
      number: plans.number,
      numberCode: plans.numberCode,
      title: plans.title,
      yearFrom: plans.yearFrom,
      yearTo: plans.yearTo,
      issuedOn: plans.issuedOn,
      updatedAt: plans.updatedAt,
      // Written out: inside a selected expression Drizzle may leave ${plans.id} unqualified (t.id in the subquery).
      tasks: sql<number>`(SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = "plans"."id")`,
    })
    .from(plans)
    .leftJoin(orgs, eq(orgs.id, plans.orgId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(plans.yearFrom), asc(plans.parentPlanId), desc(plans.updatedAt));
  const folded = q.q ? fold(q.q) : '';
  return rows
    .map((r) => ({ ...r, number: fullNumber(r.number, r.numberCode), updatedAt: r.updatedAt.toISOString() }))
    .filter((r) => !folded || fold(`${r.title} ${r.orgName ?? ''} ${r.number ?? ''}`).includes(folded));
}

export async function getPlan(db: Db, id: string, user: SessionUser) {
  const header = await getPlanHeader(db, id);
  assertCanRead(user, header.row);
  return planOf(db, header);
}

export interface PlanHeaderPatch {
  version: number;
  number?: string | null;
  numberCode?: string | null;
  issuer?: string | null;
  place?: string | null;
  issuedOn?: string | null;
  title?: string;
  yearFrom?: number;
  yearTo?: number;
  signer?: string | null;
  signerTitle?: string[];
  objectives?: string[];
  requirements?: string[];
  recipients?: string[];
  budget?: { text: string; sources: string[] };
  reporting?: { deadlines: { day: number; month: number }[]; adHoc: boolean; text: string[] };
}

export async function updatePlanHeader(db: Db, id: string, patch: PlanHeaderPatch, user: SessionUser, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await getPlanRow(tx, id);
    assertCanEdit(user, row);
    assertDraft(row);
    if (row.version !== patch.version) throw new AppError('plan.version_conflict', { expected: patch.version, actual: row.version });
    const { version, ...fields } = patch;
    // a serial typed alone (`12`) becomes the whole số ký hiệu with the plan's code (`12/KH-UBND`)
    if (fields.number !== undefined) fields.number = fullNumber(fields.number, fields.numberCode ?? row.numberCode);
    const yearFrom = fields.yearFrom ?? row.yearFrom;
    const yearTo = fields.yearTo ?? row.yearTo;
    if (yearTo < yearFrom) throw new AppError('validation.failed', { fields: 'yearTo', field: 'yearTo' });
    const [updated] = await tx
      .update(plans)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning();
    if (!updated) throw new AppError('plan.version_conflict', {});
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, row[k as keyof typeof row]]));
    await writeAudit(tx, actor, { action: 'update', entity: 'plan', entityId: id, before, after: fields });
    return { version: updated.version };
  });
}

export async function setPlanStatus(db: Db, id: string, to: PlanStatus, user: SessionUser, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await getPlanRow(tx, id);
    assertCanRead(user, row);
    assertTransition(user, row, to);
    // Issuing a plan without a number takes the next KH number of its organisation's register.
    const numbered = to === 'issued' && !numberSerial(row.number) ? await numberPlan(tx, row, user) : null;
    const [updated] = await tx
      .update(plans)
      .set({ status: to, version: row.version + 1, updatedAt: new Date(), ...(numbered ?? {}) })
      .where(eq(plans.id, id))
      .returning({ version: plans.version, number: plans.number, numberCode: plans.numberCode });
    await writeAudit(tx, actor, {
      action: 'status',
      entity: 'plan',
      entityId: id,
      before: { status: row.status },
      after: { status: to, ...(numbered ? { number: numbered.number, issuedOn: numbered.issuedOn } : {}) },
    });
    return { status: to, version: updated.version, number: fullNumber(updated.number, updated.numberCode) };
  });
}

async function numberPlan(tx: Db, row: Awaited<ReturnType<typeof getPlanRow>>, user: SessionUser) {
  const orgId = row.orgId ?? (await provinceOrgId(tx));
  if (!orgId) throw new AppError('plan.no_issuer');
  // The plan's own code (`KH-UBND`, `KH-SVHTTDL`) when it has one, else KH and the organisation's.
  const code = (row.numberCode ?? numberCodeOf(row.number))?.match(/^([^-\s]+)-(\S+)$/u);
  const issued = await issueNumber(tx, {
    orgId,
    kindCode: code?.[1] ?? 'KH',
    issuerCode: code?.[2] ?? (await issuerCodeFor(tx, orgId)),
    summary: row.title,
    signer: row.signer,
    recipients: row.recipients,
    docType: 'plan',
    docId: row.id,
    userId: user.id,
  });
  return { number: issued.number, numberCode: issued.number.slice(issued.number.indexOf('/') + 1), issuedOn: issued.issuedOn };
}

export { canReadPlan };
