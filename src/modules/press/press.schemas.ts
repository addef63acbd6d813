import { z } from 'zod';
import { isoDate, paging } from '../../http';
import { CASE_ACTION_VALUES, CASE_STATUS_VALUES } from './cases.workflow';

export const toneEnum = z.enum(['positive', 'neutral', 'negative']);
export const languageEnum = z.enum(['vi', 'en', 'lo', 'other']);
const range = z.tuple([z.number().int(), z.number().int()]);

export const sourceInput = z.object({
  name: z.string().trim().min(2).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  language: languageEnum.default('vi'),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'mã quốc gia 2 chữ cái')
    .default('VN'),
  weight: z.number().int().min(1).max(5).default(3),
  intervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  active: z.boolean().default(true),
});
export const sourceDto = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  language: z.string(),
  country: z.string(),
  weight: z.number(),
  intervalMinutes: z.number(),
  active: z.boolean(),
  health: z.string(),
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  consecutiveFailures: z.number(),
  lastFetchedAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
  articleCount: z.number(),
});

export const articleQuery = z.object({
  q: z.string().trim().max(300).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  language: languageEnum.optional(),
  outlet: z.string().max(300).optional(),
  topicId: z.uuid().optional(),
  tone: toneEnum.optional(),
  sourceId: z.uuid().optional(),
  storyId: z.uuid().optional(),
  sort: z.enum(['date_desc', 'date_asc', 'relevance']).default('date_desc'),
  page: paging.page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const articleListItem = z.object({
  id: z.string(),
  title: z.string(),
  titleHighlights: z.array(range),
  snippet: z.string(),
  snippetHighlights: z.array(range),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string(),
  language: z.string(),
  country: z.string().nullable(),
  tone: toneEnum,
  storyId: z.string().nullable(),
  appearances: z.number(),
});
export const articleList = z.object({
  items: z.array(articleListItem),
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
const hit = z.object({ term: z.string(), field: z.enum(['title', 'text']), start: z.number(), end: z.number() });
export const articleDetail = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string(),
  fetchedAt: z.string(),
  language: z.string(),
  country: z.string().nullable(),
  entry: z.string(),
  source: z.object({ id: z.string(), name: z.string(), weight: z.number() }).nullable(),
  storyId: z.string().nullable(),
  appearances: z.number(),
  tone: z.object({
    tone: toneEnum,
    scored: toneEnum,
    score: z.number(),
    corrected: z.boolean(),
    correctedAt: z.string().nullable(),
    evidence: z.array(
      z.object({
        term: z.string(),
        weight: z.number(),
        position: z.number(),
        field: z.enum(['title', 'text']),
        modifiers: z.array(z.string()),
      }),
    ),
    rules: z.array(z.object({ id: z.string(), detail: z.string() })),
  }),
  topics: z.array(z.object({ topicId: z.string(), name: z.string(), terms: z.array(z.string()), hits: z.array(hit) })),
});
export const storyDto = z.object({
  id: z.string(),
  title: z.string(),
  appearances: z.number(),
  firstPublishedAt: z.string().nullable(),
  lastPublishedAt: z.string().nullable(),
  articles: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      outlet: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: z.string(),
      tone: z.string(),
    }),
  ),
});
export const ingestResult = z.object({
  status: z.enum(['created', 'duplicate']),
  id: z.string(),
  storyId: z.string().optional(),
  newStory: z.boolean().optional(),
  alerts: z.number().optional(),
});
export const textEntry = z.object({
  title: z.string().trim().min(1).max(1000),
  text: z.string().trim().min(1).max(200_000),
  outlet: z.string().trim().max(300).nullish(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
  author: z.string().trim().max(300).nullish(),
  publishedAt: z.string().max(40).nullish(),
  language: languageEnum.nullish(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .nullish(),
});

export const topicInput = z.object({
  name: z.string().trim().min(2).max(200),
  terms: z.array(z.string().max(200)).min(1).max(2000),
  exclude: z.array(z.string().max(200)).max(500).default([]),
  ignoreWithin: z.array(z.string().max(200)).max(500).default([]),
  active: z.boolean().default(true),
});
export const topicDto = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  terms: z.array(z.string()),
  exclude: z.array(z.string()),
  ignoreWithin: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export const topicListItem = topicDto.extend({ articles: z.number(), followers: z.number(), following: z.boolean() });

export const alertDto = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  articleId: z.string().nullable(),
  storyId: z.string().nullable(),
  topicId: z.string().nullable(),
  topicName: z.string().nullable(),
  ruleName: z.string().nullable(),
  caseId: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export const ruleInput = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(['article', 'volume_spike']).default('article'),
  topicId: z.uuid().nullish(),
  tone: toneEnum.nullish(),
  minOutletWeight: z.number().int().min(1).max(5).nullish(),
  spikeFactor: z.number().min(1).max(100).nullish(),
  spikeWindowHours: z.number().int().min(1).max(168).nullish(),
  spikeMinCount: z.number().int().min(1).max(10_000).nullish(),
  active: z.boolean().default(true),
});
export const ruleDto = ruleInput.extend({ id: z.string(), createdAt: z.string() });

export const caseInput = z.object({
  title: z.string().trim().max(500).optional(),
  articleId: z.uuid().nullish(),
  storyId: z.uuid().nullish(),
  alertId: z.uuid().nullish(),
  orgId: z.uuid().nullish(),
  deadline: isoDate.nullish(),
  summary: z.string().max(20_000).optional(),
});
export const caseDto = z.object({
  id: z.string(),
  title: z.string(),
  articleId: z.string().nullable(),
  storyId: z.string().nullable(),
  alertId: z.string().nullable(),
  status: z.enum(CASE_STATUS_VALUES),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  deadline: z.string().nullable(),
  summary: z.string(),
  argument: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export const commentDto = z.object({ id: z.string(), authorName: z.string(), body: z.string(), createdAt: z.string() });
export const attachmentDto = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
export const caseDetail = caseDto.extend({
  actions: z.array(z.enum(CASE_ACTION_VALUES)),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  comments: z.array(commentDto),
  attachments: z.array(attachmentDto),
});
export const transitionInput = z.object({
  action: z.enum(CASE_ACTION_VALUES),
  note: z.string().max(5000).optional(),
  argument: z.string().max(200_000).optional(),
  version: z.number().int(),
});

export const periodQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const dashboardDto = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  articles: z.number(),
  stories: z.number(),
  volume: z.array(z.object({ day: z.string(), articles: z.number(), negative: z.number() })),
  tone: z.object({ positive: z.number(), neutral: z.number(), negative: z.number() }),
  outlets: z.array(z.object({ outlet: z.string(), articles: z.number(), negative: z.number() })),
  languages: z.array(z.object({ language: z.string(), articles: z.number() })),
  countries: z.array(z.object({ country: z.string(), articles: z.number() })),
  openCases: z.array(z.object({ status: z.string(), cases: z.number() })),
});
