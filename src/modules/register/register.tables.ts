import { date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth';
import { orgs } from '../orgs';

/**
 * The last number given in a register (sổ đăng ký văn bản đi): one row per issuing organisation,
 * year and series (the kind code, `BC`, `KH`, `CV`…). Numbers start at 01 each year (Nghị định
 * 30/2020/NĐ-CP, Điều 15); the row is raised by an upsert in the transaction that issues the
 * document, so concurrent issues queue on it and a rolled-back issue leaves no gap.
 */
export const registerCounters = pgTable(
  'register_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    series: text('series').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.series] })],
);

/** One issued document in the register: its number, date, kind, trích yếu, signer, recipients, and what it is in the product. */
export const registerEntries = pgTable(
  'register_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The issuer's name when the number was given (the register keeps it after a rename or merge). */
    orgName: text('org_name').notNull(),
    year: smallint('year').notNull(),
    series: text('series').notNull(),
    serial: integer('serial').notNull(),
    /** The whole số ký hiệu as printed: `05/BC-SVHTTDL`. */
    number: text('number').notNull(),
    /** Kind code of the document (`BC`, `KH`, `CV`, `QĐ`, `TB`…). */
    kindCode: text('kind_code').notNull(),
    issuedOn: date('issued_on').notNull(),
    summary: text('summary').notNull(),
    signer: text('signer'),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    /** What the number was given to: `plan`, `consolidated_report`, or `manual` (a document drafted outside the product). */
    docType: text('doc_type').notNull(),
    docId: uuid('doc_id'),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('register_entries_serial_uq').on(t.orgId, t.year, t.series, t.serial),
    unique('register_entries_doc_uq').on(t.docType, t.docId),
    index('register_entries_org_year_idx').on(t.orgId, t.year),
  ],
);
