export type Tone = 'positive' | 'neutral' | 'negative';
export type Range = [number, number];
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface ArticleItem {
  id: string;
  title: string;
  titleHighlights: Range[];
  snippet: string;
  snippetHighlights: Range[];
  outlet: string | null;
  url: string | null;
  publishedAt: string;
  language: string;
  country: string | null;
  tone: Tone;
  storyId: string | null;
  appearances: number;
}
export interface ArticleList extends Paged<ArticleItem> {
  totalCapped: boolean;
}
export interface Evidence {
  term: string;
  weight: number;
  position: number;
  field: 'title' | 'text';
  modifiers: string[];
}
export interface ArticleDetail {
  id: string;
  title: string;
  text: string;
  html: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string;
  language: string;
  country: string | null;
  entry: string;
  source: { id: string; name: string; weight: number } | null;
  storyId: string | null;
  appearances: number;
  tone: {
    tone: Tone;
    scored: Tone;
    score: number;
    corrected: boolean;
    correctedAt: string | null;
    evidence: Evidence[];
    rules: { id: string; detail: string }[];
  };
  topics: { topicId: string; name: string; terms: string[] }[];
}
export interface Source {
  id: string;
  name: string;
  url: string;
  language: string;
  country: string;
  weight: number;
  intervalMinutes: number;
  active: boolean;
  health: string;
  lastError: string | null;
  consecutiveFailures: number;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  articleCount: number;
}
export interface Topic {
  id: string;
  key: string | null;
  name: string;
  terms: string[];
  exclude: string[];
  ignoreWithin: string[];
  active: boolean;
  version: number;
  articles: number;
  followers: number;
  following: boolean;
}
export interface Alert {
  id: string;
  kind: string;
  title: string;
  detail: string;
  articleId: string | null;
  storyId: string | null;
  topicName: string | null;
  ruleName: string | null;
  caseId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
}
export type CaseStatus = 'new' | 'verified' | 'drafted' | 'approved' | 'published' | 'closed';
export interface Case {
  id: string;
  title: string;
  articleId: string | null;
  storyId: string | null;
  alertId: string | null;
  status: CaseStatus;
  orgId: string | null;
  orgName: string | null;
  deadline: string | null;
  summary: string;
  argument: string;
  updatedAt: string;
  version: number;
}
export interface CaseDetail extends Case {
  actions: string[];
  events: { id: number; action: string; fromStatus: string | null; toStatus: string; note: string; actorName: string; at: string }[];
  comments: { id: string; authorName: string; body: string; createdAt: string }[];
  attachments: { id: string; filename: string; mime: string; size: number; createdAt: string }[];
}
export interface Dashboard {
  period: { from: string; to: string };
  articles: number;
  stories: number;
  volume: { day: string; articles: number; negative: number }[];
  tone: Record<Tone, number>;
  outlets: { outlet: string; articles: number; negative: number }[];
  languages: { language: string; articles: number }[];
  countries: { country: string; articles: number }[];
  openCases: { status: string; cases: number }[];
}
