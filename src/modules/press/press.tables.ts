import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { users } from '../auth';
import { orgs } from '../orgs';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** RSS/Atom feeds of domestic and foreign outlets, with polling state and health. */
export const pressSources = pgTable(
  'press_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    url: text('url').notNull().unique(),
    language: text('language').notNull().default('vi'),
    country: text('country').notNull().default('VN'),
    /** 1 (minor) … 5 (major outlet): used by alert rules. */
    weight: integer('weight').notNull().default(3),
    intervalMinutes: integer('interval_minutes').notNull().default(60),
    active: boolean('active').notNull().default(true),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastBodyHash: text('last_body_hash'),
    /** unknown | ok | not_modified | error */
    health: text('health').notNull().default('unknown'),
    lastError: text('last_error'),
    lastErrorCode: text('last_error_code'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastFetchedAt: ts('last_fetched_at'),
    lastSuccessAt: ts('last_success_at'),
    nextPollAt: ts('next_poll_at').notNull().defaultNow(),
    /** A worker's claim on this source: no other worker polls it before this time. */
    claimedUntil: ts('claimed_until'),
    claimedBy: text('claimed_by'),
    articleCount: integer('article_count').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('press_sources_due_idx')
      .on(t.nextPollAt)
      .where(sql`${t.active}`),
  ],
);

/** Near-duplicate groups: one story, many appearances. */
export const pressStories = pgTable('press_stories', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  appearances: integer('appearances').notNull().default(1),
  firstPublishedAt: ts('first_published_at'),
  lastPublishedAt: ts('last_published_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const pressArticles = pgTable(
  'press_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id').references(() => pressSources.id, { onDelete: 'set null' }),
    storyId: uuid('story_id').references(() => pressStories.id),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** Sanitised HTML for display (never the page's own markup). */
    html: text('html'),
    author: text('author'),
    outlet: text('outlet'),
    url: text('url'),
    /** One article per canonical URL (null for pasted text). */
    canonicalUrl: text('canonical_url').unique(),
    publishedAt: ts('published_at').notNull(),
    fetchedAt: ts('fetched_at').notNull().defaultNow(),
    language: text('language').notNull(),
    country: text('country'),
    /** Effective tone: the staff correction when there is one, else the scored tone. */
    tone: text('tone').notNull(),
    toneScored: text('tone_scored').notNull(),
    toneScore: real('tone_score').notNull().default(0),
    /** { evidence, rules } from scoreTone. */
    toneEvidence: jsonb('tone_evidence')
      .notNull()
      .default(sql`'{}'::jsonb`),
    toneCorrectedBy: uuid('tone_corrected_by').references(() => users.id),
    toneCorrectedAt: ts('tone_corrected_at'),
    contentHash: text('content_hash').notNull(),
    /** MinHash signature (128 unsigned 32-bit numbers) and the folded title key, for de-duplication. */
    signature: jsonb('signature').$type<number[]>().notNull(),
    titleKey: text('title_key'),
    /** How it came in: feed | url | text | bulk */
    entry: text('entry').notNull().default('feed'),
    foldedTitle: text('folded_title').notNull(),
    foldedText: text('folded_text').notNull(),
    /**
     * Every pair of adjacent folded syllables as one lexeme (`quang_tri`), computed by the application
     * (`syllablePairs`): a phrase is answered from the GIN index alone, without rechecking positions.
     */
    searchPairs: tsvector('search_pairs')
      .notNull()
      .default(sql`''::tsvector`),
    /** Folded title (weight A) and text (B), `simple` configuration: `quang tri` finds `Quảng Trị`. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, folded_title), 'A') || setweight(to_tsvector('simple'::regconfig, left(folded_text, 200000)), 'B')`,
      ),
  },
  (t) => [
    index('press_articles_search_idx').using('gin', t.search),
    index('press_articles_search_pairs_idx').using('gin', t.searchPairs),
    index('press_articles_published_idx').on(t.publishedAt),
    index('press_articles_story_idx').on(t.storyId),
    index('press_articles_source_idx').on(t.sourceId),
    index('press_articles_outlet_idx').on(t.outlet, t.publishedAt),
    index('press_articles_hash_idx').on(t.contentHash),
    index('press_articles_title_key_idx').on(t.titleKey),
  ],
);

/** LSH band keys of each article's MinHash: candidates for near-duplicates found by SQL. */
export const pressArticleBands = pgTable(
  'press_article_bands',
  {
    bandKey: text('band_key').notNull(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => pressArticles.id, { onDelete: 'cascade' }),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bandKey, t.articleId] }), index('press_article_bands_article_idx').on(t.articleId)],
);

/** Watch lists: terms and phrases matched without regard to case and diacritics. */
export const pressTopics = pgTable('press_topics', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable key of a default topic (`province`, `sea-islands`…); null for topics made by staff. */
  key: text('key').unique(),
  name: text('name').notNull(),
  terms: text('terms')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  exclude: text('exclude')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  ignoreWithin: text('ignore_within')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const pressTopicFollowers = pgTable(
  'press_topic_followers',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => pressTopics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] })],
);

export const pressArticleTopics = pgTable(
  'press_article_topics',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => pressArticles.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => pressTopics.id, { onDelete: 'cascade' }),
    terms: text('terms').array().notNull(),
    /** [{ term, field, start, end }] for highlighting. */
    hits: jsonb('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topicId] }), index('press_article_topics_topic_idx').on(t.topicId)],
);

/** Alert rules: every condition set must hold (topic, tone, outlet weight) or a volume spike. */
export const pressAlertRules = pgTable('press_alert_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** article | volume_spike */
  kind: text('kind').notNull().default('article'),
  /** Null: any watched topic. */
  topicId: uuid('topic_id').references(() => pressTopics.id, { onDelete: 'cascade' }),
  tone: text('tone'),
  minOutletWeight: integer('min_outlet_weight'),
  /** volume_spike: articles in the last `windowHours` ≥ factor × the average of the previous 7 days (and ≥ minCount). */
  spikeFactor: real('spike_factor'),
  spikeWindowHours: integer('spike_window_hours'),
  spikeMinCount: integer('spike_min_count'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const pressAlerts = pgTable(
  'press_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => pressAlertRules.id, { onDelete: 'cascade' }),
    /** One alert per rule and story (syndicated copies raise one) or per spike window. */
    dedupKey: text('dedup_key').notNull(),
    kind: text('kind').notNull(),
    articleId: uuid('article_id').references(() => pressArticles.id, { onDelete: 'set null' }),
    storyId: uuid('story_id').references(() => pressStories.id, { onDelete: 'set null' }),
    topicId: uuid('topic_id').references(() => pressTopics.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [uniqueIndex('press_alerts_rule_dedup_idx').on(t.ruleId, t.dedupKey), index('press_alerts_created_idx').on(t.createdAt)],
);

/** Response cases: verify → draft the argument document → approve → provide/publish → close. */
export const pressCases = pgTable(
  'press_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    articleId: uuid('article_id').references(() => pressArticles.id, { onDelete: 'set null' }),
    storyId: uuid('story_id').references(() => pressStories.id, { onDelete: 'set null' }),
    alertId: uuid('alert_id').references(() => pressAlerts.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('new'),
    orgId: uuid('org_id').references(() => orgs.id),
    deadline: date('deadline'),
    summary: text('summary').notNull().default(''),
    /** The argument document (tài liệu lập luận), drafted then approved. */
    argument: text('argument').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('press_cases_status_idx').on(t.status), index('press_cases_org_idx').on(t.orgId)],
);

export const pressCaseEvents = pgTable(
  'press_case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pressCases.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('press_case_events_case_idx').on(t.caseId)],
);

export const pressCaseComments = pgTable(
  'press_case_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pressCases.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('press_case_comments_case_idx').on(t.caseId)],
);

/** Attachments kept in the database (type and size checked before), so every worker sees them. */
export const pressCaseAttachments = pgTable(
  'press_case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => pressCases.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('press_case_attachments_case_idx').on(t.caseId)],
);

/** Staff tone corrections: kept, and fed into the lexicon for later scoring. */
export const pressToneCorrections = pgTable('press_tone_corrections', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  articleId: uuid('article_id').references(() => pressArticles.id, { onDelete: 'set null' }),
  language: text('language').notNull(),
  fromTone: text('from_tone').notNull(),
  toTone: text('to_tone').notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  correctedBy: uuid('corrected_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});
