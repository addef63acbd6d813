import { z } from 'zod';

/** A task target with what the recorded activities make of it so far. */
const targetProgress = z.object({
  targetId: z.string(),
  taskId: z.string(),
  code: z.string(),
  title: z.string(),
  text: z.string(),
  min: z.number(),
  indicator: z.string().nullable(),
  indicatorGuessed: z.boolean(),
  actual: z.number(),
  activityIds: z.array(z.string()),
  window: z.object({ from: z.string(), to: z.string() }),
  status: z.enum(['met', 'on_track', 'at_risk', 'missed', 'not_started', 'unmeasured']),
});
/** What the routes of figures.routes.ts answer (the web's types come from these too). */

/** GET '/api/activities/figures' → 200 */
export const figuresAnswer = z.object({
  scope: z.object({
    orgId: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    taskIds: z.array(z.string()).optional(),
    planId: z.string().optional(),
  }),
  items: z.array(
    z.object({
      value: z.number(),
      activityIds: z.array(z.string()),
      code: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      unit: z.string(),
      category: z.enum(['output', 'money']),
    }),
  ),
});
export type Figures = z.infer<typeof figuresAnswer>;

/** GET '/api/activities/tasks/:id/figures' → 200 */
export const taskFiguresAnswer = z.object({
  task: z.object({
    id: z.string(),
    planId: z.string(),
    code: z.string(),
    title: z.string(),
    timeLabel: z.string().nullable(),
    timeFrom: z.string().nullable(),
    timeTo: z.string().nullable(),
  }),
  figures: z.array(
    z.object({
      value: z.number(),
      activityIds: z.array(z.string()),
      code: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      unit: z.string(),
      category: z.enum(['output', 'money']),
    }),
  ),
  targets: z.array(targetProgress),
});
export type TaskFigures = z.infer<typeof taskFiguresAnswer>;

/** GET '/api/activities/targets' → 200 */
export const planTargetsAnswer = z.object({
  planId: z.string(),
  asOf: z.string(),
  items: z.array(targetProgress),
  atRisk: z.array(z.string()),
});
export type PlanTargets = z.infer<typeof planTargetsAnswer>;

/** PUT '/api/activities/targets/:id' → 200 */
export const targetIndicatorAnswer = z.object({ targetId: z.string(), indicator: z.string().nullable() });
export type TargetIndicator = z.infer<typeof targetIndicatorAnswer>;

/** GET '/api/activities/budget' → 200 */
export const planBudgetAnswer = z.object({
  planId: z.string(),
  sources: z.array(z.string()),
  byTask: z.array(
    z.object({
      allocated: z.record(z.string(), z.number()),
      spent: z.record(z.string(), z.number()),
      allocatedTotal: z.number(),
      spentTotal: z.number(),
      taskId: z.string(),
      code: z.string(),
      title: z.string(),
    }),
  ),
  byOrg: z.array(
    z.object({
      allocated: z.record(z.string(), z.number()),
      spent: z.record(z.string(), z.number()),
      allocatedTotal: z.number(),
      spentTotal: z.number(),
      orgId: z.string(),
      name: z.string(),
    }),
  ),
  bySource: z.array(z.object({ source: z.string(), allocated: z.number(), spent: z.number() })),
  total: z.object({ allocated: z.number(), spent: z.number() }),
  allocations: z.array(
    z.object({
      id: z.string(),
      taskId: z.string(),
      orgId: z.string(),
      source: z.string(),
      amount: z.number(),
      note: z.string().nullable(),
    }),
  ),
});
export type PlanBudget = z.infer<typeof planBudgetAnswer>;

/** PUT '/api/activities/budget/allocations' → 200 */
export const allocationAnswer = z.object({
  amount: z.number(),
  taskId: z.string(),
  orgId: z.string(),
  source: z.enum(['state_budget', 'central_support', 'socialisation', 'contributions', 'sponsorship', 'other_lawful']),
  note: z.string().nullable().optional(),
  id: z.string(),
});
export type Allocation = z.infer<typeof allocationAnswer>;

/** GET '/api/activities/calendar' → 200 */
export const monthCalendarAnswer = z.object({
  month: z.string(),
  items: z.array(
    z.object({
      date: z.string(),
      endDate: z.string().nullable(),
      type: z.enum(['activity', 'task_deadline', 'report_deadline', 'anniversary']),
      title: z.string(),
      titleEn: z.string().optional(),
      activityId: z.string().optional(),
      activityKind: z.string().optional(),
      taskId: z.string().optional(),
      planId: z.string().optional(),
      anniversaryKind: z.enum(['holiday', 'national', 'local', 'diplomatic']).optional(),
    }),
  ),
  source: z.object({ vi: z.string(), en: z.string() }),
});
export type MonthCalendar = z.infer<typeof monthCalendarAnswer>;

/** GET '/api/activities/anniversaries' → 200 */
export const anniversariesAnswer = z.object({
  source: z.object({ vi: z.string(), en: z.string() }),
  items: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['holiday', 'national', 'local', 'diplomatic']),
      vi: z.string(),
      en: z.string(),
      years: z.number().nullable(),
    }),
  ),
});
export type Anniversaries = z.infer<typeof anniversariesAnswer>;
