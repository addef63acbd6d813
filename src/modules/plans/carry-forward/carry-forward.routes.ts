import { z } from 'zod';
import type { RouteDeps } from '../../../http';
import { actorOf, attachment, READ_ALL, requestLang, uuidParam, XLSX } from '../../../http';
import { carryDiffToXlsx } from './carry-diff-xlsx';
import { carryDiffDto, carryForwardBody, carryReviewDto } from './carry-forward.schemas';
import { carryForward } from './carry-forward.service';
import { carryDiff, carryReview, reviewCarryItem } from './carry-review.service';

const tags = ['plans'];

/** Next year's plan from this year's: the carry-forward, its review list and the diff of the two plans. */
export async function carryForwardRoutes({ app, database }: RouteDeps) {
  const db = database.db;

  app.post(
    '/api/plans/:id/carry-forward',
    {
      config: { access: ['admin', 'secretariat'] },
      schema: {
        tags,
        summary: 'Lập kế hoạch năm sau từ kế hoạch đã ban hành (dự thảo mới kèm danh sách thay đổi cần rà soát)',
        params: uuidParam,
        body: carryForwardBody,
        response: { 201: z.object({ id: z.string(), items: z.number(), needsChoice: z.number() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await carryForward(db, request.params.id, request.body.year, request.user!, actorOf(request), request.body.asOf)),
  );

  app.get(
    '/api/plans/:id/carry-review',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Danh sách thay đổi cần rà soát của kế hoạch lập từ năm trước',
        params: uuidParam,
        response: { 200: carryReviewDto },
      },
    },
    async (request) => carryReview(db, request.params.id, request.user!, requestLang(request)),
  );

  app.post(
    '/api/plans/:id/carry-review/:itemId',
    {
      config: { access: ['admin', 'secretariat'] },
      schema: {
        tags,
        summary: 'Đánh dấu đã rà soát; với thay đổi cơ quan, chọn một trong các cơ quan tiếp nhận',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        body: z.object({ reviewed: z.boolean(), orgId: z.uuid().optional() }),
        response: { 200: z.object({ id: z.string(), reviewed: z.boolean(), chosenOrgId: z.string().nullable() }) },
      },
    },
    async (request) => reviewCarryItem(db, request.params.id, request.params.itemId, request.body, request.user!, actorOf(request)),
  );

  app.get(
    '/api/plans/:id/carry-diff',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'So sánh kế hoạch với kế hoạch năm trước, từng nhiệm vụ',
        params: uuidParam,
        response: { 200: carryDiffDto },
      },
    },
    async (request) => {
      const d = await carryDiff(db, request.params.id, request.user!);
      return {
        from: { id: d.from.id, title: d.from.document.title, yearFrom: d.from.document.yearFrom },
        to: { id: d.to.id, title: d.to.document.title, yearFrom: d.to.document.yearFrom },
        rows: d.rows,
      };
    },
  );

  app.get(
    '/api/plans/:id/carry-diff.xlsx',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Xuất bảng so sánh với kế hoạch năm trước ra Excel',
        params: uuidParam,
        // A download link carries the screen's language (a browser's Accept-Language may differ from it).
        querystring: z.object({ lang: z.enum(['vi', 'en']).optional() }),
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? requestLang(request);
      const d = await carryDiff(db, request.params.id, request.user!);
      const review = await carryReview(db, request.params.id, request.user!, lang);
      const buf = await carryDiffToXlsx(
        { rows: d.rows, fromYear: d.from.document.yearFrom!, toYear: d.to.document.yearFrom! },
        review.items.map((i) => ({ message: i.message, reviewed: Boolean(i.reviewedAt) })),
        lang,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`So-sanh-ke-hoach-${d.from.document.yearFrom}-${d.to.document.yearFrom}.xlsx`))
        .send(buf);
    },
  );
}
