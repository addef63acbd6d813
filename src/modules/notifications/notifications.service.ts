import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from './notifications.tables';

export interface Notice {
  userIds: string[];
  /** Stable kind, e.g. `press.alert`, `report.due`. */
  kind: string;
  title: string;
  body?: string;
  /** Path in the web app, e.g. `/press/alerts`. */
  link?: string | null;
}

/** In-app notification for each user (duplicates in userIds are sent once). */
export async function notify(db: Db, notice: Notice): Promise<number> {
  const ids = [...new Set(notice.userIds)];
  if (!ids.length) return 0;
  await db
    .insert(notifications)
    .values(ids.map((userId) => ({ userId, kind: notice.kind, title: notice.title, body: notice.body ?? '', link: notice.link ?? null })));
  return ids.length;
}

export async function listNotifications(db: Db, userId: string, q: { unreadOnly?: boolean; page: number; pageSize: number }) {
  const cond = and(eq(notifications.userId, userId), q.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [items, [{ total }], [{ unread }]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(cond)
      .orderBy(desc(notifications.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(notifications)
      .where(cond),
    db
      .select({ unread: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    total,
    unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Mark some (or all, when ids is absent) of the user's notifications read. */
export async function markRead(db: Db, userId: string, ids?: string[]): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
