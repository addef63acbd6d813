import { z } from 'zod';
import { isoDate, nameText, paging } from '../../http';
import { ORG_KIND_VALUES } from './org-kinds';

export const orgDto = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(ORG_KIND_VALUES),
  adminCode: z.string().nullable(),
  docCode: z.string().nullable(),
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  aliases: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});

const ref = z.object({ id: z.string(), name: z.string() });
export const orgDetailDto = orgDto.extend({
  successors: z.array(ref.extend({ since: z.string().nullable(), duties: z.array(z.string()) })),
  predecessors: z.array(ref.extend({ since: z.string().nullable(), duties: z.array(z.string()) })),
  children: z.array(ref),
});

export const orgListQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(ORG_KIND_VALUES).optional(),
  validOn: isoDate.optional(),
  parentId: z.uuid().optional(),
  sort: z.enum(['name', 'kind', 'validTo', 'updatedAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
});

const nullableText = (max: number) => z.string().trim().max(max).nullable().optional();
export const orgInput = z.object({
  key: nullableText(100),
  name: nameText(2, 300),
  shortName: nameText(0, 120).optional(),
  kind: z.enum(ORG_KIND_VALUES),
  adminCode: nullableText(20),
  /** Letters, digits, `&` and `-` as written in numbers (`SVHTTDL`, `SGDĐT`, `SNgV`); empty clears it. */
  docCode: z
    .string()
    .trim()
    .max(20)
    .regex(/^[\p{L}\d&-]*$/u)
    .nullable()
    .optional(),
  parentId: z.uuid().nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  email: z
    .email()
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  phone: nullableText(50),
  note: nullableText(2000),
  aliases: z.array(nameText(1, 300)).max(50).optional(),
});

export const mergeInput = z
  .object({
    sourceIds: z.array(z.uuid()).min(1).max(50),
    targetId: z.uuid().optional(),
    newTarget: orgInput.optional(),
    effectiveDate: isoDate,
  })
  .refine((v) => Boolean(v.targetId) !== Boolean(v.newTarget), {
    message: 'chọn một đơn vị tiếp nhận có sẵn (targetId) hoặc tạo mới (newTarget)',
    path: ['targetId'],
  });

export const candidateDto = z.object({
  orgId: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  score: z.number(),
  matched: z.string(),
});

export const groupDto = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  phrases: z.array(z.string()),
  kinds: z.array(z.string()),
  open: z.boolean(),
  validTo: z.string().nullable(),
  successorKey: z.string().nullable(),
});
