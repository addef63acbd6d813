/**
 * Press articles: `articles` articles over the last two years, from the corpus generator the
 * press search benchmark uses (bench/lib/press-corpus.ts: pooled titles and paragraphs assembled
 * server-side with INSERT … SELECT generate_series; one title in fifty starts "Quảng Trị:").
 */
import { sql } from 'drizzle-orm';
import { generateCorpus } from '../lib/press-corpus';
import type { Generator } from './types';

export const articlesGenerator: Generator = {
  name: 'press articles',
  tables: ['press_articles'],
  async run(db, sizes, log) {
    // One session: generators run inside one transaction.
    const { seconds } = await generateCorpus(db, sizes.articles, { sessions: 1 });
    await db.execute(sql`ANALYZE press_articles`);
    log(`articles: +${sizes.articles.toLocaleString('en-US')} (${seconds.toFixed(1)} s)`);
  },
};
