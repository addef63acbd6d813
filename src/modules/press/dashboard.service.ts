import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

export interface Period {
  from: string;
  to: string;
}

const range = (p: Period) =>
  sql`a.published_at >= ${`${p.from}T00:00:00+07:00`}::timestamptz AND a.published_at <= ${`${p.to}T23:59:59.999+07:00`}::timestamptz`;

/** Figures for the dashboard and the digest over a period (dates in Vietnam time). */
export async function dashboardFigures(db: Db, p: Period) {
  const where = range(p);
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));
  const [volume, tone, outlets, languages, countries, cases, totals] = await Promise.all([
    q<{ day: string; n: number; negative: number }>(sql`
      SELECT to_char(a.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, count(*)::int AS n,
             count(*) FILTER (WHERE a.tone = 'negative')::int AS negative
      FROM press_articles a WHERE ${where} GROUP BY 1 ORDER BY 1`),
    q<{ tone: string; n: number }>(sql`SELECT a.tone, count(*)::int AS n FROM press_articles a WHERE ${where} GROUP BY 1`),
    q<{ outlet: string; n: number; negative: number }>(sql`
      SELECT coalesce(a.outlet, '—') AS outlet, count(*)::int AS n, count(*) FILTER (WHERE a.tone = 'negative')::int AS negative
      FROM press_articles a WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`),
    q<{ language: string; n: number }>(
      sql`SELECT a.language, count(*)::int AS n FROM press_articles a WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
    ),
    q<{ country: string; n: number }>(
      sql`SELECT coalesce(a.country, '—') AS country, count(*)::int AS n FROM press_articles a WHERE ${where} GROUP BY 1 ORDER BY 2 DESC LIMIT 15`,
    ),
    q<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM press_cases WHERE status <> 'closed' GROUP BY 1`),
    q<{ articles: number; stories: number }>(
      sql`SELECT count(*)::int AS articles, count(DISTINCT a.story_id)::int AS stories FROM press_articles a WHERE ${where}`,
    ),
  ]);
  const toneSplit = { positive: 0, neutral: 0, negative: 0 };
  for (const t of tone) if (t.tone in toneSplit) toneSplit[t.tone as keyof typeof toneSplit] = t.n;
  return {
    period: p,
    articles: totals[0]?.articles ?? 0,
    stories: totals[0]?.stories ?? 0,
    volume: volume.map((v) => ({ day: v.day, articles: v.n, negative: v.negative })),
    tone: toneSplit,
    outlets: outlets.map((o) => ({ outlet: o.outlet, articles: o.n, negative: o.negative })),
    languages: languages.map((l) => ({ language: l.language, articles: l.n })),
    countries: countries.map((c) => ({ country: c.country, articles: c.n })),
    openCases: cases.map((c) => ({ status: c.status, cases: c.n })),
  };
}

/** Top stories of a period: the most appearances first. */
export async function topStories(db: Db, p: Period, limit = 10) {
  return rowsOf<{ id: string; title: string; n: number; negative: number; outlets: string }>(
    await db.execute(sql`
      SELECT s.id, s.title, count(*)::int AS n, count(*) FILTER (WHERE a.tone = 'negative')::int AS negative,
             string_agg(DISTINCT coalesce(a.outlet, '—'), ', ') AS outlets
      FROM press_articles a JOIN press_stories s ON s.id = a.story_id
      WHERE ${range(p)} GROUP BY s.id, s.title ORDER BY 3 DESC, 4 DESC LIMIT ${limit}`),
  );
}

export async function negativeArticles(db: Db, p: Period, limit = 30) {
  return rowsOf<{ id: string; title: string; outlet: string | null; published_at: string | Date; url: string | null }>(
    await db.execute(sql`
      SELECT a.id, a.title, a.outlet, a.published_at, a.url FROM press_articles a
      WHERE ${range(p)} AND a.tone = 'negative' ORDER BY a.published_at DESC LIMIT ${limit}`),
  );
}

/** The period that ends on `date` for a daily, weekly (7 days) or monthly (calendar month) digest. */
export function digestPeriod(kind: 'daily' | 'weekly' | 'monthly', date: string): Period {
  const d = new Date(`${date}T00:00:00Z`);
  const iso = (x: Date) => x.toISOString().slice(0, 10);
  if (kind === 'daily') return { from: date, to: date };
  if (kind === 'weekly') {
    const from = new Date(d);
    from.setUTCDate(from.getUTCDate() - 6);
    return { from: iso(from), to: date };
  }
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return { from: iso(from), to: iso(to) };
}
