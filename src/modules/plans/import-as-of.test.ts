import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { loadProvince2026Directory } from '../../demo/load-demo';
import { SYSTEM_ACTOR } from '../audit';
import { createUser } from '../users';
import type { OrgEntry, ParsedPlan } from './import';

/**
 * The import API resolving a plan's names as of a date, through the directory's successor links
 * (real database): on the demo directory, and on a database holding the merged province of 2026
 * (province-2026/ data through the demo loader) for the issue's "done when" checks.
 */
let ctx: TestContext;
let ctx2026: TestContext;
let secretariat: Client;
let secretariat2026: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login(DEMO.secretariat);
  ctx2026 = await createTestContext();
  const db = ctx2026.database.db;
  await db.execute(sql`TRUNCATE orgs CASCADE`);
  const ids = await loadProvince2026Directory(db);
  const password = 'Thu-nghiem-2026-tinh';
  await createUser(
    db,
    { username: 'thuongtruc.2026', displayName: 'Thường trực 2026', role: 'secretariat', orgId: ids.get('so-vhttdl')!, password },
    SYSTEM_ACTOR,
  );
  secretariat2026 = await ctx2026.login('thuongtruc.2026', password);
});
afterAll(async () => {
  await ctx.close();
  await ctx2026.close();
});

const SEED = path.join(import.meta.dirname, 'import/fixtures/ke-hoach-ttdn-quang-tri-2023.md');
const upload = (buf: Buffer, filename: string, asOf?: string, client?: Client) =>
  (client ?? secretariat).request({
    method: 'POST',
    url: `/api/plans/import?filename=${encodeURIComponent(filename)}${asOf ? `&asOf=${asOf}` : ''}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: buf,
  });
const PLAN_2026 = `ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

Số: 12/KH-UBND

Quảng Trị, ngày 15 tháng 01 năm 2026

**KẾ HOẠCH**
**Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2026**

**II. NỘI DUNG**

### **1. Triển khai văn bản về thông tin đối ngoại**

- Nội dung: Triển khai các văn bản của Trung ương về thông tin đối ngoại.

- Thời gian thực hiện: Cả năm 2026.

- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.

- Cơ quan phối hợp: Các Sở, ban, ngành, UBND các xã, phường, đặc khu và các đơn vị có liên quan.

### **2. Thông tin đối ngoại vùng đồng bào dân tộc thiểu số**

- Nội dung: Tuyên truyền về chính sách dân tộc, tôn giáo cho đồng bào vùng biên giới.

- Thời gian thực hiện: Cả năm 2026.

- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.

- Cơ quan phối hợp: Báo và Phát thanh - Truyền hình Quảng Trị, Sở Dân tộc và Tôn giáo.
`;
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
});

describe('plan import on the merged province of 2026 (done when)', () => {
  it('done when: the 2023 seed as of 2026-12-01 gives Sở VHTTDL, Sở Dân tộc và Tôn giáo and the 78 communes', async () => {
    const plan: ParsedPlan = (await upload(fs.readFileSync(SEED), 'seed.md', '2026-12-01', secretariat2026)).json().plan;
    const current = async (name: string) =>
      (await secretariat2026.request({ method: 'GET', url: `/api/orgs?validOn=2026-12-01&q=${encodeURIComponent(name)}` })).json()
        .items as Array<{ id: string; name: string }>;
    const vhttdl = (await current('Sở Văn hóa, Thể thao và Du lịch')).find((o) => o.name === 'Sở Văn hóa, Thể thao và Du lịch')!;
    const dttg = (await current('Sở Dân tộc và Tôn giáo')).find((o) => o.name === 'Sở Dân tộc và Tôn giáo')!;
    expect(task(plan, '1').lead.map((e) => e.orgId)).toEqual([vhttdl.id]);
    const t10 = task(plan, '10').coordinating;
    expect(t10[0]).toMatchObject({ orgId: dttg.id, raw: 'Ban Dân tộc' });
    expect(t10[0].chain!.map((s) => s.toName)).toEqual(['Sở Dân tộc và Tôn giáo', 'Sở Dân tộc và Tôn giáo']); // the former province's, then the merged one's
    expect(names(t10)).toContain('Báo và Phát thanh - Truyền hình Quảng Trị');
    const communes = task(plan, '1').coordinating[1];
    expect(communes).toMatchObject({ group: 'communes', name: 'UBND các xã, phường, đặc khu' });
    expect(communes.members).toHaveLength(78);
    expect(plan.warnings.filter((w) => w.code === 'plan.org_unmatched')).toEqual([]);
  });

  it('done when: a 2026 plan naming the new bodies resolves every name', async () => {
    const text = PLAN_2026;
    const res = await upload(Buffer.from(text), 'ke-hoach-2026.md', undefined, secretariat2026);
    expect(res.statusCode, res.body).toBe(200);
    const plan: ParsedPlan = res.json().plan;
    expect(plan.resolvedAsOf).toBe('2026-01-15');
    const entries = plan.tasks.flatMap((t) => [...t.lead, ...t.advisory, ...t.coordinating]);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const e of entries) {
      if (e.group)
        expect(e.open || e.members!.length > 0, e.raw).toBe(true); // `các đơn vị có liên quan` stays open
      else expect(e.orgId, e.raw).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(names(task(plan, '1').lead)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(task(plan, '1').coordinating.find((e) => e.group === 'communes')).toMatchObject({ raw: 'UBND các xã, phường, đặc khu' });
    expect(task(plan, '1').coordinating.find((e) => e.group === 'communes')!.members).toHaveLength(78);
    expect(names(task(plan, '2').coordinating)).toEqual(['Báo và Phát thanh - Truyền hình Quảng Trị', 'Sở Dân tộc và Tôn giáo']);
    expect(plan.warnings.filter((w) => w.code.startsWith('plan.org_'))).toEqual([]);
  });

  it('refuses a date that does not exist, naming the field', async () => {
    const res = await upload(fs.readFileSync(SEED), 'seed.md', '2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain('asOf');
  });
});
