/**
 * A generated press corpus for the benchmarks: `n` Vietnamese articles over the last two years.
 *
 * Fast enough for a million on two cores: Node writes a pool of titles and paragraphs (random
 * words, folded and cut into syllable pairs by the product's own `fold` and `syllablePairs`) to
 * an unlogged table; PostgreSQL then assembles each article from the pool with INSERT … SELECT
 * generate_series, in two sessions at once. The `search` column is computed by the database as
 * for any article. Planted at known rates, for the search benchmark:
 *   - one title in 50 starts "Quảng Trị:",
 *   - one article in 3 ends "phát triển kinh tế xã hội",
 *   - one in 100 mentions "huyện Hướng Hóa",
 *   - one in 20,000 "hành lang kinh tế Đông Tây qua cửa khẩu La Lay".
 * (A syllable pair that spans two pooled pieces is not indexed; no planted phrase spans two.)
 *
 * With `copies` > 1, only n ÷ copies texts are assembled; each is then copied (the stored folded
 * text and syllable pairs travel as they are, the database computes `search` again) to other
 * outlets and dates, as a syndicated story would be: the same rates, at a fraction of the time.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { syllablePairs } from '../../src/modules/press/search-query';
import { fold } from '../../src/shared/text/fold';

/** Vietnamese syllables of news prose (also used by bench/press-worker.bench.ts). */
export const WORDS = (
  'tỉnh huyện xã người dân doanh nghiệp chính quyền của và các những được trong với cho là có đã này một từ đến tại về năm ngày tháng ' +
  'công trình dự án hội nghị lãnh đạo đoàn công tác tăng trưởng thu hút khu vực nhà nước bảo đảm an ninh trật tự xây dựng nông thôn mới ' +
  'giáo dục y tế văn hóa thể thao giao thông vận tải thương mại xuất khẩu nhập khẩu cà phê lúa gạo điện gió năng lượng thông tin đối ngoại ' +
  'hợp tác quốc tế biển đảo biên giới du lịch sản xuất chăn nuôi thủy sản đường sá cầu cảng bệnh viện trường học học sinh giáo viên ' +
  'cán bộ chiến sĩ lực lượng vũ trang mặt trận đoàn thể phụ nữ thanh niên cựu chiến binh hội nông dân kiểm tra giám sát báo cáo kế hoạch'
).split(' ');

export const PLANTED = {
  title: 'Quảng Trị:',
  common: 'phát triển kinh tế xã hội',
  place: 'huyện Hướng Hóa',
  rare: 'hành lang kinh tế Đông Tây qua cửa khẩu La Lay',
};

export interface CorpusOptions {
  /** Paragraphs per article (about 300 characters each; 10 gives about 3 KB). */
  paragraphs?: number;
  /** Number of the first article (to add to an existing corpus). */
  start?: number;
  chunk?: number;
  sessions?: number;
  /** Each assembled text appears this many times (default 1). */
  copies?: number;
  log?: (s: string) => void;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const piece = (text: string) => {
  const folded = fold(text);
  return { text, folded, pairs: syllablePairs(folded) };
};

async function writePool(db: Db) {
  const rand = rng(42);
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const titles = Array.from({ length: 2000 }, () => piece(words(8 + Math.floor(rand() * 5))));
  const paragraphs = Array.from({ length: 5000 }, () => piece(`${words(48)}.`));
  const planted = Object.values(PLANTED).map(piece);
  await db.execute(sql`DROP TABLE IF EXISTS bench_pool`);
  await db.execute(sql`CREATE UNLOGGED TABLE bench_pool (kind text, i int, text text, folded text, pairs text, PRIMARY KEY (kind, i))`);
  const rows = [
    ...titles.map((p, i) => ({ kind: 't', i, ...p })),
    ...paragraphs.map((p, i) => ({ kind: 'p', i, ...p })),
    ...planted.map((p, i) => ({ kind: 'x', i, ...p })),
  ];
  for (let k = 0; k < rows.length; k += 500) {
    const batch = rows.slice(k, k + 500);
    await db.execute(
      sql`INSERT INTO bench_pool (kind, i, text, folded, pairs) VALUES ${sql.join(
        batch.map((r) => sql`(${r.kind}, ${r.i}, ${r.text}, ${r.folded}, ${r.pairs})`),
        sql`, `,
      )}`,
    );
  }
  return { titles: titles.length, paragraphs: paragraphs.length };
}

/** Inserts articles `start … start + n - 1` (`https://bench.test/<number>`). */
export async function generateCorpus(db: Db, n: number, o: CorpusOptions = {}) {
  const paragraphs = o.paragraphs ?? 10;
  const start = o.start ?? 1;
  const chunk = o.chunk ?? 20_000;
  const pool = await writePool(db);
  const copies = Math.max(1, o.copies ?? 1);
  const distinct = Math.ceil(n / copies);
  const chunks: [number, number][] = [];
  for (let from = start; from < start + distinct; from += chunk) chunks.push([from, Math.min(start + distinct - 1, from + chunk - 1)]);
  const t0 = Date.now();
  let done = 0;
  const insertChunk = async ([from, to]: [number, number]) => {
    await db.execute(sql`
      INSERT INTO press_articles (title, text, outlet, canonical_url, published_at, language, tone, tone_scored, content_hash, signature,
                                  folded_title, folded_text, search_pairs)
      SELECT CASE WHEN g % 50 = 0 THEN x1.text || ' ' || t.text ELSE t.text END,
             b.text || CASE WHEN g % 3 = 0 THEN ' ' || x2.text ELSE '' END || CASE WHEN g % 100 = 7 THEN ' ' || x3.text ELSE '' END
               || CASE WHEN g % 20000 = 11 THEN ' ' || x4.text ELSE '' END,
             'Báo ' || (g % 60), 'https://bench.test/' || g,
             now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second', 'vi', tone, tone, md5(g::text), '[]'::jsonb,
             CASE WHEN g % 50 = 0 THEN x1.folded || ' ' || t.folded ELSE t.folded END,
             b.folded || CASE WHEN g % 3 = 0 THEN ' ' || x2.folded ELSE '' END || CASE WHEN g % 100 = 7 THEN ' ' || x3.folded ELSE '' END
               || CASE WHEN g % 20000 = 11 THEN ' ' || x4.folded ELSE '' END,
             array_to_tsvector(string_to_array(trim(t.pairs || ' ' || b.pairs
               || CASE WHEN g % 50 = 0 THEN ' ' || x1.pairs ELSE '' END
               || CASE WHEN g % 3 = 0 THEN ' ' || x2.pairs ELSE '' END || CASE WHEN g % 100 = 7 THEN ' ' || x3.pairs ELSE '' END
               || CASE WHEN g % 20000 = 11 THEN ' ' || x4.pairs ELSE '' END), ' '))
      FROM generate_series(${from}::int, ${to}::int) g
      CROSS JOIN LATERAL (SELECT (ARRAY['positive','neutral','neutral','negative'])[1 + g % 4] AS tone) tn
      JOIN bench_pool t ON t.kind = 't' AND t.i = (g::bigint * 7919) % ${pool.titles}
      CROSS JOIN LATERAL (
        SELECT string_agg(p.text, ' ' ORDER BY k) AS text, string_agg(p.folded, ' ' ORDER BY k) AS folded, string_agg(nullif(p.pairs, ''), ' ') AS pairs
        FROM generate_series(0, ${paragraphs - 1}::int) k JOIN bench_pool p ON p.kind = 'p' AND p.i = (g::bigint * 104729 + k * 7907) % ${pool.paragraphs}) b
      JOIN bench_pool x1 ON x1.kind = 'x' AND x1.i = 0
      JOIN bench_pool x2 ON x2.kind = 'x' AND x2.i = 1
      JOIN bench_pool x3 ON x3.kind = 'x' AND x3.i = 2
      JOIN bench_pool x4 ON x4.kind = 'x' AND x4.i = 3`);
    done += to - from + 1;
    if (o.log && (done % 100_000 < chunk || done === n))
      o.log(`${done.toLocaleString('en-US')} articles, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  };
  const copyChunk = async ([from, to]: [number, number], copy: number) => {
    // Article number m = g + copy × distinct: its own outlet, date and address.
    await db.execute(sql`
      INSERT INTO press_articles (title, text, outlet, canonical_url, published_at, language, tone, tone_scored, content_hash, signature,
                                  folded_title, folded_text, search_pairs)
      SELECT a.title, a.text, 'Báo ' || (m % 60), 'https://bench.test/' || m,
             now() - (m % 730) * interval '1 day' - (m % 86400) * interval '1 second', a.language, a.tone, a.tone, md5(m::text), '[]'::jsonb,
             a.folded_title, a.folded_text, a.search_pairs
      FROM generate_series(${from}::int, ${to}::int) g
      CROSS JOIN LATERAL (SELECT g + ${copy * distinct}::int AS m) mm
      JOIN press_articles a ON a.canonical_url = 'https://bench.test/' || g`);
    done += to - from + 1;
    if (o.log && (done % 100_000 < chunk || done === n))
      o.log(`${done.toLocaleString('en-US')} articles, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  };
  // Two sessions (PostgreSQL) share the chunks; PGlite serialises them anyway.
  const run = async (jobs: (() => Promise<void>)[]) => {
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: o.sessions ?? 2 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job();
      }),
    );
  };
  await run(chunks.map((c) => () => insertChunk(c)));
  const copyJobs: (() => Promise<void>)[] = [];
  for (let copy = 1; copy < copies; copy++) {
    for (const [from, to] of chunks) {
      const last = Math.min(to, start + n - 1 - copy * distinct);
      if (last >= from) copyJobs.push(() => copyChunk([from, last], copy));
    }
  }
  await run(copyJobs);
  await db.execute(sql`DROP TABLE bench_pool`);
  return { seconds: (Date.now() - t0) / 1000 };
}
