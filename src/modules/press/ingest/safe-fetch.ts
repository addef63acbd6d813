import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { isBlockedAddress } from './address-policy';

/**
 * Fetch a feed or an article page politely and safely:
 * - conditional GET (If-None-Match / If-Modified-Since) → 304 passes through;
 * - one deadline for the whole exchange (DNS, connect, redirects, body), default 20 s;
 * - a body cap applied after decompression (gzip/deflate/br bombs included), default 5 MB;
 * - redirects followed by hand (at most 5); every hop's host is resolved here and the socket
 *   connects to the very address that was checked (no second DNS answer can differ), and a
 *   loopback, private, link-local or otherwise reserved address is refused unless `allowPrivate`.
 */
export interface SafeFetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  allowPrivate?: boolean;
  /** Allow loopback addresses only (127.0.0.0/8, ::1), other private ranges stay refused: local test servers. */
  allowLoopback?: boolean;
  maxRedirects?: number;
  userAgent?: string;
  accept?: string;
  /** DNS resolution, all addresses (default: the system resolver). Tests inject one. */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * Test hook: after the resolved address passed the check, connect to this loopback endpoint
   * instead (lets a test serve a "public" host from 127.0.0.1 without any outside traffic).
   */
  connectOverride?: { host: string; port: number };
}

export interface SafeFetchResult {
  status: 200 | 304;
  /** Decoded text ('' on 304). */
  body: string;
  bytes: number;
  /** SHA-256 of the body bytes (null on 304): save ETag/Last-Modified only when it changed. */
  bodyHash: string | null;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string;
  contentType: string | null;
  redirects: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_UA = 'ttdn-press-monitor/0.1 (+foreign information work; polite fetcher)';

const defaultResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

interface Ctx {
  deadline: number;
  url: string;
  options: SafeFetchOptions;
  timeoutMs: number;
}

function withDeadline<T>(p: Promise<T>, ctx: Ctx): Promise<T> {
  const left = ctx.deadline - Date.now();
  if (left <= 0) return Promise.reject(timeoutError(ctx));
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(timeoutError(ctx)), left);
    }),
  ]).finally(() => clearTimeout(timer));
}

const timeoutError = (ctx: Ctx) => new AppError('press.fetch_timeout', { url: ctx.url, timeoutMs: ctx.timeoutMs });

async function resolveChecked(url: URL, ctx: Ctx): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await withDeadline((ctx.options.resolve ?? defaultResolve)(host), ctx);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('press.fetch_dns_error', { host });
    }
    if (!addresses.length) throw new AppError('press.fetch_dns_error', { host });
  }
  if (!ctx.options.allowPrivate) {
    const loopback = (a: string) => ctx.options.allowLoopback === true && (/^127\./.test(a) || a === '::1' || a === '::ffff:127.0.0.1');
    const bad = addresses.find((a) => isBlockedAddress(a) && !loopback(a));
    if (bad) throw new AppError('press.fetch_blocked_address', { host, address: bad, url: url.toString() });
  }
  return addresses[0];
}

function request(url: URL, address: string, ctx: Ctx): Promise<IncomingMessage> {
  const o = ctx.options;
  const headers: Record<string, string> = {
    host: url.host,
    'user-agent': o.userAgent ?? DEFAULT_UA,
    accept: o.accept ?? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'vi, en;q=0.8',
  };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  const secure = url.protocol === 'https:';
  const target = o.connectOverride ?? { host: address, port: Number(url.port) || (secure ? 443 : 80) };
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request({
      host: target.host,
      port: target.port,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      servername: secure && !isIP(hostname) ? hostname : undefined,
      agent: false,
    });
    const left = ctx.deadline - Date.now();
    const timer = setTimeout(() => req.destroy(timeoutError(ctx)), Math.max(1, left));
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(
        err instanceof AppError
          ? err
          : new AppError('press.fetch_network_error', { url: url.toString(), reason: (err as NodeJS.ErrnoException).code ?? err.message }),
      );
    });
    req.end();
  });
}

function readBody(res: IncomingMessage, ctx: Ctx, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new AppError('press.fetch_too_large', { url: ctx.url, maxBytes }));
  }
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  let stream: NodeJS.ReadableStream = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const fail = (e: AppError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      res.destroy();
      (stream as unknown as { destroy?: () => void }).destroy?.();
      reject(e);
    };
    const timer = setTimeout(() => fail(timeoutError(ctx)), Math.max(1, ctx.deadline - Date.now()));
    stream.on('data', (c: Buffer) => {
      total += c.length;
      if (total > maxBytes) fail(new AppError('press.fetch_too_large', { url: ctx.url, maxBytes }));
      else chunks.push(c);
    });
    stream.on('end', () => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      }
    });
    stream.on('error', (e: Error) => fail(new AppError('press.fetch_network_error', { url: ctx.url, reason: e.message })));
    res.on('aborted', () => fail(new AppError('press.fetch_network_error', { url: ctx.url, reason: 'aborted' })));
  });
}

/** Charset from Content-Type, else the XML declaration or an HTML meta tag, else UTF-8. */
export function decodeBody(buf: Buffer, contentType: string | null): string {
  let charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (!charset) {
    const head = buf.subarray(0, 2048).toString('latin1');
    charset = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}

export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const ctx: Ctx = { deadline: Date.now() + timeoutMs, url: input, options, timeoutMs };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new AppError('press.fetch_invalid_url', { url: input });
  }
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('press.fetch_invalid_url', { url: url.toString() });
    if (url.username || url.password) throw new AppError('press.fetch_invalid_url', { url: url.origin });
    ctx.url = url.toString();
    const address = await resolveChecked(url, ctx);
    const res = await request(url, address, ctx);
    const status = res.statusCode ?? 0;
    const header = (name: string) => {
      const v = res.headers[name];
      return v == null ? null : Array.isArray(v) ? v[0] : String(v);
    };
    if ([301, 302, 303, 307, 308].includes(status) && header('location')) {
      res.resume();
      if (redirects >= maxRedirects) throw new AppError('press.fetch_too_many_redirects', { url: input, max: maxRedirects });
      try {
        url = new URL(header('location')!, url);
      } catch {
        throw new AppError('press.fetch_invalid_url', { url: header('location') });
      }
      continue;
    }
    const common = {
      etag: header('etag'),
      lastModified: header('last-modified'),
      finalUrl: url.toString(),
      contentType: header('content-type'),
      redirects,
    };
    if (status === 304) {
      res.resume();
      return { status: 304, body: '', bytes: 0, bodyHash: null, ...common };
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new AppError('press.fetch_http_error', { url: url.toString(), status, retryAfter: header('retry-after') });
    }
    const buf = await readBody(res, ctx, maxBytes);
    return {
      status: 200,
      body: decodeBody(buf, common.contentType),
      bytes: buf.length,
      bodyHash: createHash('sha256').update(buf).digest('hex'),
      ...common,
    };
  }
}
