import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assertOrgScope, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import { checkAttachment } from '../../shared/files/file-types';
import { availableActions, CASE_ACTIONS, type CaseAction, type CaseStatus, type Transition } from './cases.workflow';
import {
  pressAlerts,
  pressArticles,
  pressCaseAttachments,
  pressCaseComments,
  pressCaseEvents,
  pressCases,
  pressStories,
} from './press.tables';

export interface CaseInput {
  title?: string;
  articleId?: string | null;
  storyId?: string | null;
  alertId?: string | null;
  orgId?: string | null;
  deadline?: string | null;
  summary?: string;
}

const actorOfUser = (u: SessionUser, ip?: string | null): Actor => ({ id: u.id, name: u.username, ip });

function scope(user: SessionUser, orgId: string | null) {
  if (user.role === 'officer') assertOrgScope(user, orgId ?? '00000000-0000-0000-0000-000000000000');
}

function dto(c: typeof pressCases.$inferSelect, orgName: string | null) {
  return {
    id: c.id,
    title: c.title,
    articleId: c.articleId,
    storyId: c.storyId,
    alertId: c.alertId,
    status: c.status as CaseStatus,
    orgId: c.orgId,
    orgName,
    deadline: c.deadline,
    summary: c.summary,
    argument: c.argument,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
  };
}

/** A case from an article, a story or an alert (the title defaults to the article's). */
export async function createCase(db: Db, input: CaseInput, user: SessionUser, ip?: string | null) {
  const actor = actorOfUser(user, ip);
  return db.transaction(async (tx) => {
    let { articleId = null, storyId = null } = input;
    let title = input.title?.trim() ?? '';
    if (input.alertId) {
      const [a] = await tx.select().from(pressAlerts).where(eq(pressAlerts.id, input.alertId));
      if (!a) throw new AppError('press.alert_not_found', { id: input.alertId });
      articleId = articleId ?? a.articleId;
      storyId = storyId ?? a.storyId;
      await tx
        .update(pressAlerts)
        .set({
          acknowledgedAt: sql`coalesce(${pressAlerts.acknowledgedAt}, now())`,
          acknowledgedBy: sql`coalesce(${pressAlerts.acknowledgedBy}, ${user.id}::uuid)`,
        })
        .where(eq(pressAlerts.id, a.id));
    }
    if (articleId) {
      const [a] = await tx
        .select({ title: pressArticles.title, storyId: pressArticles.storyId })
        .from(pressArticles)
        .where(eq(pressArticles.id, articleId));
      if (!a) throw new AppError('press.article_not_found', { id: articleId });
      storyId = storyId ?? a.storyId;
      title = title || a.title;
    } else if (storyId) {
      const [s] = await tx.select({ title: pressStories.title }).from(pressStories).where(eq(pressStories.id, storyId));
      if (!s) throw new AppError('press.story_not_found', { id: storyId });
      title = title || s.title;
    }
    if (!title) throw new AppError('press.case_needs_subject');
    const [c] = await tx
      .insert(pressCases)
      .values({
        title,
        articleId,
        storyId,
        alertId: input.alertId ?? null,
        orgId: input.orgId ?? null,
        deadline: input.deadline ?? null,
        summary: input.summary ?? '',
        createdBy: user.id,
      })
      .returning();
    await tx
      .insert(pressCaseEvents)
      .values({ caseId: c.id, action: 'create', fromStatus: null, toStatus: 'new', actorId: user.id, actorName: user.username });
    await writeAudit(tx, actor, { action: 'press.case.create', entity: 'press_case', entityId: c.id, after: dto(c, null) });
    return dto(c, null);
  });
}

export async function listCases(
  db: Db,
  user: SessionUser,
  q: { status?: string; open?: boolean; orgId?: string; page: number; pageSize: number },
) {
  const where: SQL[] = [];
  if (user.role === 'officer') where.push(user.orgId ? eq(pressCases.orgId, user.orgId) : sql`false`);
  if (q.orgId) where.push(eq(pressCases.orgId, q.orgId));
  if (q.status) where.push(eq(pressCases.status, q.status));
  if (q.open) where.push(ne(pressCases.status, 'closed'));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ c: pressCases, orgName: orgs.name })
      .from(pressCases)
      .leftJoin(orgs, eq(orgs.id, pressCases.orgId))
      .where(cond)
      .orderBy(desc(pressCases.updatedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(pressCases)
      .where(cond),
  ]);
  return { items: rows.map((r) => dto(r.c, r.orgName)), total, page: q.page, pageSize: q.pageSize };
}

async function loadCase(db: Db, id: string, user: SessionUser) {
  const [row] = await db
    .select({ c: pressCases, orgName: orgs.name })
    .from(pressCases)
    .leftJoin(orgs, eq(orgs.id, pressCases.orgId))
    .where(eq(pressCases.id, id));
  if (!row) throw new AppError('press.case_not_found', { id });
  scope(user, row.c.orgId);
  return row;
}

export async function getCase(db: Db, id: string, user: SessionUser) {
  const { c, orgName } = await loadCase(db, id, user);
  const [events, comments, attachments] = await Promise.all([
    db.select().from(pressCaseEvents).where(eq(pressCaseEvents.caseId, id)).orderBy(asc(pressCaseEvents.id)),
    db.select().from(pressCaseComments).where(eq(pressCaseComments.caseId, id)).orderBy(asc(pressCaseComments.createdAt)),
    db
      .select({
        id: pressCaseAttachments.id,
        filename: pressCaseAttachments.filename,
        mime: pressCaseAttachments.mime,
        size: pressCaseAttachments.size,
        createdAt: pressCaseAttachments.createdAt,
      })
      .from(pressCaseAttachments)
      .where(eq(pressCaseAttachments.caseId, id))
      .orderBy(asc(pressCaseAttachments.createdAt)),
  ]);
  const status = c.status as CaseStatus;
  return {
    ...dto(c, orgName),
    actions: user.role === 'officer' || user.role === 'secretariat' ? availableActions(status, user.role) : [],
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    comments: comments.map((m) => ({ id: m.id, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() })),
    attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}

/** Assignment and deadline (secretariat). */
export async function updateCase(db: Db, id: string, input: CaseInput & { version: number }, user: SessionUser, ip?: string | null) {
  return db.transaction(async (tx) => {
    const { c: before } = await loadCase(tx, id, user);
    const [c] = await tx
      .update(pressCases)
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
        ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        version: sql`${pressCases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pressCases.id, id), eq(pressCases.version, input.version)))
      .returning();
    if (!c) throw new AppError('press.case_version_conflict', { id });
    await writeAudit(tx, actorOfUser(user, ip), {
      action: 'press.case.update',
      entity: 'press_case',
      entityId: id,
      before: dto(before, null),
      after: dto(c, null),
    });
    return dto(c, null);
  });
}

/** One step of the workflow, recorded in the case history and the audit log. */
export async function transitionCase(
  db: Db,
  id: string,
  action: CaseAction,
  input: { note?: string; argument?: string; version: number },
  user: SessionUser,
  ip?: string | null,
) {
  return db.transaction(async (tx) => {
    const { c: before } = await loadCase(tx, id, user);
    const t: Transition = CASE_ACTIONS[action];
    const from = before.status as CaseStatus;
    if (!t.roles.includes(user.role)) throw new AppError('press.case_action_forbidden', { action });
    if (!t.from.includes(from)) throw new AppError('press.case_bad_transition', { action, status: from });
    const note = input.note?.trim() ?? '';
    if (t.noteRequired?.includes(from) && !note) throw new AppError('press.case_note_required', { action });
    const argument = input.argument?.trim();
    if (action === 'draft' && !argument) throw new AppError('press.case_argument_required');
    const [c] = await tx
      .update(pressCases)
      .set({
        status: t.to,
        ...(action === 'draft' ? { argument } : {}),
        ...(t.to === 'closed' ? { closedAt: new Date() } : {}),
        version: sql`${pressCases.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pressCases.id, id), eq(pressCases.version, input.version)))
      .returning();
    if (!c) throw new AppError('press.case_version_conflict', { id });
    await tx
      .insert(pressCaseEvents)
      .values({ caseId: id, action, fromStatus: from, toStatus: t.to, note, actorId: user.id, actorName: user.username });
    await writeAudit(tx, actorOfUser(user, ip), {
      action: `press.case.${action}`,
      entity: 'press_case',
      entityId: id,
      before: { status: from },
      after: { status: t.to, note, ...(action === 'draft' ? { argument } : {}) },
    });
    return dto(c, null);
  });
}

export async function addComment(db: Db, id: string, body: string, user: SessionUser, ip?: string | null) {
  return db.transaction(async (tx) => {
    await loadCase(tx, id, user);
    const [m] = await tx
      .insert(pressCaseComments)
      .values({ caseId: id, authorId: user.id, authorName: user.username, body: body.trim() })
      .returning();
    await tx.update(pressCases).set({ updatedAt: new Date() }).where(eq(pressCases.id, id));
    await writeAudit(tx, actorOfUser(user, ip), {
      action: 'press.case.comment',
      entity: 'press_case',
      entityId: id,
      after: { commentId: m.id },
    });
    return { id: m.id, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() };
  });
}

export async function addAttachment(db: Db, id: string, filename: string, data: Buffer, user: SessionUser, ip?: string | null) {
  const mime = checkAttachment(filename, data);
  return db.transaction(async (tx) => {
    await loadCase(tx, id, user);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const [a] = await tx
      .insert(pressCaseAttachments)
      .values({ caseId: id, filename, mime, size: data.length, sha256, data, uploadedBy: user.id })
      .returning({ id: pressCaseAttachments.id, createdAt: pressCaseAttachments.createdAt });
    await writeAudit(tx, actorOfUser(user, ip), {
      action: 'press.case.attach',
      entity: 'press_case',
      entityId: id,
      after: { attachmentId: a.id, filename, size: data.length, sha256 },
    });
    return { id: a.id, filename, mime, size: data.length, createdAt: a.createdAt.toISOString() };
  });
}

export async function getAttachment(db: Db, caseId: string, attachmentId: string, user: SessionUser) {
  await loadCase(db, caseId, user);
  const [a] = await db
    .select()
    .from(pressCaseAttachments)
    .where(and(eq(pressCaseAttachments.id, attachmentId), eq(pressCaseAttachments.caseId, caseId)));
  if (!a) throw new AppError('press.attachment_not_found', { id: attachmentId });
  return a;
}
