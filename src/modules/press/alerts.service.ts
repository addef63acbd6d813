import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { notify, queueMail } from '../notifications';
import type { Tone } from './pipeline';
import { pressAlertRules, pressAlerts, pressArticleTopics, pressArticles, pressTopics } from './press.tables';
import { followersOf } from './topics.service';

export type AlertRule = typeof pressAlertRules.$inferSelect;

export interface ArticleFacts {
  id: string;
  storyId: string;
  title: string;
  outlet: string | null;
  tone: Tone;
  outletWeight: number | null;
  topicIds: string[];
}

const TONE_VI: Record<Tone, string> = { positive: 'tích cực', neutral: 'trung lập', negative: 'tiêu cực' };

export async function loadArticleRules(db: Db): Promise<AlertRule[]> {
  return db
    .select()
    .from(pressAlertRules)
    .where(and(eq(pressAlertRules.active, true), eq(pressAlertRules.kind, 'article')));
}

export function ruleMatches(rule: AlertRule, a: ArticleFacts): string[] | null {
  const topics = rule.topicId ? (a.topicIds.includes(rule.topicId) ? [rule.topicId] : []) : a.topicIds;
  if (!topics.length) return null;
  if (rule.tone && rule.tone !== a.tone) return null;
  if (rule.minOutletWeight != null && (a.outletWeight ?? 0) < rule.minOutletWeight) return null;
  return topics;
}

/**
 * Raise the alerts an article triggers (one per rule and story: syndicated copies raise one),
 * notify the topic's followers in-app in the same transaction, and return the e-mails to send
 * once it has committed.
 */
export async function raiseArticleAlerts(tx: Db, rules: AlertRule[], a: ArticleFacts): Promise<number> {
  let mails = 0;
  for (const rule of rules) {
    const topics = ruleMatches(rule, a);
    if (!topics) continue;
    const title = `Cảnh báo: ${a.title}`.slice(0, 300);
    const detail = `${rule.name} · ${a.outlet ?? ''} · giọng điệu ${TONE_VI[a.tone]}`;
    const [alert] = await tx
      .insert(pressAlerts)
      .values({
        ruleId: rule.id,
        dedupKey: `story:${a.storyId}`,
        kind: 'article',
        articleId: a.id,
        storyId: a.storyId,
        topicId: topics[0],
        title,
        detail,
      })
      .onConflictDoNothing()
      .returning({ id: pressAlerts.id });
    if (!alert) continue;
    if (await tellFollowers(tx, topics, title, detail, `/press/alerts?focus=${alert.id}`)) mails++;
  }
  return mails;
}

/** The followers' notices and one queued e-mail, in the caller's transaction; true when mail was queued. */
async function tellFollowers(tx: Db, topicIds: string[], title: string, detail: string, link: string): Promise<boolean> {
  const people = await followersOf(tx, topicIds);
  await notify(tx, { userIds: people.map((p) => p.id), kind: 'press.alert', title, body: detail, link });
  const to = people.map((p) => p.email).filter((e): e is string => !!e);
  return queueMail(tx, { to, subject: `[TTĐN] ${title}`, text: `${title}\n${detail}\n\nXem: ${link}` });
}

/**
 * Volume spikes: for each spike rule, articles on its topic (or any watched topic) in the last
 * window against the average per window over the previous 7 days.
 */
export async function checkVolumeSpikes(db: Db, now: Date): Promise<number> {
  const rules = await db
    .select()
    .from(pressAlertRules)
    .where(and(eq(pressAlertRules.active, true), eq(pressAlertRules.kind, 'volume_spike')));
  let mails = 0;
  for (const rule of rules) {
    const hours = rule.spikeWindowHours ?? 6;
    const factor = rule.spikeFactor ?? 3;
    const minCount = rule.spikeMinCount ?? 5;
    const topicCond = rule.topicId ? sql`t.topic_id = ${rule.topicId}` : sql`true`;
    const since = new Date(now.getTime() - hours * 3600_000);
    const baseFrom = new Date(since.getTime() - 7 * 24 * 3600_000);
    const rows = await db.execute(sql`
      SELECT count(DISTINCT a.id) FILTER (WHERE a.published_at >= ${since.toISOString()}::timestamptz)::int AS recent,
             count(DISTINCT a.id) FILTER (WHERE a.published_at < ${since.toISOString()}::timestamptz)::int AS before
      FROM ${pressArticles} a JOIN ${pressArticleTopics} t ON t.article_id = a.id
      WHERE a.published_at >= ${baseFrom.toISOString()}::timestamptz AND a.published_at <= ${now.toISOString()}::timestamptz AND ${topicCond}`);
    const [r] = rowsOf<{ recent: number; before: number }>(rows);
    const recent = Number(r?.recent ?? 0);
    const average = Number(r?.before ?? 0) / ((7 * 24) / hours);
    if (recent < minCount || recent < factor * Math.max(average, 1)) continue;
    const bucket = Math.floor(now.getTime() / (hours * 3600_000));
    const title = `Cảnh báo: số bài tăng đột biến (${recent} bài trong ${hours} giờ)`;
    const detail = `${rule.name} · trung bình ${average.toFixed(1)} bài mỗi ${hours} giờ trong 7 ngày trước`;
    const queued = await db.transaction(async (tx) => {
      const [alert] = await tx
        .insert(pressAlerts)
        .values({ ruleId: rule.id, dedupKey: `spike:${bucket}`, kind: 'volume_spike', topicId: rule.topicId, title, detail })
        .onConflictDoNothing()
        .returning({ id: pressAlerts.id });
      if (!alert) return false;
      const topics = rule.topicId ? [rule.topicId] : (await tx.select({ id: pressTopics.id }).from(pressTopics)).map((t) => t.id);
      return tellFollowers(tx, topics, title, detail, `/press/alerts?focus=${alert.id}`);
    });
    if (queued) mails++;
  }
  return mails;
}

export async function listAlerts(db: Db, q: { open?: boolean; page: number; pageSize: number }) {
  const cond = q.open ? isNull(pressAlerts.acknowledgedAt) : undefined;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        alert: pressAlerts,
        topicName: pressTopics.name,
        ruleName: pressAlertRules.name,
        caseId: sql<string | null>`(select c.id from press_cases c where c.alert_id = ${pressAlerts.id} limit 1)`,
      })
      .from(pressAlerts)
      .leftJoin(pressTopics, eq(pressTopics.id, pressAlerts.topicId))
      .leftJoin(pressAlertRules, eq(pressAlertRules.id, pressAlerts.ruleId))
      .where(cond)
      .orderBy(desc(pressAlerts.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(pressAlerts)
      .where(cond),
  ]);
  return {
    items: items.map(({ alert: a, topicName, ruleName, caseId }) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      detail: a.detail,
      articleId: a.articleId,
      storyId: a.storyId,
      topicId: a.topicId,
      topicName,
      ruleName,
      caseId,
      createdAt: a.createdAt.toISOString(),
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function acknowledgeAlert(db: Db, id: string, userId: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .update(pressAlerts)
      .set({
        acknowledgedAt: sql`coalesce(${pressAlerts.acknowledgedAt}, now())`,
        acknowledgedBy: sql`coalesce(${pressAlerts.acknowledgedBy}, ${userId}::uuid)`,
      })
      .where(eq(pressAlerts.id, id))
      .returning();
    if (!a) throw new AppError('press.alert_not_found', { id });
    await writeAudit(tx, actor, {
      action: 'acknowledge',
      entity: 'press_alert',
      entityId: id,
      after: { acknowledgedAt: a.acknowledgedAt },
    });
    return { id: a.id, acknowledgedAt: a.acknowledgedAt!.toISOString() };
  });
}

export async function getAlert(db: Db, id: string) {
  const [a] = await db.select().from(pressAlerts).where(eq(pressAlerts.id, id));
  if (!a) throw new AppError('press.alert_not_found', { id });
  return a;
}

export async function listRules(db: Db) {
  return db.select().from(pressAlertRules).orderBy(pressAlertRules.createdAt);
}

export type RuleInput = Omit<typeof pressAlertRules.$inferInsert, 'id' | 'createdAt'>;

export function ruleDto(r: AlertRule) {
  return { ...r, tone: r.tone as Tone | null, kind: r.kind as 'article' | 'volume_spike', createdAt: r.createdAt.toISOString() };
}

export async function createRule(db: Db, input: RuleInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const [r] = await tx.insert(pressAlertRules).values(input).returning();
    await writeAudit(tx, actor, { action: 'create', entity: 'press_alert_rule', entityId: r.id, after: ruleDto(r) });
    return ruleDto(r);
  });
}

export async function deleteRule(db: Db, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const rows = await tx.delete(pressAlertRules).where(eq(pressAlertRules.id, id)).returning();
    if (!rows.length) throw new AppError('press.rule_not_found', { id });
    await writeAudit(tx, actor, { action: 'delete', entity: 'press_alert_rule', entityId: id, before: ruleDto(rows[0]) });
  });
}
