import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client';
import { cloneTestDatabase } from '../../../test/db';
import { findTextHits, type HitTuning } from './search-hits';
import { queryLexemes, searchCondition } from './search-query';
import { rarestLexemeShare } from './search-stats';

/**
 * findTextHits walks, counts by the index and reads date windows; whichever way it goes, its page and
 * capped count must be what one plain query gives. Small tuning makes every way happen on 480 articles:
 * dense words, rare ones, words dense only among the newest, words frequent only among the oldest,
 * several articles at one instant, both orders, pages deep in the list, a filter.
 */
const TUNING: HitTuning = { probeRows: 10, dense: 0.15, rare: 0.05, walkMaxRows: 150, countCap: 40, growth: 2, windows: 3 };
const N = 480;
let database: Database;
const steps = new Set<string>();

beforeAll(async () => {
  database = await cloneTestDatabase(inject('templateName'));
  // Article g: published g ÷ 3 hours before a fixed instant (three share each instant).
  await database.db.execute(sql`
    WITH g AS (
      SELECT g, trim(concat_ws(' ', 'tin so',
        CASE WHEN g % 2 = 0 THEN 'alpha beta' END,
        CASE WHEN g % 10 = 3 THEN 'gamma delta' END,
        CASE WHEN g IN (5, 200, 377) THEN 'hiem co' END,
        CASE WHEN g > 240 AND g % 2 = 1 THEN 'tin cu' END,
        CASE WHEN g < 30 OR g % 50 = 7 THEN 'bung no' END,
        'het')) AS body
      FROM generate_series(1, ${N}) g
    )
    INSERT INTO press_articles (title, text, outlet, canonical_url, published_at, language, tone, tone_scored, content_hash, signature,
                                folded_title, folded_text, search_pairs)
    SELECT 'Bai ' || g, body, 'Bao thu', 'https://hits.test/' || g, timestamptz '2026-06-01 00:00:00+00' - (g / 3) * interval '1 hour',
           CASE WHEN g % 3 = 0 THEN 'en' ELSE 'vi' END, 'neutral', 'neutral', md5(g::text), '[]'::jsonb,
           'bai ' || g, body, ttdn_syllable_pairs('bai ' || g) || ttdn_syllable_pairs(body)
    FROM g`);
}, 60_000);
afterAll(async () => database?.close());

async function plain(match: SQL, filter: SQL, asc: boolean) {
  const order = asc ? sql`a.published_at ASC, a.id` : sql`a.published_at DESC, a.id`;
  return rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT a.id FROM press_articles a WHERE ${filter} AND ${match} ORDER BY ${order}`),
  ).map((r) => r.id);
}

describe('findTextHits', () => {
  const queries = ['alpha beta', 'gamma delta', 'hiem co', 'tin cu', 'bung no', 'het', 'khong co dau', 'alpha or hiem', 'tin -alpha'];
  const filters: [string, SQL][] = [
    ['no filter', sql`true`],
    ['language', sql`a.language = 'vi'`],
  ];
  for (const q of queries) {
    for (const [label, filter] of filters) {
      it(`finds the same page and count as one plain query: "${q}", ${label}`, async () => {
        const match = searchCondition(q)!;
        const opaqueMatch = searchCondition(q, { opaque: true })!;
        for (const asc of [false, true]) {
          const all = await plain(match, filter, asc);
          for (const [offset, pageSize] of [
            [0, 20],
            [20, 20],
            [60, 10],
            [0, 5],
          ]) {
            const got = await database.db.transaction((tx) =>
              findTextHits(tx, { match, opaqueMatch, filter, asc, offset, pageSize }, TUNING, (step) => steps.add(step)),
            );
            expect(got.ids, `${asc ? 'asc' : 'desc'} ${offset}+${pageSize}`).toEqual(all.slice(offset, offset + pageSize));
            expect(got.n).toBe(Math.min(all.length, Math.max(TUNING.countCap + 1, offset + pageSize)));
          }
        }
      });
    }
  }
  it('goes to the index after one step when the statistics call the words rare, however dense they are where it walked', async () => {
    const match = searchCondition('alpha beta')!; // in every second article: the walk would go on
    const opaqueMatch = searchCondition('alpha beta', { opaque: true })!;
    for (const asc of [false, true]) {
      const all = await plain(match, sql`true`, asc);
      for (const [offset, pageSize] of [
        [0, 20],
        [60, 10],
      ]) {
        for (const share of [undefined, 0.01]) {
          const taken: string[] = [];
          const got = await database.db.transaction((tx) =>
            findTextHits(tx, { match, opaqueMatch, filter: sql`true`, asc, offset, pageSize, share }, TUNING, (step) => taken.push(step)),
          );
          expect(got.ids).toEqual(all.slice(offset, offset + pageSize));
          expect(got.n).toBe(Math.min(all.length, Math.max(TUNING.countCap + 1, offset + pageSize)));
          if (share === undefined) expect(taken.slice(0, 2)).toEqual(['walk', 'walk']);
          else expect(taken.slice(0, 2)).toEqual(['walk', 'count']);
        }
      }
    }
  });
  it('went every way at least once above', () => {
    expect([...steps].sort()).toEqual(['all', 'count', 'rest', 'walk', 'window']);
  });
  it('leaves plain index scans on for the rest of the transaction', async () => {
    const match = searchCondition('tin cu')!;
    const setting = await database.db.transaction(async (tx) => {
      await findTextHits(
        tx,
        { match, opaqueMatch: searchCondition('tin cu', { opaque: true })!, filter: sql`true`, asc: false, offset: 0, pageSize: 20 },
        TUNING,
      );
      return rowsOf<{ s: string }>(await tx.execute(sql`SELECT current_setting('enable_indexscan') AS s`))[0].s;
    });
    expect(setting).toBe('on');
  });
});

describe('rarestLexemeShare', () => {
  it('reads how common the rarest word of a plain query is from the planner statistics', async () => {
    await database.db.execute(sql`ANALYZE press_articles`);
    const share = (q: string) => rarestLexemeShare(database.db, queryLexemes(q));
    expect(await share('het')).toBeGreaterThan(0.9); // a syllable in every article: `search`
    expect(await share('alpha beta')).toBeGreaterThan(0.3); // a pair in every second one: `search_pairs`
    expect(await share('hiem co')).toBeLessThan(0.05);
    expect(await share('alpha beta hiem')).toBeLessThan(0.05); // the rarest pair decides
    expect(await share('khong co dau')).toBe(0);
    expect(await share('alpha or hiem')).toBeNull(); // not one phrase: unknown
  });
});
