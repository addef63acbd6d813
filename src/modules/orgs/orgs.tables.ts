import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind').notNull(),
    /** Official administrative code (national catalogue of administrative units), for communes and the province. */
    adminCode: text('admin_code').unique(),
    /** Abbreviation of the body in document numbers (ký hiệu viết tắt, Nghị định 30/2020 Phụ lục VI): `SVHTTDL` in `12/KH-SVHTTDL`. */
    docCode: text('doc_code'),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    email: text('email'),
    phone: text('phone'),
    note: text('note'),
    /** fold(name) + fold(shortName): diacritic- and case-free, for trigram search. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('orgs_kind_idx').on(t.kind), index('orgs_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`)],
);

export const orgAliases = pgTable(
  'org_aliases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    folded: text('folded').notNull(),
  },
  (t) => [index('org_aliases_org_idx').on(t.orgId), index('org_aliases_folded_trgm_idx').using('gin', sql`${t.folded} gin_trgm_ops`)],
);

export const orgSuccessors = pgTable(
  'org_successors',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    since: date('since'),
    /** Which duties moved to this successor (DUTY_CODES); ['all'] when the whole organisation did. */
    duties: text('duties')
      .array()
      .notNull()
      .default(sql`'{all}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.successorId] })],
);

export const orgGroups = pgTable('org_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  phrases: text('phrases')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  kinds: text('kinds')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  open: boolean('open').notNull().default(false),
  /** Last day the group's phrases stand for it; after that they stand for the successor group. */
  validTo: date('valid_to'),
  successorKey: text('successor_key'),
  version: integer('version').notNull().default(1),
});

export const orgGroupMembers = pgTable(
  'org_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => orgGroups.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.orgId] })],
);
