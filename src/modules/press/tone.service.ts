import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applyCorrections, DEFAULT_LEXICONS, type Lexicon, type Tone, type ToneCorrection } from './pipeline';
import { pressToneCorrections } from './press.tables';

export type Lexicons = Record<'vi' | 'en', Lexicon>;

let cached: { key: string; lexicons: Lexicons } | null = null;
const MAX_CORRECTIONS = 5000;

/**
 * The lexicons used for scoring: the defaults plus weights learned from staff corrections
 * (applyCorrections). Recomputed only when the corrections changed.
 */
export async function loadLexicons(db: Db): Promise<Lexicons> {
  const [{ n, last }] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${pressToneCorrections.id}), 0)::int` })
    .from(pressToneCorrections);
  const key = `${n}:${last}`;
  if (cached?.key === key) return cached.lexicons;
  let lexicons: Lexicons = DEFAULT_LEXICONS;
  if (n > 0) {
    const rows = await db.select().from(pressToneCorrections).orderBy(desc(pressToneCorrections.id)).limit(MAX_CORRECTIONS);
    const corrections: ToneCorrection[] = rows
      .filter((r) => r.language === 'vi' || r.language === 'en')
      .map((r) => ({ title: r.title, text: r.text, language: r.language as 'vi' | 'en', tone: r.toTone as Tone }));
    lexicons = { vi: applyCorrections(DEFAULT_LEXICONS.vi, corrections), en: applyCorrections(DEFAULT_LEXICONS.en, corrections) };
  }
  cached = { key, lexicons };
  return lexicons;
}
