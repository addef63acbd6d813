import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { rowsOf, type Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { deliverOutbox } from '../notifications';
import { loadArticleRules, raiseArticleAlerts, type AlertRule } from './alerts.service';
import {
  computeSignature,
  DEFAULT_THRESHOLD,
  DEFAULT_WINDOW_DAYS,
  estimateJaccard,
  matchTopics,
  normaliseArticle,
  defaultStanceModel,
  scoreStance,
  scoreTone,
  type CompiledTopics,
  type RawArticle,
} from './pipeline';
import { sanitiseHtml } from './ingest';
import { syllablePairs } from './search-query';
import { pressArticleBands, pressArticles, pressArticleTopics, pressSources, pressStories } from './press.tables';
import { loadLexicons, type Lexicons } from './tone.service';
import { loadCompiledTopics } from './topics.service';

export interface Logger {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
}

/** What one batch of ingestion shares: topics, lexicons and alert rules loaded once. */
/** The settings ingestion reads: fetch limits for polling and URL entry, mail for alerts. */
export type IngestConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'pressAllowLoopbackFetch' | 'pressHeapSoftLimitMb'>;

export interface IngestContext {
  db: Db;
  config: IngestConfig;
  log: Logger;
  now: Date;
  topics: CompiledTopics;
  lexicons: Lexicons;
  rules: AlertRule[];
}

export async function createIngestContext(db: Db, config: IngestConfig, log: Logger, now = new Date()): Promise<IngestContext> {
  const [topics, lexicons, rules] = await Promise.all([loadCompiledTopics(db), loadLexicons(db), loadArticleRules(db)]);
  return { db, config, log, now, topics, lexicons, rules };
}

export interface IngestSource {
  id: string;
  weight: number;
  language?: string | null;
  country?: string | null;
}

export interface IngestOptions {
  source?: IngestSource | null;
  entry: 'feed' | 'url' | 'text' | 'bulk';
  /** Page or feed HTML to keep (sanitised) for display. */
  html?: string | null;
}

export type IngestResult =
  { status: 'created'; id: string; storyId: string; newStory: boolean; alerts: number } | { status: 'duplicate'; id: string };

class Duplicate extends Error {
  constructor(readonly id: string) {
    super('duplicate');
  }
}

const MAX_TEXT = 200_000;
/** The search index covers this much of the folded text (as the `search` column does). */
const MAX_SEARCH_TEXT = 200_000;

/**
 * One article into the database: normalise, detect language, match topics, score tone,
 * group near-duplicates into stories (candidates by LSH band keys in SQL), insert once per
 * canonical URL, raise alerts. Alert e-mails go out after the commit.
 */
export async function ingestArticle(ctx: IngestContext, raw: RawArticle, opts: IngestOptions): Promise<IngestResult> {
  const n = normaliseArticle(
    { ...raw, language: raw.language ?? opts.source?.language, country: raw.country ?? opts.source?.country },
    { fallbackPublishedAt: ctx.now },
  );
  if (!n.title && !n.text) throw new AppError('press.article_empty', { url: raw.url ?? '' });
  const text = n.text.slice(0, MAX_TEXT);
  const db = ctx.db;

  const existing = n.canonicalUrl
    ? await db.select({ id: pressArticles.id }).from(pressArticles).where(eq(pressArticles.canonicalUrl, n.canonicalUrl)).limit(1)
    : await db
        .select({ id: pressArticles.id })
        .from(pressArticles)
        .where(and(eq(pressArticles.contentHash, n.contentHash), isNull(pressArticles.canonicalUrl)))
        .limit(1);
  if (existing.length) return { status: 'duplicate', id: existing[0].id };

  // The lexicon's evidence explains; the stance model (trained on the labelled corpus, with the
  // province's lexicons and their learned weights) decides the tone toward the province.
  const lexical = scoreTone({ title: n.title, text, language: n.language }, { lexicons: ctx.lexicons });
  const matches = matchTopics(ctx.topics, { title: n.title, text });
  const stance = scoreStance(
    { ...defaultStanceModel(), lexicons: ctx.lexicons },
    { title: n.title, text, language: n.language, foldedTitle: n.foldedTitle },
  );
  const tone = { ...lexical, tone: stance.tone };
  const sig = computeSignature(n.foldedTitle, n.foldedText);
  const publishedAt = new Date(n.publishedAt ?? ctx.now);

  let mails = 0;
  try {
    const result = await db.transaction(async (tx) => {
      const story = await findStory(tx, sig, publishedAt);
      let storyId = story?.storyId;
      if (!storyId) {
        const [s] = await tx
          .insert(pressStories)
          .values({ title: n.title, firstPublishedAt: publishedAt, lastPublishedAt: publishedAt, appearances: 0 })
          .returning({ id: pressStories.id });
        storyId = s.id;
      }
      const [row] = await tx
        .insert(pressArticles)
        .values({
          sourceId: opts.source?.id ?? null,
          storyId,
          title: n.title,
          text,
          html: opts.html ? sanitiseHtml(opts.html) : null,
          author: n.author,
          outlet: n.outlet,
          url: n.url,
          canonicalUrl: n.canonicalUrl,
          publishedAt,
          fetchedAt: ctx.now,
          language: n.language,
          country: n.country ?? null,
          tone: tone.tone,
          toneScored: tone.tone,
          toneScore: tone.score,
          toneEvidence: {
            evidence: tone.evidence,
            rules: tone.rules,
            stance: { target: stance.target, probabilities: stance.probabilities, explanation: stance.explanation },
          },
          contentHash: n.contentHash,
          signature: sig.signature,
          titleKey: sig.titleKey,
          entry: opts.entry,
          foldedTitle: n.foldedTitle,
          foldedText: n.foldedText.slice(0, MAX_TEXT),
          searchPairs: sql`array_to_tsvector(string_to_array(${syllablePairs(n.foldedTitle, n.foldedText.slice(0, MAX_SEARCH_TEXT))}, ' '))`,
        })
        .onConflictDoNothing({ target: pressArticles.canonicalUrl })
        .returning({ id: pressArticles.id });
      if (!row) {
        const [other] = await tx
          .select({ id: pressArticles.id })
          .from(pressArticles)
          .where(eq(pressArticles.canonicalUrl, n.canonicalUrl!));
        throw new Duplicate(other?.id ?? '');
      }
      await tx.insert(pressArticleBands).values(sig.bandKeys.map((bandKey) => ({ bandKey, articleId: row.id, publishedAt })));
      if (matches.length) {
        await tx
          .insert(pressArticleTopics)
          .values(matches.map((m) => ({ articleId: row.id, topicId: m.topicId, terms: m.terms, hits: m.hits })));
      }
      await tx
        .update(pressStories)
        .set({
          appearances: sql`${pressStories.appearances} + 1`,
          firstPublishedAt: sql`least(${pressStories.firstPublishedAt}, ${publishedAt.toISOString()}::timestamptz)`,
          lastPublishedAt: sql`greatest(${pressStories.lastPublishedAt}, ${publishedAt.toISOString()}::timestamptz)`,
        })
        .where(eq(pressStories.id, storyId));
      if (opts.source) {
        await tx
          .update(pressSources)
          .set({ articleCount: sql`${pressSources.articleCount} + 1` })
          .where(eq(pressSources.id, opts.source.id));
      }
      mails = await raiseArticleAlerts(tx, ctx.rules, {
        id: row.id,
        storyId,
        title: n.title,
        outlet: n.outlet,
        tone: tone.tone,
        outletWeight: opts.source?.weight ?? null,
        topicIds: matches.map((m) => m.topicId),
      });
      return { status: 'created' as const, id: row.id, storyId, newStory: !story, alerts: mails };
    });
    if (mails)
      await deliverOutbox(db, ctx.config, ctx.log).catch((err) => ctx.log.warn({ err: String(err) }, 'mail left to the outbox job'));
    return result;
  } catch (err) {
    if (err instanceof Duplicate) return { status: 'duplicate', id: err.id };
    throw err;
  }
}

interface Candidate {
  id: string;
  story_id: string;
  signature: number[];
  title_key: string | null;
  published_at: string | Date;
}

/** The story of the most similar recent article (estimated Jaccard ≥ 0.5, or the same title), if any. */
async function findStory(tx: Db, sig: ReturnType<typeof computeSignature>, publishedAt: Date) {
  const windowMs = DEFAULT_WINDOW_DAYS * 86_400_000;
  const from = new Date(publishedAt.getTime() - windowMs).toISOString();
  const to = new Date(publishedAt.getTime() + windowMs).toISOString();
  const keys = sql.join(
    sig.bandKeys.map((k) => sql`${k}`),
    sql`, `,
  );
  const titleCond = sig.titleKey
    ? sql`OR (a.title_key = ${sig.titleKey} AND a.published_at BETWEEN ${from}::timestamptz AND ${to}::timestamptz)`
    : sql``;
  const rows = rowsOf<Candidate>(
    await tx.execute(sql`
      SELECT a.id, a.story_id, a.signature, a.title_key, a.published_at FROM press_articles a
      WHERE a.id IN (
        SELECT b.article_id FROM press_article_bands b
        WHERE b.band_key IN (${keys}) AND b.published_at BETWEEN ${from}::timestamptz AND ${to}::timestamptz
        LIMIT 500)
      ${titleCond}
      LIMIT 500`),
  );
  let best: { storyId: string; score: number; time: number } | null = null;
  for (const c of rows) {
    if (!c.story_id) continue;
    const sim = estimateJaccard(sig.signature, c.signature);
    const titleEqual = !!sig.titleKey && c.title_key === sig.titleKey;
    const score = sim >= DEFAULT_THRESHOLD ? sim : titleEqual ? DEFAULT_THRESHOLD : -1;
    const time = new Date(c.published_at).getTime();
    if (score >= DEFAULT_THRESHOLD && (!best || score > best.score || (score === best.score && time < best.time))) {
      best = { storyId: c.story_id, score, time };
    }
  }
  return best;
}
