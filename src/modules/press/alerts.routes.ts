import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { ok, paging, uuidParam } from '../../http';
import { actorOf } from '../../http';
import { acknowledgeAlert, createRule, deleteRule, listAlerts, listRules, ruleDto } from './alerts.service';
import { PRESS_MONITOR, PRESS_READERS } from './press.access';
import { alertDto, ruleDto as ruleSchema, ruleInput } from './press.schemas';

const tags = ['press'];

export async function alertRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/press/alerts',
    {
      config: { access: PRESS_READERS },
      schema: {
        tags,
        summary: 'Cảnh báo (mới nhất trước)',
        querystring: z.object({ open: z.enum(['true', 'false']).optional(), ...paging }),
        response: { 200: z.object({ items: z.array(alertDto), total: z.number(), page: z.number(), pageSize: z.number() }) },
      },
    },
    async (request) => listAlerts(db, { open: request.query.open === 'true', page: request.query.page, pageSize: request.query.pageSize }),
  );
  app.post(
    '/api/press/alerts/:id/ack',
    {
      config: { access: PRESS_MONITOR },
      schema: {
        tags,
        summary: 'Xác nhận đã xem cảnh báo',
        params: uuidParam,
        response: { 200: z.object({ id: z.string(), acknowledgedAt: z.string() }) },
      },
    },
    async (request) => acknowledgeAlert(db, request.params.id, request.user!.id, actorOf(request)),
  );
  app.get(
    '/api/press/alert-rules',
    {
      config: { access: PRESS_READERS },
      schema: { tags, summary: 'Quy tắc cảnh báo', response: { 200: z.object({ items: z.array(ruleSchema) }) } },
    },
    async () => ({ items: (await listRules(db)).map(ruleDto) }),
  );
  app.post(
    '/api/press/alert-rules',
    {
      config: { access: PRESS_MONITOR },
      schema: { tags, summary: 'Thêm quy tắc cảnh báo', body: ruleInput, response: { 201: ruleSchema } },
    },
    async (request, reply) => reply.status(201).send(await createRule(db, request.body, actorOf(request))),
  );
  app.delete(
    '/api/press/alert-rules/:id',
    { config: { access: PRESS_MONITOR }, schema: { tags, summary: 'Xóa quy tắc cảnh báo', params: uuidParam, response: { 200: ok } } },
    async (request) => {
      await deleteRule(db, request.params.id, actorOf(request));
      return { ok: true as const };
    },
  );
}
