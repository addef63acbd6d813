import { z } from 'zod';
import { calendarDate, TASK_ROLE_VALUES } from '../plans.schemas';

/** Body of POST /api/plans/:id/carry-forward. */
export const carryForwardBody = z.object({
  year: z.number().int().min(1990).max(2100),
  /** The directory is read as of this date (default 1 January of `year`); this year's results are counted up to it. */
  asOf: calendarDate.optional(),
});

/** One step from an organisation to the one that took it (or its duty) over. */
const successorStep = z.object({
  from: z.string(),
  fromName: z.string(),
  fromShortName: z.string().optional(),
  validTo: z.string().nullable(),
  to: z.string(),
  toName: z.string(),
  toShortName: z.string().optional(),
  duty: z.string().nullable().optional(),
});

export const carryItemDto = z.object({
  id: z.string(),
  position: z.number().int(),
  taskCode: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  role: z.enum(TASK_ROLE_VALUES).nullable(),
  chain: z.array(successorStep),
  candidates: z.array(z.object({ orgId: z.string(), name: z.string() })),
  chosenOrgId: z.string().nullable(),
  needsChoice: z.boolean(),
  reviewedAt: z.string().nullable(),
});

export const carryReviewDto = z.object({ planId: z.string(), sourcePlanId: z.string().nullable(), items: z.array(carryItemDto) });

const diffSide = z.object({
  lead: z.array(z.string()),
  advisory: z.array(z.string()),
  coordinating: z.array(z.string()),
  time: z.string(),
  targets: z.array(z.string()),
});
const planRef = z.object({ id: z.string(), title: z.string().nullable(), yearFrom: z.number().int().nullable() });

export const carryDiffDto = z.object({
  from: planRef,
  to: planRef,
  rows: z.array(
    z.object({ code: z.string(), title: z.string(), old: diffSide.nullable(), new: diffSide.nullable(), changed: z.boolean() }),
  ),
});
