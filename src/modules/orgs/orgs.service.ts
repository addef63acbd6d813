import { and, asc, eq, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { fold } from '../../shared/text/fold';
import { writeAudit, type Actor } from '../audit';
import type { OrgKind } from './org-kinds';
import { orgAliases, orgs, orgSuccessors } from './orgs.tables';

export type OrgRow = typeof orgs.$inferSelect;

/** Organisations valid on a date (YYYY-MM-DD): no start or started, no end or not yet ended. */
export const validOn = (date: string): SQL =>
  and(or(isNull(orgs.validFrom), lte(orgs.validFrom, date)), or(isNull(orgs.validTo), gte(orgs.validTo, date)))!;

const searchTextOf = (name: string, shortName: string) => `${fold(name)} | ${fold(shortName)}`;

export interface OrgListQuery {
  q?: string;
  kind?: OrgKind;
  validOn?: string;
  parentId?: string;
  sort: 'name' | 'kind' | 'validTo' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export async function listOrgs(db: Db, q: OrgListQuery) {
  const where: SQL[] = [];
  if (q.kind) where.push(eq(orgs.kind, q.kind));
  if (q.parentId) where.push(eq(orgs.parentId, q.parentId));
  if (q.validOn) where.push(validOn(q.validOn));
  if (q.q?.trim()) {
    const f = fold(q.q);
    where.push(
      or(
        sql`${orgs.searchText} LIKE ${'%' + f + '%'}`,
        sql`EXISTS (SELECT 1 FROM org_aliases a WHERE a.org_id = ${orgs.id} AND a.folded LIKE ${'%' + f + '%'})`,
      )!,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const sortCol = { name: orgs.name, kind: orgs.kind, validTo: orgs.validTo, updatedAt: orgs.updatedAt }[q.sort];
  // One round trip: the page, the total (window count) and each organisation's aliases, joined
  // from one aggregation (a subquery per row would scan the aliases once for each organisation).
  // Plain SQL mapped by hand: Drizzle's mapping of this select cost more than the query itself.
  const rows = rowsOf<ListedOrgRow>(
    await db.execute(sql`
      SELECT ${orgs.id} AS id, ${orgs.key} AS key, ${orgs.name} AS name, ${orgs.shortName} AS short_name, ${orgs.kind} AS kind, ${orgs.adminCode} AS admin_code, ${orgs.docCode} AS doc_code,
             ${orgs.parentId} AS parent_id, ${orgs.validFrom} AS valid_from, ${orgs.validTo} AS valid_to, ${orgs.email} AS email,
             ${orgs.phone} AS phone, ${orgs.note} AS note, ${orgs.version} AS version, ${orgs.updatedAt} AS updated_at,
             count(*) over ()::int AS total, aliases.list AS aliases
      FROM ${orgs}
      LEFT JOIN (SELECT org_id, array_agg(alias ORDER BY alias) AS list FROM org_aliases GROUP BY org_id) aliases ON aliases.org_id = ${orgs.id}
      ${cond ? sql`WHERE ${cond}` : sql``}
      ORDER BY ${sortCol} ${q.order === 'desc' ? sql`DESC` : sql`ASC`}, ${orgs.name} ASC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  const total = rows.length
    ? rows[0].total
    : q.page > 1
      ? (
          await db
            .select({ total: sql<number>`count(*)::int` })
            .from(orgs)
            .where(cond)
        )[0].total
      : 0;
  return { items: rows.map(listedOrgDto), total, page: q.page, pageSize: q.pageSize };
}

interface ListedOrgRow {
  id: string;
  key: string | null;
  name: string;
  short_name: string;
  kind: string;
  admin_code: string | null;
  doc_code: string | null;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  version: number;
  updated_at: Date | string;
  total: number;
  aliases: string[] | null;
}

const listedOrgDto = (r: ListedOrgRow): OrgDto => ({
  id: r.id,
  key: r.key,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind as OrgKind,
  adminCode: r.admin_code,
  docCode: r.doc_code,
  parentId: r.parent_id,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  email: r.email,
  phone: r.phone,
  note: r.note,
  aliases: r.aliases ?? [],
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export function toOrgDto(r: OrgRow, aliases: string[] = []) {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind as OrgKind,
    adminCode: r.adminCode,
    docCode: r.docCode,
    parentId: r.parentId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    email: r.email,
    phone: r.phone,
    note: r.note,
    aliases,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type OrgDto = ReturnType<typeof toOrgDto>;

export async function getOrg(db: Db, id: string) {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  if (!row) throw new AppError('org.not_found', { id });
  const [aliases, successors, predecessors, children] = await Promise.all([
    db.select().from(orgAliases).where(eq(orgAliases.orgId, id)),
    db
      .select({ id: orgs.id, name: orgs.name, since: orgSuccessors.since, duties: orgSuccessors.duties })
      .from(orgSuccessors)
      .innerJoin(orgs, eq(orgs.id, orgSuccessors.successorId))
      .where(eq(orgSuccessors.orgId, id)),
    db
      .select({ id: orgs.id, name: orgs.name, since: orgSuccessors.since, duties: orgSuccessors.duties })
      .from(orgSuccessors)
      .innerJoin(orgs, eq(orgs.id, orgSuccessors.orgId))
      .where(eq(orgSuccessors.successorId, id)),
    db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.parentId, id)).orderBy(asc(orgs.name)),
  ]);
  return {
    ...toOrgDto(
      row,
      aliases.map((a) => a.alias),
    ),
    successors,
    predecessors,
    children,
  };
}

export interface OrgInput {
  key?: string | null;
  name: string;
  shortName?: string;
  kind: OrgKind;
  adminCode?: string | null;
  docCode?: string | null;
  parentId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  aliases?: string[];
}

async function checkOrgInput(tx: Db, input: OrgInput, selfId?: string) {
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    throw new AppError('org.invalid_validity', { field: 'validTo' });
  }
  await assertNameFree(tx, input, selfId);
  const code = input.adminCode?.trim();
  if (code) {
    const [taken] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.adminCode, code));
    if (taken && taken.id !== selfId) throw new AppError('org.admin_code_taken', { field: 'adminCode', code });
  }
  if (input.parentId) {
    // Walk up from the parent: reaching selfId would make a cycle.
    let cursor: string | null = input.parentId;
    for (let depth = 0; cursor && depth < 50; depth++) {
      if (cursor === selfId) throw new AppError('org.parent_cycle', { field: 'parentId' });
      const [p]: { parentId: string | null }[] = await tx.select({ parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, cursor));
      if (!p) throw new AppError('org.ref_not_found', { field: 'parentId', id: cursor });
      cursor = p.parentId;
    }
  }
}

/**
 * No two organisations valid at the same time with one name, compared folded (case, diacritics,
 * spacing and invisible characters aside): "Sở Ngoại vụ" cannot be created again as "sở ngoại  vụ".
 */
async function assertNameFree(tx: Db, input: OrgInput, selfId?: string) {
  const folded = fold(input.name);
  const overlapping = and(
    input.validFrom ? or(isNull(orgs.validTo), gte(orgs.validTo, input.validFrom)) : undefined,
    input.validTo ? or(isNull(orgs.validFrom), lte(orgs.validFrom, input.validTo)) : undefined,
    selfId ? sql`${orgs.id} <> ${selfId}` : undefined,
    sql`${orgs.searchText} like ${`${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );
  const candidates = await tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(overlapping);
  const same = candidates.find((c) => fold(c.name) === folded);
  if (same) throw new AppError('org.name_taken', { field: 'name', name: same.name, id: same.id });
}

async function replaceAliases(tx: Db, orgId: string, aliases: string[]) {
  await tx.delete(orgAliases).where(eq(orgAliases.orgId, orgId));
  const clean = [...new Set(aliases.map((a) => a.trim()).filter(Boolean))];
  if (clean.length) await tx.insert(orgAliases).values(clean.map((alias) => ({ orgId, alias, folded: fold(alias) })));
}

/** The columns an organisation's input sets (create and edit alike). */
function orgColumns(input: OrgInput) {
  const shortName = input.shortName?.trim() || input.name.trim();
  return {
    name: input.name.trim(),
    shortName,
    kind: input.kind,
    ...(input.adminCode !== undefined ? { adminCode: input.adminCode?.trim() || null } : {}),
    ...(input.docCode !== undefined ? { docCode: input.docCode?.trim() || null } : {}),
    parentId: input.parentId ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    note: input.note ?? null,
    searchText: searchTextOf(input.name, shortName),
  };
}

export async function createOrg(db: Db, input: OrgInput, actor: Actor) {
  return db.transaction(async (tx) => {
    await checkOrgInput(tx, input);
    const [row] = await tx
      .insert(orgs)
      .values({ key: input.key ?? null, ...orgColumns(input) })
      .returning();
    await replaceAliases(tx, row.id, input.aliases ?? []);
    const after = toOrgDto(row, input.aliases ?? []);
    await writeAudit(tx, actor, { action: 'create', entity: 'org', entityId: row.id, after });
    return after;
  });
}

export async function updateOrg(db: Db, id: string, input: OrgInput & { version: number }, actor: Actor) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(orgs).where(eq(orgs.id, id));
    if (!row) throw new AppError('org.not_found', { id });
    if (row.version !== input.version) {
      throw new AppError('org.version_conflict', { id, expected: input.version, actual: row.version });
    }
    await checkOrgInput(tx, input, id);
    const before = toOrgDto(
      row,
      (await tx.select().from(orgAliases).where(eq(orgAliases.orgId, id))).map((a) => a.alias),
    );
    const [updated] = await tx
      .update(orgs)
      .set({ ...orgColumns(input), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(orgs.id, id), eq(orgs.version, input.version)))
      .returning();
    if (!updated) throw new AppError('org.version_conflict', { id });
    const aliases = input.aliases ?? before.aliases;
    await replaceAliases(tx, id, aliases);
    const after = toOrgDto(updated, aliases);
    await writeAudit(tx, actor, { action: 'update', entity: 'org', entityId: id, before, after });
    return after;
  });
}

export interface MergeInput {
  sourceIds: string[];
  /** An existing organisation that takes over, or a new one to create. */
  targetId?: string;
  newTarget?: OrgInput;
  /** First day the successor is in charge; sources end the day before. */
  effectiveDate: string;
}

/**
 * Merge or rename: the sources stop being valid the day before `effectiveDate` and name
 * the target as their successor. Nothing is deleted, so old plans and reports keep
 * pointing at the organisations as they were.
 */
export async function mergeOrgs(db: Db, input: MergeInput, actor: Actor) {
  const dayBefore = new Date(`${input.effectiveDate}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const endDate = dayBefore.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    // One transaction (a new target is created in a savepoint of it): all or nothing.
    const target = input.targetId
      ? await getOrg(tx, input.targetId)
      : await createOrg(tx, { ...input.newTarget!, validFrom: input.newTarget?.validFrom ?? input.effectiveDate }, actor);
    if (input.sourceIds.includes(target.id)) throw new AppError('org.merge_self', { field: 'targetId' });
    for (const sourceId of input.sourceIds) {
      const [src] = await tx.select().from(orgs).where(eq(orgs.id, sourceId));
      if (!src) throw new AppError('org.not_found', { id: sourceId, field: 'sourceIds' });
      const [updated] = await tx
        .update(orgs)
        .set({ validTo: endDate, version: src.version + 1, updatedAt: new Date() })
        .where(eq(orgs.id, sourceId))
        .returning();
      await tx.insert(orgSuccessors).values({ orgId: sourceId, successorId: target.id, since: input.effectiveDate }).onConflictDoNothing();
      await writeAudit(tx, actor, {
        action: 'merge',
        entity: 'org',
        entityId: sourceId,
        before: toOrgDto(src),
        after: { ...toOrgDto(updated), successorId: target.id },
      });
    }
    return { targetId: target.id, endedOn: endDate };
  });
}
