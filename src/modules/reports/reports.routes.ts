import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { READ_ALL, type Role } from '../../http';
import { actorOf } from '../../http';
import { ok, uuidParam } from '../../http';
import { AppError } from '../../shared/errors';
import type { Notifier } from './notify';
import { attachment, requestLang } from '../../http';
import { signatureAnswer, verifyAnswer, verifyUploadedPdf } from '../signing';
import { periodRoutes } from './periods.routes';
import { getReport, openReport, saveDraft } from './report-edit.service';
import { addFile, deleteFile, getFile } from './report-files.service';
import { transition } from './report-workflow.service';
import { reportDraftInput } from './reports.schemas';
import { reportAnswer, reportFileAnswer } from './reports.answers';

const tags = ['reports'];
const WRITERS: readonly Role[] = ['secretariat', 'officer'];

/** An organisation's report: open, read, autosave, attach files, submit, return, accept. */
export async function reportRoutes(deps: RouteDeps) {
  const { app, database, config } = deps;
  const db = database.db;
  const notifier: Notifier = { config, log: app.log };
  await periodRoutes(deps);

  app.post(
    '/api/report-periods/:id/reports',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Mở (tạo nếu chưa có) báo cáo của một đơn vị trong kỳ',
        params: uuidParam,
        body: z.object({ orgId: z.uuid() }),
        response: { 200: z.object({ id: z.string(), created: z.boolean() }) },
      },
    },
    async (request) => openReport(db, request.params.id, request.body.orgId, request.user!, actorOf(request)),
  );

  app.get(
    '/api/reports/:id',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Báo cáo của đơn vị', params: uuidParam, response: { 200: reportAnswer } } },
    async (request) => getReport(db, request.params.id, request.user!),
  );

  app.put(
    '/api/reports/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Lưu dự thảo báo cáo (kèm version; bị từ chối nếu người khác vừa lưu)',
        params: uuidParam,
        body: reportDraftInput,
        response: { 200: z.object({ version: z.number(), updatedAt: z.string() }) },
      },
    },
    async (request) => saveDraft(db, request.params.id, request.body, request.user!, actorOf(request)),
  );

  const step = (action: 'submit' | 'return' | 'accept', access: readonly Role[], summary: string, body: z.ZodObject) =>
    app.post(
      `/api/reports/:id/${action}`,
      {
        config: { access },
        schema: { tags, summary, params: uuidParam, body, response: { 200: z.object({ status: z.string(), version: z.number() }) } },
      },
      async (request) => {
        const b = request.body as { comment?: string; version?: number };
        return transition(db, notifier, request.params.id, action, request.user!, actorOf(request), {
          comment: b.comment,
          version: b.version,
        });
      },
    );
  step('submit', WRITERS, 'Gửi báo cáo (hoặc gửi lại sau khi bị trả lại)', z.object({ version: z.number().int().optional() }));
  step('return', ['secretariat'], 'Trả lại báo cáo kèm ý kiến', z.object({ comment: z.string().trim().min(3).max(5000) }));
  step('accept', ['secretariat'], 'Chấp nhận báo cáo (khóa)', z.object({}));

  app.post(
    '/api/reports/:id/files',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Đính kèm tệp (gửi nguyên tệp, application/octet-stream): .pdf, .docx, .xlsx, .jpg, .png, tối đa 10 MB',
        params: uuidParam,
        querystring: z.object({ filename: z.string().trim().min(1).max(300), taskId: z.uuid().optional() }),
        response: { 201: reportFileAnswer },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('report.file_empty', { field: 'body' });
      return reply.status(201).send(await addFile(db, request.params.id, request.query, request.body, request.user!, actorOf(request)));
    },
  );

  app.get(
    '/api/report-files/:id',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Tải tệp đính kèm', params: uuidParam } },
    async (request, reply) => {
      const f = await getFile(db, request.params.id, request.user!);
      return reply
        .type(f.mime)
        .header('content-disposition', attachment(f.filename))
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );

  app.get(
    '/api/report-files/:id/signatures',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary:
          'Chữ ký số của tệp PDF đính kèm: hợp lệ, đã bị thay đổi sau khi ký, hay người ký không được tin cậy; người ký, thời gian ký',
        params: uuidParam,
        response: { 200: verifyAnswer },
      },
    },
    async (request) => {
      const f = await getFile(db, request.params.id, request.user!);
      return signatureAnswer(f.filename, await verifyUploadedPdf(config.signing, f.data, f.filename), requestLang(request));
    },
  );

  app.delete(
    '/api/report-files/:id',
    { config: { access: WRITERS }, schema: { tags, summary: 'Bỏ tệp đính kèm', params: uuidParam, response: { 200: ok } } },
    async (request) => {
      await deleteFile(db, request.params.id, request.user!, actorOf(request));
      return { ok: true as const };
    },
  );
}
