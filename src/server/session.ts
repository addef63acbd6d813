import type { FastifyInstance } from 'fastify';
import { sessionUser } from '../modules/auth/auth.service';
import { AppError } from '../shared/errors';
import { clearSessionCookie, enforceAccess, SESSION_COOKIE, type AppDeps } from '../http';
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
      if (request.headers['x-csrf-token'] !== request.user.csrfToken) throw new AppError('auth.csrf');
    }
    await enforceAccess(request, reply);
  });
}
