import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import { AppError } from '../../shared/errors';
import { keepHeapUnder } from '../../shared/heap';
import { translate } from '../../shared/messages/catalogue';
import { extractArticleInWorker, nextPollAt, parseFeed, safeFetch, type FeedItem, type PollOutcome } from './ingest';
import { ingestArticle, type IngestContext } from './ingest.service';
import { canonicaliseUrl } from './pipeline';
import { pressArticles, pressSources } from './press.tables';

export interface PollOptions {
  /** Worker identity written on claimed sources. */
  owner: string;
  /** How many due sources one run claims. */
  batch?: number;
  timeoutMs?: number;
  maxItems?: number;
}

export interface ClaimedSource {
  id: string;
  name: string;
  url: string;
  language: string;
  country: string;
  weight: number;
  interval_minutes: number;
  etag: string | null;
  last_modified: string | null;
  last_body_hash: string | null;
  consecutive_failures: number;
}

const CLAIM_MINUTES = 10;
/** A feed item whose text is shorter than this is a summary: the article page is fetched. */
const SUMMARY_CHARS = 400;

/**
 * Claim due sources for this worker. `FOR UPDATE SKIP LOCKED` plus the claim's expiry make the
 * claim exclusive when several workers share one PostgreSQL: a source is polled by one at a time.
 */
export async function claimDueSources(ctx: IngestContext, owner: string, batch: number): Promise<ClaimedSource[]> {
  const now = ctx.now.toISOString();
  return rowsOf<ClaimedSource>(
    await ctx.db.execute(sql`
      UPDATE press_sources SET claimed_by = ${owner}, claimed_until = ${now}::timestamptz + ${`${CLAIM_MINUTES} minutes`}::interval
      WHERE id IN (
        SELECT id FROM press_sources
        WHERE active AND next_poll_at <= ${now}::timestamptz AND (claimed_until IS NULL OR claimed_until < ${now}::timestamptz)
        ORDER BY next_poll_at LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, name, url, language, country, weight, interval_minutes, etag, last_modified, last_body_hash, consecutive_failures`),
  );
}

export interface PollReport {
  sourceId: string;
  outcome: 'ok' | 'not_modified' | 'error';
  created: number;
  duplicates: number;
  error?: string;
}

/** Claim due sources and poll each; returns what happened per source. */
export async function pollDueSources(ctx: IngestContext, opts: PollOptions): Promise<PollReport[]> {
  const sources = await claimDueSources(ctx, opts.owner, opts.batch ?? 10);
  const reports: PollReport[] = [];
  for (const s of sources) reports.push(await pollSource(ctx, s, opts));
  return reports;
}

export async function pollSource(ctx: IngestContext, s: ClaimedSource, opts: PollOptions): Promise<PollReport> {
  const fetchOpts = { allowLoopback: ctx.config.pressAllowLoopbackFetch, timeoutMs: opts.timeoutMs };
  let created = 0;
  let duplicates = 0;
  try {
    const res = await safeFetch(s.url, { ...fetchOpts, etag: s.etag, lastModified: s.last_modified });
    if (res.status === 304 || (res.bodyHash && res.bodyHash === s.last_body_hash)) {
      await finish(ctx, s, { kind: 'not_modified' }, {});
      return { sourceId: s.id, outcome: 'not_modified', created, duplicates };
    }
    const feed = parseFeed(res.body, { url: res.finalUrl });
    for (const item of feed.items.slice(0, opts.maxItems ?? 100)) {
      try {
        const r = await ingestItem(ctx, s, item, fetchOpts);
        if (r === 'created') created++;
        else if (r === 'duplicate') duplicates++;
      } catch (err) {
        ctx.log.warn({ err: err instanceof Error ? err.message : String(err), source: s.id, link: item.link }, 'press item skipped');
      }
    }
    await finish(ctx, s, { kind: 'ok' }, { etag: res.etag, lastModified: res.lastModified, lastBodyHash: res.bodyHash });
    return { sourceId: s.id, outcome: 'ok', created, duplicates };
  } catch (err) {
    const e =
      err instanceof AppError
        ? err
        : new AppError('press.fetch_network_error', { url: s.url, reason: err instanceof Error ? err.message : String(err) });
    const message = translate('vi', e.code, e.details);
    await finish(
      ctx,
      s,
      { kind: 'error', status: Number(e.details.status) || undefined, retryAfter: (e.details.retryAfter as string | null) ?? null },
      {
        error: message,
        errorCode: e.code,
      },
    );
    return { sourceId: s.id, outcome: 'error', created, duplicates, error: e.code };
  }
}

async function ingestItem(ctx: IngestContext, s: ClaimedSource, item: FeedItem, fetchOpts: { allowLoopback: boolean; timeoutMs?: number }) {
  // The item's link is the article's identity: checked before any page is fetched.
  const canonical = canonicaliseUrl(item.link);
  if (canonical) {
    const [seen] = await ctx.db
      .select({ id: pressArticles.id })
      .from(pressArticles)
      .where(eq(pressArticles.canonicalUrl, canonical))
      .limit(1);
    if (seen) return 'duplicate';
  }
  const source = { id: s.id, weight: s.weight, language: s.language, country: s.country };
  let text = item.contentHtml ?? item.summary;
  let html = item.contentHtml;
  let author = item.author;
  let publishedAt: string | null = item.publishedAt;
  const plain = item.contentHtml ? item.contentHtml.replace(/<[^>]+>/g, '') : item.summary;
  if (plain.length < SUMMARY_CHARS && item.link) {
    try {
      const page = await safeFetch(item.link, { ...fetchOpts, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
      const a = await extractArticleInWorker(page.body, page.finalUrl);
      if (a.text.length > plain.length) {
        text = a.text;
        html = a.html;
        author = author ?? a.author;
        publishedAt = publishedAt ?? a.publishedAt;
      }
    } catch (err) {
      ctx.log.warn({ err: err instanceof Error ? err.message : String(err), link: item.link }, 'article page not fetched; summary kept');
    }
  }
  const r = await ingestArticle(
    ctx,
    { title: item.title, text, author, outlet: s.name, url: item.link, canonicalUrl: null, publishedAt },
    { source, entry: 'feed', html },
  );
  // A page's jsdom window and the sanitiser's documents are megabytes of garbage per article:
  // left to V8, a worker's heap grows by hundreds of MB in one poll (bench/press-worker.bench.ts).
  keepHeapUnder(ctx.config.pressHeapSoftLimitMb);
  return r.status;
}

async function finish(
  ctx: IngestContext,
  s: ClaimedSource,
  outcome: PollOutcome,
  extra: { etag?: string | null; lastModified?: string | null; lastBodyHash?: string | null; error?: string; errorCode?: string },
) {
  const decision = nextPollAt({ intervalMinutes: s.interval_minutes, consecutiveFailures: s.consecutive_failures }, outcome, ctx.now);
  const ok = outcome.kind !== 'error';
  await ctx.db
    .update(pressSources)
    .set({
      health: outcome.kind,
      lastError: ok ? null : (extra.error ?? null),
      lastErrorCode: ok ? null : (extra.errorCode ?? null),
      consecutiveFailures: decision.consecutiveFailures,
      lastFetchedAt: ctx.now,
      ...(ok ? { lastSuccessAt: ctx.now } : {}),
      // Validators are saved only when the body changed (a 200 with a new hash).
      ...(outcome.kind === 'ok'
        ? { etag: extra.etag ?? null, lastModified: extra.lastModified ?? null, lastBodyHash: extra.lastBodyHash ?? null }
        : {}),
      nextPollAt: decision.at,
      claimedUntil: null,
      claimedBy: null,
      updatedAt: new Date(),
    })
    .where(eq(pressSources.id, s.id));
}
