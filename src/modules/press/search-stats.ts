import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { QueryLexemes } from './search-query';

/**
 * How common a search's words are across all articles, from the statistics PostgreSQL keeps for
 * the planner (ANALYZE, run by autovacuum on a server): the share of articles holding the query's
 * rarest lexeme, or 0 when it is below the least frequent one tracked (about 2 % at a million
 * articles). findTextHits uses it only to choose between two ways to the same answer: reading the
 * GIN index costs in proportion to this share, walking by date does not.
 *
 * Read once per process and column every ten minutes (the lists hold up to 10,000 lexemes);
 * null where the table was never analysed (the embedded database has no autovacuum).
 */
const TTL_MS = 10 * 60_000;
type ColumnStats = { at: number; freq: Map<string, number> | null };
const cache = new WeakMap<Db, Map<string, ColumnStats>>();

async function columnStats(db: Db, column: QueryLexemes['column']): Promise<Map<string, number> | null> {
  let byColumn = cache.get(db);
  if (!byColumn) cache.set(db, (byColumn = new Map()));
  const hit = byColumn.get(column);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.freq;
  const [row] = rowsOf<{ e: string[] | null; f: number[] | null }>(
    await db.execute(sql`
      SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'press_articles' AND attname = ${column}`),
  );
  let freq: Map<string, number> | null = null;
  if (row) {
    freq = new Map();
    // The frequencies list ends with three summary figures (minimum, maximum, nulls): only the lexemes' own are paired.
    (row.e ?? []).forEach((lexeme, i) => freq!.set(lexeme, Number(row.f![i])));
  }
  byColumn.set(column, { at: Date.now(), freq });
  return freq;
}

/** The share (0–1) of articles holding the rarest of these lexemes; null when unknown. */
export async function rarestLexemeShare(db: Db, terms: QueryLexemes | null): Promise<number | null> {
  if (!terms || terms.lexemes.length === 0) return null;
  const freq = await columnStats(db, terms.column);
  if (!freq) return null;
  return Math.min(...terms.lexemes.map((l) => freq.get(l) ?? 0));
}
