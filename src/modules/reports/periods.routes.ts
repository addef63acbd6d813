import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { attachment, DOCX, XLSX } from '../../http';
import { READ_ALL, type Role } from '../../http';
import { actorOf } from '../../http';
import { uuidParam } from '../../http';
import { writeAudit } from '../audit';
import { calendarFeed, createCalendarToken, revokeCalendarToken } from './calendar.service';
import { buildConsolidated, issueConsolidated, saveNarrative } from './consolidated.service';
import { taskContributions } from './contributions.service';
import { periodDashboard } from './dashboard.service';
import { vnDate } from './dates';
import { expectedOrgs } from './expected';
import { consolidatedToDocx } from './export/consolidated-docx';
import { consolidatedToPdf, signedConsolidatedPdf } from './export/consolidated-pdf';
import { consolidatedToXlsx } from './export/consolidated-xlsx';
import { addIndicator, listIndicators } from './indicators';
import { createAdHoc, generatePeriods, getPeriod, listPeriods, periodDto, updatePeriod } from './periods.service';
import { adHocInput, indicatorInput, narrativeInput, periodPatch } from './reports.schemas';
import {
  adHocPeriodAnswer,
  consolidatedAnswer,
  contributionsAnswer,
  dashboardAnswer,
  indicatorAnswer,
  indicatorListAnswer,
  periodAnswer,
  periodListAnswer,
  periodUpdateAnswer,
} from './periods.answers';

const tags = ['reports'];
export const OVERSEERS: readonly Role[] = ['admin', 'secretariat', 'leader', 'inspector'];
const SECRETARIAT: readonly Role[] = ['secretariat'];
const periodTaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });

/** Periods, ad-hoc requests, completeness dashboard, consolidated report, indicator catalogue, calendar feeds. */
export async function periodRoutes({ app, database, config }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/report-periods',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Kỳ báo cáo và yêu cầu báo cáo đột xuất',
        querystring: z.object({ planId: z.uuid().optional(), year: z.coerce.number().int().min(1990).max(2100).optional() }),
        response: { 200: periodListAnswer },
      },
    },
    async (request) => ({ items: await listPeriods(db, request.user!, request.query) }),
  );

  app.post(
    '/api/report-periods/generate',
    {
      config: { access: SECRETARIAT },
      schema: {
        tags,
        summary: 'Lập các kỳ báo cáo từ hạn báo cáo của kế hoạch (không tạo trùng)',
        body: z.object({ planId: z.uuid() }),
        response: { 200: z.object({ created: z.array(z.string()) }) },
      },
    },
    async (request) => generatePeriods(db, request.body.planId, request.user!.id, actorOf(request)),
  );

  app.post(
    '/api/report-periods/ad-hoc',
    {
      config: { access: SECRETARIAT },
      schema: { tags, summary: 'Yêu cầu báo cáo đột xuất', body: adHocInput, response: { 201: adHocPeriodAnswer } },
    },
    async (request, reply) => reply.status(201).send(periodDto(await createAdHoc(db, request.body, request.user!, actorOf(request)))),
  );

  app.get(
    '/api/report-periods/:id',
    {
      config: { access: READ_ALL },
      schema: { tags, summary: 'Kỳ báo cáo và các đơn vị phải báo cáo', params: uuidParam, response: { 200: periodAnswer } },
    },
    async (request) => {
      const period = await getPeriod(db, request.params.id);
      const expected = await expectedOrgs(db, period);
      return {
        ...periodDto(period),
        expected: expected.map((e) => ({ orgId: e.orgId, name: e.name, kind: e.kind, replaces: e.replaces, tasks: e.tasks })),
      };
    },
  );

  app.patch(
    '/api/report-periods/:id',
    {
      config: { access: SECRETARIAT },
      schema: {
        tags,
        summary: 'Sửa kỳ báo cáo (khoảng số liệu, ngày mở, hạn), mở lại hoặc khóa sổ',
        params: uuidParam,
        body: periodPatch,
        response: { 200: periodUpdateAnswer },
      },
    },
    async (request) => periodDto(await updatePeriod(db, request.params.id, request.body, actorOf(request))),
  );

  app.get(
    '/api/report-periods/:id/dashboard',
    {
      config: { access: OVERSEERS },
      schema: {
        tags,
        summary: 'Tình hình báo cáo: phải gửi, đã nhận, đúng hạn, trễ, chưa gửi; theo đơn vị và nhiệm vụ',
        params: uuidParam,
        response: { 200: dashboardAnswer },
      },
    },
    async (request) => periodDashboard(db, request.params.id),
  );

  app.get(
    '/api/report-periods/:id/tasks/:taskId/contributions',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Báo cáo của các đơn vị về một nhiệm vụ (đơn vị chủ trì xem được của đơn vị phối hợp)',
        params: periodTaskParams,
        response: { 200: contributionsAnswer },
      },
    },
    async (request) => taskContributions(db, request.params.id, request.params.taskId, request.user!),
  );

  app.get(
    '/api/report-periods/:id/consolidated',
    {
      config: { access: OVERSEERS },
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp của tỉnh (dự thảo từ các báo cáo đã chấp nhận)',
        params: uuidParam,
        response: { 200: consolidatedAnswer },
      },
    },
    async (request) => buildConsolidated(db, await getPeriod(db, request.params.id)),
  );

  app.put(
    '/api/report-periods/:id/consolidated',
    {
      config: { access: SECRETARIAT },
      schema: {
        tags,
        summary: 'Sửa phần nhận định của báo cáo tổng hợp',
        params: uuidParam,
        body: narrativeInput,
        response: { 200: z.object({ version: z.number() }) },
      },
    },
    async (request) => {
      await getPeriod(db, request.params.id);
      return saveNarrative(db, request.params.id, request.body, request.user!, actorOf(request));
    },
  );

  app.post(
    '/api/report-periods/:id/consolidated/issue',
    {
      config: { access: SECRETARIAT },
      schema: {
        tags,
        summary:
          'Ban hành báo cáo tổng hợp: cấp số tiếp theo trong sổ đăng ký văn bản đi của cơ quan thường trực (BC), ngày ban hành là hôm nay',
        params: uuidParam,
        body: z.object({ version: z.number().int() }),
        response: { 200: z.object({ number: z.string(), serial: z.number().int(), issuedOn: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => issueConsolidated(db, await getPeriod(db, request.params.id), request.body.version, request.user!, actorOf(request)),
  );

  app.get(
    '/api/report-periods/:id/consolidated.docx',
    {
      config: { access: OVERSEERS },
      schema: { tags, summary: 'Xuất báo cáo tổng hợp ra Word (Nghị định 30/2020, BC)', params: uuidParam },
    },
    async (request, reply) => {
      const c = await buildConsolidated(db, await getPeriod(db, request.params.id));
      const buf = await consolidatedToDocx(c, vnDate(new Date()));
      return reply
        .type(DOCX)
        .header('content-disposition', attachment(`Bao-cao-tong-hop-${c.period.year}-${c.period.kind}.docx`))
        .send(buf);
    },
  );

  app.get(
    '/api/report-periods/:id/consolidated.pdf',
    {
      config: { access: OVERSEERS },
      schema: { tags, summary: 'Báo cáo tổng hợp dạng PDF (từ tệp Word, qua LibreOffice)', params: uuidParam },
    },
    async (request, reply) => {
      const c = await buildConsolidated(db, await getPeriod(db, request.params.id));
      const { pdf, filename } = await consolidatedToPdf(c, vnDate(new Date()));
      return reply.type('application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );

  app.post(
    '/api/report-periods/:id/consolidated/signed.pdf',
    {
      config: { access: SECRETARIAT },
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp đã ban hành, dạng PDF có chữ ký số của cơ quan (PAdES)',
        params: uuidParam,
      },
    },
    async (request, reply) => {
      const c = await buildConsolidated(db, await getPeriod(db, request.params.id));
      const { pdf, filename } = await signedConsolidatedPdf(c, config.signing);
      await writeAudit(db, actorOf(request), {
        action: 'sign',
        entity: 'consolidated_report',
        entityId: request.params.id,
        after: { number: c.number, issuedOn: c.issuedOn },
      });
      return reply.type('application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );

  app.get(
    '/api/report-periods/:id/consolidated.xlsx',
    { config: { access: OVERSEERS }, schema: { tags, summary: 'Xuất số liệu báo cáo tổng hợp ra Excel', params: uuidParam } },
    async (request, reply) => {
      const c = await buildConsolidated(db, await getPeriod(db, request.params.id));
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`So-lieu-${c.period.year}-${c.period.kind}.xlsx`))
        .send(await consolidatedToXlsx(c));
    },
  );

  app.get(
    '/api/report-indicators',
    {
      config: { access: READ_ALL },
      schema: { tags, summary: 'Danh mục chỉ tiêu báo cáo', response: { 200: indicatorListAnswer } },
    },
    async () => ({ items: (await listIndicators(db)).map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) }),
  );

  app.post(
    '/api/report-indicators',
    {
      config: { access: SECRETARIAT },
      schema: { tags, summary: 'Thêm chỉ tiêu vào danh mục', body: indicatorInput, response: { 201: indicatorAnswer } },
    },
    async (request, reply) => {
      const row = await addIndicator(db, request.body, actorOf(request));
      return reply.status(201).send({ ...row, createdAt: row.createdAt.toISOString() });
    },
  );

  app.post(
    '/api/orgs/:id/calendar-token',
    {
      config: { access: ['admin', 'secretariat', 'officer'] },
      schema: {
        tags,
        summary: 'Tạo (hoặc đổi) đường dẫn lịch hạn báo cáo của đơn vị; đường dẫn cũ hết hiệu lực',
        params: uuidParam,
        response: { 200: z.object({ path: z.string() }) },
      },
    },
    async (request) => createCalendarToken(db, request.params.id, request.user!, actorOf(request)),
  );

  app.delete(
    '/api/orgs/:id/calendar-token',
    {
      config: { access: ['admin', 'secretariat', 'officer'] },
      schema: {
        tags,
        summary: 'Thu hồi đường dẫn lịch của đơn vị',
        params: uuidParam,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await revokeCalendarToken(db, request.params.id, request.user!, actorOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Lịch hạn báo cáo (iCalendar) của một đơn vị; đường dẫn chứa mã bí mật',
        params: z.object({ token: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const ics = await calendarFeed(db, request.params.token.replace(/\.ics$/, ''));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(ics);
    },
  );
}
