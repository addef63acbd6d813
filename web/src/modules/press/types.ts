import type { z } from 'zod';
import type {
  alertDto,
  articleDetail,
  articleList,
  articleListItem,
  caseDetail,
  caseDto,
  dashboardDto,
  sourceDto,
  topicListItem,
} from '../../../../src/modules/press/press.schemas';

export type Tone = 'positive' | 'neutral' | 'negative';
export type Range = [number, number];
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Evidence {
  term: string;
  weight: number;
  position: number;
  field: 'title' | 'text';
  modifiers: string[];
}
export type CaseStatus = 'new' | 'verified' | 'drafted' | 'approved' | 'published' | 'closed';

// API answers: inferred from the server's zod schemas (import type: no server code in the bundle).
export type ArticleItem = z.infer<typeof articleListItem>;
export type ArticleList = z.infer<typeof articleList>;
export type ArticleDetail = z.infer<typeof articleDetail>;
export type Source = z.infer<typeof sourceDto>;
export type Topic = z.infer<typeof topicListItem>;
export type Alert = z.infer<typeof alertDto>;
export type Case = z.infer<typeof caseDto>;
export type CaseDetail = z.infer<typeof caseDetail>;
export type Dashboard = z.infer<typeof dashboardDto>;
