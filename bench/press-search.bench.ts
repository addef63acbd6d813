/**
 * Press search latency over a generated corpus on PostgreSQL (DATABASE_URL).
 * Run: node bin/run-ts.js bench/press-search.bench.ts [--articles 1000000] [--runs 25] [--keep]
 *
 * Builds a fresh database `ttdn_bench_press` (migrated), generates the corpus server-side
 * (INSERT … SELECT generate_series, text drawn from word arrays, folded by ttdn_fold), builds the
 * GIN and date indexes, then times the product's own search (searchArticles: folded tsvector,
 * latest 20 hits + capped count) for a common phrase, a rare phrase, a place name and a single
 * very common syllable, each as median/p95 and as a ratio to a baseline measured in the same
 * run: the latest 20 articles by the date index alone. Prints the machine and this process's RSS.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rowsOf } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { searchArticles } from '../src/modules/press/articles.service';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('articles', 1_000_000);
const RUNS = arg('runs', 25);
const KEEP = process.argv.includes('--keep');
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (PostgreSQL).');
  process.exit(2);
}
const DB = 'ttdn_bench_press';
const dbUrl = (() => {
  const u = new URL(url);
  u.pathname = `/${DB}`;
  return u.toString();
})();

// Common Vietnamese syllables and words; phrases planted at known rates below.
const WORDS = (
  'tỉnh huyện xã người dân doanh nghiệp chính quyền của và các những được trong với cho là có đã này một từ đến tại về năm ngày tháng ' +
  'công trình dự án hội nghị lãnh đạo đoàn công tác tăng trưởng thu hút khu vực nhà nước bảo đảm an ninh trật tự xây dựng nông thôn mới ' +
  'giáo dục y tế văn hóa thể thao giao thông vận tải thương mại xuất khẩu nhập khẩu cà phê lúa gạo điện gió năng lượng thông tin đối ngoại ' +
  'hợp tác quốc tế biển đảo biên giới du lịch sản xuất chăn nuôi thủy sản đường sá cầu cảng bệnh viện trường học học sinh giáo viên ' +
  'cán bộ chiến sĩ lực lượng vũ trang mặt trận đoàn thể phụ nữ thanh niên cựu chiến binh hội nông dân kiểm tra giám sát báo cáo kế hoạch'
).split(' ');

async function admin(q: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main() {
  const t0 = Date.now();
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
  const db = database.db;
  await migrate(db);
  const [{ version }] = rowsOf<{ version: string }>(await db.execute(sql`select version()`));

  // Load without the search and date indexes, then build them once.
  await db.execute(sql`DROP INDEX IF EXISTS press_articles_search_idx`);
  await db.execute(sql`DROP INDEX IF EXISTS press_articles_published_idx`);
  const words = sql.raw(`ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  const chunk = 50_000;
  const loadStart = Date.now();
  for (let from = 1; from <= N; from += chunk) {
    const to = Math.min(N, from + chunk - 1);
    await db.execute(sql`
      WITH w AS (SELECT ${words}::text[] AS a),
      src AS (
        SELECT g,
          (SELECT string_agg(a[1 + floor(random() * array_length(a, 1))::int], ' ') FROM w, generate_series(1, 8 + g % 5 - g % 5)) AS title,
          (SELECT string_agg(a[1 + floor(random() * array_length(a, 1))::int], ' ') FROM w, generate_series(1, 120 + g % 3 - g % 3)) AS body
        FROM generate_series(${from}::int, ${to}::int) g)
      INSERT INTO press_articles (title, text, outlet, canonical_url, published_at, language, tone, tone_scored, content_hash, signature, folded_title, folded_text)
      SELECT title2, body2, 'Báo ' || (g % 60), 'https://bench.test/' || g, now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second',
             'vi', t, t, md5(g::text), '[]'::jsonb, ttdn_fold(title2), ttdn_fold(body2)
      FROM (
        SELECT g,
          CASE WHEN g % 50 = 0 THEN 'Quảng Trị: ' || title ELSE title END AS title2,
          body
            || CASE WHEN g % 3 = 0 THEN ' phát triển kinh tế xã hội' ELSE '' END
            || CASE WHEN g % 100 = 7 THEN ' huyện Hướng Hóa' ELSE '' END
            || CASE WHEN g % 20000 = 11 THEN ' hành lang kinh tế Đông Tây qua cửa khẩu La Lay' ELSE '' END AS body2,
          (ARRAY['positive','neutral','neutral','negative'])[1 + g % 4] AS t
        FROM src) x`);
    if (((to / chunk) | 0) % 4 === 0 || to === N) process.stdout.write(`  ${to.toLocaleString('en')} articles, ${((Date.now() - loadStart) / 1000).toFixed(0)} s\n`);
  }
  const loadS = (Date.now() - loadStart) / 1000;
  const idxStart = Date.now();
  await db.execute(sql`SET maintenance_work_mem = '256MB'`);
  await db.execute(sql`CREATE INDEX press_articles_search_idx ON press_articles USING gin (search)`);
  await db.execute(sql`CREATE INDEX press_articles_published_idx ON press_articles (published_at)`);
  await db.execute(sql`ANALYZE press_articles`);
  const idxS = (Date.now() - idxStart) / 1000;
  const [size] = rowsOf<{ table: string; gin: string; avg: number }>(
    await db.execute(sql`SELECT pg_size_pretty(pg_total_relation_size('press_articles')) AS table, pg_size_pretty(pg_relation_size('press_articles_search_idx')) AS gin, (SELECT avg(length(text))::int FROM (SELECT text FROM press_articles LIMIT 1000) s) AS avg`),
  );

  const time = async (fn: () => Promise<unknown>) => {
    await fn(); // warm
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await fn();
      xs.push(performance.now() - s);
    }
    return { median: pct(xs, 50), p95: pct(xs, 95) };
  };
  const baseline = await time(() => db.execute(sql`SELECT id FROM press_articles ORDER BY published_at DESC LIMIT 20`));
  const q = (text: string) => () => searchArticles(db, { q: text, sort: 'date_desc', page: 1, pageSize: 20 });
  const cases: [string, string][] = [
    ['common phrase', 'phát triển kinh tế'],
    ['rare phrase', 'hành lang kinh tế Đông Tây'],
    ['place name (no diacritics)', 'quang tri'],
    ['place name', 'Hướng Hóa'],
    ['single common syllable', 'của'],
  ];
  const results = [];
  for (const [label, text] of cases) {
    const r = await time(q(text));
    const hits = (await q(text)()).total;
    results.push({ label, text, hits, ...r });
  }

  const cpu = os.cpus();
  console.log(`\nPress search benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${cpu[0]?.model ?? '?'} × ${cpu.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`);
  console.log(`database: ${version.split(',')[0]}`);
  console.log(`corpus: ${N.toLocaleString('en')} articles (~${size.avg} chars of text each), table ${size.table}, GIN ${size.gin}; generated in ${loadS.toFixed(0)} s (${Math.round(N / loadS)}/s), indexes in ${idxS.toFixed(0)} s`);
  console.log(`baseline (latest 20 by the date index): median ${baseline.median.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms`);
  console.log('query                          hits(capped)  median ms   p95 ms   p95 ÷ baseline p95');
  for (const r of results) {
    console.log(`${`${r.label} "${r.text}"`.padEnd(52).slice(0, 52)} ${String(r.hits).padStart(6)} ${r.median.toFixed(2).padStart(9)} ${r.p95.toFixed(2).padStart(8)} ${(r.p95 / baseline.p95).toFixed(1).padStart(10)}×`);
  }
  const worst = Math.max(...results.map((r) => r.p95));
  console.log(`target p95 < 100 ms: ${worst < 100 ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)} ms); process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  await database.close();
  if (!KEEP) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
