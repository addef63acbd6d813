import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/errors';
import { parseDate } from '../pipeline/dates';
import { cleanLine, cleanText, decodeEntities, htmlToText, looksLikeHtml } from '../pipeline/text';
import { tagNamer } from './feed-namespaces';

/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and 0.3, with Dublin Core, dcterms, content:encoded and
 * iTunes fields, under whatever prefixes the feed declares (`feed-namespaces.ts`). Before parsing: a
 * leading BOM and bare `&` are cleaned; a plain DOCTYPE (the Netscape RSS 0.91 one real feeds still
 * carry) is dropped, while an internal subset or any ENTITY declaration is refused outright (XXE,
 * entity-expansion bombs): the parser never sees one. Text constructs are kept raw by the parser and
 * read by their type (text, escaped HTML, inline XHTML, CDATA). Relative links resolve against
 * xml:base, the channel's link, then the address the feed was fetched from. Dates in RFC 822, ISO
 * 8601 and `dd/mm/yyyy`, default offset +07:00.
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
  /** The item's own language (dc:language, xml:lang) when it says so. */
  language: string | null;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string;
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** Where the feed was fetched from (after redirects): the last base for relative links. */
  url?: string;
}

export const MAX_FEED_CHARS = 20 * 1024 * 1024;
const MAX_SUMMARY = 5000;

const BARE_AMP = /&(?!#\d{1,7};|#x[0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
/** A DOCTYPE naming an external DTD only (no internal subset): harmless once dropped. */
const PLAIN_DOCTYPE = /<!DOCTYPE\s[^[<>]*>/i;
/** Elements whose content is a text construct: the parser hands them over as written. */
const TEXT_CONSTRUCTS = ['title', 'subtitle', 'tagline', 'summary', 'content', 'description', 'info', 'content:encoded', 'itunes:summary'];

function outsideCdata(xml: string, fn: (part: string) => string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 ? part : fn(part)))
    .join('');
}

/** Reject an internal DTD subset and any ENTITY, ATTLIST or ELEMENT declaration outside CDATA. */
function assertSafe(xml: string) {
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/<!DOCTYPE|<!ENTITY|<!ATTLIST|<!ELEMENT/i.test(markup)) throw new AppError('press.feed_unsafe', {});
}

function cleanXml(input: string): string {
  // eslint-disable-next-line no-control-regex -- leading NUL bytes are junk some servers send before the XML
  const xml = input.replace(/^\uFEFF/, '').replace(/^[\s\u0000]+/, '');
  return outsideCdata(xml, (part) => part.replace(BARE_AMP, '&amp;'));
}

function parserFor(xml: string): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: true,
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    transformTagName: tagNamer(xml),
    stopNodes: TEXT_CONSTRUCTS.map((t) => `*.${t}`),
    isArray: (name) =>
      ['item', 'entry', 'link', 'atom:link', 'category', 'author', 'contributor', 'dc:creator', 'dc:subject', 'itunes:category'].includes(
        name,
      ),
  });
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** The text of a plain element (not a text construct). */
function plain(node: unknown): string {
  const v = first(node);
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (isObj(v)) {
    if ('#text' in v) return plain(v['#text']);
    if ('name' in v) return plain(v.name);
  }
  return '';
}

/** Characters of raw element content: CDATA as it stands, the rest with references decoded. */
function literal(raw: string): string {
  return raw
    .split(/<!\[CDATA\[([\s\S]*?)\]\]>/)
    .map((part, i) => (i % 2 ? part : decodeEntities(part)))
    .join('');
}

interface TextValue {
  text: string;
  html: string | null;
}

/**
 * A text construct read by its declared type: Atom `text` | `html` | `xhtml` (and Atom 0.3's MIME
 * types and `mode`), or for RSS, which declares nothing, HTML when the characters look like HTML.
 */
function textConstruct(node: unknown, atom: boolean): TextValue {
  const v = first(node);
  if (v == null) return { text: '', html: null };
  const raw = typeof v === 'string' ? v : isObj(v) ? plain(v['#text']) : '';
  const attrs = isObj(v) ? v : {};
  const type = String(attrs['@_type'] ?? '').toLowerCase();
  const mode = String(attrs['@_mode'] ?? '').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml' || (atom && mode === 'xml' && /<[a-z]/i.test(raw))) {
    return { text: htmlToText(raw), html: raw };
  }
  let chars = literal(raw);
  if (mode === 'base64') chars = Buffer.from(chars, 'base64').toString('utf8');
  const html =
    type === 'html' || type === 'text/html' || (!atom && looksLikeHtml(chars)) || (atom && mode === 'escaped' && type !== 'text');
  if (html) return { text: htmlToText(chars), html: chars };
  return { text: cleanText(chars), html: null };
}

const line = (v: TextValue) => cleanLine(v.text);

function resolveUrl(ref: string | null | undefined, base: string | null | undefined): string | null {
  const r = cleanLine(ref ?? '');
  if (!r) return null;
  try {
    return new URL(r, base ?? undefined).href;
  } catch {
    return r;
  }
}

const absolute = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);

/** Atom's alternate link (or the first link) and RSS's plain `<link>`. */
function linkOf(links: unknown, base: string | null): string | null {
  const all = list(links);
  const objs = all.filter(isObj).filter((l) => '@_href' in l);
  if (objs.length) {
    const pick = objs.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? objs[0];
    return resolveUrl(String(pick['@_href']), base);
  }
  const text = all.map(plain).find((t) => cleanLine(t));
  return text ? resolveUrl(text, base) : null;
}

function baseOf(node: Obj, parent: string | null): string | null {
  const own = node['@_xml:base'];
  return typeof own === 'string' ? resolveUrl(own, parent) : parent;
}

/** `name@example.com (Nguyễn Văn A)` → the name; Atom's person construct → its name. */
function personOf(node: unknown): string | null {
  for (const p of list(node)) {
    const s = cleanLine(isObj(p) && 'name' in p ? plain(p.name) || plain(p.email) : plain(p));
    if (!s) continue;
    const named = /^\S+@\S+\s*\(([^)]+)\)$/.exec(s);
    return named ? cleanLine(named[1]) : s;
  }
  return null;
}

function firstText(it: Obj, keys: string[]): string {
  for (const k of keys) {
    const t = plain(it[k]);
    if (cleanLine(t)) return t;
  }
  return '';
}

function categoriesOf(it: Obj): string[] {
  const out = [
    ...list(it.category).map((c) => (isObj(c) && ('@_term' in c || '@_label' in c) ? String(c['@_label'] ?? c['@_term']) : plain(c))),
    ...list(it['dc:subject']).map(plain),
    ...list(it['itunes:category']).map((c) => (isObj(c) ? String(c['@_text'] ?? '') : plain(c))),
  ];
  return [...new Set(out.map(cleanLine).filter(Boolean))];
}

const DATES = [
  'pubDate',
  'dc:date',
  'dcterms:issued',
  'dcterms:created',
  'published',
  'issued',
  'created',
  'dcterms:modified',
  'updated',
  'modified',
];
const languageOf = (it: Obj, keys: string[]) => cleanLine(firstText(it, keys) || String(it['@_xml:lang'] ?? '')) || null;

function item(it: Obj, parentBase: string | null, atom: boolean): FeedItem {
  const base = baseOf(it, parentBase);
  const guidNode = first(it.guid);
  const guid = cleanLine(plain(it.guid) || plain(it.id)) || null;
  const permalink = !(isObj(guidNode) && String(guidNode['@_isPermaLink'] ?? '').toLowerCase() === 'false');
  const encoded = textConstruct(it['content:encoded'], false);
  const content = atom ? textConstruct(it.content, true) : { text: '', html: null };
  const summary = [textConstruct(it.description, atom), textConstruct(it.summary, atom), textConstruct(it['itunes:summary'], atom)].find(
    (v) => v.text,
  );
  const contentHtml = encoded.html ?? (encoded.text || null) ?? content.html ?? (content.text || null);
  return {
    title: line(textConstruct(it.title, atom)),
    link: linkOf(it.link, base) ?? linkOf(it['atom:link'], base) ?? (permalink ? absolute(guid) : null),
    guid,
    summary: (summary?.text || encoded.text || content.text).slice(0, MAX_SUMMARY),
    contentHtml,
    author: personOf(it['dc:creator']) ?? personOf(it.author) ?? personOf(it['itunes:author']) ?? personOf(it.contributor),
    publishedAt: parseDate(firstText(it, DATES) || null),
    categories: categoriesOf(it),
    language: languageOf(it, ['dc:language', 'language']),
  };
}

const objects = (...groups: unknown[]) => groups.flatMap(list).filter(isObj);

function readChannel(kind: ParsedFeed['kind'], ch: Obj, items: Obj[], opts: ParseFeedOptions): ParsedFeed {
  const atom = kind === 'atom';
  const fetched = opts.url ?? null;
  const declared = baseOf(ch, fetched);
  const link = linkOf(ch.link, declared) ?? linkOf(ch['atom:link'], declared);
  const base = ch['@_xml:base'] ? declared : (absolute(link) ?? fetched);
  return {
    kind,
    title: line(textConstruct(ch.title, atom)),
    link,
    language: languageOf(ch, ['language', 'dc:language']),
    items: items.map((it) => item(it, base, atom)),
  };
}

export function parseFeed(input: string | Buffer, opts: ParseFeedOptions = {}): ParsedFeed {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (text.length > MAX_FEED_CHARS) throw new AppError('press.feed_too_large', { bytes: text.length });
  const raw = text.replace(PLAIN_DOCTYPE, '');
  assertSafe(raw);
  const xml = cleanXml(raw);
  if (!xml.startsWith('<')) throw new AppError('press.feed_invalid', {});
  let doc: Obj;
  try {
    doc = parserFor(xml).parse(xml) as Obj;
  } catch {
    throw new AppError('press.feed_invalid', {});
  }
  if (isObj(doc.rss)) {
    const rss = doc.rss;
    const ch = objects(rss.channel)[0];
    const loose = objects(rss.item);
    if (ch || loose.length) return readChannel('rss', ch ?? {}, [...objects(ch?.item), ...loose], opts);
  }
  if (isObj(doc.feed)) return readChannel('atom', doc.feed, objects(doc.feed.entry), opts);
  const rdf = doc['rdf:RDF'] ?? doc.RDF;
  if (isObj(rdf)) {
    const ch = objects(rdf.channel)[0] ?? {};
    return readChannel('rdf', ch, objects(rdf.item, ch.item), opts);
  }
  throw new AppError('press.feed_invalid', {});
}
