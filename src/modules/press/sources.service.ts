import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { pressSources } from './press.tables';

export interface SourceInput {
  name: string;
  url: string;
  language: string;
  country: string;
  weight: number;
  intervalMinutes: number;
  active: boolean;
}

export function sourceDto(s: typeof pressSources.$inferSelect) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    language: s.language,
    country: s.country,
    weight: s.weight,
    intervalMinutes: s.intervalMinutes,
    active: s.active,
    health: s.health,
    lastError: s.lastError,
    lastErrorCode: s.lastErrorCode,
    consecutiveFailures: s.consecutiveFailures,
    lastFetchedAt: iso(s.lastFetchedAt),
    lastSuccessAt: iso(s.lastSuccessAt),
    nextPollAt: iso(s.nextPollAt),
    articleCount: s.articleCount,
  };
}

export async function listSources(db: Db) {
  return (await db.select().from(pressSources).orderBy(asc(pressSources.name))).map(sourceDto);
}

export async function getSource(db: Db, id: string) {
  const [s] = await db.select().from(pressSources).where(eq(pressSources.id, id));
  if (!s) throw new AppError('press.source_not_found', { id });
  return s;
}

async function assertUrlFree(db: Db, url: string, id?: string) {
  const [other] = await db.select({ id: pressSources.id }).from(pressSources).where(eq(pressSources.url, url));
  if (other && other.id !== id) throw new AppError('press.source_url_taken', { url });
}

export async function createSource(db: Db, input: SourceInput, actor: Actor) {
  return db.transaction(async (tx) => {
    await assertUrlFree(tx, input.url);
    const [s] = await tx
      .insert(pressSources)
      .values({ ...input, country: input.country.toUpperCase() })
      .returning();
    await writeAudit(tx, actor, { action: 'press.source.create', entity: 'press_source', entityId: s.id, after: sourceDto(s) });
    return sourceDto(s);
  });
}

export async function updateSource(db: Db, id: string, input: SourceInput, actor: Actor) {
  return db.transaction(async (tx) => {
    const before = await getSource(tx, id);
    await assertUrlFree(tx, input.url, id);
    const [s] = await tx
      .update(pressSources)
      .set({
        ...input,
        country: input.country.toUpperCase(),
        updatedAt: new Date(),
        // A changed address starts afresh: validators dropped, polled at once.
        ...(input.url !== before.url ? { etag: null, lastModified: null, lastBodyHash: null, nextPollAt: new Date() } : {}),
      })
      .where(eq(pressSources.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'press.source.update',
      entity: 'press_source',
      entityId: id,
      before: sourceDto(before),
      after: sourceDto(s),
    });
    return sourceDto(s);
  });
}

export async function deleteSource(db: Db, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const before = await getSource(tx, id);
    await tx.delete(pressSources).where(eq(pressSources.id, id));
    await writeAudit(tx, actor, { action: 'press.source.delete', entity: 'press_source', entityId: id, before: sourceDto(before) });
  });
}

/**
 * Poll at the next worker run. A minute in the past: the poller compares with its own clock
 * (milliseconds), which may read a hair earlier than the database's now() (microseconds).
 */
export async function pollSoon(db: Db, id: string) {
  await getSource(db, id);
  await db
    .update(pressSources)
    .set({ nextPollAt: sql`now() - interval '1 minute'`, claimedUntil: null })
    .where(eq(pressSources.id, id));
}
