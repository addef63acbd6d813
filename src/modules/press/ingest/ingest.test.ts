import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { normaliseArticle } from '../pipeline/normalise';
import { isBlockedAddress } from './address-policy';
import { extractArticle, sanitiseHtml } from './extract';
import { parseFeed } from './feed';
import { nextPollAt } from './poll-policy';
import { safeFetch } from './safe-fetch';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const ETAG = '"v1"';

// A local server on 127.0.0.1 (port 0): the only address any test talks to.
let server: http.Server;
let base = '';
let port = 0;
const hung: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed.xml') {
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { etag: ETAG });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: ETAG,
        'last-modified': 'Tue, 12 Mar 2024 04:00:00 GMT',
      });
      res.end(fixture('feed-rss.xml'));
    } else if (path === '/atom.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'content-encoding': 'gzip' });
      res.end(gzipSync(fixture('feed-atom.xml')));
    } else if (path === '/xxe.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(fixture('xxe.xml'));
    } else if (path === '/lol.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(fixture('billion-laughs.xml'));
    } else if (path === '/garbage') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Not a feed {{{ ]]> &&& \u0000</body></html>');
    } else if (path === '/article.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fixture('article.html'));
    } else if (path === '/never') {
      hung.push(res); /* never answers */
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.alloc(200_000, 97));
    } else if (path === '/bomb') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(50_000_000, 0)));
    } else if (path === '/busy') {
      res.writeHead(503, { 'retry-after': '120' });
      res.end();
    } else if (path.startsWith('/redirect?to=')) {
      res.writeHead(302, { location: decodeURIComponent(path.slice('/redirect?to='.length)) });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const r of hung) r.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a failure');
}

describe('safeFetch + parseFeed', () => {
  it('ingests a normal RSS feed (BOM, bare &, dd/mm/yyyy dates) and normalises its items', async () => {
    const r = await safeFetch(`${base}/feed.xml`, { allowPrivate: true });
    expect(r).toMatchObject({ status: 200, etag: ETAG, lastModified: 'Tue, 12 Mar 2024 04:00:00 GMT' });
    expect(r.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    const feed = parseFeed(r.body);
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Báo Quảng Trị - Kinh tế & Xã hội');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({
      author: 'Minh Anh',
      publishedAt: '2024-03-12T08:30:00+07:00',
      guid: 'bai-1',
      categories: ['Kinh tế'],
    });
    expect(feed.items[1].publishedAt).toBe('2024-03-12T10:00:00+07:00');
    expect(feed.items[2].publishedAt).toBe('2024-03-12T11:00:00+07:00');
    expect(feed.items[1].title).toBe('Du lịch biển Cửa Việt & Cửa Tùng khởi sắc');
    const a = normaliseArticle({
      title: feed.items[0].title,
      html: feed.items[0].contentHtml,
      url: feed.items[0].link,
      publishedAt: feed.items[0].publishedAt,
      outlet: 'Báo Quảng Trị',
    });
    expect(a).toMatchObject({ language: 'vi', url: 'http://news.example.test/bai-1.html' });
    expect(a.text).not.toContain('alert');
  });
  it('answers 304 to a conditional GET', async () => {
    const r = await safeFetch(`${base}/feed.xml`, { allowPrivate: true, etag: ETAG });
    expect(r).toMatchObject({ status: 304, body: '', etag: ETAG });
  });
  it('reads gzip Atom', async () => {
    const feed = parseFeed((await safeFetch(`${base}/atom.xml`, { allowPrivate: true })).body);
    expect(feed).toMatchObject({ kind: 'atom', link: 'http://intl.example.test/', language: 'en' });
    expect(feed.items[0]).toMatchObject({
      title: 'Trade through Lao Bao & La Lay hits record',
      link: 'http://intl.example.test/2024/03/trade',
      author: 'Jane Roe',
      publishedAt: '2024-03-12T02:00:00+00:00',
      categories: ['economy'],
    });
  });
  it('times out on a feed that never answers', async () => {
    const t = Date.now();
    const e = await failure(safeFetch(`${base}/never`, { allowPrivate: true, timeoutMs: 300 }));
    expect(e.code).toBe('press.fetch_timeout');
    expect(Date.now() - t).toBeLessThan(2000);
  });
  it('caps the body, also after decompression', async () => {
    expect((await failure(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 100_000 }))).code).toBe('press.fetch_too_large');
    expect((await failure(safeFetch(`${base}/bomb`, { allowPrivate: true, maxBytes: 1_000_000 }))).code).toBe('press.fetch_too_large');
  });
  it('reports HTTP errors with Retry-After, and redirect loops', async () => {
    const e = await failure(safeFetch(`${base}/busy`, { allowPrivate: true }));
    expect(e).toMatchObject({ code: 'press.fetch_http_error', details: { status: 503, retryAfter: '120' } });
    expect((await failure(safeFetch(`${base}/loop`, { allowPrivate: true }))).code).toBe('press.fetch_too_many_redirects');
  });
  it('refuses garbage with press.feed_invalid', async () => {
    const r = await safeFetch(`${base}/garbage`, { allowPrivate: true });
    expect(() => parseFeed(r.body)).toThrow(expect.objectContaining({ code: 'press.feed_invalid' }));
    for (const g of ['', 'hello', '{"json": true}', '<rss><channel>', '\u0000\u0001']) {
      expect(() => parseFeed(g)).toThrow(expect.objectContaining({ code: 'press.feed_invalid' }));
    }
  });
  it('refuses XXE and billion-laughs feeds quickly, leaking nothing', async () => {
    for (const path of ['/xxe.xml', '/lol.xml']) {
      const r = await safeFetch(`${base}${path}`, { allowPrivate: true });
      const t = Date.now();
      let err: unknown;
      try {
        parseFeed(r.body);
      } catch (e) {
        err = e;
      }
      expect(Date.now() - t).toBeLessThan(1000);
      expect(err).toMatchObject({ code: 'press.feed_unsafe', details: {} });
      expect(JSON.stringify(err)).not.toMatch(/root:|lol/);
      expect(String((err as Error).message)).not.toMatch(/root:|passwd/);
    }
  });
});

describe('address policy', () => {
  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::5',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '[::1]',
    ])
      expect(isBlockedAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '14.225.0.1']) expect(isBlockedAddress(a), a).toBe(false);
  });
  it('refuses loopback unless allowPrivate', async () => {
    expect((await failure(safeFetch(`${base}/feed.xml`))).code).toBe('press.fetch_blocked_address');
    expect((await failure(safeFetch(`http://localhost:${port}/feed.xml`))).code).toBe('press.fetch_blocked_address');
  });
  it('refuses a redirect from a public-looking host to private, loopback and link-local addresses', async () => {
    // `news.example.test` "resolves" to a public address; the socket is pointed at the local
    // server only after that address passed the check. Nothing leaves 127.0.0.1.
    const resolve = async (host: string) =>
      host === 'news.example.test' ? ['93.184.216.34'] : host === 'intranet.example.test' ? ['10.0.0.7'] : [];
    const opts = { resolve, connectOverride: { host: '127.0.0.1', port }, timeoutMs: 2000 };
    const ok = await safeFetch('http://news.example.test/feed.xml', opts);
    expect(ok.status).toBe(200);
    for (const target of [
      `http://127.0.0.1:${port}/feed.xml`,
      'http://10.0.0.5/feed.xml',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/x',
      'http://intranet.example.test/feed.xml',
    ]) {
      const e = await failure(safeFetch(`http://news.example.test/redirect?to=${encodeURIComponent(target)}`, opts));
      expect(e.code, target).toBe('press.fetch_blocked_address');
    }
  });
  it('refuses non-http schemes', async () => {
    expect((await failure(safeFetch('file:///etc/passwd'))).code).toBe('press.fetch_invalid_url');
    const e = await failure(safeFetch(`${base}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`, { allowPrivate: true }));
    expect(e.code).toBe('press.fetch_invalid_url');
  });
});

describe('article pages', () => {
  it('extracts the article without running its scripts, and sanitises it for display', async () => {
    const r = await safeFetch(`${base}/article.html`, { allowPrivate: true });
    const a = extractArticle(r.body, r.finalUrl);
    expect(a.title).toBe('Đoàn đại biểu tỉnh Savannakhet thăm và làm việc tại Quảng Trị');
    expect(a.author).toBe('Hoàng Lan');
    expect(a.publishedAt).toBe('2024-09-05T15:00:00+07:00');
    expect(a.canonicalUrl).toBe('http://news.example.test/doan-savannakhet.html');
    expect(a.text).toContain('500 suất học bổng');
    expect(a.text).not.toMatch(/alert|__executed|Trang chủ/);
    expect(a.html).not.toMatch(/<script|onerror|onload|javascript:|<iframe/i);
    expect((globalThis as Record<string, unknown>).__executed).toBeUndefined();
  });
  it('sanitiseHtml removes scripts, handlers, javascript: links and iframes', () => {
    const out = sanitiseHtml(
      '<p onclick="x()">Hi <a href="javascript:alert(1)">a</a> <a href="https://baoquangtri.vn/x">b</a><script>alert(1)</script><iframe src="https://x"></iframe><img src=x onerror=alert(1)><svg onload=alert(1)></svg><a href="JaVaScRiPt:alert(1)">c</a></p>',
    );
    expect(out).not.toMatch(/onclick|onerror|onload|javascript|<script|<iframe|<svg/i);
    expect(out).toContain('href="https://baoquangtri.vn/x"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });
});

describe('nextPollAt', () => {
  const now = new Date('2024-03-12T00:00:00Z');
  const mid = () => 0.5;
  it('keeps the interval on success and backs off exponentially to 24 h on failure', () => {
    expect(nextPollAt({ intervalMinutes: 30, consecutiveFailures: 3 }, { kind: 'ok' }, now, mid)).toMatchObject({
      delayMs: 30 * 60_000,
      consecutiveFailures: 0,
    });
    expect(nextPollAt({ intervalMinutes: 30, consecutiveFailures: 0 }, { kind: 'error' }, now, mid)).toMatchObject({
      delayMs: 60 * 60_000,
      consecutiveFailures: 1,
    });
    expect(nextPollAt({ intervalMinutes: 30, consecutiveFailures: 2 }, { kind: 'error' }, now, mid).delayMs).toBe(240 * 60_000);
    const far = nextPollAt({ intervalMinutes: 30, consecutiveFailures: 500 }, { kind: 'error' }, now, () => 0.99);
    expect(far.delayMs).toBeLessThanOrEqual(24 * 3600_000);
    expect(far.at.getTime()).toBeGreaterThan(now.getTime()); // never disabled
  });
  it('honours Retry-After up to 48 h, and adds jitter', () => {
    expect(
      nextPollAt({ intervalMinutes: 5, consecutiveFailures: 0 }, { kind: 'error', status: 429, retryAfter: '7200' }, now, () => 0).delayMs,
    ).toBe(7_200_000);
    expect(
      nextPollAt({ intervalMinutes: 5, consecutiveFailures: 0 }, { kind: 'error', retryAfter: String(7 * 86400) }, now, () => 0).delayMs,
    ).toBe(48 * 3600_000);
    expect(
      nextPollAt(
        { intervalMinutes: 5, consecutiveFailures: 0 },
        { kind: 'error', retryAfter: 'Wed, 13 Mar 2024 00:00:00 GMT' },
        now,
        () => 0,
      ).delayMs,
    ).toBe(24 * 3600_000);
    const a = nextPollAt({ intervalMinutes: 60, consecutiveFailures: 0 }, { kind: 'ok' }, now, () => 0).delayMs;
    const b = nextPollAt({ intervalMinutes: 60, consecutiveFailures: 0 }, { kind: 'ok' }, now, () => 1).delayMs;
    expect(a).toBeLessThan(b);
  });
});
