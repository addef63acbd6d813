import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { attachment } from '../../http';
import { paging, uuidParam } from '../../http';
import { CASE_STATUS_VALUES } from './cases.workflow';
import { addAttachment, addComment, createCase, getAttachment, getCase, listCases, transitionCase, updateCase } from './cases.service';
import { PRESS_ARTICLE_READERS, PRESS_CASE_WORKERS, PRESS_MONITOR } from './press.access';
import { attachmentDto, caseDetail, caseDto, caseInput, commentDto, transitionInput } from './press.schemas';

const tags = ['press'];

export async function caseRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/press/cases',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: {
        tags,
        summary: 'Vụ việc xử lý thông tin (cán bộ đơn vị chỉ thấy vụ việc giao cho đơn vị mình)',
        querystring: z.object({
          status: z.enum(CASE_STATUS_VALUES).optional(),
          open: z.enum(['true', 'false']).optional(),
          orgId: z.uuid().optional(),
          ...paging,
        }),
        response: { 200: z.object({ items: z.array(caseDto), total: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    async (request) => listCases(db, request.user!, { ...request.query, open: request.query.open === 'true' }),
  );
  app.post(
    '/api/press/cases',
    {
      config: { access: PRESS_MONITOR },
      schema: { tags, summary: 'Mở vụ việc từ bài viết, sự kiện hoặc cảnh báo', body: caseInput, response: { 201: caseDto } },
    },
    async (request, reply) => reply.status(201).send(await createCase(db, request.body, request.user!, request.ip)),
  );
  app.get(
    '/api/press/cases/:id',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: { tags, summary: 'Vụ việc: lịch sử, ý kiến, tệp đính kèm', params: uuidParam, response: { 200: caseDetail } },
    },
    async (request) => getCase(db, request.params.id, request.user!),
  );
  app.put(
    '/api/press/cases/:id',
    {
      config: { access: PRESS_MONITOR },
      schema: {
        tags,
        summary: 'Giao đơn vị, hạn xử lý',
        params: uuidParam,
        body: caseInput.pick({ title: true, orgId: true, deadline: true, summary: true }).extend({ version: z.number().int() }),
        response: { 200: caseDto },
      },
    },
    async (request) => updateCase(db, request.params.id, request.body, request.user!, request.ip),
  );
  app.post(
    '/api/press/cases/:id/transition',
    {
      config: { access: PRESS_CASE_WORKERS },
      schema: {
        tags,
        summary: 'Bước xử lý: xác minh → dự thảo tài liệu lập luận → phê duyệt → cung cấp cho báo chí → đóng',
        params: uuidParam,
        body: transitionInput,
        response: { 200: caseDto },
      },
    },
    async (request) => {
      const { action, ...rest } = request.body;
      return transitionCase(db, request.params.id, action, rest, request.user!, request.ip);
    },
  );
  app.post(
    '/api/press/cases/:id/comments',
    {
      config: { access: PRESS_CASE_WORKERS },
      schema: {
        tags,
        summary: 'Thêm ý kiến',
        params: uuidParam,
        body: z.object({ body: z.string().trim().min(1).max(20_000) }),
        response: { 201: commentDto },
      },
    },
    async (request, reply) => reply.status(201).send(await addComment(db, request.params.id, request.body.body, request.user!, request.ip)),
  );
  app.post(
    '/api/press/cases/:id/attachments',
    {
      config: { access: PRESS_CASE_WORKERS },
      schema: {
        tags,
        summary: 'Đính kèm tệp (pdf, docx, xlsx, odt, png, jpg, txt; tối đa 10 MB; gửi nguyên tệp)',
        params: uuidParam,
        querystring: z.object({ filename: z.string().trim().min(1).max(255) }),
        response: { 201: attachmentDto },
      },
    },
    async (request, reply) => {
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      return reply.status(201).send(await addAttachment(db, request.params.id, request.query.filename, data, request.user!, request.ip));
    },
  );
  app.get(
    '/api/press/cases/:id/attachments/:attachmentId',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: { tags, summary: 'Tải tệp đính kèm', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
    },
    async (request, reply) => {
      const a = await getAttachment(db, request.params.id, request.params.attachmentId, request.user!);
      return reply
        .header('content-type', a.mime)
        .header('content-disposition', attachment(a.filename))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(a.data));
    },
  );
}
