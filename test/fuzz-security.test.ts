import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client';
import { rowCounts } from '../src/modules/backup';
import { buildApp } from '../src/server/app';
import { createTestContext, DEMO, testConfig, type TestContext } from './context';
import { TEST_PASSWORD } from './db';

/**
 * Security promises of SECURITY.md not already proved by src/modules/auth/auth.test.ts:
 * session expiry, cookie flags behind an HTTPS proxy, security headers on every kind of
 * answer, password rules on every path that sets a password, rate limit by address,
 * a forged (CSRF-less) request writes nothing, a disabled account loses its sessions.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ SESSION_TTL_HOURS: '2', LOGIN_MAX_FAILURES: '3' });
}, 60_000);
afterAll(() => ctx?.close());

/** A second app on the same database, configured to trust the given proxy addresses. */
async function proxiedApp(trustProxy: string) {
  const app = await buildApp(
    { database: ctx.database, config: testConfig({ SESSION_TTL_HOURS: '2', LOGIN_MAX_FAILURES: '3', TRUST_PROXY: trustProxy }) },
    { logger: false },
  );
  await app.ready();
  return app;
}

const cookieOf = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat().join('\n');

describe('sessions', () => {
  it('expire: a session past its expiry opens nothing and its cookie is cleared', async () => {
    const leader = await ctx.login(DEMO.leader);
    expect((await leader.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await ctx.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ${leader.user.id}`);
    const res = await leader.request({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(cookieOf(res.headers['set-cookie'])).toMatch(/ttdn_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('last SESSION_TTL_HOURS from the last activity (cookie and database agree)', async () => {
    const t0 = Date.now();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: DEMO.inspector, password: TEST_PASSWORD },
    });
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookieOf(res.headers['set-cookie']))![1]);
    expect(Math.abs(expires - (t0 + 2 * 3600_000))).toBeLessThan(5_000);
  });

  it('end when the account is disabled', async () => {
    const admin = await ctx.login(DEMO.admin);
    const officer = await ctx.login(DEMO.officer);
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${officer.user.id}`, payload: { active: false } })).statusCode).toBe(
      200,
    );
    expect((await officer.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: DEMO.officer, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(403);
    await admin.request({ method: 'PATCH', url: `/api/users/${officer.user.id}`, payload: { active: true } });
  });
});

describe('cookie flags', () => {
  it('httpOnly, SameSite=Lax, Path=/, and Secure when the request came over HTTPS through a trusted proxy only', async () => {
    const login = (app: FastifyInstance, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: DEMO.leader, password: TEST_PASSWORD },
      });
    // TRUST_PROXY off (the default): the client's own X-Forwarded-Proto decides nothing.
    const c = cookieOf((await login(ctx.app, '127.0.0.1')).headers['set-cookie']);
    expect(c).toMatch(/HttpOnly/);
    expect(c).toMatch(/SameSite=Lax/);
    expect(c).toMatch(/Path=\//);
    expect(c).not.toMatch(/Secure/);
    const proxied = await proxiedApp('127.0.0.1');
    expect(cookieOf((await login(proxied, '127.0.0.1')).headers['set-cookie'])).toMatch(/Secure/);
    // The same header from an address that is not the proxy is ignored.
    expect(cookieOf((await login(proxied, '198.51.100.7')).headers['set-cookie'])).not.toMatch(/Secure/);
    await proxied.close();
  });
});

describe('security headers', () => {
  it('are on API answers, errors and the web app: CSP, no framing, referrer, nosniff', async () => {
    for (const url of ['/api/orgs', '/api/nothing-here', '/healthz', '/', '/danh-ba']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe/);
    }
  });
});

describe('password rules', () => {
  it('apply when an admin creates a user or resets a password, not only on change', async () => {
    const admin = await ctx.login(DEMO.admin);
    for (const password of ['short1', 'onlyletterslong', '1234567890123']) {
      const create = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: `weak.${password.length}`, password, role: 'leader' },
      });
      expect(create.statusCode, password).toBe(400);
      expect(create.json().code).toBe('auth.weak_password');
      const reset = await admin.request({ method: 'PATCH', url: `/api/users/${admin.user.id}`, payload: { password } });
      expect(reset.statusCode, password).toBe(400);
    }
  });
});

describe('rate limits and forgery', () => {
  const fail = (app: FastifyInstance, remoteAddress: string, username: string, forwardedFor?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      payload: { username, password: 'wrong-password-1' },
    });

  it('limit failed logins per address across usernames (4 × LOGIN_MAX_FAILURES), with a retry time', async () => {
    for (let i = 0; i < 12; i++) expect((await fail(ctx.app, '203.0.113.9', `guess${i}`)).statusCode).toBe(401);
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.9',
      payload: { username: DEMO.secretariat, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().details.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.10',
      payload: { username: DEMO.secretariat, password: TEST_PASSWORD },
    });
    expect(other.statusCode).toBe(200);
  });

  it("with TRUST_PROXY off, the client's own X-Forwarded-For neither resets the address limit nor forges the audit address", async () => {
    for (let i = 0; i < 12; i++) {
      expect((await fail(ctx.app, '203.0.113.20', `spray${i}`, `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    const spoofed = await fail(ctx.app, '203.0.113.20', 'spray-last', '198.51.100.200');
    expect(spoofed.statusCode).toBe(429);
    const recorded = rowsOf<{ ip: string }>(
      await ctx.database.db.execute(sql`SELECT DISTINCT ip FROM login_attempts WHERE username LIKE 'spray%'`),
    );
    expect(recorded).toEqual([{ ip: '203.0.113.20' }]);
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.21',
      headers: { 'x-forwarded-for': '10.66.0.1' },
      payload: { username: DEMO.inspector, password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const [audit] = rowsOf<{ ip: string }>(
      await ctx.database.db.execute(sql`SELECT ip FROM audit_log WHERE action = 'login' ORDER BY at DESC LIMIT 1`),
    );
    expect(audit.ip).toBe('203.0.113.21');
  });

  it('behind a trusted proxy (TRUST_PROXY=127.0.0.1), the forwarded address counts; from elsewhere it is ignored', async () => {
    const proxied = await proxiedApp('127.0.0.1');
    for (let i = 0; i < 12; i++) expect((await fail(proxied, '127.0.0.1', `via${i}`, '203.0.113.30')).statusCode).toBe(401);
    expect((await fail(proxied, '127.0.0.1', 'via-last', '203.0.113.30')).statusCode).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await fail(proxied, '127.0.0.1', 'via-other', '203.0.113.31')).statusCode).toBe(401);
    // A direct client claiming to be forwarded is recorded under its own address.
    await fail(proxied, '198.51.100.40', 'direct', '203.0.113.32');
    const [row] = rowsOf<{ ip: string }>(await ctx.database.db.execute(sql`SELECT ip FROM login_attempts WHERE username = 'direct'`));
    expect(row.ip).toBe('198.51.100.40');
    await proxied.close();
  });

  it('with a hop count (TRUST_PROXY=1), only the address the nearest proxy saw counts', async () => {
    const proxied = await proxiedApp('1');
    await fail(proxied, '127.0.0.1', 'hop-one', '198.51.100.99, 203.0.113.60');
    const [row] = rowsOf<{ ip: string }>(await ctx.database.db.execute(sql`SELECT ip FROM login_attempts WHERE username = 'hop-one'`));
    expect(row.ip).toBe('203.0.113.60');
    await proxied.close();
  });

  it('a state-changing request without the CSRF token (a forged cross-site form) is refused and writes nothing', async () => {
    const admin = await ctx.login(DEMO.admin);
    const before = await rowCounts(ctx.database.db);
    for (const headers of [{ cookie: admin.cookie }, { cookie: admin.cookie, 'x-csrf-token': 'forged' }]) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/orgs', headers, payload: { name: 'Đơn vị giả mạo', kind: 'other' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.csrf');
    }
    expect(await rowCounts(ctx.database.db)).toEqual(before);
  });
});
