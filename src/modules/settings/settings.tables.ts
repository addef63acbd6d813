import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** System settings edited by admins (province name, the secretariat organisation…). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
