import { z } from 'zod';
import { isoDate } from '../../http';

/** Plan statuses, with their Vietnamese labels beside them. */
export const PLAN_STATUSES = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
} as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;
export const PLAN_STATUS_VALUES = Object.keys(PLAN_STATUSES) as [PlanStatus, ...PlanStatus[]];

export const ROLES_ON_TASK = {
  lead: { vi: 'Chủ trì', en: 'Lead' },
  advisory: { vi: 'Tham mưu', en: 'Advisory' },
  coordinating: { vi: 'Phối hợp', en: 'Coordinating' },
} as const;
export type TaskRole = keyof typeof ROLES_ON_TASK;
export const TASK_ROLE_VALUES = Object.keys(ROLES_ON_TASK) as [TaskRole, ...TaskRole[]];

const text = (max: number) => z.string().max(max);

/** An organisation in a role: a directory organisation, a group phrase, or a name not (yet) in the directory. */
export const orgEntryInput = z.object({
  name: text(500).min(1),
  orgId: z.uuid().nullable().default(null),
  raw: text(500).optional(),
  group: text(100).optional().nullable(),
});
export type OrgEntryInput = z.infer<typeof orgEntryInput>;

export const timeInput = z.object({
  label: text(300).default(''),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
});

export const taskInput = z.object({
  code: text(20).min(1),
  parent: text(20).nullable().default(null),
  title: text(2000).min(1),
  content: z.array(text(10000)).max(200).default([]),
  notes: z
    .array(z.object({ label: text(200), text: text(5000) }))
    .max(50)
    .default([]),
  time: timeInput.default({ label: '', from: null, to: null }),
  lead: z.array(orgEntryInput).max(200).default([]),
  advisory: z.array(orgEntryInput).max(200).default([]),
  coordinating: z.array(orgEntryInput).max(200).default([]),
  targets: z
    .array(z.object({ text: text(1000), min: z.number().int().min(0).max(1_000_000_000) }))
    .max(50)
    .default([]),
});
export type TaskInput = z.infer<typeof taskInput>;

export const planDocumentInput = z.object({
  kind: text(100).nullable().default('KẾ HOẠCH'),
  number: text(50).nullable().default(null),
  numberCode: text(50).nullable().default(null),
  issuer: text(300).nullable().default(null),
  place: text(100).nullable().default(null),
  issuedOn: isoDate.nullable().default(null),
  title: text(1000).min(1),
  yearFrom: z.number().int().min(1990).max(2100),
  yearTo: z.number().int().min(1990).max(2100),
  signer: text(200).nullable().default(null),
  signerTitle: z.array(text(200)).max(10).default([]),
});

/** A whole plan: what the importer produces (after a person's corrections) or a new plan typed by hand. */
export const planInput = z
  .object({
    document: planDocumentInput,
    legalBases: z.array(z.record(z.string(), z.unknown())).max(100).default([]),
    preamble: text(5000).nullable().default(null),
    objectives: z.array(text(10000)).max(100).default([]),
    requirements: z.array(text(10000)).max(100).default([]),
    tasks: z.array(taskInput).max(2000).default([]),
    budget: z.object({ text: text(20000).default(''), sources: z.array(text(300)).max(20).default([]) }).default({ text: '', sources: [] }),
    implementation: z.array(z.record(z.string(), z.unknown())).max(200).default([]),
    reporting: z
      .object({
        deadlines: z
          .array(z.object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) }))
          .max(12)
          .default([]),
        adHoc: z.boolean().default(false),
        text: z.array(text(5000)).max(20).default([]),
      })
      .default({ deadlines: [], adHoc: false, text: [] }),
    closing: z.array(text(10000)).max(20).default([]),
    recipients: z.array(text(500)).max(100).default([]),
    unparsed: z.array(text(10000)).max(5000).default([]),
    orgId: z.uuid().nullable().optional(),
    sourceFilename: text(300).nullable().optional(),
    sourceText: z.string().max(5_000_000).nullable().optional(),
  })
  .refine((p) => p.document.yearTo >= p.document.yearFrom, {
    message: 'năm kết thúc phải không trước năm bắt đầu',
    path: ['document', 'yearTo'],
  });
export type PlanInput = z.infer<typeof planInput>;

export const planListQuery = z.object({
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(PLAN_STATUS_VALUES).optional(),
  scope: z.enum(['province', 'sub', 'all']).default('all'),
});

/** A real calendar day written YYYY-MM-DD (`2026-02-30` is refused). */
export const calendarDate = isoDate.refine((d) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}, 'ngày không có thật');

export const importQuery = z.object({
  filename: z.string().min(1).max(300),
  /** Resolve organisations as of this date; the document's own date when absent. */
  asOf: calendarDate.optional(),
});
