import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { READ_ALL } from '../../http';
import { actorOf } from '../../http';
import { isoDate, ok, uuidParam } from '../../http';
import { getPlan } from '../plans';
import { allocationInput } from './activities.schemas';
import { attachment, XLSX } from '../../http';
import { ACTIVITY_WRITERS, LIBRARY_WRITERS } from './activity-access';
import { deleteAllocation, planBudget, setAllocation } from './budget.service';
import { anniversaries, monthCalendar } from './calendar.service';
import { figuresFor, taskFigures } from './figures.service';
import { budgetToXlsx } from './spreadsheet/budget-xlsx';
import { planTargets, setTargetIndicator } from './targets.service';
import {
  allocationAnswer,
  anniversariesAnswer,
  figuresAnswer,
  monthCalendarAnswer,
  planBudgetAnswer,
  planTargetsAnswer,
  targetIndicatorAnswer,
  taskFiguresAnswer,
} from './figures.answers';

const tags = ['activities'];
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const planQuery = z.object({ planId: z.uuid() });

/** Figures from the record, targets against it, budget against spending, the calendar. */
export async function figureRoutes({ app, database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/activities/figures',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Số liệu từ sổ hoạt động theo từng chỉ tiêu báo cáo (kèm danh sách hoạt động sau mỗi con số)',
        querystring: z.object({
          orgId: z.uuid().optional(),
          taskId: z.uuid().optional(),
          planId: z.uuid().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
        response: { 200: figuresAnswer },
      },
    },
    async (request) => {
      const { taskId, ...rest } = request.query;
      return figuresFor(db, { ...rest, taskIds: taskId ? [taskId] : undefined }, request.user!);
    },
  );

  app.get(
    '/api/activities/tasks/:id/figures',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Số liệu và chỉ tiêu của một nhiệm vụ (kể cả nhiệm vụ con)',
        params: uuidParam,
        querystring: z.object({ orgId: z.uuid().optional(), from: isoDate.optional(), to: isoDate.optional(), asOf: isoDate.optional() }),
        response: { 200: taskFiguresAnswer },
      },
    },
    async (request) => taskFigures(db, request.params.id, { ...request.query, asOf: request.query.asOf ?? today() }, request.user!),
  );

  app.get(
    '/api/activities/targets',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Chỉ tiêu và kết quả thực hiện của kế hoạch; các nhiệm vụ có nguy cơ không đạt',
        querystring: planQuery.extend({ asOf: isoDate.optional() }),
        response: { 200: planTargetsAnswer },
      },
    },
    async (request) => planTargets(db, request.query.planId, request.user!, request.query.asOf ?? today()),
  );

  app.put(
    '/api/activities/targets/:id',
    {
      config: { access: LIBRARY_WRITERS },
      schema: {
        tags,
        summary: 'Chọn chỉ tiêu thống kê đo một chỉ tiêu của nhiệm vụ',
        params: uuidParam,
        body: z.object({ indicator: z.string().max(100).nullable() }),
        response: { 200: targetIndicatorAnswer },
      },
    },
    async (request) => setTargetIndicator(db, request.params.id, request.body.indicator, actorOf(request)),
  );

  app.get(
    '/api/activities/budget',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Kinh phí: dự toán và đã chi theo nhiệm vụ, đơn vị, nguồn',
        querystring: planQuery,
        response: { 200: planBudgetAnswer },
      },
    },
    async (request) => planBudget(db, request.query.planId, request.user!),
  );

  app.get(
    '/api/activities/budget.xlsx',
    { config: { access: READ_ALL }, schema: { tags, summary: 'Xuất kinh phí dự toán và đã chi ra Excel', querystring: planQuery } },
    async (request, reply) => {
      const budget = await planBudget(db, request.query.planId, request.user!);
      const plan = await getPlan(db, request.query.planId, request.user!);
      const buf = await budgetToXlsx(budget, `Kinh phí thực hiện: ${plan.document.title}`);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`Kinh-phi-${plan.document.yearFrom}.xlsx`))
        .send(buf);
    },
  );

  app.put(
    '/api/activities/budget/allocations',
    {
      config: { access: ACTIVITY_WRITERS },
      schema: {
        tags,
        summary: 'Ghi dự toán kinh phí của một nhiệm vụ, đơn vị, nguồn',
        body: allocationInput,
        response: { 200: allocationAnswer },
      },
    },
    async (request) => setAllocation(db, request.body, request.user!, actorOf(request)),
  );

  app.delete(
    '/api/activities/budget/allocations/:id',
    { config: { access: ACTIVITY_WRITERS }, schema: { tags, summary: 'Xóa một dòng dự toán', params: uuidParam, response: { 200: ok } } },
    async (request) => {
      await deleteAllocation(db, request.params.id, request.user!, actorOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/activities/calendar',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Lịch tháng: hoạt động, hạn nhiệm vụ, hạn báo cáo, ngày kỷ niệm',
        querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), orgId: z.uuid().optional() }),
        response: { 200: monthCalendarAnswer },
      },
    },
    async (request) => monthCalendar(db, request.query.month, request.query.orgId, request.user!),
  );

  app.get(
    '/api/activities/anniversaries',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Ngày lễ lớn và kỷ niệm năm tròn quan hệ ngoại giao của một năm (kèm nguồn dữ liệu)',
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
        response: { 200: anniversariesAnswer },
      },
    },
    async (request) => anniversaries(request.query.year),
  );
}
