import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../src/modules/backup';
import { createTestContext, DEMO, type TestContext } from './context';
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
  it('httpOnly, SameSite=Lax, Path=/, and Secure when the request came over HTTPS (through a proxy)', async () => {
    const plain = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: DEMO.leader, password: TEST_PASSWORD },
    });
    const c = cookieOf(plain.headers['set-cookie']);
    expect(c).toMatch(/HttpOnly/);
    expect(c).toMatch(/SameSite=Lax/);
    expect(c).toMatch(/Path=\//);
    expect(c).not.toMatch(/Secure/);
    const https = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: DEMO.leader, password: TEST_PASSWORD },
    });
    expect(cookieOf(https.headers['set-cookie'])).toMatch(/Secure/);
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
  it('limit failed logins per address across usernames (4 × LOGIN_MAX_FAILURES), with a retry time', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 12; i++) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: from,
        payload: { username: `guess${i}`, password: 'wrong-password-1' },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: from,
      payload: { username: DEMO.secretariat, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().details.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.10' },
      payload: { username: DEMO.secretariat, password: TEST_PASSWORD },
    });
    expect(other.statusCode).toBe(200);
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
