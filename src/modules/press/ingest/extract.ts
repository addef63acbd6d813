import { createRequire } from 'node:module';
import type { Readability as ReadabilityType } from '@mozilla/readability';
import type createDOMPurifyType from 'dompurify';
import type { JSDOM as JSDOMType } from 'jsdom';
import { parseDate } from '../pipeline/dates';
import { cleanLine, htmlToText } from '../pipeline/text';
import { canonicaliseUrl } from '../pipeline/url';

/**
 * Full text of an article page via Readability over jsdom. jsdom is created without
 * `runScripts` and without loading resources: no script of the page is ever executed and
 * nothing else is fetched.
 */
export interface ExtractedArticle {
  title: string;
  text: string;
  /** Readability's article HTML, sanitised for display. */
  html: string;
  author: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  language: string | null;
  siteName: string | null;
  excerpt: string | null;
}

export const MAX_PAGE_CHARS = 5 * 1024 * 1024;

// jsdom and friends weigh about 100 MB: loaded on first use, not when the server starts.
const require = createRequire(import.meta.url);
let libs: { JSDOM: typeof JSDOMType; Readability: typeof ReadabilityType; createDOMPurify: typeof createDOMPurifyType } | null = null;
function libraries() {
  libs ??= {
    JSDOM: require('jsdom').JSDOM,
    Readability: require('@mozilla/readability').Readability,
    createDOMPurify: require('dompurify'),
  };
  return libs;
}

function meta(doc: Document, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const v = JSON.parse(s.textContent ?? '') as unknown;
      const list = Array.isArray(v) ? v : [v];
      for (const x of list) {
        if (x && typeof x === 'object') {
          out.push(x as Record<string, unknown>);
          const graph = (x as Record<string, unknown>)['@graph'];
          if (Array.isArray(graph)) out.push(...(graph.filter((g) => g && typeof g === 'object') as Record<string, unknown>[]));
        }
      }
    } catch {
      /* ignore broken JSON-LD */
    }
  }
  return out;
}

function ldAuthor(a: unknown): string | null {
  if (!a) return null;
  if (typeof a === 'string') return a;
  if (Array.isArray(a)) return a.map(ldAuthor).filter(Boolean).join(', ') || null;
  if (typeof a === 'object' && 'name' in (a as object)) return String((a as { name: unknown }).name);
  return null;
}

export function extractArticle(html: string, url: string): ExtractedArticle {
  const { JSDOM, Readability } = libraries();
  const page = new JSDOM(html.length > MAX_PAGE_CHARS ? html.slice(0, MAX_PAGE_CHARS) : html, { url });
  try {
    const doc = page.window.document;
    const ld = jsonLd(doc).find((x) => /Article|NewsArticle|BlogPosting|Report/i.test(String(x['@type'] ?? ''))) ?? {};
    const published =
      meta(
        doc,
        'article:published_time',
        'og:article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'dc.date',
        'DC.date.issued',
      ) ??
      (typeof ld.datePublished === 'string' ? ld.datePublished : null) ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null;
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
    const metaAuthor = meta(doc, 'author', 'article:author', 'dc.creator') ?? ldAuthor(ld.author);
    const language = doc.documentElement.getAttribute('lang') || meta(doc, 'og:locale', 'language');
    const metaTitle = meta(doc, 'og:title') ?? doc.title;

    const article = new Readability(doc, { charThreshold: 200 }).parse();
    const content = article?.content ?? doc.body?.innerHTML ?? '';
    return {
      title: cleanLine(article?.title || metaTitle || ''),
      text: htmlToText(content),
      html: sanitiseHtml(content),
      author: cleanLine(metaAuthor || article?.byline || '') || null,
      publishedAt: parseDate(published ?? article?.publishedTime ?? null),
      canonicalUrl: canonicaliseUrl(canonical, url),
      language: language ? cleanLine(language) : null,
      siteName: cleanLine(article?.siteName || meta(doc, 'og:site_name') || '') || null,
      excerpt: cleanLine(article?.excerpt || meta(doc, 'description', 'og:description') || '') || null,
    };
  } finally {
    page.window.close();
  }
}

let purifier: ReturnType<typeof createDOMPurifyType> | null = null;

function getPurifier() {
  if (purifier) return purifier;
  const { JSDOM, createDOMPurify } = libraries();
  const { window } = new JSDOM('');
  const p = createDOMPurify(window as unknown as Parameters<typeof createDOMPurifyType>[0]);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.getAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.setAttribute('target', '_blank');
    }
  });
  purifier = p;
  return p;
}

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'blockquote',
  'q',
  'cite',
  'code',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'span',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'time',
  'abbr',
];

/** HTML safe to show: no scripts, styles, frames, forms, event handlers or non-http(s) links. */
export function sanitiseHtml(html: string): string {
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'datetime', 'lang', 'dir'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/))/i,
    ALLOW_DATA_ATTR: false,
    FORBID_TAGS: [
      'script',
      'style',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'svg',
      'math',
      'link',
      'meta',
      'base',
    ],
    KEEP_CONTENT: true,
  }) as unknown as string;
}
