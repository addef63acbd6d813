import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf } from '../../http';
import { ok, uuidParam } from '../../http';
import { PRESS_ARTICLE_READERS, PRESS_MONITOR } from './press.access';
import { topicDto, topicInput, topicListItem } from './press.schemas';
import { createTopic, deleteTopic, listTopics, setFollowing, updateTopic } from './topics.service';

const tags = ['press'];

export async function topicRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/press/topics',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: {
        tags,
        summary: 'Chủ đề theo dõi (từ khóa, loại trừ, người theo dõi)',
        response: { 200: z.object({ items: z.array(topicListItem) }) },
      },
    },
    async (request) => ({ items: await listTopics(db, request.user!.id) }),
  );
  app.post(
    '/api/press/topics',
    { config: { access: PRESS_MONITOR }, schema: { tags, summary: 'Thêm chủ đề', body: topicInput, response: { 201: topicDto } } },
    async (request, reply) => reply.status(201).send(await createTopic(db, request.body, actorOf(request))),
  );
  app.put(
    '/api/press/topics/:id',
    {
      config: { access: PRESS_MONITOR },
      schema: {
        tags,
        summary: 'Sửa chủ đề (kèm version)',
        params: uuidParam,
        body: topicInput.extend({ version: z.number().int() }),
        response: { 200: topicDto },
      },
    },
    async (request) => updateTopic(db, request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/api/press/topics/:id',
    { config: { access: PRESS_MONITOR }, schema: { tags, summary: 'Xóa chủ đề', params: uuidParam, response: { 200: ok } } },
    async (request) => {
      await deleteTopic(db, request.params.id, actorOf(request));
      return { ok: true as const };
    },
  );
  app.post(
    '/api/press/topics/:id/follow',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: {
        tags,
        summary: 'Theo dõi / bỏ theo dõi chủ đề (nhận cảnh báo)',
        params: uuidParam,
        body: z.object({ follow: z.boolean() }),
        response: { 200: z.object({ following: z.boolean() }) },
      },
    },
    async (request) => setFollowing(db, request.params.id, request.user!.id, request.body.follow),
  );
}
