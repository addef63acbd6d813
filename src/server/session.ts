import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionUser } from '../modules/auth/auth.service';
import { AppError } from '../shared/errors';
import type { Actor } from '../modules/audit/audit.service';
import { enforceAccess } from './access';
import type { AppDeps } from './app';

export const SESSION_COOKIE = 'ttdn_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that change state without a session yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * On every request: find the session from its httpOnly cookie, check the CSRF token of
 * state-changing requests (header `x-csrf-token`, issued at login), then apply the
 * route's access rule, all before the body is validated.
 */
export function registerSession(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await sessionUser(deps.database.db, token, deps.config) : null;
    if (token && !request.user) clearSessionCookie(reply);
    const url = request.routeOptions.url ?? '';
    if (request.user && MUTATING.has(request.method) && !CSRF_EXEMPT.has(url)) {
      if (request.headers['x-csrf-token'] !== request.user.csrfToken) throw new AppError('auth.csrf', 403);
    }
    await enforceAccess(request, reply);
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date, secure: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure === 'true' || (secure === 'auto' && request.protocol === 'https'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function actorOf(request: FastifyRequest): Actor {
  return { id: request.user?.id ?? null, name: request.user?.username ?? 'anonymous', ip: request.ip };
}
