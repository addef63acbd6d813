import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server on 127.0.0.1 (port 0) serving feeds and article pages for tests:
 * the only address press tests talk to. Counts requests per path and conditional requests.
 */
export interface FeedServer {
  base: string;
  hits: Map<string, number>;
  conditional: Map<string, number>;
  /** path → handler, or static content */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export type Route =
  | { kind: 'feed'; body: string; etag?: string }
  | { kind: 'page'; body: string }
  | { kind: 'raw'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' };

export const fixture = (name: string) => readFileSync(new URL(`../ingest/fixtures/${name}`, import.meta.url), 'utf8');

export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const conditional = new Map<string, number>();
  const routes = new Map<string, Route>();
  const hung: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404);
      res.end();
      return;
    }
    if (route.kind === 'hang') {
      hung.push(res);
      return;
    }
    if (route.kind === 'raw') {
      res.writeHead(route.status, route.headers ?? {});
      res.end(route.body ?? '');
      return;
    }
    if (route.kind === 'feed') {
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        conditional.set(path, (conditional.get(path) ?? 0) + 1);
        res.writeHead(304, { etag: route.etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...(route.etag ? { etag: route.etag } : {}) });
      res.end(route.body);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(route.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    conditional,
    routes,
    async close() {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface FeedItemSpec {
  title: string;
  link: string;
  description: string;
  content?: string;
  pubDate?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: FeedItemSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>http://example.test/</link>
${items
  .map(
    (i) =>
      `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid>${esc(i.link)}</guid><description>${esc(i.description)}</description>${
        i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''
      }<pubDate>${i.pubDate ?? 'Tue, 12 Mar 2024 03:00:00 GMT'}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function articlePage(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="article:published_time" content="2024-03-12T09:00:00+07:00"><script>window.evil = 1</script></head>
<body><nav>Trang chủ | Thời sự</nav><article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${extra}</article>
<footer>Bản quyền</footer></body></html>`;
}
