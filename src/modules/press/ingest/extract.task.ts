import { extractArticle, type ExtractedArticle } from './extract';
import { assertPageShape } from './page-shape';

/** Runs in a worker thread (shared/workers): the page's shape is checked, then jsdom, Readability and DOMPurify. */
export function extractCheckedArticle(html: string, url: string): ExtractedArticle {
  assertPageShape(html, url);
  return extractArticle(html, url);
}
