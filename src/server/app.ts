import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps, RouteDeps, TypedApp } from '../http';
import { registerErrorHandler } from './error-handler';
import { registerSession } from './session';
import { registerSecurityHeaders } from './security-headers';
import { registerCleanInput } from './clean-input';
import { openapiOptions } from './openapi';
import { authRoutes } from '../modules/auth/auth.routes';
import { orgRoutes } from '../modules/orgs/orgs.routes';
import { userRoutes } from '../modules/users/users.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { settingsRoutes } from '../modules/settings/settings.routes';
import { planRoutes } from '../modules/plans/plans.routes';
import { carryForwardRoutes } from '../modules/plans/carry-forward/carry-forward.routes';
import { pressRoutes } from '../modules/press/press.routes';
import { notificationRoutes } from '../modules/notifications/notifications.routes';
import { reportRoutes } from '../modules/reports/reports.routes';
import { activityRoutes } from '../modules/activities/activities.routes';
import { provinceRoutes } from '../modules/province';
import { registerRoutes } from '../modules/register';
import { signingRoutes } from '../modules/signing';
import type { Access } from '../http';

export type App = FastifyInstance;
export type { AppDeps, RouteDeps, TypedApp } from '../http';
const typedApp = (app: FastifyInstance): TypedApp => app.withTypeProvider<ZodTypeProvider>();

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: RegisteredRoute[];
  }
}

export async function buildApp(deps: AppDeps, opts: { logger?: FastifyServerOptions['logger'] } = {}) {
  const app = Fastify({
    logger: opts.logger ?? { level: deps.config.logLevel },
    // Off unless configured: a client's own X-Forwarded-For must not set request.ip or request.protocol.
    trustProxy: proxyTrust(deps.config.trustProxy),
    bodyLimit: 30 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every /api route must declare who may call it; registering one without a rule fails at boot.
  app.decorate('apiRoutes', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
    }
  });

  registerErrorHandler(app);
  registerSecurityHeaders(app);
  registerCleanInput(app);
  await app.register(cookie);
  await app.register(swagger, openapiOptions);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerSession(app, deps);

  const typed = typedApp(app);
  typed.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  const health = { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } };
  typed.get('/healthz', { schema: { ...health, summary: 'Tiến trình còn sống' } }, async () => ({ status: 'ok' as const }));
  const ready = z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['pglite', 'postgres']).optional() });
  typed.get(
    '/readyz',
    { schema: { tags: ['health'], summary: 'Cơ sở dữ liệu sẵn sàng', response: { 200: ready, 503: ready } } },
    async (_req, reply) => {
      try {
        await deps.database.db.execute(sql`select 1`);
        return { status: 'ready' as const, database: deps.database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' });
      }
    },
  );

  const routeDeps: RouteDeps = { ...deps, app: typed };
  // Raw uploads (documents to import, PDFs to check) arrive as application/octet-stream or application/pdf.
  app.addContentTypeParser(
    ['application/octet-stream', 'application/pdf'],
    { parseAs: 'buffer', bodyLimit: 25 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  for (const register of [
    authRoutes,
    orgRoutes,
    userRoutes,
    auditRoutes,
    settingsRoutes,
    planRoutes,
    carryForwardRoutes,
    pressRoutes,
    notificationRoutes,
    reportRoutes,
    activityRoutes,
    provinceRoutes,
    registerRoutes,
    signingRoutes,
  ]) {
    await register(routeDeps);
  }

  await serveWeb(app, deps.config.webDist);
  return app;
}

/** TRUST_PROXY as Fastify takes it: a hop count becomes "the nearest n hops". */
function proxyTrust(setting: AppDeps['config']['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** The built React app, with index.html for every non-API path (client-side routing). */
async function serveWeb(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').send(fs.createReadStream(index)));
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(dist, decodeURIComponent(req.url.split('?')[0]));
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(dist, file));
    }
    return reply.type('text/html').send(fs.createReadStream(index));
  });
}
