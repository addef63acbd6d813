import { z } from 'zod';

/** What the routes of plans.routes.ts answer (the web's types come from these too). */

/** One step from a name as written to the body valid on the date. */
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

/** An organisation on a task in one role. */
const taskOrg = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string().nullable(),
  group: z.string().nullable(),
  raw: z.string(),
  open: z.boolean().optional(),
});

/** An organisation as named in a task, with what it was matched to. */
const orgEntry = z.object({
  name: z.string(),
  orgId: z.string().nullable(),
  raw: z.string(),
  group: z.string().optional(),
  open: z.boolean().optional(),
  score: z.number().optional(),
  suggestions: z.array(z.object({ orgId: z.string(), name: z.string(), score: z.number() })).optional(),
  groupId: z.string().nullable().optional(),
  members: z.array(z.object({ orgId: z.string(), name: z.string() })).optional(),
  chain: z.array(successorStep).optional(),
  needsChoice: z.boolean().optional(),
  candidates: z
    .array(
      z.object({
        orgId: z.string(),
        name: z.string(),
        chain: z.array(successorStep),
      }),
    )
    .optional(),
});

/** The plan as a document: kind, number, issuer, date, title, years, signer. */
const planDocument = z.object({
  kind: z.string().nullable(),
  number: z.string().nullable(),
  numberCode: z.string().nullable(),
  numberSerial: z.string().nullable().optional(),
  issuer: z.string().nullable(),
  issuerSource: z.enum(['header', 'signature']).nullable(),
  issuerParent: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedYear: z.number().nullable(),
  title: z.string().nullable(),
  subtitle: z.string().nullable().optional(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  signer: z.string().nullable(),
  signerTitle: z.array(z.string()),
});

/** A task as stored, with its roles and targets. */
const storedTask = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  sourceTaskId: z.string().nullable(),
  code: z.string(),
  parent: z.string().nullable(),
  position: z.number(),
  title: z.string(),
  content: z.array(z.string()),
  notes: z.array(z.object({ label: z.string(), text: z.string() })),
  time: z.object({ label: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  lead: z.array(taskOrg),
  advisory: z.array(taskOrg),
  coordinating: z.array(taskOrg),
  targets: z.array(z.object({ id: z.string(), text: z.string(), min: z.number(), indicator: z.string().nullable() })),
  version: z.number(),
});

/** GET '/api/plans' → 200 */
export const planListAnswer = z.object({
  items: z.array(
    z.object({
      number: z.string().nullable(),
      updatedAt: z.string(),
      id: z.string(),
      parentPlanId: z.string().nullable(),
      orgId: z.string().nullable(),
      orgName: z.string().nullable(),
      status: z.string(),
      numberCode: z.string().nullable(),
      title: z.string(),
      yearFrom: z.number(),
      yearTo: z.number(),
      issuedOn: z.string().nullable(),
      tasks: z.number(),
    }),
  ),
});
export type PlanList = z.infer<typeof planListAnswer>;

/** POST '/api/plans/import' → 200 */
export const importPreviewAnswer = z.object({
  plan: z.object({
    document: planDocument,
    legalBases: z.array(
      z.object({
        text: z.string(),
        ref: z.string().nullable(),
        kind: z.string().nullable(),
        date: z.string().nullable(),
        issuer: z.string().nullable(),
        subject: z.string().nullable(),
      }),
    ),
    preamble: z.string().nullable(),
    objectives: z.array(z.string()),
    requirements: z.array(z.string()),
    tasks: z.array(
      z.object({
        code: z.string(),
        parent: z.string().nullable(),
        title: z.string(),
        content: z.array(z.string()),
        time: z.object({ label: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
        lead: z.array(orgEntry),
        advisory: z.array(orgEntry),
        coordinating: z.array(orgEntry),
        targets: z.array(z.object({ text: z.string(), min: z.number() })),
        notes: z.array(z.object({ label: z.string(), text: z.string() })),
        sourceLines: z.tuple([z.number(), z.number()]),
      }),
    ),
    budget: z.object({ text: z.string(), sources: z.array(z.string()) }),
    implementation: z.array(
      z.object({
        code: z.string().nullable(),
        text: z.string(),
        orgs: z.array(orgEntry),
      }),
    ),
    reporting: z.object({
      deadlines: z.array(z.object({ day: z.number(), month: z.number() })),
      adHoc: z.boolean(),
      text: z.array(z.string()),
    }),
    closing: z.array(z.string()),
    recipients: z.array(z.string()),
    unparsed: z.array(z.string()),
    unparsedLines: z.array(z.object({ line: z.number(), text: z.string() })),
    warnings: z.array(
      z.object({
        code: z.string(),
        line: z.number().optional(),
        details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
    resolvedAsOf: z.string().nullable().optional(),
  }),
  source: z.object({
    filename: z.string(),
    format: z.string(),
    text: z.string(),
    ocr: z
      .object({
        engine: z.literal('tesseract'),
        language: z.literal('vie'),
        confidence: z.number(),
        pages: z.array(z.object({ page: z.number(), confidence: z.number(), words: z.number(), doubtful: z.number() })),
      })
      .optional(),
  }),
});
export type ImportPreview = z.infer<typeof importPreviewAnswer>;

/** GET '/api/plans/:id' → 200 */
export const planAnswer = z.object({
  id: z.string(),
  parentPlanId: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  status: z.enum(['draft', 'issued', 'closed']),
  version: z.number(),
  updatedAt: z.string(),
  sourceFilename: z.string().nullable(),
  document: planDocument,
  legalBases: z.array(z.unknown()),
  preamble: z.string().nullable(),
  objectives: z.array(z.string()),
  requirements: z.array(z.string()),
  budget: z.object({ text: z.string(), sources: z.array(z.string()) }),
  implementation: z.array(z.unknown()),
  reporting: z.object({
    deadlines: z.array(z.object({ day: z.number(), month: z.number() })),
    adHoc: z.boolean(),
    text: z.array(z.string()),
  }),
  closing: z.array(z.string()),
  recipients: z.array(z.string()),
  unparsed: z.array(z.string()),
  tasks: z.array(storedTask),
});
export type Plan = z.infer<typeof planAnswer>;

/** GET '/api/plans/:id/matrix' → 200 */
export const matrixAnswer = z.object({
  columns: z.array(z.object({ key: z.string(), name: z.string(), orgId: z.string().nullable(), group: z.string().nullable() })),
  rows: z.array(
    z.object({
      taskId: z.string(),
      code: z.string(),
      title: z.string(),
      parent: z.string().nullable(),
      cells: z.record(z.string(), z.array(z.enum(['lead', 'advisory', 'coordinating']))),
    }),
  ),
});
export type Matrix = z.infer<typeof matrixAnswer>;

/** GET '/api/orgs/:id/tasks' → 200 */
export const orgTasksAnswer = z.object({
  items: z.array(
    z.object({
      planId: z.string(),
      planTitle: z.string().nullable(),
      task: storedTask,
      roles: z.array(z.object({ role: z.enum(['lead', 'advisory', 'coordinating']), via: z.string().nullable() })),
    }),
  ),
});
export type OrgTasks = z.infer<typeof orgTasksAnswer>;
