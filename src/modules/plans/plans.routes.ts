import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { READ_ALL } from '../../http';
import { actorOf } from '../../http';
import { attachment, DOCX, XLSX } from '../../http';
import { isoDate, ok, uuidParam } from '../../http';
import { AppError } from '../../shared/errors';
import { planToDocx, taskMatrixToXlsx } from './export';
import { previewImport } from './plan-import.service';
import { planPdf, signedPlanPdf } from './plan-pdf';
import { toParsedPlan } from './plan-store';
import { addTask, deleteTask, moveTask, updateTask } from './plan-tasks.service';
import { createSubPlan, orgTasks, taskMatrix } from './plan-views';
import { importQuery, planInput, planListQuery, PLAN_STATUS_VALUES, taskInput } from './plans.schemas';
import { createPlan, getPlan, listPlans, setPlanStatus, updatePlanHeader } from './plans.service';
import { issuerParentFor } from './sub-plan-draft';
import { importPreviewAnswer, matrixAnswer, orgTasksAnswer, planAnswer, planListAnswer } from './plans.answers';

const tags = ['plans'];
const PLAN_EDITORS = ['admin', 'secretariat', 'officer'] as const;
// Whole plans are large nested documents (shape: src/modules/plans/plan-store.ts); they are not re-validated on the way out.
const planTaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
const taskFields = taskInput.omit({ code: true, parent: true });

export async function planRoutes({ app, database, config }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/plans',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Danh sách kế hoạch',
        querystring: planListQuery,
        response: { 200: planListAnswer },
      },
    },
    async (request) => ({ items: await listPlans(db, request.user!, request.query) }),
  );

  app.post(
    '/api/plans/import',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary:
          'Đọc văn bản kế hoạch (.docx, .pdf, bản quét .pdf/.png/.jpg/.tif, .md, .txt; gửi nguyên tệp, application/octet-stream) và trả về kết quả nhận dạng, các cơ quan theo danh bạ vào ngày asOf (mặc định: ngày của văn bản); chưa lưu gì',
        querystring: importQuery,
        response: { 200: importPreviewAnswer },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('plan.file_empty', { field: 'body' });
      return previewImport(db, body, request.query.filename, { asOf: request.query.asOf ?? null });
    },
  );

  app.post(
    '/api/plans',
    {
      config: { access: ['admin', 'secretariat'] },
      schema: {
        tags,
        summary: 'Lưu kế hoạch (từ kết quả nhập đã sửa, hoặc lập mới)',
        body: planInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createPlan(db, request.body, request.user!, actorOf(request)) }),
  );

  app.get(
    '/api/plans/:id',
    {
      config: { access: READ_ALL },
      schema: { tags, summary: 'Kế hoạch với các nhiệm vụ, vai trò, mục tiêu', params: uuidParam, response: { 200: planAnswer } },
    },
    async (request) => getPlan(db, request.params.id, request.user!),
  );

  app.patch(
    '/api/plans/:id',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary: 'Sửa phần đầu kế hoạch (dự thảo)',
        params: uuidParam,
        body: z.object({
          version: z.number().int(),
          number: z.string().max(50).nullable().optional(),
          numberCode: z.string().max(50).nullable().optional(),
          issuer: z.string().max(300).nullable().optional(),
          place: z.string().max(100).nullable().optional(),
          issuedOn: isoDate.nullable().optional(),
          title: z.string().min(1).max(1000).optional(),
          yearFrom: z.number().int().min(1990).max(2100).optional(),
          yearTo: z.number().int().min(1990).max(2100).optional(),
          signer: z.string().max(200).nullable().optional(),
          signerTitle: z.array(z.string().max(200)).max(10).optional(),
          objectives: z.array(z.string().max(10000)).max(100).optional(),
          requirements: z.array(z.string().max(10000)).max(100).optional(),
          recipients: z.array(z.string().max(500)).max(100).optional(),
        }),
        response: { 200: z.object({ version: z.number() }) },
      },
    },
    async (request) => updatePlanHeader(db, request.params.id, request.body, request.user!, actorOf(request)),
  );

  app.post(
    '/api/plans/:id/status',
    {
      config: { access: ['admin', 'secretariat', 'leader', 'officer'] },
      schema: {
        tags,
        summary: 'Ban hành (kế hoạch chưa có số được cấp số tiếp theo trong sổ đăng ký văn bản đi) / kết thúc / trả về dự thảo',
        params: uuidParam,
        body: z.object({ status: z.enum(PLAN_STATUS_VALUES) }),
        response: { 200: z.object({ status: z.string(), version: z.number(), number: z.string().nullable() }) },
      },
    },
    async (request) => setPlanStatus(db, request.params.id, request.body.status, request.user!, actorOf(request)),
  );

  app.post(
    '/api/plans/:id/tasks',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ',
        params: uuidParam,
        body: taskFields.extend({ parentId: z.uuid().nullable().default(null) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await addTask(db, request.params.id, request.body, request.user!, actorOf(request)) }),
  );

  app.put(
    '/api/plans/:id/tasks/:taskId',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ (nội dung, thời gian, vai trò, mục tiêu)',
        params: planTaskParams,
        body: taskFields.extend({ version: z.number().int() }),
        response: { 200: z.object({ version: z.number() }) },
      },
    },
    async (request) => updateTask(db, request.params.id, request.params.taskId, request.body, request.user!, actorOf(request)),
  );

  app.delete(
    '/api/plans/:id/tasks/:taskId',
    {
      config: { access: PLAN_EDITORS },
      schema: { tags, summary: 'Xóa nhiệm vụ (và các nhiệm vụ con)', params: planTaskParams, response: { 200: ok } },
    },
    async (request) => {
      await deleteTask(db, request.params.id, request.params.taskId, request.user!, actorOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/plans/:id/tasks/:taskId/move',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary: 'Chuyển nhiệm vụ (đổi cấp, đổi thứ tự)',
        params: planTaskParams,
        body: z.object({ parentId: z.uuid().nullable(), index: z.number().int().min(0) }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await moveTask(
        db,
        request.params.id,
        request.params.taskId,
        request.body.parentId,
        request.body.index,
        request.user!,
        actorOf(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/plans/:id/sub-plans',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary: 'Lập kế hoạch của đơn vị từ các nhiệm vụ đơn vị chủ trì, tham mưu, phối hợp',
        params: uuidParam,
        body: z.object({ orgId: z.uuid() }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await createSubPlan(db, request.params.id, request.body.orgId, request.user!, actorOf(request)) }),
  );

  app.get(
    '/api/plans/:id/matrix',
    {
      config: { access: READ_ALL },
      schema: { tags, summary: 'Ma trận nhiệm vụ × đơn vị', params: uuidParam, response: { 200: matrixAnswer } },
    },
    async (request) => taskMatrix(await getPlan(db, request.params.id, request.user!)),
  );

  app.get(
    '/api/plans/:id/export.docx',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Xuất kế hoạch ra Word theo Nghị định 30/2020',
        params: uuidParam,
        querystring: z.object({ layout: z.enum(['prose', 'table']).default('prose') }),
      },
    },
    async (request, reply) => {
      const plan = await getPlan(db, request.params.id, request.user!);
      const issuerParent = await issuerParentFor(db, plan.document.issuer);
      const buf = await planToDocx(toParsedPlan(plan), { layout: request.query.layout, issuerParent });
      return reply
        .type(DOCX)
        .header('content-disposition', attachment(`Ke-hoach-${plan.document.yearFrom}.docx`))
        .send(buf);
    },
  );

  app.get(
    '/api/plans/:id/export.pdf',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Kế hoạch dạng PDF (từ tệp Word theo Nghị định 30/2020, qua LibreOffice)',
        params: uuidParam,
        querystring: z.object({ layout: z.enum(['prose', 'table']).default('prose') }),
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await planPdf(db, request.params.id, request.user!, request.query.layout);
      return reply.type('application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );

  app.post(
    '/api/plans/:id/signed.pdf',
    {
      config: { access: PLAN_EDITORS },
      schema: { tags, summary: 'Kế hoạch đã ban hành, dạng PDF có chữ ký số của cơ quan (PAdES)', params: uuidParam },
    },
    async (request, reply) => {
      const { pdf, filename } = await signedPlanPdf(db, request.params.id, request.user!, config.signing, actorOf(request));
      return reply.type('application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );

  app.get(
    '/api/plans/:id/matrix.xlsx',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Xuất ma trận nhiệm vụ ra Excel', params: uuidParam } },
    async (request, reply) => {
      const plan = await getPlan(db, request.params.id, request.user!);
      const buf = await taskMatrixToXlsx(toParsedPlan(plan));
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`Ma-tran-nhiem-vu-${plan.document.yearFrom}.xlsx`))
        .send(buf);
    },
  );

  app.get(
    '/api/orgs/:id/tasks',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Nhiệm vụ của một đơn vị trong các kế hoạch của tỉnh đã ban hành',
        params: uuidParam,
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
        response: { 200: orgTasksAnswer },
      },
    },
    async (request) => ({ items: await orgTasks(db, request.params.id, request.query.year) }),
  );
}
