import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which worker runs a periodic job now: a lease that expires, so a dead worker's job is picked up. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  leasedUntil: timestamp('leased_until', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastError: text('last_error'),
});
