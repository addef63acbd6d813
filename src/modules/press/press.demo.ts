import type { Db } from '../../db/client';
import { pressAlertRules, pressSources } from './press.tables';
import { seedDefaultTopics } from './topics.service';

/**
 * Demo press monitoring: the seed plan's topics, two alert rules and a handful of real outlets'
 * feeds. The sources are inactive (a closed network reaches none): staff switch them on.
 */
const DEMO_SOURCES = [
  { name: 'Báo Quảng Trị', url: 'https://baoquangtri.vn/rss/thoi-su.rss', language: 'vi', country: 'VN', weight: 4, intervalMinutes: 30 },
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

export async function seedPressDemo(db: Db) {
  await seedDefaultTopics(db);
  await db.insert(pressAlertRules).values([
    { name: 'Bài tiêu cực về chủ đề theo dõi', kind: 'article', tone: 'negative' },
    { name: 'Số bài tăng đột biến', kind: 'volume_spike', spikeFactor: 3, spikeWindowHours: 6, spikeMinCount: 10 },
  ]);
  await db
    .insert(pressSources)
    .values(DEMO_SOURCES.map((s) => ({ ...s, active: false })))
    .onConflictDoNothing();
}
