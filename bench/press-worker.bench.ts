/**
 * Press worker benchmark (issue 6: "a worker under 500 MB of memory"): a real `ttdn serve` worker
 * process polls feeds served by this process, and its peak memory and end-to-end rate are measured.
 * Run: node bin/run-ts.js bench/press-worker.bench.ts [--feeds 20] [--items 20] [--baseline-feeds 4] [--worker-node-options "--max-old-space-size=160"]
 * On PostgreSQL when DATABASE_URL is set (a database `ttdn_bench_worker_<pid>`, created and dropped
 * here; `ttdn serve --role worker`), otherwise on PGlite in a temporary DATA_DIR (`--role web,worker`:
 * the one process that owns the embedded database, so the figure includes the database and the API).
 *
 * 1. A local HTTP server (127.0.0.1) serves `--feeds` feeds × `--items` items: RSS and Atom, Vietnamese
 *    and English articles of about 3,000 characters; one feed in four carries only a summary, so the
 *    worker fetches the article page (with site chrome, scripts, JSON-LD) and extracts it; about one
 *    item in eight is a syndicated copy of another feed's article (own address, a few words changed:
 *    the same story) and one in fifty links to the very same address as another feed's item;
 *    feeds answer with an ETag, a Last-Modified or neither.
 * 2. The database is migrated and seeded as the product does (bootstrap: demo province, topics, alert
 *    rules), the sources are registered with the product's `createSource`. Fetching from 127.0.0.1
 *    is allowed by the product's own switch PRESS_ALLOW_LOOPBACK_FETCH=true (as the tests do).
 * 3. Baseline, in this process while the worker idles between its two runs: the same code on the
 *    first `--baseline-feeds` feeds without the database and the job machinery (safeFetch, parseFeed,
 *    page fetch + extractArticle for summaries, normalise, tone, topics, near-duplicate index,
 *    sanitising, syllable pairs), after a warm-up: the worker's ratio to it is what storing,
 *    claiming and the separate process cost.
 * 4. The worker starts; its first run (1 s after start) polls every source. Rate: articles stored ÷
 *    time from the first feed request to the moment every source reports its poll done (checked every
 *    250 ms on PostgreSQL, 500 ms through the API on PGlite). Then every source is asked to poll again
 *    (`pollSoon`, the product's "poll now") and the worker's next run (every 60 s) must answer from
 *    validators: 304s, or the unchanged body's hash, and no page fetched again.
 * 5. Peak memory: VmHWM of the worker process (/proc/<pid>/status), read until just before it stops.
 * Child processes are stopped on any failure and on SIGINT/SIGTERM.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../src/bootstrap';
import { createPgDatabase, dropPgDatabase, withDatabase } from '../test/db';
import { loadConfig } from '../src/config';
import { openDatabase, rowsOf, type Database } from '../src/db/client';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service';
import { createIngestContext } from '../src/modules/press/ingest.service';
import { extractArticle, parseFeed, safeFetch, sanitiseHtml } from '../src/modules/press/ingest';
import { canonicaliseUrl, createDedupIndex, matchTopics, normaliseArticle, scoreTone } from '../src/modules/press/pipeline';
import { syllablePairs } from '../src/modules/press/search-query';
import { createSource, listSources, pollSoon } from '../src/modules/press/sources.service';
import { rss } from '../src/modules/press/testing/feed-server';
import { WORDS } from './lib/press-corpus';
import { peakRssMb } from './lib/measure';
import { startTtdn, type Proc } from './lib/proc';

const args = process.argv.slice(2);
const arg = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
// 400 items by default: about 40 s of work for the worker on this 2-core machine, and its next run comes 60 s after it starts.
const FEEDS = arg('feeds', 20);
const ITEMS = arg('items', 20);
const BASELINE_FEEDS = Math.min(FEEDS, arg('baseline-feeds', 4));
/** NODE_OPTIONS for the worker process only (e.g. "--max-old-space-size=256"), to try memory settings. */
const WORKER_NODE_OPTIONS = args.includes('--worker-node-options') ? args[args.indexOf('--worker-node-options') + 1] : undefined;
const TARGET_MB = 500;
const PASSWORD = 'Bench-password-1';
const started = Date.now();
const adminUrl = process.env.DATABASE_URL || undefined;
const kind: 'postgres' | 'pglite' = adminUrl ? 'postgres' : 'pglite';
const PG_DB = `ttdn_bench_worker_${process.pid}`;
const log = { info() {}, warn() {}, error() {} };
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Corpus: feeds and their items (deterministic).

let seed = 6;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];

const VI_TERMS = [
  'Quảng Trị',
  'Đông Hà',
  'Vĩnh Linh',
  'Gio Linh',
  'Cam Lộ',
  'Hải Lăng',
  'Hướng Hóa',
  'Lao Bảo',
  'La Lay',
  'Cửa Việt',
  'đảo Cồn Cỏ',
  'hành lang kinh tế Đông – Tây',
  'nước bạn Lào',
  'thông tin đối ngoại',
];
const VI_NEGATIVE = [
  'Một số trang mạng đã bịa đặt, xuyên tạc thông tin về tình hình tại cửa khẩu, kích động người dân và chống phá chính quyền.',
  'Các thông tin này hoàn toàn sai sự thật, gây hoang mang dư luận và bôi nhọ lực lượng chức năng tại khu vực biên giới.',
];
const EN_WORDS = (
  'the of and to in a for on with by as at from that is was were be has have will said officials province government people local central ' +
  'border trade investment economic development project new year month week minister ministry authorities report meeting conference ' +
  'cooperation international foreign affairs information delegation visit community residents tourism infrastructure road bridge port ' +
  'airport energy wind power solar farmers rice coffee exports imports growth percent million billion school hospital health education ' +
  'culture security police sea island fishing fishermen environment climate flood storm rain relief aid support programme plan policy law'
).split(' ');
const EN_TERMS = [
  'Quang Tri',
  'Dong Ha',
  'Lao Bao',
  'Cua Viet',
  'Con Co island',
  'Vietnam',
  'Laos',
  'Thailand',
  'the East-West Economic Corridor',
  'Savannakhet',
];
const EN_NEGATIVE = [
  'Critics accused local officials of corruption and abuse of power, and protesters clashed with police after the deadly accident.',
  'Rights groups condemned the crackdown and said the false reports spread fear among residents.',
];

type Lang = 'vi' | 'en';
interface Item {
  feed: number;
  title: string;
  /** Path on the feed server (the link is base + path). */
  path: string;
  paragraphs: string[];
  published: Date;
  author: string;
}
interface Feed {
  n: number;
  name: string;
  path: string;
  lang: Lang;
  format: 'rss' | 'atom';
  summaryOnly: boolean;
  validator: 'etag' | 'last-modified' | 'none';
  items: Item[];
  body: string;
  etag: string;
  lastModified: string;
}

function sentence(lang: Lang): string {
  const words = lang === 'vi' ? WORDS : EN_WORDS;
  const n = lang === 'vi' ? 12 + Math.floor(rnd() * 14) : 10 + Math.floor(rnd() * 12);
  const w = Array.from({ length: n }, () => pick(words));
  if (rnd() < 0.35) w.splice(Math.floor(rnd() * n), 0, pick(lang === 'vi' ? VI_TERMS : EN_TERMS));
  const s = w.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}
function paragraph(lang: Lang): string {
  let p = '';
  while (p.length < 280) p += `${p ? ' ' : ''}${sentence(lang)}`;
  return p;
}
function original(feed: number, lang: Lang, i: number): Item {
  const paragraphs = Array.from({ length: 10 }, () => paragraph(lang));
  if (rnd() < 0.1) paragraphs.splice(1 + Math.floor(rnd() * 8), 0, pick(lang === 'vi' ? VI_NEGATIVE : EN_NEGATIVE));
  return {
    feed,
    title: sentence(lang).slice(0, -1).split(' ').slice(0, 14).join(' '),
    path: `/a/${feed}/${i}.html`,
    paragraphs,
    published: new Date(Date.now() - rnd() * 3 * 86_400_000),
    author: lang === 'vi' ? pick(['Minh Anh', 'Hoàng Long', 'Thu Hà', 'Văn Đức']) : pick(['J. Smith', 'A. Nguyen', 'L. Brown']),
  };
}
/** The same story in another outlet: a few words changed, a credit line, published a little later. */
function syndicated(src: Item, feed: number, i: number, lang: Lang, outlet: string): Item {
  const words = lang === 'vi' ? WORDS : EN_WORDS;
  const paragraphs = src.paragraphs.map((p) => {
    const w = p.split(' ');
    for (let k = 0; k < w.length / 60; k++) w[Math.floor(rnd() * w.length)] = pick(words);
    return w.join(' ');
  });
  paragraphs.push(lang === 'vi' ? `Theo ${outlet}.` : `Source: ${outlet}.`);
  return { ...src, feed, path: `/a/${feed}/${i}.html`, paragraphs, published: new Date(src.published.getTime() + rnd() * 6 * 3_600_000) };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const summaryOf = (it: Item) => it.paragraphs[0].slice(0, 200);
const contentOf = (it: Item) => it.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');

function atom(f: Feed, base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${f.lang}"><title>${esc(f.name)}</title><id>${base}${f.path}</id>
<link rel="self" href="${base}${f.path}"/><link href="${base}/"/><updated>${new Date().toISOString()}</updated>
${f.items
  .map(
    (it) => `<entry><title>${esc(it.title)}</title><link rel="alternate" href="${base}${it.path}"/><id>${base}${it.path}</id>
<published>${it.published.toISOString()}</published><updated>${it.published.toISOString()}</updated><author><name>${esc(it.author)}</name></author>
<summary>${esc(summaryOf(it))}</summary>${f.summaryOnly ? '' : `<content type="html">${esc(contentOf(it))}</content>`}</entry>`,
  )
  .join('\n')}
</feed>`;
}

/** An article page as news sites serve it: menus, scripts, JSON-LD, related links, footer around the article. */
function page(it: Item, f: Feed, base: string): string {
  const url = `${base}${it.path}`;
  const nav = Array.from(
    { length: 40 },
    (_, k) => `<li><a href="/muc/${k}">${f.lang === 'vi' ? 'Chuyên mục' : 'Section'} ${k}</a></li>`,
  ).join('');
  const related = f.items
    .slice(0, 15)
    .map((r) => `<li><a href="${r.path}">${esc(r.title)}</a></li>`)
    .join('');
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: it.title,
    datePublished: it.published.toISOString(),
    author: { '@type': 'Person', name: it.author },
  });
  return `<!doctype html><html lang="${f.lang}"><head><meta charset="utf-8"><title>${esc(it.title)} – ${esc(f.name)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="description" content="${esc(summaryOf(it))}">
<meta property="og:title" content="${esc(it.title)}"><meta property="og:site_name" content="${esc(f.name)}"><meta property="og:url" content="${url}">
<meta property="article:published_time" content="${it.published.toISOString()}"><meta name="author" content="${esc(it.author)}">
<link rel="canonical" href="${url}"><link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">${ld}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-XXXX');</script>
<style>body{font-family:Arial,sans-serif;margin:0}.menu li{display:inline-block;padding:4px}.sidebar{width:300px;float:right}</style></head>
<body><header class="site-header"><div class="logo"><a href="/">${esc(f.name)}</a></div><nav class="menu"><ul>${nav}</ul></nav>
<form class="search" action="/tim-kiem"><input name="q"><button>Tìm</button></form></header>
<main><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
<article class="detail"><h1 class="title">${esc(it.title)}</h1><div class="meta"><span class="author">${esc(it.author)}</span> · <time datetime="${it.published.toISOString()}">${it.published.toUTCString()}</time></div>
<div class="sapo"><strong>${esc(summaryOf(it))}</strong></div><div class="content">${contentOf(it)}
<figure><img src="/img/${it.path.replace(/\W/g, '')}.jpg" alt=""><figcaption>${esc(it.title)}</figcaption></figure></div>
<div class="share"><a href="https://facebook.com/sharer?u=${encodeURIComponent(url)}">Facebook</a> <a href="https://zalo.me/share?u=${encodeURIComponent(url)}">Zalo</a></div></article>
<aside class="sidebar"><h3>${f.lang === 'vi' ? 'Tin liên quan' : 'Related'}</h3><ul>${related}</ul><div class="ads"><iframe src="/ads/300x250"></iframe></div></aside></main>
<footer><p>© ${esc(f.name)}. Giấy phép số 123/GP-BTTTT. Địa chỉ: 1 đường Hùng Vương, Đông Hà, Quảng Trị.</p></footer>
<script src="/static/app.js" async></script></body></html>`;
}

function buildCorpus() {
  const feeds: Feed[] = [];
  const byLang: Record<Lang, Item[]> = { vi: [], en: [] };
  let copies = 0;
  let sharedLinks = 0;
  for (let n = 0; n < FEEDS; n++) {
    const lang: Lang = [1, 4, 7].includes(n % 10) ? 'en' : 'vi';
    const name = lang === 'vi' ? `Báo ${n}` : `The Daily ${n}`;
    const items: Item[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const earlier = byLang[lang];
      const r = rnd();
      if (earlier.length > 50 && r < 0.02) {
        items.push(pick(earlier)); // the very same link as in another feed
        sharedLinks++;
      } else if (earlier.length > 50 && r < 0.14) {
        items.push(syndicated(pick(earlier), n, i, lang, name));
        copies++;
      } else items.push(original(n, lang, i));
    }
    byLang[lang].push(...items.filter((it) => it.feed === n));
    feeds.push({
      n,
      name,
      path: `/feed/${n}.xml`,
      lang,
      format: n % 2 ? 'atom' : 'rss',
      summaryOnly: n % 4 === 3,
      validator: (['etag', 'last-modified', 'none'] as const)[n % 3],
      items,
      body: '',
      etag: `"f${n}-${crypto.randomBytes(4).toString('hex')}"`,
      lastModified: new Date(Date.now() - 3_600_000).toUTCString(),
    });
  }
  return { feeds, copies, sharedLinks };
}

// ---------------------------------------------------------------------------------------------
// The feed server: counts requests per phase.

interface Counters {
  feeds200: number;
  feeds304: number;
  pages: Map<string, number>;
  first: number;
  last: number;
}
const newCounters = (): Counters => ({ feeds200: 0, feeds304: 0, pages: new Map(), first: 0, last: 0 });

async function startServer(feeds: Feed[], pages: Map<string, { item: Item; feed: Feed }>) {
  const byPath = new Map(feeds.map((f) => [f.path, f]));
  let c = newCounters();
  let base = '';
  const server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    const now = performance.now();
    const counted = req.headers['user-agent'] !== BASELINE_UA; // the baseline's requests are not the worker's
    if (counted) {
      c.first ||= now;
      c.last = now;
    }
    const f = byPath.get(p);
    if (f) {
      const notModified =
        (f.validator === 'etag' && req.headers['if-none-match'] === f.etag) ||
        (f.validator === 'last-modified' && req.headers['if-modified-since'] === f.lastModified);
      const validators =
        f.validator === 'etag' ? { etag: f.etag } : f.validator === 'last-modified' ? { 'last-modified': f.lastModified } : {};
      if (notModified) {
        if (counted) c.feeds304++;
        res.writeHead(304, validators);
        res.end();
        return;
      }
      if (counted) c.feeds200++;
      res.writeHead(200, { 'content-type': `application/${f.format === 'rss' ? 'rss' : 'atom'}+xml; charset=utf-8`, ...validators });
      res.end(f.body);
      return;
    }
    const hit = pages.get(p);
    if (hit) {
      if (counted) c.pages.set(p, (c.pages.get(p) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(hit.item, hit.feed, base));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    /** The counters since the last call, and a fresh set from now on. */
    phase() {
      const old = c;
      c = newCounters();
      return old;
    },
    current: () => c,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Baseline: the worker's per-item work, in process, no database.

const BASELINE_UA = 'ttdn-bench-baseline';

async function baseline(feeds: Feed[], base: string, ctx: Awaited<ReturnType<typeof createIngestContext>>) {
  // Warm-up: jsdom, Readability and DOMPurify loaded and run once (the worker loads them once too).
  const warm = feeds.find((f) => f.summaryOnly) ?? feeds[0];
  extractArticle(page(warm.items[0], warm, base), `${base}${warm.items[0].path}`);
  sanitiseHtml(contentOf(warm.items[0]));
  const opts = { allowLoopback: true, userAgent: BASELINE_UA };
  const dedup = createDedupIndex();
  const seen = new Set<string>();
  const ms = { fetch: 0, extract: 0, pipeline: 0, sanitise: 0 };
  let created = 0;
  let stories = 0;
  const t0 = performance.now();
  const lap = (k: keyof typeof ms, since: number) => {
    const now = performance.now();
    ms[k] += now - since;
    return now;
  };
  for (const f of feeds) {
    let t = performance.now();
    const res = await safeFetch(`${base}${f.path}`, opts);
    const feed = parseFeed(res.body);
    t = lap('fetch', t);
    for (const item of feed.items) {
      const canonical = canonicaliseUrl(item.link);
      if (canonical && seen.has(canonical)) continue;
      let text = item.contentHtml ?? item.summary;
      let html = item.contentHtml;
      const plain = item.contentHtml ? item.contentHtml.replace(/<[^>]+>/g, '') : item.summary;
      if (plain.length < 400 && item.link) {
        const pageRes = await safeFetch(item.link, { ...opts, accept: 'text/html' });
        t = lap('fetch', t);
        const a = extractArticle(pageRes.body, pageRes.finalUrl);
        if (a.text.length > plain.length) {
          text = a.text;
          html = a.html;
        }
        t = lap('extract', t);
      }
      const n = normaliseArticle(
        {
          title: item.title,
          text,
          author: item.author,
          outlet: f.name,
          url: item.link,
          publishedAt: item.publishedAt,
          language: f.lang,
          country: 'VN',
        },
        { fallbackPublishedAt: new Date() },
      );
      scoreTone({ title: n.title, text: n.text, language: n.language }, { lexicons: ctx.lexicons });
      matchTopics(ctx.topics, { title: n.title, text: n.text });
      const d = dedup.add({ id: String(created), foldedTitle: n.foldedTitle, foldedText: n.foldedText, publishedAt: n.publishedAt });
      if (d.isNew) stories++;
      syllablePairs(n.foldedTitle, n.foldedText);
      if (n.canonicalUrl) seen.add(n.canonicalUrl);
      created++;
      t = lap('pipeline', t);
      if (html) sanitiseHtml(html);
      t = lap('sanitise', t);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { created, stories, seconds, perSec: created / seconds, ms };
}

// ---------------------------------------------------------------------------------------------
// Watching the worker: through the database (PostgreSQL) or the API of the one process (PGlite).

interface SourceState {
  id: string;
  health: string | null;
  lastFetchedAt: string | null;
  articleCount: number;
}
interface Probe {
  sources(): Promise<SourceState[]>;
  pollSoon(ids: string[]): Promise<void>;
}

function dbProbe(database: Database): Probe {
  return {
    sources: () => listSources(database.db),
    async pollSoon(ids) {
      for (const id of ids) await pollSoon(database.db, id);
    },
  };
}

async function apiProbe(url: string): Promise<Probe> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thuongtruc', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    async sources() {
      const r = await fetch(`${url}/api/press/sources`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`GET /api/press/sources: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { items: SourceState[] }).items;
    },
    async pollSoon(ids) {
      for (const id of ids) {
        const r = await fetch(`${url}/api/press/sources/${id}/poll`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
        if (r.status !== 200) throw new Error(`poll ${id}: ${r.status} ${await r.text()}`);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------

let worker: Proc | null = null;
let database: Database | null = null;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let dataDir: string | null = null;
let pgCreated = false;

/** Stops the worker (SIGTERM, then SIGKILL after 15 s). */
async function stopWorker() {
  const w = worker;
  worker = null;
  if (!w) return;
  const child = w.child;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Once, whoever asks first (a signal or the end of main): both wait for the same clean-up. */
let cleaning: Promise<void> | null = null;
const cleanUp = () => (cleaning ??= doCleanUp());

async function doCleanUp() {
  await stopWorker().catch(() => {});
  await database?.close().catch(() => {});
  database = null;
  await server?.close().catch(() => {});
  server = null;
  if (pgCreated) {
    pgCreated = false;
    await dropPgDatabase(adminUrl!, PG_DB).catch((e) => console.error(`could not drop ${PG_DB}: ${e}`));
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    worker?.child.kill('SIGKILL');
    void cleanUp().finally(() => process.exit(130));
  });
}
process.once('exit', () => worker?.child.kill('SIGKILL'));

/** Waits until `done(sources)`, reading the worker's peak memory each time; fails after `timeoutMs`. */
async function waitFor(
  probe: Probe,
  what: string,
  everyMs: number,
  timeoutMs: number,
  done: (s: SourceState[]) => boolean,
  onPeak: (mb: number) => void,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = worker?.child.pid;
    if (!pid || worker!.child.exitCode !== null)
      throw new Error(`the worker stopped while waiting for ${what}:\n${worker?.output() ?? ''}`);
    const peak = peakRssMb(pid);
    if (peak) onPeak(peak);
    const s = await probe.sources();
    if (done(s)) return { at: performance.now(), sources: s };
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; sources: ${JSON.stringify(s.map((x) => [x.health, x.articleCount]))}\n${worker?.output() ?? ''}`,
      );
    await sleep(everyMs);
  }
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const { feeds, copies, sharedLinks } = buildCorpus();
  const pages = new Map<string, { item: Item; feed: Feed }>();
  for (const f of feeds) for (const it of f.items) if (!pages.has(it.path)) pages.set(it.path, { item: it, feed: feeds[it.feed] });
  server = await startServer(feeds, pages);
  const base = server.base;
  for (const f of feeds) {
    f.body =
      f.format === 'rss'
        ? rss(
            f.name,
            f.items.map((it) => ({
              title: it.title,
              link: `${base}${it.path}`,
              description: summaryOf(it),
              content: f.summaryOnly ? undefined : contentOf(it),
              pubDate: it.published.toUTCString(),
            })),
          )
        : atom(f, base);
  }
  const distinct = pages.size;
  const totalItems = FEEDS * ITEMS;
  const avgChars = Math.round([...pages.values()].reduce((s, p) => s + p.item.paragraphs.join('\n\n').length, 0) / distinct);
  const viArticles = [...pages.values()].filter((p) => p.feed.lang === 'vi').length;
  const summaryFeeds = feeds.filter((f) => f.summaryOnly);
  const summaryLinks = new Set(summaryFeeds.flatMap((f) => f.items.map((it) => it.path))).size;

  // Database: fresh, migrated and seeded as the product does; the sources registered.
  let env: Record<string, string | undefined>;
  if (kind === 'postgres') {
    await createPgDatabase(adminUrl!, PG_DB);
    pgCreated = true;
    env = { DATABASE_URL: withDatabase(adminUrl!, PG_DB) };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-bench-worker-'));
    env = { DATA_DIR: dataDir, DATABASE_URL: undefined };
  }
  env = { ...env, DEMO_PASSWORD: PASSWORD, PRESS_ALLOW_LOOPBACK_FETCH: 'true', LOG_LEVEL: 'warn' };
  const config = loadConfig(
    Object.fromEntries(Object.entries({ ...process.env, ...env, LOG_LEVEL: 'silent' }).filter(([, v]) => v !== undefined)),
  );
  const tBoot = performance.now();
  database = (await bootstrap(config)).database;
  const ids = new Set<string>();
  for (const f of feeds) {
    const { id } = await createSource(
      database.db,
      {
        name: f.name,
        url: `${base}${f.path}`,
        language: f.lang,
        country: f.lang === 'vi' ? 'VN' : 'US',
        weight: 3,
        intervalMinutes: 60,
        active: true,
      },
      SYSTEM_ACTOR,
    );
    ids.add(id);
  }
  const ingestCtx = await createIngestContext(database.db, config, log);
  const [{ version }] = rowsOf<{ version: string }>(await database.db.execute(sql`select version()`));
  const bootSec = (performance.now() - tBoot) / 1000;

  if (kind === 'pglite') {
    await database.close(); // one process owns the embedded database: the worker's
    database = null;
  }

  // The worker.
  const tStart = performance.now();
  worker = await startTtdn(
    kind === 'pglite' ? 'web,worker' : 'worker',
    WORKER_NODE_OPTIONS ? { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${WORKER_NODE_OPTIONS}`.trim() } : env,
  );
  const startSec = (performance.now() - tStart) / 1000;
  const pid = worker.child.pid!;
  let peakMb = 0;
  const onPeak = (mb: number) => (peakMb = Math.max(peakMb, mb));
  // Only the bench's sources (the demo data adds a few inactive ones).
  const all = kind === 'pglite' ? await apiProbe(worker.url) : dbProbe(database!);
  const probe: Probe = { sources: async () => (await all.sources()).filter((s) => ids.has(s.id)), pollSoon: all.pollSoon };
  const every = kind === 'pglite' ? 500 : 250;

  const first = await waitFor(
    probe,
    'the first poll',
    every,
    60_000 + 250 * totalItems,
    (s) => s.every((x) => x.lastFetchedAt !== null),
    onPeak,
  );
  const c1 = server.phase();
  const created = first.sources.reduce((s, x) => s + x.articleCount, 0);
  const firstSec = (first.at - c1.first) / 1000;
  const rate = created / firstSec;
  const firstHealth = tally(first.sources.map((s) => s.health ?? 'none'));
  const rssAfterFirst = rssMb(pid);

  // Second poll: every source due now; the worker's next run (every 60 s) must get 304s / unchanged bodies.
  const before = new Map(first.sources.map((s) => [s.id, s.lastFetchedAt]));
  await probe.pollSoon(first.sources.map((s) => s.id));
  const tAsk = performance.now();
  // Baseline while the worker idles until its next run (it does not compete for the CPU then).
  const base0 = await baseline(feeds.slice(0, BASELINE_FEEDS), base, ingestCtx);
  const second = await waitFor(
    probe,
    'the second poll',
    every,
    80_000,
    (s) => s.every((x) => x.lastFetchedAt !== before.get(x.id)),
    onPeak,
  );
  const c2 = server.phase();
  const createdSecond = second.sources.reduce((s, x) => s + x.articleCount, 0) - created;
  const waitSec = (c2.first ? c2.first - tAsk : NaN) / 1000;
  const secondSec = (second.at - c2.first) / 1000;

  onPeak(peakRssMb(pid) ?? 0);
  const rssEnd = rssMb(pid);
  const output = worker.output();
  await stopWorker();

  // What was stored.
  if (kind === 'pglite') database = await openDatabase({ dataDir: dataDir! });
  const [st] = rowsOf<{
    articles: number;
    stories: number;
    grouped: number;
    biggest: number;
    vi: number;
    en: number;
    topics: number;
    alerts: number;
  }>(
    await database!.db.execute(sql`select
      (select count(*)::int from press_articles) as articles,
      (select count(*)::int from press_stories) as stories,
      (select count(*)::int from press_stories where appearances > 1) as grouped,
      (select coalesce(max(appearances), 0)::int from press_stories) as biggest,
      (select count(*)::int from press_articles where language = 'vi') as vi,
      (select count(*)::int from press_articles where language = 'en') as en,
      (select count(distinct article_id)::int from press_article_topics) as topics,
      (select count(*)::int from press_alerts) as alerts`),
  );

  const cpu = os.cpus();
  const pageFetches = [...c1.pages.values()].reduce((s, n) => s + n, 0);
  const skipped = (output.match(/press item skipped/g) ?? []).length;
  const pageFailed = (output.match(/article page not fetched/g) ?? []).length;
  const count = (v: Feed['validator']) => feeds.filter((f) => f.validator === v).length;
  const pct = (x: number) => `${Math.round((x / (base0.seconds * 1000)) * 100)} %`;

  console.log('Press worker benchmark (issue 6: a worker under 500 MB)');
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.platform()} ${os.arch()}, Node ${process.version}; load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    kind === 'postgres'
      ? `database: ${version.split(' ').slice(0, 2).join(' ')} (fresh database ${PG_DB}); worker: \`ttdn serve --role worker\``
      : 'database: PGlite in a temporary DATA_DIR; worker: `ttdn serve --role web,worker` (the one process owning the embedded database: its memory includes the database and the API)',
  );
  console.log(
    `feeds: ${FEEDS} (${feeds.filter((f) => f.format === 'rss').length} RSS, ${feeds.filter((f) => f.format === 'atom').length} Atom; ${summaryFeeds.length} summary-only → article pages fetched and extracted; ` +
      `validators: ${count('etag')} ETag, ${count('last-modified')} Last-Modified, ${count('none')} none) × ${ITEMS} items = ${fmt(totalItems)} items`,
  );
  console.log(
    `articles: ${fmt(distinct)} distinct links (${fmt(viArticles)} Vietnamese, ${fmt(distinct - viArticles)} English), ${fmt(avgChars)} characters of text on average; ` +
      `${fmt(copies)} syndicated copies (own link, same story), ${fmt(sharedLinks)} items linking to another feed's article`,
  );
  console.log(
    `set-up: database ${bootSec.toFixed(1)} s (migrate, demo data, ${FEEDS} sources via createSource); worker start ${startSec.toFixed(1)} s`,
  );
  console.log(
    `baseline (in this process, no database, no job machinery: same fetch, feed parsing, page extraction, normalise + tone + topics + dedup + sanitise, on the first ${BASELINE_FEEDS} feeds): ` +
      `${fmt(base0.created)} articles in ${base0.seconds.toFixed(1)} s = ${fmt(base0.perSec)} articles/s (fetch + feed parsing ${pct(base0.ms.fetch)}, page extraction ${pct(base0.ms.extract)}, normalise + tone + topics + dedup ${pct(base0.ms.pipeline)}, sanitising the HTML kept ${pct(base0.ms.sanitise)})`,
  );
  console.log(
    `worker, first poll: ${fmt(created)} articles stored in ${firstSec.toFixed(1)} s (first feed request → every source done) = ${fmt(rate)} articles/s end-to-end ` +
      `(fetch + extract + pipeline + store) = ${(rate / base0.perSec).toFixed(2)} × baseline; ${c1.feeds200} feeds, ${fmt(pageFetches)} article pages fetched ` +
      `(${fmt(c1.pages.size)} distinct, of ${fmt(summaryLinks)} links in summary-only feeds); source health: ${firstHealth}` +
      `${skipped || pageFailed ? `; worker warnings: ${skipped} items skipped, ${pageFailed} pages not fetched` : ''}`,
  );
  console.log(
    `worker, second poll (asked with pollSoon; its next run came ${waitSec.toFixed(0)} s later): ${c2.feeds304} × 304 and ${c2.feeds200} × 200 unchanged in ${secondSec.toFixed(1)} s, ` +
      `${[...c2.pages.values()].reduce((s, n) => s + n, 0)} pages fetched, ${createdSecond} articles added; source health: ${tally(second.sources.map((s) => s.health ?? 'none'))}`,
  );
  console.log(
    `stored: ${fmt(st.articles)} articles (${fmt(st.vi)} vi, ${fmt(st.en)} en; expected ${fmt(distinct)}), ${fmt(st.stories)} stories, ${fmt(st.grouped)} of them with copies (up to ${st.biggest} articles), ` +
      `${fmt(st.topics)} articles matching a topic, ${fmt(st.alerts)} alerts`,
  );
  console.log(
    `worker memory: peak ${peakMb.toFixed(0)} MB (VmHWM of pid ${pid}); RSS after the first poll ${rssAfterFirst?.toFixed(0) ?? '?'} MB, at the end ${rssEnd?.toFixed(0) ?? '?'} MB`,
  );
  console.log(
    `target ≥ 2,000 articles/s per core concerns the pipeline (bench/press-pipeline.bench.ts); here the whole worker: ${fmt(rate)} articles/s on one event loop`,
  );
  console.log(`target worker < ${TARGET_MB} MB: ${peakMb > 0 && peakMb < TARGET_MB ? 'met' : 'NOT met'}`);
  if (st.articles !== distinct || createdSecond !== 0)
    console.log(`WARNING: ${st.articles} articles stored for ${distinct} distinct links, ${createdSecond} added by the second poll`);
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function tally(xs: string[]): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].map(([k, v]) => `${k} ${v}`).join(', ');
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
