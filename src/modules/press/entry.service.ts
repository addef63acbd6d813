import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { extractArticleInWorker, parseBulkArticles, safeFetch } from './ingest';
import { ingestArticle, type IngestContext, type IngestResult } from './ingest.service';

export interface TextEntry {
  title: string;
  text: string;
  outlet?: string | null;
  url?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  country?: string | null;
}

/**
 * An article entered by its address: the page is fetched (safely, outside any transaction:
 * an embedded database would wait for the network), then stored with its audit record.
 */
export async function ingestUrl(ctx: IngestContext, url: string, actor: Actor): Promise<IngestResult> {
  const page = await safeFetch(url, {
    allowLoopback: ctx.config.pressAllowLoopbackFetch,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  });
  const a = await extractArticleInWorker(page.body, page.finalUrl);
  if (!a.text.trim()) throw new AppError('press.article_empty', { url });
  return ctx.db.transaction(async (tx) => {
    const r = await ingestArticle(
      { ...ctx, db: tx },
      {
        title: a.title,
        text: a.text,
        author: a.author,
        outlet: a.siteName,
        url: page.finalUrl,
        publishedAt: a.publishedAt,
        language: a.language,
      },
      { entry: 'url', html: a.html },
    );
    await writeAudit(tx, actor, {
      action: 'enter',
      entity: 'press_article',
      entityId: r.id,
      after: { entry: 'url', url: page.finalUrl, status: r.status },
    });
    return r;
  });
}

/** An article pasted by hand. */
export async function ingestText(ctx: IngestContext, e: TextEntry, actor: Actor): Promise<IngestResult> {
  return ctx.db.transaction(async (tx) => {
    const r = await ingestArticle({ ...ctx, db: tx }, { ...e }, { entry: 'text' });
    await writeAudit(tx, actor, {
      action: 'enter',
      entity: 'press_article',
      entityId: r.id,
      after: { entry: 'text', title: e.title, status: r.status },
    });
    return r;
  });
}

/**
 * A JSON or CSV file of articles. Any row error refuses the whole file (nothing saved); the
 * errors name row and column.
 */
export async function ingestBulk(ctx: IngestContext, content: Buffer, filename: string, actor: Actor) {
  const parsed = parseBulkArticles(content, filename);
  if (parsed.errors.length) throw new AppError('press.bulk_rejected', { count: parsed.errors.length, errors: parsed.errors.slice(0, 200) });
  if (!parsed.articles.length) throw new AppError('press.bulk_empty', { filename });
  // All rows or none, with one audit record for the file.
  return ctx.db.transaction(async (tx) => {
    let created = 0;
    let duplicates = 0;
    for (const { row: _row, ...raw } of parsed.articles) {
      const r = await ingestArticle({ ...ctx, db: tx }, raw, { entry: 'bulk' });
      if (r.status === 'created') created++;
      else duplicates++;
    }
    const result = { rows: parsed.articles.length, created, duplicates };
    await writeAudit(tx, actor, { action: 'enter', entity: 'press_article', after: { entry: 'bulk', filename, ...result } });
    return result;
  });
}
