export { safeFetch, decodeBody, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type SafeFetchOptions, type SafeFetchResult } from './safe-fetch';
export { isBlockedAddress } from './address-policy';
export {
  nextPollAt,
  parseRetryAfter,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  type PollSource,
  type PollOutcome,
  type PollDecision,
} from './poll-policy';
export { parseFeed, type FeedItem, type ParsedFeed } from './feed';
export { extractArticle, sanitiseHtml, type ExtractedArticle } from './extract';
export { extractArticleInWorker, PAGE_PARSE_TIMEOUT_MS } from './extract-worker';
export { measurePage, MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS } from './page-shape';
export { parseBulkArticles, BULK_COLUMNS, type BulkArticle, type BulkRowError, type BulkResult } from './bulk';
