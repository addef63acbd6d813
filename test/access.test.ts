import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { isAllowed, ROLE_VALUES, type Role, type SessionUser } from '../src/http';
import { createTestContext, DEMO, type Client, type TestContext } from './context';

/**
 * Walks every registered API route with every role (and no session) and checks the
 * answer against the route's declared rule: a denied caller gets 401/403 before
 * anything runs, an allowed one never gets `auth.forbidden`.
 */
let ctx: TestContext;
const clients = new Map<Role, Client>();
beforeAll(async () => {
  ctx = await createTestContext();
  for (const role of ROLE_VALUES) clients.set(role, await ctx.login(DEMO[role]));
});
afterAll(() => ctx.close());

const SAMPLE_PARAMS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', key: 'districts' };
const fillParams = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
const SESSION_ENDING = new Set(['/api/auth/logout', '/api/auth/password']);

describe('route access rules', () => {
  it('every API route declares a rule, and the walk covers them all', () => {
    expect(ctx.app.apiRoutes.length).toBeGreaterThan(10);
    for (const r of ctx.app.apiRoutes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  it('a route registered without a rule stops the server from starting', async () => {
    const app = Fastify();
    const apiRoutes: unknown[] = [];
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/') && route.config?.access === undefined) throw new Error(`no access rule: ${route.url}`);
      apiRoutes.push(route);
    });
    expect(() => app.get('/api/naked', async () => 'x')).toThrow(/no access rule/);
  });

  it('is enforced for every route and role', async () => {
    const failures: string[] = [];
    for (const route of ctx.app.apiRoutes) {
      const url = fillParams(route.url);
      const payload = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
      const anon = await ctx.app.inject({ method: route.method as 'GET', url, payload });
      if (route.access !== 'public' && anon.statusCode !== 401) failures.push(`anonymous ${route.method} ${route.url}: ${anon.statusCode}`);
      for (const role of ROLE_VALUES) {
        const client = clients.get(role)!;
        const res = await client.request({ method: route.method as 'GET', url, payload });
        const allowed = isAllowed(route.access, { role } as SessionUser);
        const denied = res.statusCode === 403 && res.json().code === 'auth.forbidden';
        if (allowed && (denied || res.statusCode === 401))
          failures.push(`${role} ${route.method} ${route.url} should be allowed: ${res.statusCode}`);
        if (!allowed && !denied) failures.push(`${role} ${route.method} ${route.url} should be denied: ${res.statusCode}`);
        if (SESSION_ENDING.has(route.url)) clients.set(role, await ctx.login(DEMO[role]));
      }
    }
    expect(failures).toEqual([]);
  });
});
