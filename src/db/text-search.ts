import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { fold } from '../shared/text/fold';

/**
 * The one search rule for free-text filters: every word of the query, folded (no case, no
 * diacritics: "trien lam" finds "Triển lãm", "lao bao" finds "Lao Bảo"), appears somewhere in the
 * given columns, folded by the database's `ttdn_fold`. `%`, `_` and `\` in the query are literal.
 * Returns undefined for an empty query.
 */
export function foldedSearch(columns: readonly AnyPgColumn[], query: string | null | undefined): SQL | undefined {
  const words = fold(query ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 12);
  if (!words.length || !columns.length) return undefined;
  const haystack = sql`ttdn_fold(${sql.join(
    columns.map((c) => sql`coalesce(${c}::text, '')`),
    sql` || ' ' || `,
  )})`;
  const conditions = words.map((w) => sql`${haystack} LIKE ${'%' + w.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  return sql`(${sql.join(conditions, sql` AND `)})`;
}
