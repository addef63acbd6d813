import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { READ_ALL } from '../../http';
import { requestLang } from '../../http';
import { actorOf } from '../../http';
import { ok, paged, uuidParam } from '../../http';
import { AppError } from '../../shared/errors';
import { activityDto, activityInput, activityQuery, activityUpdate } from './activities.schemas';
import { allActivities, createActivity, deleteActivity, listActivities, readActivity, updateActivity } from './activities.service';
import { ACTIVITY_WRITERS } from './activity-access';
import { addActivityFile, deleteActivityFile, readActivityFile } from './activity-files.service';
import { ACTIVITY_KIND_VALUES } from './activity-kinds';
import { figureRoutes } from './figures.routes';
import { attachment, XLSX } from '../../http';
import { registerActivityFigures } from './indicators';
import { libraryRoutes } from './library.routes';
import { importActivities } from './spreadsheet/import';
import { activitiesXlsx, templateXlsx } from './spreadsheet/template';

const tags = ['activities'];
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const exportQuery = activityQuery.omit({ page: true, pageSize: true });

/** The activity register (and, through figureRoutes and libraryRoutes, figures, targets, budget, calendar, library). */
export async function activityRoutes(deps: RouteDeps) {
  const { app, database } = deps;
  const db = database.db;
  registerActivityFigures();

  app.get(
    '/api/activities',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Sổ hoạt động (lọc theo loại, đơn vị, nhiệm vụ, kế hoạch, thời gian, chỉ tiêu)',
        querystring: activityQuery,
        response: { 200: paged(activityDto) },
      },
    },
    async (request) => listActivities(db, request.query, request.user!),
  );

  app.get(
    '/api/activities/export.xlsx',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Xuất danh sách đã lọc ra Excel', querystring: exportQuery } },
    async (request, reply) => {
      const items = await allActivities(db, request.query, request.user!);
      const buf = await activitiesXlsx(items, request.query.kind ?? null);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`Hoat-dong${request.query.kind ? `-${request.query.kind}` : ''}.xlsx`))
        .send(buf);
    },
  );

  app.get(
    '/api/activities/template/:kind',
    {
      config: { access: READ_ALL },
      schema: { tags, summary: 'Tệp Excel mẫu để nhập hoạt động của một loại', params: z.object({ kind: z.enum(ACTIVITY_KIND_VALUES) }) },
    },
    async (request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment(`Mau-nhap-${request.params.kind}.xlsx`))
        .send(await templateXlsx(request.params.kind)),
  );

  app.post(
    '/api/activities/import',
    {
      config: { access: ACTIVITY_WRITERS },
      schema: {
        tags,
        summary:
          'Nhập hoạt động từ tệp Excel theo mẫu (gửi nguyên tệp, application/octet-stream): kiểm tra mọi dòng; không lưu gì nếu có lỗi, trừ khi validOnly=true',
        querystring: z.object({
          kind: z.enum(ACTIVITY_KIND_VALUES),
          planId: z.uuid(),
          validOnly: z.enum(['true', 'false']).default('false'),
        }),
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('activity.file_empty', { field: 'body' });
      const q = request.query;
      const result = await importActivities(
        db,
        request.body,
        { kind: q.kind, planId: q.planId, validOnly: q.validOnly === 'true', lang: requestLang(request) },
        request.user!,
        actorOf(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/activities',
    {
      config: { access: ACTIVITY_WRITERS },
      schema: { tags, summary: 'Ghi một hoạt động', body: activityInput, response: { 201: activityDto } },
    },
    async (request, reply) => reply.status(201).send(await createActivity(db, request.body, request.user!, actorOf(request))),
  );

  app.get(
    '/api/activities/:id',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Một hoạt động', params: uuidParam, response: { 200: activityDto } } },
    async (request) => readActivity(db, request.params.id, request.user!),
  );

  app.put(
    '/api/activities/:id',
    {
      config: { access: ACTIVITY_WRITERS },
      schema: { tags, summary: 'Sửa hoạt động (kèm version)', params: uuidParam, body: activityUpdate, response: { 200: activityDto } },
    },
    async (request) => updateActivity(db, request.params.id, request.body, request.user!, actorOf(request)),
  );

  app.delete(
    '/api/activities/:id',
    { config: { access: ACTIVITY_WRITERS }, schema: { tags, summary: 'Xóa hoạt động', params: uuidParam, response: { 200: ok } } },
    async (request) => {
      await deleteActivity(db, request.params.id, request.user!, actorOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/activities/:id/files',
    {
      config: { access: ACTIVITY_WRITERS },
      schema: {
        tags,
        summary: 'Đính kèm tệp (pdf, docx, xlsx, pptx, jpg, png, mp4; tối đa 10 MB; application/octet-stream)',
        params: uuidParam,
        querystring: z.object({ filename: z.string().min(1).max(300) }),
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('activity.file_empty', { field: 'body' });
      return reply
        .status(201)
        .send(await addActivityFile(db, request.params.id, request.query.filename, request.body, request.user!, actorOf(request)));
    },
  );

  app.get(
    '/api/activities/:id/files/:fileId',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Tải tệp đính kèm', params: fileParams } },
    async (request, reply) => {
      const f = await readActivityFile(db, request.params.id, request.params.fileId, request.user!);
      return reply
        .type(f.mime)
        .header('content-disposition', attachment(f.filename))
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );

  app.delete(
    '/api/activities/:id/files/:fileId',
    { config: { access: ACTIVITY_WRITERS }, schema: { tags, summary: 'Xóa tệp đính kèm', params: fileParams, response: { 200: ok } } },
    async (request) => {
      await deleteActivityFile(db, request.params.id, request.params.fileId, request.user!, actorOf(request));
      return { ok: true as const };
    },
  );

  await figureRoutes(deps);
  await libraryRoutes(deps);
}
