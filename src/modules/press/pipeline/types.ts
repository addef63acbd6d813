export type Language = 'vi' | 'en' | 'lo' | 'other';
export type Tone = 'positive' | 'neutral' | 'negative';

/** What a feed item, a fetched page, a pasted text or a bulk-file row gives us. */
export interface RawArticle {
  title?: string | null;
  /** Plain text, or HTML (tags are stripped). */
  text?: string | null;
  html?: string | null;
  author?: string | null;
  outlet?: string | null;
  url?: string | null;
  canonicalUrl?: string | null;
  /** Any of RFC 822, ISO 8601, `dd/mm/yyyy[ hh:mm[:ss]]`, a Date or epoch milliseconds. */
  publishedAt?: string | number | Date | null;
  /** The source's declared language, used when the text is too short to tell. */
  language?: string | null;
  country?: string | null;
}

export interface NormalisedArticle {
  title: string;
  text: string;
  author: string | null;
  outlet: string | null;
  url: string | null;
  canonicalUrl: string | null;
  /** ISO 8601 with offset, e.g. `2024-05-03T08:30:00+07:00`; null when unknown. */
  publishedAt: string | null;
  language: Language;
  country?: string;
  foldedTitle: string;
  foldedText: string;
  /** SHA-256 (hex) of the folded title and text: exact copies share it. */
  contentHash: string;
}
