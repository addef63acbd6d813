import { z } from 'zod';
import { PERIOD_KINDS, PERIOD_STATUSES, type PeriodKind, type PeriodStatus } from './reports.schemas';

/** A period's counts of organisations and reports, as the dashboard and the consolidated report give them. */
const periodTotals = z.object({
  expected: z.number(),
  received: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  accepted: z.number(),
  returned: z.number(),
  underReview: z.number(),
});
const taskOutcomes = z.object({ doneOnTime: z.number(), doneLate: z.number(), inProgress: z.number(), overdue: z.number() });

/** One task's entry of a report, as stored (figures with what the system pre-filled and the reason for a change). */
export const reportEntry = z.object({
  taskId: z.string(),
  status: z.enum(['done', 'not_started', 'in_progress', 'delayed']),
  completedOn: z.string().nullable().optional(),
  done: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
  figures: z.record(
    z.string(),
    z.object({ value: z.number(), prefilled: z.number().nullable().optional(), reason: z.string().nullable().optional() }),
  ),
});

/** What the routes of periods.routes.ts answer (the web's types come from these too). */

/** A report period as stored. */
export const periodRow = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  kind: z.enum(Object.keys(PERIOD_KINDS) as [PeriodKind, ...PeriodKind[]]),
  year: z.number(),
  title: z.string(),
  dataFrom: z.string(),
  dataTo: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  status: z.enum(Object.keys(PERIOD_STATUSES) as [PeriodStatus, ...PeriodStatus[]]),
  orgIds: z.array(z.string()),
  taskIds: z.array(z.string()),
  questions: z.array(z.string()),
  version: z.number(),
});
export type PeriodRow = z.infer<typeof periodRow>;

/** GET '/api/report-periods' → 200 */
export const periodListAnswer = z.object({
  items: z.array(
    z.object({
      counts: z.object({ draft: z.number(), submitted: z.number(), returned: z.number(), accepted: z.number() }),
      mine: z.object({ reportId: z.string(), status: z.string() }).nullable(),
      owes: z.boolean().nullable(),
      ...periodRow.shape,
    }),
  ),
});
export type PeriodList = z.infer<typeof periodListAnswer>;

/** POST '/api/report-periods/ad-hoc' → 201 */
export const adHocPeriodAnswer = periodRow;
export type AdHocPeriod = z.infer<typeof adHocPeriodAnswer>;

/** GET '/api/report-periods/:id' → 200 */
export const periodAnswer = z.object({
  expected: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      kind: z.string(),
      replaces: z.array(z.string()),
      tasks: z.array(
        z.object({
          taskId: z.string(),
          code: z.string(),
          title: z.string(),
          timeTo: z.string().nullable(),
          roles: z.array(z.enum(['lead', 'advisory', 'coordinating', 'asked'])),
        }),
      ),
    }),
  ),
  ...periodRow.shape,
});
export type Period = z.infer<typeof periodAnswer>;

/** PATCH '/api/report-periods/:id' → 200 */
export const periodUpdateAnswer = periodRow;
export type PeriodUpdate = z.infer<typeof periodUpdateAnswer>;

/** GET '/api/report-periods/:id/dashboard' → 200 */
export const dashboardAnswer = z.object({
  period: periodRow,
  totals: periodTotals,
  taskOutcomes,
  byOrg: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      kind: z.string(),
      replaces: z.array(z.string()),
      tasks: z.number(),
      leads: z.number(),
      reportId: z.string().nullable(),
      status: z.string(),
      received: z.boolean(),
      onTime: z.boolean(),
      late: z.boolean(),
      firstSubmittedAt: z.string().nullable(),
    }),
  ),
  byTask: z.array(
    z.object({
      taskId: z.string(),
      code: z.string(),
      title: z.string(),
      expected: z.number(),
      received: z.number(),
      onTime: z.number(),
      missing: z.number(),
      missingOrgs: z.array(z.string()),
      outcome: z.enum(['doneOnTime', 'doneLate', 'inProgress', 'overdue']),
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardAnswer>;

/** GET '/api/report-periods/:id/tasks/:taskId/contributions' → 200 */
export const contributionsAnswer = z.object({
  task: z.object({ taskId: z.string(), code: z.string(), title: z.string() }),
  items: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      roles: z.array(z.enum(['lead', 'advisory', 'coordinating', 'asked'])),
      reportId: z.string().nullable(),
      status: z.string().nullable(),
      submittedAt: z.string().nullable(),
      entry: reportEntry.nullable(),
    }),
  ),
});
export type Contributions = z.infer<typeof contributionsAnswer>;

/** GET '/api/report-periods/:id/consolidated' → 200 */
export const consolidatedAnswer = z.object({
  planTasks: z.array(z.object({ leadOrgIds: z.array(z.string()), id: z.string(), code: z.string(), title: z.string() })),
  targets: z.record(z.string(), z.number()),
  lastYear: z.record(z.string(), z.number()).nullable(),
  plan: z.object({ number: z.string().nullable(), numberCode: z.string().nullable(), issuedOn: z.string().nullable(), title: z.string() }),
  period: periodRow,
  totals: periodTotals,
  taskOutcomes,
  narrative: z.object({
    proposals: z.string(),
    assessment: z.string(),
    limitations: z.string(),
    causes: z.string(),
    nextTasks: z.string(),
  }),
  drafted: z.object({ proposals: z.string(), assessment: z.string(), limitations: z.string(), causes: z.string(), nextTasks: z.string() }),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  signer: z.string().nullable(),
  signerTitle: z.array(z.string()),
  version: z.number(),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      code: z.string(),
      title: z.string(),
      outcome: z.enum(['doneOnTime', 'doneLate', 'inProgress', 'overdue']),
      contributions: z.array(
        z.object({
          orgId: z.string(),
          orgName: z.string(),
          orgShortName: z.string(),
          status: z.enum(['done', 'not_started', 'in_progress', 'delayed']),
          statusLabel: z.enum(['Chưa triển khai', 'Đang thực hiện', 'Đã hoàn thành', 'Chậm tiến độ']),
          done: z.string(),
          figures: z.record(z.string(), z.number()),
        }),
      ),
    }),
  ),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string(), category: z.string(), total: z.number() })),
  money: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string(), category: z.string(), total: z.number() })),
  figuresByOrg: z.array(z.object({ orgName: z.string(), figures: z.record(z.string(), z.number()) })),
  late: z.array(z.string()),
  missing: z.array(z.string()),
  acceptedOrgs: z.array(z.string()),
  byOrg: z.array(
    z.object({ name: z.string(), status: z.string(), onTime: z.boolean(), late: z.boolean(), firstSubmittedAt: z.string().nullable() }),
  ),
  notAccepted: z.array(z.string()),
  province: z.object({ name: z.string(), place: z.string() }),
  secretariat: z.object({ name: z.string(), shortName: z.string(), docCode: z.string().nullable() }),
});
export type Consolidated = z.infer<typeof consolidatedAnswer>;

/** GET '/api/report-indicators' → 200 */
export const indicatorListAnswer = z.object({
  items: z.array(
    z.object({
      createdAt: z.string(),
      active: z.boolean(),
      code: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      unit: z.string(),
      category: z.string(),
      position: z.number(),
    }),
  ),
});
export type IndicatorList = z.infer<typeof indicatorListAnswer>;

/** POST '/api/report-indicators' → 201 */
export const indicatorAnswer = z.object({
  createdAt: z.string(),
  active: z.boolean(),
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  unit: z.string(),
  category: z.string(),
  position: z.number(),
});
export type Indicator = z.infer<typeof indicatorAnswer>;
