import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, DEMO, type TestContext } from '../../../test/context';
import { TEST_PASSWORD } from '../../../test/db';
import { rowsOf } from '../../db/client';
import { accountDelaySeconds } from './login-limits';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ LOGIN_MAX_FAILURES: '3' });
}, 60_000);
afterAll(() => ctx?.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
/** Pretend the account's failures happened `seconds` earlier (instead of waiting). */
const age = (username: string, seconds: number) =>
  ctx.database.db.execute(
    sql`UPDATE login_attempts SET at = at - make_interval(secs => ${seconds}) WHERE username = ${username} AND success = false`,
  );

describe('account delay', () => {
  it('grows 2, 4, 8 … seconds past LOGIN_MAX_FAILURES and stops at 60', () => {
    expect([2, 3, 4, 5, 6, 9, 40].map((n) => accountDelaySeconds(n, 3))).toEqual([0, 2, 4, 8, 16, 60, 60]);
  });
});

describe('a stranger cannot lock the owner out', () => {
  it('five wrong passwords for admin from one address block that address only; the owner at a known address signs in', async () => {
    expect((await attempt(DEMO.admin, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(200); // the owner's usual address
    for (let i = 0; i < 3; i++) expect((await attempt(DEMO.admin, 'guess-1234567', '198.51.100.66')).statusCode).toBe(401);
    const blocked = await attempt(DEMO.admin, TEST_PASSWORD, '198.51.100.66');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.too_many_attempts');

    expect((await attempt(DEMO.admin, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    // From an address the account never used: a short wait, not a lock.
    const fresh = await attempt(DEMO.admin, TEST_PASSWORD, '192.0.2.77');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json()).toMatchObject({ code: 'auth.login_delayed' });
    expect(fresh.json().message).toMatch(/đợi \d+ giây/);
    expect(Number(fresh.headers['retry-after'])).toBeLessThanOrEqual(60);
    await age(DEMO.admin, 61);
    expect((await attempt(DEMO.admin, TEST_PASSWORD, '192.0.2.77')).statusCode).toBe(200);
  });

  it('failures spread over many addresses slow the account down more each time, and the admins are told once', async () => {
    const admin = await ctx.login(DEMO.admin);
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'target.user', displayName: 'Người bị dò', password: 'Mat-khau-dai-2026', role: 'leader' },
    });
    expect(created.statusCode).toBe(201);
    const waits: number[] = [];
    for (let i = 0; i < 13; i++) {
      const address = `203.0.113.${i + 1}`;
      let res = await attempt('target.user', 'guess-1234567', address);
      if (res.statusCode === 429) {
        expect(res.json().code).toBe('auth.login_delayed');
        waits.push(res.json().details.seconds);
        await age('target.user', 61);
        res = await attempt('target.user', 'guess-1234567', address);
      }
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 60, 60]);
    const notices = rowsOf<{ title: string; body: string }>(
      await ctx.database.db.execute(sql`SELECT title, body FROM notifications WHERE kind = 'auth.sustained_attack'`),
    );
    expect(notices).toHaveLength(1); // one admin in the demo, told once at 4 × 3 failures
    expect(notices[0].title).toContain('"target.user" đang bị dò mật khẩu');
    expect(notices[0].body).toMatch(/^12 lần đăng nhập sai trong 15 phút, từ 12 địa chỉ/);
  });
});

describe('password change', () => {
  it('limits wrong current passwords: after LOGIN_MAX_FAILURES even the right one waits, and so do logins from that address', async () => {
    const c = await ctx.login(DEMO.secretariat);
    for (let i = 0; i < 3; i++) {
      const wrong = await c.request({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: `wrong-${i}`, newPassword: 'Mat-khau-moi-2026' },
      });
      expect(wrong.json().code).toBe('auth.wrong_password');
    }
    const right = await c.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'auth.too_many_password_attempts', details: { field: 'currentPassword' } });
    expect(right.json().message).toContain('Nhập sai mật khẩu hiện tại quá nhiều lần');
    expect((await attempt(DEMO.secretariat, TEST_PASSWORD, '127.0.0.1')).statusCode).toBe(429);
    // The password did not change.
    await age(DEMO.secretariat, 61);
    expect((await attempt(DEMO.secretariat, TEST_PASSWORD, '192.0.2.200')).statusCode).toBe(200);
  });
});
