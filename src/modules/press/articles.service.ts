import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { highlightRanges, queryWords, snippet } from './highlight';
import type { Tone } from './pipeline';
import { HIT_TUNING, findTextHits } from './search-hits';
import { queryLexemes, rankQuery, searchCondition } from './search-query';
import { rarestLexemeShare } from './search-stats';
import { pressArticles, pressArticleTopics, pressSources, pressStories, pressToneCorrections, pressTopics } from './press.tables';

export interface ArticleQuery {
  q?: string;
  from?: string;
  to?: string;
  language?: string;
  outlet?: string;
  topicId?: string;
  tone?: Tone;
  sourceId?: string;
  storyId?: string;
  sort: 'date_desc' | 'date_asc' | 'relevance';
  page: number;
  pageSize: number;
}

/** Totals are counted up to this; beyond it the screen shows "more than". */
export const COUNT_CAP = 1000;
/** Relevance is ranked among this many latest hits (a very common word never ranks the whole table). */
const RANK_WINDOW = 2000;
const MAX_OFFSET = 5000;

function filters(q: ArticleQuery): SQL[] {
  const where: SQL[] = [];
  if (q.from) where.push(sql`a.published_at >= ${`${q.from}T00:00:00+07:00`}::timestamptz`);
  if (q.to) where.push(sql`a.published_at <= ${`${q.to}T23:59:59.999+07:00`}::timestamptz`);
  if (q.language) where.push(sql`a.language = ${q.language}`);
  if (q.outlet) where.push(sql`a.outlet = ${q.outlet}`);
  if (q.tone) where.push(sql`a.tone = ${q.tone}`);
  if (q.sourceId) where.push(sql`a.source_id = ${q.sourceId}`);
  if (q.storyId) where.push(sql`a.story_id = ${q.storyId}`);
  if (q.topicId) where.push(sql`EXISTS (SELECT 1 FROM press_article_topics t WHERE t.article_id = a.id AND t.topic_id = ${q.topicId})`);
  return where;
}

interface Row {
  id: string;
  title: string;
  text: string;
  outlet: string | null;
  url: string | null;
  published_at: string | Date;
  language: string;
  country: string | null;
  tone: Tone;
  story_id: string | null;
  appearances: number | null;
}

/**
 * The ids of the page asked for, and the number of hits up to COUNT_CAP + 1. A text search in date
 * order goes through findTextHits (search-hits.ts: bounded work for rare and frequent words alike).
 */
async function findHits(tx: Db, q: ArticleQuery, where: SQL[], offset: number, share: number | null) {
  const filter = where.length ? sql.join(where, sql` AND `) : sql`true`;
  const match = q.q ? searchCondition(q.q) : null;
  const need = offset + q.pageSize;
  const idsOf = async (query: SQL) => rowsOf<{ id: string }>(await tx.execute(query)).map((r) => r.id);

  if (match && q.sort === 'relevance') {
    const hits = await idsOf(sql`
      WITH hits AS MATERIALIZED (SELECT a.id, a.search, a.published_at FROM press_articles a WHERE ${filter} AND ${match} ORDER BY a.published_at DESC LIMIT ${RANK_WINDOW})
      SELECT h.id FROM hits h ORDER BY ts_rank(h.search, ${rankQuery(q.q!)}) DESC, h.published_at DESC`);
    return { ids: hits.slice(offset, need), n: hits.length };
  }
  if (match) {
    const opaqueMatch = searchCondition(q.q!, { opaque: true })!;
    return findTextHits(
      tx,
      { match, opaqueMatch, filter, asc: q.sort === 'date_asc', offset, pageSize: q.pageSize, share },
      { ...HIT_TUNING, countCap: COUNT_CAP },
    );
  }
  const order = q.sort === 'date_asc' ? sql`a.published_at ASC, a.id` : sql`a.published_at DESC, a.id`;
  const hits = await idsOf(sql`SELECT a.id FROM press_articles a WHERE ${filter} ORDER BY ${order} LIMIT ${Math.max(COUNT_CAP + 1, need)}`);
  return { ids: hits.slice(offset, need), n: hits.length };
}

/**
 * Full-text search over folded text (syllables and syllable pairs, GIN; see search-query.ts), filters, sort and paging.
 * Bounded: totals are capped at COUNT_CAP, relevance ranks only the latest RANK_WINDOW hits,
 * and the statement has a time limit.
 */
export async function searchArticles(db: Db, q: ArticleQuery) {
  const offset = (q.page - 1) * q.pageSize;
  if (offset > MAX_OFFSET) throw new AppError('press.search_page_too_far', { max: MAX_OFFSET });
  if (q.q && !searchCondition(q.q)) throw new AppError('press.search_empty_query');
  // Read before the transaction (on the embedded database a query beside an open transaction would wait for it).
  const share = q.q && q.sort !== 'relevance' ? await rarestLexemeShare(db, queryLexemes(q.q)) : null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL statement_timeout = 8000`);
    const { ids, n } = await findHits(tx, q, filters(q), offset, share);
    const rows = ids.length
      ? rowsOf<Row>(
          await tx.execute(sql`
            SELECT a.id, a.title, left(a.text, 20000) AS text, a.outlet, a.url, a.published_at, a.language, a.country, a.tone, a.story_id, s.appearances
            FROM press_articles a LEFT JOIN press_stories s ON s.id = a.story_id
            WHERE a.id IN (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`),
        )
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const words = q.q ? queryWords(q.q) : [];
    const items = ids
      .map((id) => byId.get(id)!)
      .filter(Boolean)
      .map((r) => {
        const snip = snippet(r.text, words);
        return {
          id: r.id,
          title: r.title,
          titleHighlights: highlightRanges(r.title, words),
          snippet: snip.text,
          snippetHighlights: snip.highlights,
          outlet: r.outlet,
          url: r.url,
          publishedAt: new Date(r.published_at).toISOString(),
          language: r.language,
          country: r.country,
          tone: r.tone,
          storyId: r.story_id,
          appearances: r.appearances ?? 1,
        };
      });
    return { items, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP, page: q.page, pageSize: q.pageSize };
  });
}

export async function getArticle(db: Db, id: string) {
  const [row] = await db
    .select({ a: pressArticles, sourceName: pressSources.name, sourceWeight: pressSources.weight, appearances: pressStories.appearances })
    .from(pressArticles)
    .leftJoin(pressSources, eq(pressSources.id, pressArticles.sourceId))
    .leftJoin(pressStories, eq(pressStories.id, pressArticles.storyId))
    .where(eq(pressArticles.id, id));
  if (!row) throw new AppError('press.article_not_found', { id });
  const topics = await db
    .select({ topicId: pressArticleTopics.topicId, name: pressTopics.name, terms: pressArticleTopics.terms, hits: pressArticleTopics.hits })
    .from(pressArticleTopics)
    .innerJoin(pressTopics, eq(pressTopics.id, pressArticleTopics.topicId))
    .where(eq(pressArticleTopics.articleId, id))
    .orderBy(asc(pressTopics.name));
  const a = row.a;
  const ev = a.toneEvidence as { evidence?: unknown[]; rules?: unknown[] };
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    html: a.html,
    author: a.author,
    outlet: a.outlet,
    url: a.url,
    publishedAt: a.publishedAt.toISOString(),
    fetchedAt: a.fetchedAt.toISOString(),
    language: a.language,
    country: a.country,
    entry: a.entry,
    source: a.sourceId ? { id: a.sourceId, name: row.sourceName ?? '', weight: row.sourceWeight ?? 0 } : null,
    storyId: a.storyId,
    appearances: row.appearances ?? 1,
    tone: {
      tone: a.tone as Tone,
      scored: a.toneScored as Tone,
      score: a.toneScore,
      corrected: !!a.toneCorrectedBy,
      correctedAt: a.toneCorrectedAt?.toISOString() ?? null,
      evidence: (ev.evidence ?? []) as { term: string; weight: number; position: number; field: 'title' | 'text'; modifiers: string[] }[],
      rules: (ev.rules ?? []) as { id: string; detail: string }[],
    },
    topics: topics.map((t) => ({ ...t, hits: t.hits as { term: string; field: 'title' | 'text'; start: number; end: number }[] })),
  };
}

/** Appearances of one story (syndicated copies), oldest first. */
export async function getStory(db: Db, id: string) {
  const [s] = await db.select().from(pressStories).where(eq(pressStories.id, id));
  if (!s) throw new AppError('press.story_not_found', { id });
  const items = await db
    .select({
      id: pressArticles.id,
      title: pressArticles.title,
      outlet: pressArticles.outlet,
      url: pressArticles.url,
      publishedAt: pressArticles.publishedAt,
      tone: pressArticles.tone,
    })
    .from(pressArticles)
    .where(eq(pressArticles.storyId, id))
    .orderBy(asc(pressArticles.publishedAt))
    .limit(500);
  return {
    id: s.id,
    title: s.title,
    appearances: s.appearances,
    firstPublishedAt: s.firstPublishedAt?.toISOString() ?? null,
    lastPublishedAt: s.lastPublishedAt?.toISOString() ?? null,
    articles: items.map((i) => ({ ...i, publishedAt: i.publishedAt.toISOString() })),
  };
}

/** A person's tone: kept as the article's tone, and recorded to train later scoring. */
export async function correctTone(db: Db, id: string, tone: Tone, actor: Actor) {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(pressArticles).where(eq(pressArticles.id, id)).for('update');
    if (!a) throw new AppError('press.article_not_found', { id });
    await tx.update(pressArticles).set({ tone, toneCorrectedBy: actor.id, toneCorrectedAt: new Date() }).where(eq(pressArticles.id, id));
    await tx.insert(pressToneCorrections).values({
      articleId: id,
      language: a.language,
      fromTone: a.tone,
      toTone: tone,
      title: a.title,
      text: a.text.slice(0, 20_000),
      correctedBy: actor.id,
    });
    await writeAudit(tx, actor, {
      action: 'press.article.tone',
      entity: 'press_article',
      entityId: id,
      before: { tone: a.tone },
      after: { tone },
    });
    return { id, tone };
  });
}

export async function listOutlets(db: Db) {
  const rows = await db
    .select({ outlet: pressArticles.outlet, n: sql<number>`count(*)::int` })
    .from(pressArticles)
    .where(and(sql`${pressArticles.outlet} is not null`))
    .groupBy(pressArticles.outlet)
    .orderBy(desc(sql`count(*)`))
    .limit(200);
  return rows.map((r) => ({ outlet: r.outlet!, articles: r.n }));
}
