import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { rowsOf } from '../../db/client';
import { writeAudit } from './audit.service';

let ctx: TestContext;
let admin: Client;
let inspector: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login(DEMO.admin);
  inspector = await ctx.login(DEMO.inspector);
});
afterAll(() => ctx.close());

const count = async () => rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int as n from audit_log`))[0].n;

describe('audit log', () => {
  it('is written in the same transaction as the change: a failed change leaves no record', async () => {
    const before = await count();
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await writeAudit(tx, { id: null, name: 'test' }, { action: 'update', entity: 'org', entityId: 'x' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await count()).toBe(before);
  });

  it('records who changed what, before and after, and filters by person, entity and date', async () => {
    const created = (
      await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'canbo.baoqt', password: 'Mat-khau-2026-x', role: 'leader', displayName: 'Cán bộ thử' },
      })
    ).json();
    await admin.request({ method: 'PATCH', url: `/api/users/${created.id}`, payload: { displayName: 'Cán bộ đã sửa' } });
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    const res = await inspector.request({
      method: 'GET',
      url: `/api/audit?entity=user&entityId=${created.id}&actorName=admin&from=${today}&to=${today}`,
    });
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(update).toMatchObject({ action: 'update', actorName: 'admin' });
    expect(update.before.displayName).toBe('Cán bộ thử');
    expect(update.after.displayName).toBe('Cán bộ đã sửa');
    expect(create.action).toBe('create');
    expect(JSON.stringify(res.json())).not.toContain('passwordHash');
    const old = await inspector.request({ method: 'GET', url: `/api/audit?entity=user&entityId=${created.id}&to=2020-01-01` });
    expect(old.json().items).toHaveLength(0);
  });

  it('is closed to officers and leaders', async () => {
    const officer = await ctx.login(DEMO.officer);
    expect((await officer.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });
});
