import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { parseDate } from '../pipeline/dates';
import type { RawArticle } from '../pipeline/types';
import { formatMessage, type PressMessageCode } from '../press.messages';

/**
 * Articles from a JSON or CSV file. CSV header: `title,url,text,outlet,published_at,language`
 * (any order, any case; `,` or `;` separated; UTF-8, UTF-16 or, for old Excel files, Windows-1258).
 * JSON: an array of objects with the same keys (or `publishedAt`), or `{ "articles": [...] }`.
 * Bad rows are reported by row and column in Vietnamese; good rows are returned.
 */
export interface BulkArticle extends RawArticle {
  /** CSV: line in the file (header = 1); JSON: position in the array (from 1). */
  row: number;
}

export interface BulkRowError {
  row: number;
  column: string | null;
  code: PressMessageCode;
  message: string;
  value?: string;
}

export interface BulkResult {
  articles: BulkArticle[];
  errors: BulkRowError[];
}

export const BULK_COLUMNS = ['title', 'url', 'text', 'outlet', 'published_at', 'language'] as const;
export interface BulkOptions {
  maxRows?: number;
  maxFieldChars?: number;
}

function decode(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1258').decode(buf);
  }
}

function rowError(row: number, column: string | null, code: PressMessageCode, extra: Record<string, unknown> = {}): BulkRowError {
  const value = extra.value == null ? undefined : String(extra.value).slice(0, 80);
  const e: BulkRowError = { row, column, code, message: formatMessage(code, { row, column, ...extra, value }) };
  if (value !== undefined) e.value = value;
  return e;
}

const str = (v: unknown) => (v == null ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function validate(rec: Record<string, unknown>, row: number, opts: Required<BulkOptions>, errors: BulkRowError[]): BulkArticle | null {
  const get = (k: string) => str(rec[k] ?? (k === 'published_at' ? rec.publishedAt : undefined));
  const before = errors.length;
  const title = get('title');
  const url = get('url');
  const text = get('text');
  const published = get('published_at');
  const language = get('language').toLowerCase();
  if (!title) errors.push(rowError(row, 'title', 'press.bulk_row_required'));
  if (!url && !text) errors.push(rowError(row, 'text', 'press.bulk_row_required'));
  if (url) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) errors.push(rowError(row, 'url', 'press.bulk_row_invalid_url', { value: url }));
  }
  const publishedAt = published ? parseDate(published) : null;
  if (published && !publishedAt) errors.push(rowError(row, 'published_at', 'press.bulk_row_invalid_date', { value: published }));
  if (language && !['vi', 'en', 'lo'].includes(language))
    errors.push(rowError(row, 'language', 'press.bulk_row_invalid_language', { value: language }));
  for (const k of BULK_COLUMNS) {
    const max = k === 'text' ? opts.maxFieldChars : 2000;
    if (get(k).length > max) errors.push(rowError(row, k, 'press.bulk_row_too_long', { max }));
  }
  if (errors.length > before) return null;
  return { row, title, url: url || null, text: text || null, outlet: get('outlet') || null, publishedAt, language: language || null };
}

export function parseBulkArticles(buffer: Buffer | string, filename: string, options: BulkOptions = {}): BulkResult {
  const opts = { maxRows: options.maxRows ?? 10_000, maxFieldChars: options.maxFieldChars ?? 200_000 };
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext !== 'json' && ext !== 'csv') throw new AppError('press.bulk_unsupported_type', { filename });
  const content = (typeof buffer === 'string' ? buffer : decode(buffer)).replace(/^\uFEFF/, '');
  const articles: BulkArticle[] = [];
  const errors: BulkRowError[] = [];

  if (ext === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (e) {
      throw new AppError('press.bulk_invalid_file', { filename, reason: (e as Error).message });
    }
    const list = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && Array.isArray((data as { articles?: unknown }).articles)
        ? (data as { articles: unknown[] }).articles
        : null;
    if (!list) throw new AppError('press.bulk_invalid_file', { filename, reason: 'cần một mảng bài viết hoặc { "articles": [...] }' });
    if (list.length > opts.maxRows) throw new AppError('press.bulk_too_many_rows', { rows: list.length, max: opts.maxRows });
    list.forEach((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        errors.push(rowError(i + 1, null, 'press.bulk_row_not_object'));
        return;
      }
      const a = validate(item as Record<string, unknown>, i + 1, opts, errors);
      if (a) articles.push(a);
    });
    return { articles, errors };
  }

  const parsed = Papa.parse<Record<string, string>>(content, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = ['title'].filter((c) => !fields.includes(c));
  if (!fields.includes('url') && !fields.includes('text')) missing.push('url/text');
  if (missing.length) throw new AppError('press.bulk_missing_columns', { columns: missing.join(', ') });
  if (parsed.data.length > opts.maxRows) throw new AppError('press.bulk_too_many_rows', { rows: parsed.data.length, max: opts.maxRows });
  // Line numbers: papaparse does not give them with skipEmptyLines; count from the cursor.
  const lineOf = lineCounter(content);
  parsed.data.forEach((rec, i) => {
    const row = lineOf(i);
    const a = validate(rec, row, opts, errors);
    if (a) articles.push(a);
  });
  return { articles, errors };
}

/** Map a data record index to its 1-based line in the file, respecting quoted newlines. */
function lineCounter(content: string): (index: number) => number {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let recordStart = true;
  let header = true;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (recordStart && !header && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      starts.push(line);
      recordStart = false;
    }
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n') {
      line++;
      if (!inQuotes) {
        if (header) header = false;
        recordStart = true;
      }
    }
  }
  return (index) => starts[index] ?? index + 2;
}
