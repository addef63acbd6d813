import { createHash } from 'node:crypto';
import { fold } from '../../../shared/text/fold';
import { parseDate } from './dates';
import { detectLanguage } from './language';
import { cleanLine, cleanText, foldText, htmlToText, looksLikeHtml } from './text';
import type { NormalisedArticle, RawArticle } from './types';
import { canonicaliseUrl, countryFromUrl, hostOf } from './url';

export interface NormaliseOptions {
  /** Used when the source gives no publication time (e.g. the fetch time). */
  fallbackPublishedAt?: string | Date | null;
  /** Offset for times without a zone; default +07:00. */
  defaultOffset?: string;
}

/** A title ending with ` - Outlet` / ` | Outlet` loses that suffix. */
function stripOutletSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const m = /^(.{8,}?)\s+[-|–—:]\s+([^-|–—]{2,60})$/.exec(title);
  if (!m) return title;
  const suffix = fold(m[2]).replace(/[^a-z0-9]/g, '');
  const o = fold(outlet).replace(/[^a-z0-9]/g, '');
  return suffix && (o.includes(suffix) || suffix.includes(o)) ? m[1] : title;
}

export function normaliseArticle(raw: RawArticle, options: NormaliseOptions = {}): NormalisedArticle {
  const url = canonicaliseUrl(raw.url) ?? (raw.url ? cleanLine(raw.url) : null);
  const canonicalUrl = canonicaliseUrl(raw.canonicalUrl, raw.url ?? undefined) ?? canonicaliseUrl(raw.url);
  const outlet = cleanLine(raw.outlet) || hostOf(canonicalUrl ?? url) || null;

  const body = raw.text ?? (raw.html ? htmlToText(raw.html) : '');
  const text = looksLikeHtml(body) ? htmlToText(body) : cleanText(body);
  let title = cleanLine(raw.title && looksLikeHtml(raw.title) ? htmlToText(raw.title) : raw.title);
  title = stripOutletSuffix(title, outlet);
  if (!title && text) title = text.split('\n')[0].slice(0, 200);

  const author = cleanLine(raw.author) || null;
  const offset = options.defaultOffset;
  const publishedAt = parseDate(raw.publishedAt ?? null, offset) ?? parseDate(options.fallbackPublishedAt ?? null, offset);

  const language = detectLanguage(`${title}\n${text}`, raw.language);
  const country = cleanLine(raw.country).toUpperCase() || countryFromUrl(canonicalUrl ?? url);

  const foldedTitle = foldText(title);
  const foldedText = foldText(text);
  const contentHash = createHash('sha256').update(foldedTitle).update('\n').update(foldedText).digest('hex');

  const result: NormalisedArticle = {
    title,
    text,
    author,
    outlet,
    url,
    canonicalUrl,
    publishedAt,
    language,
    foldedTitle,
    foldedText,
    contentHash,
  };
  if (country) result.country = country;
  return result;
}
