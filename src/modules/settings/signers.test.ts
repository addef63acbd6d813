import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { docxText } from '../../../test/docx-check';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login(DEMO.admin);
});
afterAll(() => ctx?.close());

describe('signers setting', () => {
  it('sets who signs the secretariat documents: the head signs without KT., the name from the setting', async () => {
    const settings = (await admin.request({ method: 'GET', url: '/api/settings' })).json();
    const put = await admin.request({
      method: 'PUT',
      url: '/api/settings/signers',
      payload: { value: [{ orgId: settings.secretariatOrgId, name: 'Lê Văn Cường', deputy: false }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const leader = await ctx.login(DEMO.leader);
    const text = await docxText((await leader.request({ method: 'GET', url: '/api/press/digest?kind=daily&date=2024-03-12' })).rawPayload);
    expect(text).toMatch(/\nGIÁM ĐỐC\n\nLê Văn Cường$/);
    expect(text).not.toContain('KT. GIÁM ĐỐC');
  });

  it('refuses a signer without a valid organisation id, naming the field', async () => {
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/settings/signers',
      payload: { value: [{ orgId: 'x', name: 'A', deputy: true }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/orgId|value/);
  });
});
