import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { paging } from '../../http';
import { listNotifications, markRead } from './notifications.service';

const tags = ['notifications'];
const notificationDto = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export async function notificationRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Thông báo của người dùng hiện tại',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), ...paging }),
        response: {
          200: z.object({
            items: z.array(notificationDto),
            total: z.number().int(),
            unread: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      listNotifications(db, request.user!.id, {
        unreadOnly: request.query.unread === 'true',
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );
  app.post(
    '/api/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc (các thông báo đã chọn, hoặc tất cả)',
        body: z.object({ ids: z.array(z.uuid()).max(500).optional() }),
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => ({ updated: await markRead(db, request.user!.id, request.body.ids) }),
  );
}
