import { z } from 'zod';
import { isoDate } from '../../http';

import { KIND_CODES } from './kinds';

export { KIND_CODES, type KindCode } from './kinds';

/** What a number was given to. */
export const DOC_TYPES = ['plan', 'consolidated_report', 'manual'] as const;
export type DocType = (typeof DOC_TYPES)[number];

const text = (max: number) => z.string().trim().max(max);

/** A document drafted outside the product, numbered by the văn thư (a letter, a decision…). */
export const manualEntryInput = z.object({
  orgId: z.uuid(),
  kindCode: z.enum(KIND_CODES),
  /** The drafting unit after the issuer in a công văn's number (`VP` in `12/SVHTTDL-VP`). */
  unitCode: z
    .string()
    .trim()
    .regex(/^[\p{L}\d]{1,20}$/u, 'chữ viết tắt của đơn vị soạn thảo: chữ cái và chữ số')
    .optional(),
  summary: text(2000).min(1),
  signer: text(200).nullable().default(null),
  recipients: z.array(text(500).min(1)).max(100).default([]),
});
export type ManualEntryInput = z.infer<typeof manualEntryInput>;

export const registerQuery = z.object({
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kindCode: z.enum(KIND_CODES).optional(),
  /** Words of the number, trích yếu, signer or recipients, with or without diacritics. */
  q: z.string().trim().max(200).optional(),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

export const registerEntryDto = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
  number: z.string(),
  kindCode: z.string(),
  kindLabel: z.string(),
  issuedOn: isoDate,
  summary: z.string(),
  signer: z.string().nullable(),
  recipients: z.array(z.string()),
  docType: z.enum(DOC_TYPES),
  docId: z.string().nullable(),
  createdAt: z.string(),
});
export type RegisterEntryDto = z.infer<typeof registerEntryDto>;
