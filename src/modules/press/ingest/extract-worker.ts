import { AppError } from '../../../shared/errors';
import { runInWorker } from '../../../shared/workers';
import type { ExtractedArticle } from './extract';

/** Time a page may take to be read in its worker (a real article page takes well under a second). */
export const PAGE_PARSE_TIMEOUT_MS = 20_000;

/**
 * Article extraction off the event loop: in a worker thread with a time and memory limit. A page
 * too deep or too large, or one that runs past a limit, is refused with press.page_too_complex.
 */
export function extractArticleInWorker(html: string, url: string): Promise<ExtractedArticle> {
  return runInWorker<ExtractedArticle>(
    {
      module: new URL('./extract.task.ts', import.meta.url),
      fn: 'extractCheckedArticle',
      timeoutMs: PAGE_PARSE_TIMEOUT_MS,
      tooComplex: (reason) => new AppError('press.page_too_complex', { url, reason }),
    },
    html,
    url,
  );
}
