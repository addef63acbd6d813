import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../auth';
import { plans, planTasks } from '../plans.tables';

/**
 * The review list of a plan carried forward from last year's: one item per change, stored as a
 * message code and its parameters (the words come from the catalogue), marked reviewed by a person.
 * An organisation change that could not be decided keeps every candidate on the task until one is chosen.
 */
export const planCarryItems = pgTable(
  'plan_carry_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sourcePlanId: uuid('source_plan_id').references(() => plans.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    /** The task of the new plan the change is on (null for plan-wide items: legal bases, header). */
    taskId: uuid('task_id').references(() => planTasks.id, { onDelete: 'cascade' }),
    taskCode: text('task_code'),
    /** Catalogue code (`carry.org_replaced` …) and its parameters. */
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Organisation changes: the role, the steps followed, the candidates to choose from and the one chosen. */
    role: text('role'),
    chain: jsonb('chain').$type<unknown[]>().notNull().default([]),
    candidates: jsonb('candidates').$type<{ orgId: string; name: string }[]>().notNull().default([]),
    chosenOrgId: uuid('chosen_org_id'),
    needsChoice: boolean('needs_choice').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
  },
  (t) => [index('plan_carry_items_plan_idx').on(t.planId, t.position)],
);
