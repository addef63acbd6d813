import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http';
import { ok } from '../../http';
import { changePassword, login, logout } from './auth.service';
import { userDto } from './auth.schemas';

const sessionDto = z.object({ user: userDto, csrfToken: z.string() });

export async function authRoutes({ app, database, config }: RouteDeps) {
  const db = database.db;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: sessionDto },
      },
    },
    async (request, reply) => {
      const result = await login(
        db,
        {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          previousToken: request.cookies[SESSION_COOKIE],
        },
        config,
      );
      setSessionCookie(request, reply, result.token, result.expiresAt, config.cookieSecure);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: ok } } },
    async (request, reply) => {
      await logout(db, request.user!, actorOf(request));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: sessionDto } } },
    async (request) => ({ user: request.user!.profile, csrfToken: request.user!.csrfToken }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await changePassword(db, request.user!, request.body.currentPassword, request.body.newPassword, actorOf(request), config);
      return { ok: true as const };
    },
  );
}
