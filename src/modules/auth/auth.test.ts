import { JOBS } from '../../jobs/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, DEMO, type TestContext } from '../../../test/context';
import { rowsOf } from '../../db/client';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => ctx.close());

describe('login', () => {
  it('answers 200 with an httpOnly SameSite session cookie', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Demo-password-1' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ttdn_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.role).toBe('admin');
    expect(res.json().user).not.toHaveProperty('passwordHash');
  });

  it('answers 401 with a Vietnamese message on a wrong password', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'wrong' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('answers 400 naming the field when the body is malformed', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(res.json().details.fields[0].field).toBe('body.password');
  });

  it('rate limits repeated failures for a username, in Vietnamese, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'thanhtra', password: 'nope' } });
    }
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'thanhtra', password: 'Demo-password-1' },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toContain('Đăng nhập sai quá nhiều lần');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('rotates the session on login: the old cookie stops working', async () => {
    const first = await ctx.login(DEMO.leader);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { username: DEMO.leader, password: 'Demo-password-1' },
    });
    expect(res.statusCode).toBe(200);
    const me = await first.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
  });
});

describe('session', () => {
  it('requires the CSRF token on state-changing requests', async () => {
    const c = await ctx.login(DEMO.secretariat);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('logs out: the cookie no longer opens anything', async () => {
    const c = await ctx.login(DEMO.secretariat);
    expect((await c.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await c.request({ method: 'GET', url: '/api/orgs' })).statusCode).toBe(401);
  });

  it('lives in the database, so any API process can serve it', async () => {
    const c = await ctx.login(DEMO.inspector.replace('thanhtra', 'admin'));
    const rows = rowsOf(await ctx.database.db.execute(sql`select count(*)::int as n from sessions`));
    expect((rows[0] as { n: number }).n).toBeGreaterThan(0);
    expect((await c.request({ method: 'GET', url: '/api/auth/me' })).json().user.username).toBe('admin');
  });

  it('is deleted once expired by the hourly housekeeping job, live sessions kept', async () => {
    const live = await ctx.login(DEMO.leader);
    const gone = await ctx.login(DEMO.leader);
    const goneId = rowsOf<{ id: string }>(await ctx.database.db.execute(sql`select id from sessions order by created_at desc limit 1`))[0]
      .id;
    await ctx.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where id = ${goneId}`);
    const job = JOBS.find((j) => j.name === 'auth.purge_expired')!;
    await job.run({ db: ctx.database.db, config: ctx.config, log: console as never, now: () => new Date() });
    const left = rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int as n from sessions where id = ${goneId}`));
    expect(left[0].n).toBe(0);
    expect((await gone.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await live.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('refuses a wrong current password and a weak new one, then changes it and ends other sessions', async () => {
    const a = await ctx.login(DEMO.officer);
    const b = await ctx.login(DEMO.officer);
    const wrong = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'x', newPassword: 'Abcdefgh12345' },
    });
    expect(wrong.json().code).toBe('auth.wrong_password');
    const weak = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Demo-password-1', newPassword: 'short' },
    });
    expect(weak.json().code).toBe('auth.weak_password');
    const done = await a.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Demo-password-1', newPassword: 'Mat-khau-moi-2026' },
    });
    expect(done.statusCode).toBe(200);
    expect((await a.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await b.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await ctx.login(DEMO.officer, 'Mat-khau-moi-2026');
  });
});
