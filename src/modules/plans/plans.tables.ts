import { date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs';
import { users } from '../auth';

/**
 * A plan (kế hoạch): the province's, or an organisation's sub-plan pointing at it.
 * Document parts that are read and written whole (legal bases, objectives, budget text,
 * recipients…) are JSON; tasks and their organisations are rows, because reports,
 * activities and views query them.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentPlanId: uuid('parent_plan_id').references((): AnyPgColumn => plans.id),
    /** The plan this one was carried forward from (last year's), for the review list and the diff. */
    carriedFromId: uuid('carried_from_id').references((): AnyPgColumn => plans.id, { onDelete: 'set null' }),
    /** The organisation whose plan it is (the province for the provincial plan). */
    orgId: uuid('org_id').references(() => orgs.id),
    status: text('status').notNull().default('draft'),
    kind: text('kind').notNull().default('KẾ HOẠCH'),
    number: text('number'),
    numberCode: text('number_code'),
    issuer: text('issuer'),
    place: text('place'),
    issuedOn: date('issued_on'),
    title: text('title').notNull(),
    yearFrom: smallint('year_from').notNull(),
    yearTo: smallint('year_to').notNull(),
    signer: text('signer'),
    signerTitle: jsonb('signer_title').$type<string[]>().notNull().default([]),
    legalBases: jsonb('legal_bases').$type<unknown[]>().notNull().default([]),
    preamble: text('preamble'),
    objectives: jsonb('objectives').$type<string[]>().notNull().default([]),
    requirements: jsonb('requirements').$type<string[]>().notNull().default([]),
    budget: jsonb('budget').$type<{ text: string; sources: string[] }>().notNull().default({ text: '', sources: [] }),
    implementation: jsonb('implementation').$type<unknown[]>().notNull().default([]),
    reporting: jsonb('reporting')
      .$type<{ deadlines: { day: number; month: number }[]; adHoc: boolean; text: string[] }>()
      .notNull()
      .default({ deadlines: [], adHoc: false, text: [] }),
    closing: jsonb('closing').$type<string[]>().notNull().default([]),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** The imported source, kept for reference, and what the importer did not understand. */
    sourceFilename: text('source_filename'),
    sourceText: text('source_text'),
    unparsed: jsonb('unparsed').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_parent_idx').on(t.parentPlanId),
    index('plans_org_idx').on(t.orgId),
    index('plans_year_idx').on(t.yearFrom, t.yearTo),
  ],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => planTasks.id, { onDelete: 'cascade' }),
    /** A sub-plan's task points at the provincial task it carries out. */
    sourceTaskId: uuid('source_task_id').references((): AnyPgColumn => planTasks.id, { onDelete: 'set null' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').$type<string[]>().notNull().default([]),
    notes: jsonb('notes').$type<{ label: string; text: string }[]>().notNull().default([]),
    timeLabel: text('time_label'),
    timeFrom: date('time_from'),
    timeTo: date('time_to'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_tasks_plan_idx').on(t.planId, t.position), index('plan_tasks_source_idx').on(t.sourceTaskId)],
);

/** An organisation (or a group phrase, or an unmatched name) in a role on a task. */
export const taskOrgs = pgTable(
  'task_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    position: integer('position').notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    groupKey: text('group_key'),
    /** The name as written in the plan. */
    writtenName: text('written_name').notNull(),
  },
  (t) => [index('task_orgs_task_idx').on(t.taskId), index('task_orgs_org_idx').on(t.orgId)],
);

export const taskTargets = pgTable(
  'task_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    min: integer('min').notNull(),
    /** The reporting indicator that measures it, when known (activities issue). */
    indicator: text('indicator'),
  },
  (t) => [index('task_targets_task_idx').on(t.taskId)],
);
