import { z } from 'zod';
import { isoDate } from '../../http';

/** Enum values with their Vietnamese labels beside them (screens and documents read these). */
export const PERIOD_KINDS = {
  six_months: { vi: 'Báo cáo 6 tháng', en: 'Six-month report' },
  year: { vi: 'Báo cáo năm', en: 'Annual report' },
  periodic: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  ad_hoc: { vi: 'Báo cáo đột xuất', en: 'Ad-hoc report' },
} as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;

export const PERIOD_STATUSES = {
  open: { vi: 'Đang nhận báo cáo', en: 'Open' },
  closed: { vi: 'Đã khóa sổ', en: 'Closed' },
} as const;
export type PeriodStatus = keyof typeof PERIOD_STATUSES;

export const REPORT_STATUSES = {
  missing: { vi: 'Chưa lập', en: 'Not started' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
} as const;
export type ReportStatus = Exclude<keyof typeof REPORT_STATUSES, 'missing'>;

export const TASK_PROGRESS = {
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  delayed: { vi: 'Chậm tiến độ', en: 'Delayed' },
} as const;
export const TASK_PROGRESS_VALUES = Object.keys(TASK_PROGRESS) as [keyof typeof TASK_PROGRESS, ...(keyof typeof TASK_PROGRESS)[]];

/** The four counts of Vietnamese government task tracking. */
export const TASK_OUTCOMES = {
  doneOnTime: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  doneLate: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  inProgress: { vi: 'Đang thực hiện trong hạn', en: 'In progress within deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
} as const;
export type TaskOutcome = keyof typeof TASK_OUTCOMES;

export const INDICATOR_CATEGORIES = ['output', 'money'] as const;

const text = (max: number) => z.string().max(max);

export const figureInput = z.object({
  value: z.number({ error: 'phải là một số' }).finite().min(0, 'không được âm').max(1e13),
  prefilled: z.number().finite().nullable().optional(),
  reason: text(1000).nullable().optional(),
});

export const entryInput = z.object({
  taskId: z.uuid(),
  status: z.enum(TASK_PROGRESS_VALUES),
  completedOn: isoDate.nullable().optional(),
  done: text(20_000).default(''),
  difficulties: text(10_000).default(''),
  proposals: text(10_000).default(''),
  figures: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'mã chỉ tiêu không hợp lệ'), figureInput).default({}),
});

export const reportDraftInput = z.object({
  version: z.number().int(),
  entries: z.array(entryInput).max(500),
  answers: z.array(text(20_000)).max(50).default([]),
  difficulties: text(10_000).default(''),
  proposals: text(10_000).default(''),
});
export type ReportDraftInput = z.infer<typeof reportDraftInput>;

export const periodPatch = z.object({
  version: z.number().int(),
  title: z.string().trim().min(3).max(500).optional(),
  dataFrom: isoDate.optional(),
  dataTo: isoDate.optional(),
  opensOn: isoDate.optional(),
  deadline: isoDate.optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type PeriodPatch = z.infer<typeof periodPatch>;

export const adHocInput = z.object({
  title: z.string().trim().min(3).max(500),
  planId: z.uuid().nullable().optional(),
  orgIds: z.array(z.uuid()).min(1).max(500),
  taskIds: z.array(z.uuid()).max(500).default([]),
  questions: z.array(z.string().trim().min(1).max(2000)).max(50).default([]),
  dataFrom: isoDate.optional(),
  dataTo: isoDate.optional(),
  deadline: isoDate,
});
export type AdHocInput = z.infer<typeof adHocInput>;

export const indicatorInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, 'chỉ gồm chữ thường không dấu, số và dấu _'),
  labelVi: z.string().trim().min(2).max(300),
  labelEn: z.string().trim().min(2).max(300),
  unit: z.string().trim().min(1).max(50),
  category: z.enum(INDICATOR_CATEGORIES).default('output'),
});

export const narrativeInput = z.object({
  version: z.number().int(),
  number: z.string().max(50).nullable().optional(),
  signer: z.string().max(200).nullable().optional(),
  signerTitle: z.array(z.string().max(200)).max(5).optional(),
  narrative: z.object({
    assessment: text(50_000).optional(),
    limitations: text(50_000).optional(),
    causes: text(50_000).optional(),
    nextTasks: text(50_000).optional(),
    proposals: text(50_000).optional(),
  }),
});
export type NarrativeInput = z.infer<typeof narrativeInput>;
export const NARRATIVE_PARTS = ['assessment', 'limitations', 'causes', 'nextTasks', 'proposals'] as const;
