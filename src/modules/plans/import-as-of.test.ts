import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import type { OrgEntry, ParsedPlan } from './import';

/** The import API resolving a plan's names as of a date, through the directory's successor links (real database). */
let ctx: TestContext;
let secretariat: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login(DEMO.secretariat);
});
afterAll(() => ctx.close());

const SEED = path.join(import.meta.dirname, 'import/fixtures/ke-hoach-ttdn-quang-tri-2023.md');
const upload = (buf: Buffer, filename: string, asOf?: string) =>
  secretariat.request({
    method: 'POST',
    url: `/api/plans/import?filename=${encodeURIComponent(filename)}${asOf ? `&asOf=${asOf}` : ''}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: buf,
  });
const task = (p: ParsedPlan, code: string) => p.tasks.find((t) => t.code === code)!;
const names = (entries: OrgEntry[]) => entries.map((e) => e.name);

describe('plan import as of a date', () => {
  it('without a date, resolves the 2023 plan as of its own year, as written', async () => {
    const res = await upload(fs.readFileSync(SEED), 'seed.md');
    expect(res.statusCode, res.body).toBe(200);
    const plan: ParsedPlan = res.json().plan;
    expect(plan.resolvedAsOf).toBe('2023-01-01');
    expect(task(plan, '1').lead[0]).toMatchObject({ name: 'Sở Thông tin và Truyền thông', raw: 'Sở Thông tin và Truyền thông' });
    expect(task(plan, '1').lead[0].chain).toBeUndefined();
    expect(task(plan, '1').coordinating[1]).toMatchObject({ group: 'districts' });
  });

  it('as of 2026-12-01 follows each name to the body in charge then, with the steps', async () => {
    const res = await upload(fs.readFileSync(SEED), 'seed.md', '2026-12-01');
    expect(res.statusCode, res.body).toBe(200);
    const plan: ParsedPlan = res.json().plan;
    expect(plan.resolvedAsOf).toBe('2026-12-01');
    const lead = task(plan, '1').lead[0];
    expect(lead).toMatchObject({ name: 'Sở Văn hóa, Thể thao và Du lịch', raw: 'Sở Thông tin và Truyền thông' });
    expect(lead.orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lead.chain![0]).toMatchObject({ fromName: 'Sở Thông tin và Truyền thông', validTo: '2025-02-28', duty: 'foreign_information' });
    expect(names(task(plan, '10').coordinating)).toContain('Sở Dân tộc và Tôn giáo');
    const districts = task(plan, '1').coordinating[1];
    expect(districts).toMatchObject({ group: 'communes', raw: 'UBND các huyện, thị xã, thành phố' });
    expect(districts.chain![0]).toMatchObject({ from: 'districts', to: 'communes' });
  });

  it('refuses a date that does not exist, naming the field', async () => {
    const res = await upload(fs.readFileSync(SEED), 'seed.md', '2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain('asOf');
  });
});
