import { z } from 'zod';
import { isoDate, paging } from '../../http';
import { BUDGET_SOURCES, type BudgetSource } from '../plans';
import { ACTIVITY_KIND_VALUES, kindDetails } from './activity-kinds';

export const BUDGET_SOURCE_VALUES = Object.keys(BUDGET_SOURCES) as [BudgetSource, ...BudgetSource[]];

export const spendingInput = z.object({
  source: z.enum(BUDGET_SOURCE_VALUES),
  amount: z.number().int().min(0).max(1_000_000_000_000_000),
  note: z.string().trim().max(500).nullable().optional(),
});

const shared = {
  title: z.string().trim().min(2).max(500),
  orgId: z.uuid(),
  taskIds: z.array(z.uuid()).min(1).max(20),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  place: z.string().trim().max(300).nullable().optional(),
  description: z.string().trim().max(20_000).default(''),
  links: z
    .array(z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), label: z.string().trim().max(300).default('') }))
    .max(30)
    .default([]),
  spending: z.array(spendingInput).max(20).default([]),
};

/** An activity: shared fields plus the kind's own fields (`details`), validated per kind. */
export const activityInput = z.intersection(z.object(shared), kindDetails).refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
  message: 'ngày kết thúc phải sau ngày bắt đầu',
  path: ['endsOn'],
});
export type ActivityInput = z.infer<typeof activityInput>;

export const activityUpdate = z.intersection(z.object({ ...shared, version: z.number().int() }), kindDetails);

export const activityQuery = z.object({
  kind: z.enum(ACTIVITY_KIND_VALUES).optional(),
  orgId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  planId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  /** Drill-down: the activities behind an indicator's number. */
  indicator: z.string().max(100).optional(),
  ...paging,
});
export type ActivityQuery = z.infer<typeof activityQuery>;

export const activityDto = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KIND_VALUES),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  place: z.string().nullable(),
  description: z.string(),
  details: z.record(z.string(), z.unknown()),
  links: z.array(z.object({ url: z.string(), label: z.string() })),
  tasks: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), planId: z.string() })),
  spending: z.array(z.object({ source: z.string(), amount: z.number(), note: z.string().nullable() })),
  files: z.array(z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number() })),
  version: z.number(),
  updatedAt: z.string(),
});
export type ActivityDto = z.infer<typeof activityDto>;

export const legalDocInput = z.object({
  docType: z.string().trim().min(2).max(100),
  number: z.string().trim().min(1).max(100),
  issuedOn: isoDate.nullable().optional(),
  issuer: z.string().trim().min(2).max(300),
  title: z.string().trim().min(2).max(1000),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  taskIds: z.array(z.uuid()).max(50).default([]),
});
export type LegalDocInput = z.infer<typeof legalDocInput>;

export const allocationInput = z.object({
  taskId: z.uuid(),
  orgId: z.uuid(),
  source: z.enum(BUDGET_SOURCE_VALUES),
  amount: z.number().int().min(0).max(1_000_000_000_000_000),
  note: z.string().trim().max(500).nullable().optional(),
});
export type AllocationInput = z.infer<typeof allocationInput>;
