import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/errors';
import { parseDate } from '../pipeline/dates';
import { cleanLine, decodeEntities, htmlToText } from '../pipeline/text';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom. Before parsing: a leading BOM and bare `&` are cleaned, and any
 * DOCTYPE or ENTITY declaration is refused outright (XXE, entity-expansion bombs): the parser never
 * sees one. Dates in RFC 822, ISO 8601 and `dd/mm/yyyy`, default offset +07:00.
 */
export interface FeedItem {
  title: string;
  link: string | null;
  guid: string | null;
  /** Summary as plain text. */
  summary: string;
  /** Full content as HTML when the feed carries it (content:encoded, Atom content). Not sanitised. */
  contentHtml: string | null;
  author: string | null;
  publishedAt: string | null;
  categories: string[];
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string;
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

export const MAX_FEED_CHARS = 20 * 1024 * 1024;

const BARE_AMP = /&(?!#\d{1,7};|#x[0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

/** Reject DOCTYPE anywhere before the root and ENTITY anywhere outside CDATA. */
function assertSafe(xml: string) {
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/<!DOCTYPE/i.test(outsideCdata) || /<!ENTITY/i.test(outsideCdata) || /<!ATTLIST|<!ELEMENT/i.test(outsideCdata)) {
    throw new AppError('press.feed_unsafe', {});
  }
}

function cleanXml(input: string): string {
  // eslint-disable-next-line no-control-regex -- leading NUL bytes are junk some servers send before the XML
  let xml = input.replace(/^\uFEFF/, '').replace(/^[\s\u0000]+/, '');
  // Bare & outside CDATA.
  xml = xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 ? part : part.replace(BARE_AMP, '&amp;')))
    .join('');
  return xml;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author', 'dc:creator', 'dc:subject'].includes(name),
});

type Node = Record<string, unknown> | string | undefined;

function text(node: unknown): string {
  if (node == null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('#text' in o) return text(o['#text']);
    if ('name' in o) return text(o.name);
  }
  return '';
}

function atomLink(links: unknown): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as Node[];
  const pick = list.find((l) => typeof l === 'object' && (!l['@_rel'] || l['@_rel'] === 'alternate')) ?? list[0];
  if (!pick) return null;
  return typeof pick === 'string' ? pick : cleanLine(String(pick['@_href'] ?? text(pick))) || null;
}

function asText(s: string): string {
  return /<[a-z!/][^>]*>/i.test(s) ? htmlToText(s) : cleanLine(decodeEntities(s));
}

function rssItem(it: Record<string, unknown>): FeedItem {
  const links = it.link as unknown[] | undefined;
  const link = links?.length ? (typeof links[0] === 'object' ? atomLink(links) : cleanLine(text(links[0]))) : null;
  const guid = cleanLine(text(it.guid)) || null;
  const content = text(it['content:encoded']) || null;
  const date = text(it.pubDate) || text(it['dc:date']) || text(it.published) || text(it.updated);
  const categories = ((it.category as unknown[]) ?? [])
    .map(text)
    .concat(((it['dc:subject'] as unknown[]) ?? []).map(text))
    .map(cleanLine)
    .filter(Boolean);
  return {
    title: asText(text(it.title)),
    link: link || (guid && /^https?:\/\//.test(guid) ? guid : null),
    guid,
    summary: asText(text(it.description)),
    contentHtml: content,
    author: cleanLine(text(it['dc:creator']) || text(it.author)) || null,
    publishedAt: parseDate(date || null),
    categories,
  };
}

function atomEntry(it: Record<string, unknown>): FeedItem {
  const content = it.content as Node;
  const contentText = text(content);
  const summary = text(it.summary);
  return {
    title: asText(text(it.title)),
    link: atomLink(it.link),
    guid: cleanLine(text(it.id)) || null,
    summary: asText(summary || contentText).slice(0, 5000),
    contentHtml: contentText || null,
    author: cleanLine(text(it.author)) || null,
    publishedAt: parseDate(text(it.published) || text(it.updated) || null),
    categories: ((it.category as Node[]) ?? [])
      .map((c) => (typeof c === 'object' ? String(c['@_term'] ?? c['@_label'] ?? '') : text(c)))
      .filter(Boolean),
  };
}

export function parseFeed(input: string | Buffer): ParsedFeed {
  const raw = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (raw.length > MAX_FEED_CHARS) throw new AppError('press.feed_too_large', { bytes: raw.length });
  assertSafe(raw);
  const xml = cleanXml(raw);
  if (!xml.startsWith('<')) throw new AppError('press.feed_invalid', {});
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    throw new AppError('press.feed_invalid', {});
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  if (rss && typeof rss === 'object' && rss.channel) {
    const ch = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Record<string, unknown>;
    const links = ch.link as unknown[] | undefined;
    return {
      kind: 'rss',
      title: asText(text(ch.title)),
      link: links?.length ? (typeof links[0] === 'object' ? atomLink(links) : cleanLine(text(links[0]))) : null,
      language: cleanLine(text(ch.language)) || null,
      items: ((ch.item as Record<string, unknown>[]) ?? []).filter((x) => x && typeof x === 'object').map(rssItem),
    };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed && typeof feed === 'object') {
    return {
      kind: 'atom',
      title: asText(text(feed.title)),
      link: atomLink(feed.link),
      language: cleanLine(String(feed['@_xml:lang'] ?? '')) || null,
      items: ((feed.entry as Record<string, unknown>[]) ?? []).filter((x) => x && typeof x === 'object').map(atomEntry),
    };
  }
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  if (rdf && typeof rdf === 'object') {
    const ch = (rdf.channel ?? {}) as Record<string, unknown>;
    const links = ch.link as unknown[] | undefined;
    return {
      kind: 'rdf',
      title: asText(text(ch.title)),
      link: links?.length ? cleanLine(text(links[0])) : null,
      language: cleanLine(text(ch['dc:language'])) || null,
      items: ((rdf.item as Record<string, unknown>[]) ?? []).filter((x) => x && typeof x === 'object').map(rssItem),
    };
  }
  throw new AppError('press.feed_invalid', {});
}
