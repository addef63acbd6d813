import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { foldedSearch } from '../../db/text-search';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { planTasks } from '../plans';
import { legalDocuments, legalDocumentTasks } from './activities.tables';
import type { LegalDocInput } from './activities.schemas';
import { assertTasksExist } from './activity-store';

/** The library of legal and guidance documents, each linked to the tasks that cite or implement it. */
export async function listLegalDocs(db: Db, q: { q?: string; taskId?: string }) {
  const where: SQL[] = [];
  const text = foldedSearch([legalDocuments.number, legalDocuments.title, legalDocuments.issuer], q.q);
  if (text) where.push(text);
  if (q.taskId)
    where.push(
      inArray(
        legalDocuments.id,
        db.select({ id: legalDocumentTasks.documentId }).from(legalDocumentTasks).where(eq(legalDocumentTasks.taskId, q.taskId)),
      ),
    );
  const docs = await db
    .select()
    .from(legalDocuments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(legalDocuments.issuedOn), asc(legalDocuments.number));
  const links = docs.length
    ? await db
        .select({
          documentId: legalDocumentTasks.documentId,
          id: planTasks.id,
          code: planTasks.code,
          title: planTasks.title,
          planId: planTasks.planId,
        })
        .from(legalDocumentTasks)
        .innerJoin(planTasks, eq(planTasks.id, legalDocumentTasks.taskId))
        .where(
          inArray(
            legalDocumentTasks.documentId,
            docs.map((d) => d.id),
          ),
        )
    : [];
  return docs.map((d) => ({
    id: d.id,
    docType: d.docType,
    number: d.number,
    issuedOn: d.issuedOn,
    issuer: d.issuer,
    title: d.title,
    url: d.url,
    version: d.version,
    tasks: links.filter((l) => l.documentId === d.id).map(({ documentId: _, ...t }) => t),
  }));
}

const row = (i: LegalDocInput) => ({
  docType: i.docType,
  number: i.number,
  issuedOn: i.issuedOn ?? null,
  issuer: i.issuer,
  title: i.title,
  url: i.url ?? null,
});

export async function createLegalDoc(db: Db, input: LegalDocInput, actor: Actor) {
  const taskIds = await assertTasksExist(db, input.taskIds);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: legalDocuments.id }).from(legalDocuments).where(eq(legalDocuments.number, input.number));
    if (exists) throw new AppError('activity.legal_doc_exists', { field: 'body.number', number: input.number });
    const [d] = await tx.insert(legalDocuments).values(row(input)).returning({ id: legalDocuments.id });
    if (taskIds.length) await tx.insert(legalDocumentTasks).values(taskIds.map((taskId) => ({ documentId: d.id, taskId })));
    await writeAudit(tx, actor, { action: 'create', entity: 'legal_document', entityId: d.id, after: input });
    return { id: d.id };
  });
}

export async function updateLegalDoc(db: Db, id: string, input: LegalDocInput & { version: number }, actor: Actor) {
  const taskIds = await assertTasksExist(db, input.taskIds);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(legalDocuments).where(eq(legalDocuments.id, id));
    if (!before) throw new AppError('activity.legal_doc_not_found', { id });
    const [dup] = await tx.select({ id: legalDocuments.id }).from(legalDocuments).where(eq(legalDocuments.number, input.number));
    if (dup && dup.id !== id) throw new AppError('activity.legal_doc_exists', { field: 'body.number', number: input.number });
    const [u] = await tx
      .update(legalDocuments)
      .set({ ...row(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(legalDocuments.id, id), eq(legalDocuments.version, input.version)))
      .returning({ version: legalDocuments.version });
    if (!u) throw new AppError('activity.version_conflict', { version: before.version });
    await tx.delete(legalDocumentTasks).where(eq(legalDocumentTasks.documentId, id));
    if (taskIds.length) await tx.insert(legalDocumentTasks).values(taskIds.map((taskId) => ({ documentId: id, taskId })));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'legal_document',
      entityId: id,
      before: row(before as unknown as LegalDocInput),
      after: input,
    });
    return { version: u.version };
  });
}

export async function deleteLegalDoc(db: Db, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(legalDocuments).where(eq(legalDocuments.id, id)).returning();
    if (!before) throw new AppError('activity.legal_doc_not_found', { id });
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'legal_document',
      entityId: id,
      before: { number: before.number, title: before.title },
    });
  });
}
