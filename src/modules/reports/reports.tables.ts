import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { users } from '../auth';
import { orgs } from '../orgs';
import { planTasks, plans } from '../plans';
import type { PeriodKind, PeriodStatus, ReportStatus } from './reports.schemas';

/** The indicator catalogue (data, extendable by the secretariat). `category` money = amounts by funding source. */
export const reportIndicators = pgTable('report_indicators', {
  code: text('code').primaryKey(),
  labelVi: text('label_vi').notNull(),
  labelEn: text('label_en').notNull(),
  unit: text('unit').notNull(),
  category: text('category').notNull().default('output'),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * A reporting period (six months, year: derived from a plan's deadlines) or an ad-hoc request
 * (the secretariat names organisations, tasks and questions). Expected reports are derived
 * from the plan's task roles (or the request's organisations), never stored by hand.
 */
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<PeriodKind>().notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    dataFrom: date('data_from').notNull(),
    dataTo: date('data_to').notNull(),
    opensOn: date('opens_on').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').$type<PeriodStatus>().notNull().default('open'),
    /** Ad-hoc requests: the organisations asked, the tasks asked about, the questions. */
    orgIds: jsonb('org_ids').$type<string[]>().notNull().default([]),
    taskIds: jsonb('task_ids').$type<string[]>().notNull().default([]),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_periods_plan_idx').on(t.planId, t.year), index('report_periods_deadline_idx').on(t.deadline)],
);

export interface ReportFigure {
  value: number;
  /** What the system knew (activities), when pre-filled; a different value needs a reason. */
  prefilled?: number | null;
  reason?: string | null;
}
export interface ReportEntry {
  taskId: string;
  status: 'not_started' | 'in_progress' | 'done' | 'delayed';
  completedOn?: string | null;
  done: string;
  difficulties: string;
  proposals: string;
  figures: Record<string, ReportFigure>;
}

/** One organisation's report for one period: its task entries (JSON, saved whole as a draft), status and review. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    entries: jsonb('entries').$type<ReportEntry[]>().notNull().default([]),
    answers: jsonb('answers').$type<string[]>().notNull().default([]),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    reviewComment: text('review_comment'),
    submissions: integer('submissions').notNull().default(0),
    firstSubmittedAt: ts('first_submitted_at'),
    submittedAt: ts('submitted_at'),
    acceptedAt: ts('accepted_at'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reports_period_org_idx').on(t.periodId, t.orgId), index('reports_org_idx').on(t.orgId)],
);

/** The review history of a report: submitted, returned (with comment), accepted. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);

/** Files attached to a report (type and size checked), kept in the database so every server process sees them. */
export const reportFiles = pgTable(
  'report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => planTasks.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_files_report_idx').on(t.reportId)],
);

/** The province's consolidated report of a period: the narrative parts the secretariat writes. */
export const consolidatedReports = pgTable('consolidated_reports', {
  periodId: uuid('period_id')
    .primaryKey()
    .references(() => reportPeriods.id, { onDelete: 'cascade' }),
  narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default({}),
  /** The serial (`05`) before the slash; given by the register when issued, or typed. */
  number: text('number'),
  signer: text('signer'),
  signerTitle: jsonb('signer_title').$type<string[]>().notNull().default([]),
  /** Set when issued: the number came from the secretariat's register that day; the text is frozen. */
  issuedOn: date('issued_on'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Reminders already sent: one row per period, organisation and kind, so each is sent once. */
export const reportReminders = pgTable(
  'report_reminders',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    recipients: integer('recipients').notNull().default(0),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.orgId, t.kind] })],
);

/** Secret tokens of the per-organisation iCalendar feeds (only the SHA-256 is stored). */
export const calendarTokens = pgTable(
  'report_calendar_tokens',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_calendar_tokens_hash_idx').on(t.tokenHash)],
);
