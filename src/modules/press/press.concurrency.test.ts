import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../db/client';
import { cloneTestDatabase } from '../../../test/db';
import { testConfig } from '../../../test/context';
import { sql } from 'drizzle-orm';
import { createIngestContext } from './ingest.service';
import { pollDueSources } from './poll.service';
import { pressSources } from './press.tables';
import { articlePage, rss, startFeedServer, type FeedServer } from './testing/feed-server';

/**
 * Two workers poll the same due sources at the same time: on PostgreSQL with two connection
 * pools, as two processes would have; on the embedded database (one process owns it) as two
 * concurrent pollers on the one connection. Every feed and every article page is fetched once.
 */
const onPostgres = !!process.env.DATABASE_URL;
let feeds: FeedServer;
let main: Database & { url?: string };
let second: Database;

beforeAll(async () => {
  feeds = await startFeedServer();
  main = await cloneTestDatabase(inject('templateName'));
  second = onPostgres ? await openDatabase({ databaseUrl: main.url!, poolSize: 3 }) : main;
  const sources = [];
  for (let s = 0; s < 8; s++) {
    const items = [0, 1, 2].map((i) => ({
      title: `Tin số ${i} của báo ${s}: Quảng Trị phát triển kinh tế biển`,
      link: `${feeds.base}/p/${s}/${i}.html`,
      description: 'Tóm tắt.',
    }));
    feeds.routes.set(`/f/${s}.xml`, { kind: 'feed', body: rss(`Báo ${s}`, items) });
    for (const [i, it] of items.entries()) {
      feeds.routes.set(`/p/${s}/${i}.html`, {
        kind: 'page',
        body: articlePage(it.title, [
          `Bài ${s}-${i}. Tỉnh Quảng Trị đẩy mạnh phát triển kinh tế biển, du lịch và dịch vụ cảng tại Cửa Việt, mở rộng hợp tác với các tỉnh của Lào và Thái Lan theo hành lang kinh tế Đông – Tây, số ${s * 10 + i}.`.repeat(
            3,
          ),
        ]),
      });
    }
    sources.push({ name: `Báo ${s}`, url: `${feeds.base}/f/${s}.xml`, language: 'vi', country: 'VN' });
  }
  await main.db.insert(pressSources).values(sources);
});

afterAll(async () => {
  if (second !== main) await second?.close();
  await main?.close();
  await feeds?.close();
});

describe(onPostgres ? 'two workers on one PostgreSQL' : 'two pollers on the embedded database', () => {
  it('fetch each due source and each article once', async () => {
    const config = testConfig({ PRESS_ALLOW_LOOPBACK_FETCH: 'true' });
    const log = { info() {}, warn() {}, error() {} };
    const worker = async (db: Database, owner: string) => {
      const ctx = await createIngestContext(db.db, config, log);
      let created = 0;
      for (;;) {
        const reports = await pollDueSources(ctx, { owner, batch: 2, timeoutMs: 5000 });
        if (!reports.length) return created;
        created += reports.reduce((s, r) => s + r.created, 0);
      }
    };
    const [a, b] = await Promise.all([worker(main, 'worker-a'), worker(second, 'worker-b')]);
    expect(a + b).toBe(24);
    for (const [path, n] of feeds.hits) expect(n, path).toBe(1);
    expect([...feeds.hits.keys()].filter((p) => p.startsWith('/p/'))).toHaveLength(24);
    const [{ n }] = rowsOf<{ n: number }>(await main.db.execute(sql`select count(*)::int as n from press_articles`));
    expect(n).toBe(24);
  });
});
