import type { Db } from '../../db/client';
import { fold } from '../../shared/text/fold';
import { DEMO_ARTICLES } from './demo-articles.data';
import { createIngestContext, ingestArticle } from './ingest.service';
import { pressAlertRules, pressSources } from './press.tables';
import { seedDefaultTopics } from './topics.service';

/**
 * Demo press monitoring: the seed plan's topics, two alert rules and a handful of real outlets'
 * feeds. The sources are inactive (a closed network reaches none): staff switch them on.
 */
const DEMO_SOURCES = [
  {
    name: 'Báo và Phát thanh - Truyền hình Quảng Trị',
    url: 'https://baoquangtri.vn/rss/thoi-su.rss',
    language: 'vi',
    country: 'VN',
    weight: 4,
    intervalMinutes: 30,
  },
  {
    name: 'VnExpress – Thời sự',
    url: 'https://vnexpress.net/rss/thoi-su.rss',
    language: 'vi',
    country: 'VN',
    weight: 5,
    intervalMinutes: 30,
  },
  { name: 'Tuổi Trẻ – Thời sự', url: 'https://tuoitre.vn/rss/thoi-su.rss', language: 'vi', country: 'VN', weight: 5, intervalMinutes: 30 },
  {
    name: 'VietnamPlus English',
    url: 'https://en.vietnamplus.vn/rss/news.rss',
    language: 'en',
    country: 'VN',
    weight: 4,
    intervalMinutes: 60,
  },
  {
    name: 'The Diplomat – Southeast Asia',
    url: 'https://thediplomat.com/regions/southeast-asia/feed/',
    language: 'en',
    country: 'US',
    weight: 4,
    intervalMinutes: 120,
  },
  {
    name: 'Vientiane Times',
    url: 'https://www.vientianetimes.org.la/rss.xml',
    language: 'en',
    country: 'LA',
    weight: 3,
    intervalMinutes: 120,
  },
];

export async function seedPressDemo(db: Db, opts: { articles?: boolean; now?: Date } = {}) {
  await seedDefaultTopics(db);
  await db.insert(pressAlertRules).values([
    { name: 'Bài tiêu cực về chủ đề theo dõi', kind: 'article', tone: 'negative' },
    { name: 'Số bài tăng đột biến', kind: 'volume_spike', spikeFactor: 3, spikeWindowHours: 6, spikeMinCount: 10 },
  ]);
  await db
    .insert(pressSources)
    .values(DEMO_SOURCES.map((s) => ({ ...s, active: false })))
    .onConflictDoNothing();
  if (opts.articles ?? true) await loadDemoArticles(db, opts.now ?? new Date());
}

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
/** No mail while the demo loads: alerts raised by demo articles are in-app only. */
const DEMO_INGEST = { smtpUrl: undefined, mailFrom: 'ttdn@localhost', pressAllowLoopbackFetch: false, pressHeapSoftLimitMb: 0 };

/**
 * The demo's articles of the last month (demo-articles.data.ts) through the real pipeline: tone,
 * topics, stories (two outlets' reports of one event land in one story) and alerts as the
 * product reads them. Each is dated `daysAgo` days before `now`, at 08:00 Vietnam time.
 */
export async function loadDemoArticles(db: Db, now: Date) {
  const ctx = await createIngestContext(db, DEMO_INGEST, QUIET, now);
  let created = 0;
  for (const a of DEMO_ARTICLES) {
    const day = new Date(now.getTime() - a.daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const host = fold(a.outlet)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const r = await ingestArticle(
      ctx,
      {
        title: a.title,
        text: a.text,
        outlet: a.outlet,
        url: `https://${host}.example/${a.slug}`,
        publishedAt: `${day}T08:00:00+07:00`,
        language: a.language,
        country: a.country,
      },
      { entry: 'bulk' },
    );
    if (r.status === 'created') created++;
  }
  return created;
}
