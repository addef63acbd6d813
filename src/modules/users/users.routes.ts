import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { ROLE_VALUES } from '../../http';
import { actorOf } from '../../http';
import { uuidParam } from '../../http';
import { userDto } from '../auth';
import { createUser, listUsers, updateUser } from './users.service';

const tags = ['users'];
const ADMIN = ['admin'] as const;

export async function userRoutes({ app, database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/users',
    { config: { access: ADMIN }, schema: { tags, summary: 'Người dùng', response: { 200: z.object({ items: z.array(userDto) }) } } },
    async () => ({ items: await listUsers(db) }),
  );

  app.post(
    '/api/users',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Thêm người dùng',
        body: z.object({
          username: z
            .string()
            .trim()
            .min(3)
            .max(60)
            .regex(/^[a-zA-Z0-9._-]+$/, 'chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
          displayName: z.string().trim().max(200).optional(),
          password: z.string().min(1).max(200),
          role: z.enum(ROLE_VALUES),
          orgId: z.uuid().nullable().optional(),
          email: z.email().nullable().optional(),
        }),
        response: { 201: userDto },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request.body, actorOf(request))),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Sửa người dùng (vai trò, đơn vị, khóa/mở, đặt lại mật khẩu)',
        params: uuidParam,
        body: z.object({
          displayName: z.string().trim().min(1).max(200).optional(),
          role: z.enum(ROLE_VALUES).optional(),
          orgId: z.uuid().nullable().optional(),
          email: z.email().nullable().optional(),
          active: z.boolean().optional(),
          password: z.string().min(1).max(200).optional(),
        }),
        response: { 200: userDto },
      },
    },
    async (request) => updateUser(db, request.params.id, request.body, actorOf(request)),
  );
}
