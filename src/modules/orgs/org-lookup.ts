import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { fold } from '../../shared/text/fold';
import { writeAudit, type Actor } from '../audit';
import { GROUP_PHRASES } from './group-phrases';
import { orgGroupMembers, orgGroups, orgs, orgSuccessors } from './orgs.tables';
import { validOn } from './orgs.service';

export interface OrgCandidate {
  orgId: string;
  name: string;
  shortName: string;
  kind: string;
  score: number;
  matched: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Best directory candidates for a written name, ignoring case and diacritics: trigram
 * similarity against the name, the short name and every alias (an exact folded match
 * scores 1). Restricted to organisations valid on `onDate` when given.
 */
export async function lookupOrgs(db: Db, name: string, onDate: string | null, limit = 5): Promise<OrgCandidate[]> {
  const q = fold(name);
  if (!q) return [];
  const dateCond = onDate
    ? sql`AND (o.valid_from IS NULL OR o.valid_from <= ${onDate}) AND (o.valid_to IS NULL OR o.valid_to >= ${onDate})`
    : sql``;
  const result = await db.execute(sql`
    WITH names AS (
      SELECT o.id, o.name AS matched, ttdn_fold(o.name) AS f FROM orgs o WHERE true ${dateCond}
      UNION ALL SELECT o.id, o.short_name, ttdn_fold(o.short_name) FROM orgs o WHERE true ${dateCond}
      UNION ALL SELECT o.id, a.alias, a.folded FROM org_aliases a JOIN orgs o ON o.id = a.org_id WHERE true ${dateCond}
    ), scored AS (
      SELECT id, matched, CASE WHEN f = ${q} THEN 1.0 ELSE similarity(f, ${q}) END AS score FROM names
    ), best AS (
      SELECT DISTINCT ON (id) id, matched, score FROM scored ORDER BY id, score DESC
    )
    SELECT o.id AS "orgId", o.name, o.short_name AS "shortName", o.kind, b.score::float8 AS score, b.matched,
           o.valid_from::text AS "validFrom", o.valid_to::text AS "validTo"
    FROM best b JOIN orgs o ON o.id = b.id
    WHERE b.score > 0.2
    ORDER BY b.score DESC, o.name
    LIMIT ${limit}`);
  return rowsOf<OrgCandidate>(result).map((r) => ({ ...r, score: Math.round(Number(r.score) * 1000) / 1000 }));
}

/** The organisations that took over from one, with the duties that moved to each (`all` when every one did). */
export async function successorLinks(db: Db, orgId: string) {
  return db
    .select({
      orgId: orgs.id,
      name: orgs.name,
      shortName: orgs.shortName,
      validFrom: orgs.validFrom,
      validTo: orgs.validTo,
      duties: orgSuccessors.duties,
    })
    .from(orgSuccessors)
    .innerJoin(orgs, eq(orgs.id, orgSuccessors.successorId))
    .where(eq(orgSuccessors.orgId, orgId))
    .orderBy(asc(orgs.name));
}

export async function listGroups(db: Db) {
  return db.select().from(orgGroups).orderBy(asc(orgGroups.name));
}

/** Stores the standard group phrases (GROUP_PHRASES) in the directory; existing keys are kept as they are. */
export async function seedGroupPhrases(db: Db) {
  for (const g of GROUP_PHRASES) {
    await db
      .insert(orgGroups)
      .values({
        key: g.key,
        name: g.name,
        phrases: g.phrases,
        kinds: g.kinds,
        open: g.open,
        validTo: g.validTo ?? null,
        successorKey: g.successor ?? null,
      })
      .onConflictDoNothing();
  }
}

/** One step from a group that had ended by the date asked to the group that took its place. */
export interface GroupStep {
  from: string;
  fromName: string;
  validTo: string;
  to: string;
  toName: string;
}

/**
 * The organisations a group phrase stands for on a date: its kinds, plus members added by hand,
 * valid on that date. A group that had ended by then (`validTo` before the date) is followed to
 * its successor group; each step is in `chain`.
 */
export async function resolveGroup(db: Db, key: string, onDate: string | null) {
  let [group] = await db.select().from(orgGroups).where(eq(orgGroups.key, key));
  if (!group) throw new AppError('group.not_found', { key });
  const chain: GroupStep[] = [];
  while (onDate && group.validTo && group.validTo < onDate && group.successorKey && chain.length < 5) {
    const [next] = await db.select().from(orgGroups).where(eq(orgGroups.key, group.successorKey));
    if (!next) break;
    chain.push({ from: group.key, fromName: group.name, validTo: group.validTo, to: next.key, toName: next.name });
    group = next;
  }
  const explicit = db.select({ id: orgGroupMembers.orgId }).from(orgGroupMembers).where(eq(orgGroupMembers.groupId, group.id));
  const byKind = group.kinds.length ? inArray(orgs.kind, group.kinds) : sql`false`;
  const members = await db
    .select({ orgId: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(and(or(byKind, inArray(orgs.id, explicit)), onDate ? validOn(onDate) : undefined))
    .orderBy(asc(orgs.kind), asc(orgs.name));
  return { groupId: group.id, key: group.key, name: group.name, open: group.open, members, chain };
}

/** Adds or removes organisations named by hand in a group (beyond its kinds). Audited. */
export async function setGroupMembers(db: Db, key: string, orgIds: string[], actor: Actor) {
  return db.transaction(async (tx) => {
    const [group] = await tx.select().from(orgGroups).where(eq(orgGroups.key, key));
    if (!group) throw new AppError('group.not_found', { key });
    const before = (
      await tx.select({ orgId: orgGroupMembers.orgId }).from(orgGroupMembers).where(eq(orgGroupMembers.groupId, group.id))
    ).map((m) => m.orgId);
    const unique = [...new Set(orgIds)];
    if (unique.length) {
      const found = await tx.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, unique));
      if (found.length !== unique.length) throw new AppError('org.ref_not_found', { field: 'orgIds' });
    }
    await tx.delete(orgGroupMembers).where(eq(orgGroupMembers.groupId, group.id));
    if (unique.length) await tx.insert(orgGroupMembers).values(unique.map((orgId) => ({ groupId: group.id, orgId })));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'org_group',
      entityId: key,
      before: { members: before },
      after: { members: unique },
    });
    return { key, members: unique };
  });
}

export async function explicitMembers(db: Db, key: string) {
  const [group] = await db.select().from(orgGroups).where(eq(orgGroups.key, key));
  if (!group) throw new AppError('group.not_found', { key });
  return db
    .select({ orgId: orgs.id, name: orgs.name })
    .from(orgGroupMembers)
    .innerJoin(orgs, eq(orgs.id, orgGroupMembers.orgId))
    .where(eq(orgGroupMembers.groupId, group.id))
    .orderBy(asc(orgs.name));
}
