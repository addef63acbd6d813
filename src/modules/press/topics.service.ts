import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { users } from '../auth';
import { compileTopics, DEFAULT_TOPICS, type CompiledTopics } from './pipeline';
import { pressArticleTopics, pressTopicFollowers, pressTopics } from './press.tables';

export interface TopicInput {
  name: string;
  terms: string[];
  exclude: string[];
  ignoreWithin: string[];
  active: boolean;
}

const clean = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];

export async function listTopics(db: Db, userId: string | null) {
  const rows = await db
    .select({
      topic: pressTopics,
      articles: sql<number>`(select count(*)::int from ${pressArticleTopics} where ${pressArticleTopics.topicId} = ${pressTopics.id})`,
      followers: sql<number>`(select count(*)::int from ${pressTopicFollowers} where ${pressTopicFollowers.topicId} = ${pressTopics.id})`,
      following: userId
        ? sql<boolean>`exists(select 1 from ${pressTopicFollowers} where ${pressTopicFollowers.topicId} = ${pressTopics.id} and ${pressTopicFollowers.userId} = ${userId})`
        : sql<boolean>`false`,
    })
    .from(pressTopics)
    .orderBy(asc(pressTopics.name));
  return rows.map((r) => ({ ...toDto(r.topic), articles: r.articles, followers: r.followers, following: r.following }));
}

export function toDto(t: typeof pressTopics.$inferSelect) {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    terms: t.terms,
    exclude: t.exclude,
    ignoreWithin: t.ignoreWithin,
    active: t.active,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function getTopic(db: Db, id: string) {
  const [t] = await db.select().from(pressTopics).where(eq(pressTopics.id, id));
  if (!t) throw new AppError('press.topic_not_found', { id });
  return t;
}

export async function createTopic(db: Db, input: TopicInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const [t] = await tx
      .insert(pressTopics)
      .values({
        name: input.name.trim(),
        terms: clean(input.terms),
        exclude: clean(input.exclude),
        ignoreWithin: clean(input.ignoreWithin),
        active: input.active,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'press.topic.create', entity: 'press_topic', entityId: t.id, after: toDto(t) });
    return toDto(t);
  });
}

export async function updateTopic(db: Db, id: string, input: TopicInput & { version: number }, actor: Actor) {
  return db.transaction(async (tx) => {
    const before = await getTopic(tx, id);
    const [t] = await tx
      .update(pressTopics)
      .set({
        name: input.name.trim(),
        terms: clean(input.terms),
        exclude: clean(input.exclude),
        ignoreWithin: clean(input.ignoreWithin),
        active: input.active,
        version: sql`${pressTopics.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pressTopics.id, id), eq(pressTopics.version, input.version)))
      .returning();
    if (!t) throw new AppError('press.topic_version_conflict', { id });
    await writeAudit(tx, actor, {
      action: 'press.topic.update',
      entity: 'press_topic',
      entityId: id,
      before: toDto(before),
      after: toDto(t),
    });
    return toDto(t);
  });
}

export async function deleteTopic(db: Db, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const before = await getTopic(tx, id);
    await tx.delete(pressTopics).where(eq(pressTopics.id, id));
    await writeAudit(tx, actor, { action: 'press.topic.delete', entity: 'press_topic', entityId: id, before: toDto(before) });
  });
}

export async function setFollowing(db: Db, topicId: string, userId: string, follow: boolean) {
  await getTopic(db, topicId);
  if (follow) await db.insert(pressTopicFollowers).values({ topicId, userId }).onConflictDoNothing();
  else await db.delete(pressTopicFollowers).where(and(eq(pressTopicFollowers.topicId, topicId), eq(pressTopicFollowers.userId, userId)));
  return { following: follow };
}

/** Followers with their e-mail, for alerts. */
export async function followersOf(db: Db, topicIds: string[]) {
  if (!topicIds.length) return [];
  return db
    .selectDistinct({ id: users.id, email: users.email })
    .from(pressTopicFollowers)
    .innerJoin(users, eq(users.id, pressTopicFollowers.userId))
    .where(and(sql`${pressTopicFollowers.topicId} in ${topicIds}`, eq(users.active, true)));
}

/** Active topics compiled for matching (ids are the database's). */
export async function loadCompiledTopics(db: Db): Promise<CompiledTopics> {
  const rows = await db.select().from(pressTopics).where(eq(pressTopics.active, true));
  return compileTopics(rows.map((t) => ({ id: t.id, name: t.name, terms: t.terms, exclude: t.exclude, ignoreWithin: t.ignoreWithin })));
}

/** The seed plan's concerns (DEFAULT_TOPICS), added once by their key. */
export async function seedDefaultTopics(db: Db) {
  for (const t of DEFAULT_TOPICS) {
    await db
      .insert(pressTopics)
      .values({ key: t.id, name: t.name, terms: t.terms, exclude: t.exclude ?? [], ignoreWithin: t.ignoreWithin ?? [] })
      .onConflictDoNothing();
  }
}
