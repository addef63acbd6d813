import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from '../src/modules/backup';
import { createTestContext, DEMO, type Client, type TestContext } from './context';

/** Hostile text: control characters refused with the field named, organisation names normalised and unique. */
let ctx: TestContext;
let sec: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
}, 60_000);
afterAll(() => ctx?.close());

const createOrg = (name: string) => sec.request({ method: 'POST', url: '/api/orgs', payload: { name, kind: 'department' } });

describe('control characters', () => {
  it('a NUL in a query or a name answers 400 naming the field, and writes nothing', async () => {
    const before = await rowCounts(ctx.database.db);
    const search = await sec.request({ method: 'GET', url: '/api/orgs?q=ngo%00ai' });
    expect(search.statusCode).toBe(400);
    expect(search.json()).toMatchObject({ code: 'validation.control_character', details: { field: 'querystring.q', char: 'U+0000' } });
    expect(search.json().message).toContain('Trường querystring.q chứa ký tự điều khiển');
    const activities = await sec.request({ method: 'GET', url: '/api/activities?q=%00' });
    expect(activities.statusCode).toBe(400);
    const named = await createOrg('Sở Thử\u0000 nghiệm');
    expect(named.statusCode).toBe(400);
    expect(named.json().details.field).toBe('body.name');
    const nested = await createOrg('Sở Thử nghiệm');
    expect(nested.statusCode).toBe(201); // the same name without the NUL is fine
    const alias = await sec.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: 'Sở Thử nghiệm hai', kind: 'department', aliases: ['ok', 'x\u0007y'] },
    });
    expect(alias.json().details.field).toBe('body.aliases.1');
    const after = await rowCounts(ctx.database.db);
    expect(after.orgs).toBe(before.orgs + 1);
  });

  it('tabs and line breaks in text stay allowed', async () => {
    const res = await sec.request({ method: 'GET', url: '/api/orgs?q=s%E1%BB%9F%09ngo%E1%BA%A1i' });
    expect(res.statusCode).toBe(200);
  });
});

describe('organisation names', () => {
  it('"Sở Ngoại vụ" cannot be created again: not in NFD, other case or spacing, nor with a zero-width space or an RTL override', async () => {
    for (const name of ['Sở Ngoại vụ', 'Sở Ngoại vụ'.normalize('NFD'), 'sở  ngoại VỤ']) {
      const res = await createOrg(name);
      expect(res.statusCode, name).toBe(409);
      expect(res.json()).toMatchObject({ code: 'org.name_taken', details: { field: 'name', name: 'Sở Ngoại vụ' } });
      expect(res.json().message).toBe('Đã có đơn vị tên "Sở Ngoại vụ" còn hiệu lực.');
    }
    for (const name of ['Sở Ngoại\u200B vụ', '\u202ESở Ngoại vụ', 'Sở Ngoại vụ\u2067', 'Sở Ngo\u00ADại vụ']) {
      const res = await createOrg(name);
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().details.fields[0]).toMatchObject({ field: 'body.name' });
      expect(res.json().details.fields[0].problem).toContain('ký tự ẩn');
    }
  });

  it('names are stored in NFC', async () => {
    const res = await createOrg('Sở Du lịch thử nghiệm'.normalize('NFD'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('Sở Du lịch thử nghiệm'.normalize('NFC'));
    expect(res.json().name.length).toBe('Sở Du lịch thử nghiệm'.normalize('NFC').length);
  });
});
