import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { foldedSearch } from '../../db/text-search';
import { assertOrgScope, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { translate, type Lang } from '../../shared/messages/catalogue';
import { issuerCodeOf } from '../../shared/official-doc';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import type { DocType, ManualEntryInput, RegisterEntryDto, RegisterQuery } from './register.schemas';
import { registerCounters, registerEntries } from './register.tables';

/** Today in Vietnam (UTC+7): the date a number is given on. */
export const vnToday = (at = new Date()) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** ND 30 writes numbers below 10 with a leading zero: `05/BC-SVHTTDL`. */
export const serialText = (n: number) => String(n).padStart(2, '0');

/** The whole số ký hiệu: `05/BC-SVHTTDL`; a công văn `12/SVHTTDL` or `12/SVHTTDL-VP`. */
export function wholeNumber(serial: number, kindCode: string, issuerCode: string, unitCode?: string | null): string {
  const code = kindCode === 'CV' ? [issuerCode, unitCode].filter(Boolean).join('-') : `${kindCode}-${issuerCode}`;
  return `${serialText(serial)}/${code}`;
}

/**
 * The issuer as the register writes it: its name, and its abbreviation in numbers (the directory's
 * `doc_code`, else made from its short name), as the organisation is at the moment of issue (the
 * entry keeps that name after a rename).
 */
export async function issuerOf(db: Db, orgId: string): Promise<{ name: string; code: string }> {
  const [org] = await db.select({ name: orgs.name, shortName: orgs.shortName, docCode: orgs.docCode }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw new AppError('register.org_not_found', { orgId });
  return { name: org.name, code: org.docCode || issuerCodeOf(org.shortName) };
}

export const issuerCodeFor = async (db: Db, orgId: string) => (await issuerOf(db, orgId)).code;

export interface IssueInput {
  orgId: string;
  kindCode: string;
  /** The code after the kind code (`UBND` in `KH-UBND`); the organisation's own by default. */
  issuerCode?: string;
  unitCode?: string | null;
  summary: string;
  signer: string | null;
  recipients: string[];
  docType: DocType;
  docId: string | null;
  userId: string | null;
}

export interface Issued {
  entryId: string;
  serial: number;
  /** `05`: what goes before the slash. */
  serialText: string;
  /** `05/BC-SVHTTDL` */
  number: string;
  issuedOn: string;
}

/**
 * Gives the next number of the organisation's register for the kind, this year, and records the
 * document. Call it inside the transaction that issues the document: the counter row is raised by
 * one upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), which holds the row until that
 * transaction ends, so concurrent issues get consecutive numbers and a failed issue gives its
 * number back. A document already in the register keeps its number.
 */
export async function issueNumber(tx: Db, input: IssueInput): Promise<Issued> {
  if (input.docId) {
    const [had] = await tx
      .select()
      .from(registerEntries)
      .where(and(eq(registerEntries.docType, input.docType), eq(registerEntries.docId, input.docId)));
    if (had) return { entryId: had.id, serial: had.serial, serialText: serialText(had.serial), number: had.number, issuedOn: had.issuedOn };
  }
  const issuedOn = vnToday();
  const year = Number(issuedOn.slice(0, 4));
  const series = input.kindCode;
  const issuer = await issuerOf(tx, input.orgId);
  const issuerCode = input.issuerCode ?? issuer.code;
  const [counter] = await tx
    .insert(registerCounters)
    .values({ orgId: input.orgId, year, series, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [registerCounters.orgId, registerCounters.year, registerCounters.series],
      set: { lastNumber: sql`${registerCounters.lastNumber} + 1` },
    })
    .returning({ n: registerCounters.lastNumber });
  const serial = counter.n;
  const number = wholeNumber(serial, input.kindCode, issuerCode, input.unitCode);
  const [entry] = await tx
    .insert(registerEntries)
    .values({
      orgId: input.orgId,
      orgName: issuer.name,
      year,
      series,
      serial,
      number,
      kindCode: input.kindCode,
      issuedOn,
      summary: input.summary,
      signer: input.signer,
      recipients: input.recipients,
      docType: input.docType,
      docId: input.docId,
      issuedBy: input.userId,
    })
    .returning({ id: registerEntries.id });
  return { entryId: entry.id, serial, serialText: serialText(serial), number, issuedOn };
}

/** A document drafted outside the product gets its number from the register (the văn thư's cấp số). */
export async function registerManual(db: Db, input: ManualEntryInput, user: SessionUser, actor: Actor) {
  assertOrgScope(user, input.orgId);
  return db.transaction(async (tx) => {
    const issued = await issueNumber(tx, {
      orgId: input.orgId,
      kindCode: input.kindCode,
      unitCode: input.unitCode ?? null,
      summary: input.summary,
      signer: input.signer,
      recipients: input.recipients,
      docType: 'manual',
      docId: null,
      userId: user.id,
    });
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'register_entry',
      entityId: issued.entryId,
      after: { number: issued.number, issuedOn: issued.issuedOn, summary: input.summary },
    });
    return issued;
  });
}

export async function listRegister(db: Db, user: SessionUser, q: RegisterQuery, lang: Lang = 'vi'): Promise<RegisterEntryDto[]> {
  const where: SQL[] = [];
  // An officer reads their own organisation's register only.
  const orgId = user.role === 'officer' ? user.orgId : q.orgId;
  if (user.role === 'officer' && !orgId) return [];
  if (orgId) where.push(eq(registerEntries.orgId, orgId));
  if (q.year) where.push(eq(registerEntries.year, q.year));
  if (q.kindCode) where.push(eq(registerEntries.kindCode, q.kindCode));
  const search = foldedSearch([registerEntries.number, registerEntries.summary, registerEntries.signer, registerEntries.recipients], q.q);
  if (search) where.push(search);
  const rows = await db
    .select()
    .from(registerEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(registerEntries.year), desc(registerEntries.issuedOn), desc(registerEntries.serial))
    .limit(5000);
  return rows.map((e) => ({
    id: e.id,
    orgId: e.orgId,
    orgName: e.orgName,
    year: e.year,
    serial: e.serial,
    number: e.number,
    kindCode: e.kindCode,
    kindLabel: translate(lang, `register.kind.${e.kindCode}`),
    issuedOn: e.issuedOn,
    summary: e.summary,
    signer: e.signer,
    recipients: e.recipients,
    docType: e.docType as DocType,
    docId: e.docId,
    createdAt: e.createdAt.toISOString(),
  }));
}
