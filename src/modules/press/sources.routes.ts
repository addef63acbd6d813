import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf } from '../../http';
import { ok, uuidParam } from '../../http';
import { PRESS_MONITOR, PRESS_READERS } from './press.access';
import { sourceDto, sourceInput } from './press.schemas';
import { createSource, deleteSource, listSources, pollSoon, updateSource } from './sources.service';

const tags = ['press'];

export async function sourceRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/press/sources',
    {
      config: { access: PRESS_READERS },
      schema: {
        tags,
        summary: 'Nguồn tin (RSS/Atom) với tình trạng và lỗi gần nhất',
        response: { 200: z.object({ items: z.array(sourceDto) }) },
      },
    },
    async () => ({ items: await listSources(db) }),
  );
  app.post(
    '/api/press/sources',
    { config: { access: PRESS_MONITOR }, schema: { tags, summary: 'Thêm nguồn tin', body: sourceInput, response: { 201: sourceDto } } },
    async (request, reply) => reply.status(201).send(await createSource(db, request.body, actorOf(request))),
  );
  app.put(
    '/api/press/sources/:id',
    {
      config: { access: PRESS_MONITOR },
      schema: { tags, summary: 'Sửa nguồn tin', params: uuidParam, body: sourceInput, response: { 200: sourceDto } },
    },
    async (request) => updateSource(db, request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/api/press/sources/:id',
    {
      config: { access: PRESS_MONITOR },
      schema: { tags, summary: 'Xóa nguồn tin (bài đã thu giữ nguyên)', params: uuidParam, response: { 200: ok } },
    },
    async (request) => {
      await deleteSource(db, request.params.id, actorOf(request));
      return { ok: true as const };
    },
  );
  app.post(
    '/api/press/sources/:id/poll',
    {
      config: { access: PRESS_MONITOR },
      schema: { tags, summary: 'Thu lại nguồn tin ở lượt chạy kế tiếp', params: uuidParam, response: { 200: ok } },
    },
    async (request) => {
      await pollSoon(db, request.params.id);
      return { ok: true as const };
    },
  );
}
