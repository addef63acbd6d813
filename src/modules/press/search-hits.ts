import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';

/**
 * The hits of a text search in date order: the ids of one page and their number up to
 * `countCap + 1`, with bounded work however frequent the words are.
 *
 * Two ways to find hits, each cheap where the other is dear (measured at a million articles):
 * - the walk reads articles by date and tests each one (about 10–15 µs an article: the search
 *   vectors live in TOAST): cheap when hits are dense, ruinous when they are rare;
 * - the bitmap asks the GIN index for every hit and visits them (about 0.3 µs an index entry and
 *   10 µs a visit): cheap when hits are few, dear for a word in a third of all articles.
 * So a search walks the newest `probeRows` articles that pass the filters, then the next twice as many,
 * and so on, as long as at least `dense` of the articles walked in a step were hits and it has walked
 * fewer than `walkMaxRows`, until it has countCap + 1 hits. Where hits thin out, it counts the rest with
 * the bitmap (at most countCap + 1 visits) and takes the page from what it walked when that holds it,
 * from all the hits when they are few, and else from date windows reaching back `growth`, `growth`², …
 * times the span walked, where the index and the date range are intersected before any article is visited.
 * Where the statistics say the words are rare in the whole table (`share` below `rare`), the index is cheap
 * whatever the density among the articles walked (a filter on a rare word's outlets can make it dense there):
 * it goes to the index after the first step.
 */
export interface HitTuning {
  probeRows: number;
  dense: number;
  rare: number;
  walkMaxRows: number;
  countCap: number;
  growth: number;
  windows: number;
}

export const HIT_TUNING: HitTuning = { probeRows: 600, dense: 0.15, rare: 0.05, walkMaxRows: 9000, countCap: 1000, growth: 8, windows: 3 };

export interface HitSearch {
  /** The text condition on `press_articles a`. */
  match: SQL;
  /** The same condition with its tsqueries hidden from the planner's estimates (searchCondition `opaque`). */
  opaqueMatch: SQL;
  /** The other filters on `a` (`true` when none). */
  filter: SQL;
  asc: boolean;
  offset: number;
  pageSize: number;
  /** The share of all articles holding the query's rarest word (search-stats.ts); null or absent when unknown. */
  share?: number | null;
}

/** An article's place in the order: published_at as PostgreSQL prints it (microseconds kept) and id. */
interface Edge {
  t: string;
  id: string;
}

/** `trace` hears each way taken (`walk`, `count`, `all`, `window`, `rest`): for tests. */
export async function findTextHits(
  tx: Db,
  s: HitSearch,
  tuning: HitTuning = HIT_TUNING,
  trace?: (step: string) => void,
): Promise<{ ids: string[]; n: number }> {
  const need = s.offset + s.pageSize;
  const limit = Math.max(tuning.countCap + 1, need);
  const order = s.asc ? sql`a.published_at ASC, a.id` : sql`a.published_at DESC, a.id`;
  const page = (ids: string[]) => ids.slice(s.offset, need);
  const idsOf = async (query: SQL) => rowsOf<{ id: string }>(await tx.execute(query)).map((r) => r.id);

  const after = (e: Edge | null) =>
    !e
      ? sql`true`
      : s.asc
        ? sql`a.published_at >= ${e.t}::timestamptz AND (a.published_at > ${e.t}::timestamptz OR a.id > ${e.id}::uuid)`
        : sql`a.published_at <= ${e.t}::timestamptz AND (a.published_at < ${e.t}::timestamptz OR a.id > ${e.id}::uuid)`;
  /** The hits among the next `rows` articles after `e` that pass the filters, in order (up to `max`). */
  const walk = (e: Edge | null, rows: number, max: number) =>
    idsOf(sql`
      SELECT a.id FROM (
        SELECT a.id, a.published_at, a.search, a.search_pairs FROM press_articles a WHERE ${s.filter} AND ${after(e)} ORDER BY ${order} LIMIT ${rows}
      ) a WHERE ${s.match} ORDER BY ${order} LIMIT ${max}`);
  /** The `rows`-th article after `e` that passes the filters (null when there are fewer). */
  const edge = async (e: Edge | null, rows: number) =>
    rowsOf<Edge>(
      await tx.execute(
        sql`SELECT a.published_at::text AS t, a.id FROM press_articles a WHERE ${s.filter} AND ${after(e)} ORDER BY ${order} OFFSET ${rows - 1} LIMIT 1`,
      ),
    )[0] ?? null;

  /** Hits after `e` by the GIN index: counted, and the page completed when `known` does not hold it. */
  const beyond = async (known: string[], e: Edge, top: Edge) => {
    await tx.execute(
      sql`SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true), set_config('work_mem', '32MB', true)`,
    );
    try {
      const rest = sql`${s.filter} AND ${after(e)}`;
      const room = limit - known.length;
      trace?.('count');
      const [{ n: more }] = rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM press_articles a WHERE ${rest} AND ${s.match} LIMIT ${room}) x`),
      );
      const n = known.length + more;
      if (known.length >= need || more === 0) return { ids: page(known), n };
      const k = need - known.length;
      const next = (cond: SQL) => idsOf(sql`SELECT a.id FROM press_articles a WHERE ${rest} AND ${cond} ORDER BY ${order} LIMIT ${k}`);
      // Few hits: sorting all of them is cheap.
      if (more < room) {
        trace?.('all');
        return { ids: page([...known, ...(await next(s.match))]), n };
      }
      // Many hits, few of them recent: windows back in time, the index and the date range intersected first.
      const span = sql`greatest(abs(extract(epoch FROM ${e.t}::timestamptz - ${top.t}::timestamptz))::float8, 3600)`;
      for (let i = 1; i <= tuning.windows; i++) {
        const reach = sql`make_interval(secs => ${span} * ${tuning.growth ** i}::float8)`;
        const within = s.asc
          ? sql`a.published_at <= ${e.t}::timestamptz + ${reach}`
          : sql`a.published_at >= ${e.t}::timestamptz - ${reach}`;
        trace?.('window');
        const found = await next(sql`${within} AND ${s.opaqueMatch}`);
        if (found.length >= k) return { ids: page([...known, ...found]), n };
      }
      trace?.('rest');
      return { ids: page([...known, ...(await next(s.match))]), n };
    } finally {
      await tx.execute(sql`SELECT set_config('enable_indexscan', 'on', true), set_config('enable_seqscan', 'on', true)`);
    }
  };

  const known: string[] = [];
  let e: Edge | null = null;
  let walked = 0;
  for (let rows = tuning.probeRows; ; rows *= 2) {
    trace?.('walk');
    const hits = await walk(e, rows, limit - known.length);
    known.push(...hits);
    if (known.length >= limit) return { ids: page(known), n: known.length };
    const last = await edge(e, rows);
    if (!last) return { ids: page(known), n: known.length }; // every article walked
    walked += rows;
    const rare = s.share != null && s.share < tuning.rare;
    if (rare || hits.length < rows * tuning.dense || walked + rows * 2 > tuning.walkMaxRows)
      return beyond(known, last, (await edge(null, 1))!);
    e = last;
  }
}
