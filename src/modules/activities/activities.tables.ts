import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { users } from '../auth';
import { orgs } from '../orgs';
import { planTasks } from '../plans';

const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * The activity register: what an organisation did, of one kind (activity-kinds.ts), linked to
 * plan tasks. Shared fields are columns; the kind's own fields are `details` (JSON, validated
 * per kind by zod before every write).
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    place: text('place'),
    description: text('description').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    links: jsonb('links').$type<{ url: string; label: string }[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('activities_org_idx').on(t.orgId, t.startsOn),
    index('activities_kind_idx').on(t.kind, t.startsOn),
    index('activities_starts_idx').on(t.startsOn),
  ],
);

export const activityTasks = pgTable(
  'activity_tasks',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.taskId] }), index('activity_tasks_task_idx').on(t.taskId)],
);

/** Money spent on an activity, by funding source (BUDGET_SOURCES keys). */
export const activitySpending = pgTable(
  'activity_spending',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    amount: money('amount').notNull(),
    note: text('note'),
  },
  (t) => [index('activity_spending_activity_idx').on(t.activityId)],
);

/** Attachments (type and size checked), in the database so every server process sees them. */
export const activityFiles = pgTable(
  'activity_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('activity_files_activity_idx').on(t.activityId)],
);

/** Budget allocated to a task, for an organisation, from one funding source. */
export const budgetAllocations = pgTable(
  'budget_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    source: text('source').notNull(),
    amount: money('amount').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('budget_allocations_key_idx').on(t.taskId, t.orgId, t.source), index('budget_allocations_org_idx').on(t.orgId)],
);

/** The library of legal and guidance documents that plans and tasks cite. */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docType: text('doc_type').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on'),
    issuer: text('issuer').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('legal_documents_number_idx').on(t.number)],
);

export const legalDocumentTasks = pgTable(
  'legal_document_tasks',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => legalDocuments.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.taskId] }), index('legal_document_tasks_task_idx').on(t.taskId)],
);
