import { z } from 'zod';
import { periodRow, reportEntry } from './periods.answers';

/** What the routes of reports.routes.ts answer (the web's types come from these too). */

/** GET '/api/reports/:id' → 200 */
export const reportAnswer = z.object({
  orgName: z.string(),
  period: periodRow,
  tasks: z.array(
    z.object({
      taskId: z.string(),
      code: z.string(),
      title: z.string(),
      timeTo: z.string().nullable(),
      roles: z.array(z.enum(['lead', 'advisory', 'coordinating', 'asked'])),
    }),
  ),
  events: z.array(z.object({ action: z.string(), comment: z.string().nullable(), actorName: z.string(), at: z.string() })),
  files: z.array(
    z.object({
      createdAt: z.string(),
      id: z.string(),
      taskId: z.string().nullable(),
      filename: z.string(),
      mime: z.string(),
      size: z.number(),
    }),
  ),
  indicators: z.array(z.object({ code: z.string(), labelVi: z.string(), labelEn: z.string(), unit: z.string(), category: z.string() })),
  id: z.string(),
  periodId: z.string(),
  orgId: z.string(),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  entries: z.array(reportEntry),
  answers: z.array(z.string()),
  difficulties: z.string(),
  proposals: z.string(),
  reviewComment: z.string().nullable(),
  submissions: z.number(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof reportAnswer>;

/** POST '/api/reports/:id/files' → 201 */
export const reportFileAnswer = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number() });
export type ReportFile = z.infer<typeof reportFileAnswer>;
