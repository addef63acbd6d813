import { extractSource } from './import';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { docxText, nd30ProblemsOf } from '../../../test/docx-check';
import { rowsOf } from '../../db/client';
import { DEMO_PLAN_FILE } from '../../demo/load-demo-plan';

let ctx: TestContext;
let secretariat: Client;
let officer: Client;
let leader: Client;
/** The seed (2023, kept as history) and the 2026 plan the demo carried forward from it. */
let demoPlanId: string;
let plan2026Id: string;
beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login(DEMO.secretariat);
  officer = await ctx.login(DEMO.officer);
  leader = await ctx.login(DEMO.leader);
  const provincial = async (year: number) =>
    (await secretariat.request({ method: 'GET', url: `/api/plans?year=${year}&scope=province&status=issued` })).json().items[0].id;
  demoPlanId = await provincial(2023);
  plan2026Id = await provincial(2026);
});
afterAll(() => ctx.close());

const upload = (c: Client, buf: Buffer, filename: string) =>
  c.request({
    method: 'POST',
    url: `/api/plans/import?filename=${encodeURIComponent(filename)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: buf,
  });
const count = async (table: string) =>
  rowsOf<{ n: number }>(await ctx.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

describe('the demo plan', () => {
  it('is the seed, issued, with its 18 tasks, roles resolved in the directory', async () => {
    const plan = (await officer.request({ method: 'GET', url: `/api/plans/${demoPlanId}` })).json();
    expect(plan.status).toBe('issued');
    expect(plan.tasks.map((t: { code: string }) => t.code)).toEqual([
      '1',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3',
      '4',
      '5',
      '5.1',
      '5.2',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    const t8 = plan.tasks.find((t: { code: string }) => t.code === '8');
    expect(t8.lead[0]).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Quảng Trị', raw: 'UBND tỉnh' });
    expect(t8.advisory[0].name).toBe('Sở Thông tin và Truyền thông');
    const t1 = plan.tasks.find((t: { code: string }) => t.code === '1');
    expect(t1.coordinating.map((e: { group: string }) => e.group)).toEqual(['departments', 'districts', 'related_units']);
    expect(plan.tasks.find((t: { code: string }) => t.code === '9').targets[0].min).toBe(2);
  });
});

describe('import', () => {
  it('previews the seed without saving anything', async () => {
    const before = await count('plans');
    const res = await upload(secretariat, fs.readFileSync(DEMO_PLAN_FILE), 'ke-hoach.md');
    expect(res.statusCode).toBe(200);
    const { plan, source } = res.json();
    expect(plan.tasks).toHaveLength(18);
    expect(plan.tasks.find((t: { code: string }) => t.code === '3').time).toMatchObject({ from: '2023-01-01', to: '2023-03-31' });
    expect(plan.reporting.deadlines).toEqual([
      { day: 25, month: 5 },
      { day: 25, month: 11 },
    ]);
    expect(source.text).toContain('KẾ HOẠCH');
    expect(await count('plans')).toBe(before);
  });

  it('flags an unknown organisation with suggestions, never dropping it', async () => {
    const text = fs
      .readFileSync(DEMO_PLAN_FILE, 'utf8')
      .replace('Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch\n', 'Cơ quan chủ trì: Sở Du lịch, Hội Hữu nghị Việt Nam - Lào tỉnh\n');
    const { plan } = (await upload(secretariat, Buffer.from(text), 'x.md')).json();
    const [tourism, friendship] = plan.tasks.find((t: { code: string }) => t.code === '5.2').lead;
    expect(tourism).toMatchObject({ orgId: null, name: 'Sở Du lịch' });
    expect(tourism.suggestions.map((s: { name: string }) => s.name)).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(friendship).toMatchObject({ orgId: null, name: 'Hội Hữu nghị Việt Nam - Lào tỉnh' });
    expect(plan.warnings.map((w: { code: string }) => w.code)).toContain('plan.org_unmatched');
  });

  it('refuses bad files clearly, saving nothing', async () => {
    const before = await count('plans');
    const empty = await upload(secretariat, Buffer.alloc(0), 'x.docx');
    expect(empty.statusCode).toBe(400);
    const png = await upload(secretariat, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'x.docx');
    expect(png.statusCode).toBeGreaterThanOrEqual(400);
    expect(png.statusCode).toBeLessThan(500);
    expect(png.json().message).toMatch(/tệp/i);
    expect(await count('plans')).toBe(before);
  });

  it('saves a corrected import as a draft and exports it back to Word with the same tasks', async () => {
    const { plan } = (await upload(secretariat, fs.readFileSync(DEMO_PLAN_FILE), 'ke-hoach.md')).json();
    plan.document.title = 'Kế hoạch thử nghiệm 2023';
    const saved = await secretariat.request({ method: 'POST', url: '/api/plans', payload: plan });
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id;
    const docx = await secretariat.request({ method: 'GET', url: `/api/plans/${id}/export.docx` });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const back = await upload(secretariat, docx.rawPayload, 'back.docx');
    const again = back.json().plan;
    expect(again.tasks.map((t: { code: string; title: string }) => [t.code, t.title])).toEqual(
      plan.tasks.map((t: { code: string; title: string }) => [t.code, t.title]),
    );
    expect(again.tasks.map((t: { time: unknown }) => t.time)).toEqual(plan.tasks.map((t: { time: unknown }) => t.time));
    const text = (await extractSource(docx.rawPayload, 'export.docx')).text;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const xlsx = await secretariat.request({ method: 'GET', url: `/api/plans/${id}/matrix.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The same matrix as JSON, through its answer schema: a row per task, each with its lead.
    const matrix = await secretariat.request({ method: 'GET', url: `/api/plans/${id}/matrix` });
    expect(matrix.statusCode).toBe(200);
    const rows = matrix.json().rows as { code: string; cells: Record<string, string[]> }[];
    expect(rows.map((r) => r.code).sort()).toEqual(plan.tasks.map((t: { code: string }) => t.code).sort());
    expect(rows.filter((r) => Object.values(r.cells).some((roles) => roles.includes('lead'))).length).toBeGreaterThan(0);
  });

  it('refuses a malformed plan with the field at fault', async () => {
    const res = await secretariat.request({
      method: 'POST',
      url: '/api/plans',
      payload: { document: { title: '', yearFrom: 2023, yearTo: 2020 }, tasks: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain('document');
  });
});

describe('editing', () => {
  let id: string;
  beforeAll(async () => {
    const { plan } = (await upload(secretariat, fs.readFileSync(DEMO_PLAN_FILE), 'ke-hoach.md')).json();
    id = (await secretariat.request({ method: 'POST', url: '/api/plans', payload: plan })).json().id;
  });
  const load = async () => (await secretariat.request({ method: 'GET', url: `/api/plans/${id}` })).json();

  it('adds, edits, moves and deletes tasks, renumbering the tree', async () => {
    const plan = await load();
    const t2 = plan.tasks.find((t: { code: string }) => t.code === '2');
    const added = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${id}/tasks`,
      payload: {
        parentId: t2.id,
        title: 'Nhiệm vụ mới',
        time: { label: 'Quý II/2023', from: '2023-04-01', to: '2023-06-30' },
        lead: [{ name: 'Sở Ngoại vụ', orgId: null }],
      },
    });
    expect(added.statusCode).toBe(201);
    let after = await load();
    expect(after.tasks.find((t: { id: string }) => t.id === added.json().id).code).toBe('2.5');
    const move = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${id}/tasks/${added.json().id}/move`,
      payload: { parentId: null, index: 0 },
    });
    expect(move.statusCode).toBe(200);
    after = await load();
    expect(after.tasks[0]).toMatchObject({ code: '1', title: 'Nhiệm vụ mới' });
    expect(after.tasks.find((t: { title: string }) => t.title.startsWith('Tổ chức Triển lãm')).code).toBe('4');
    const task = after.tasks[0];
    const edit = await secretariat.request({
      method: 'PUT',
      url: `/api/plans/${id}/tasks/${task.id}`,
      payload: { title: 'Nhiệm vụ đã sửa', version: task.version, targets: [{ text: 'ít nhất 03 bài', min: 3 }], lead: [] },
    });
    expect(edit.statusCode).toBe(200);
    const stale = await secretariat.request({
      method: 'PUT',
      url: `/api/plans/${id}/tasks/${task.id}`,
      payload: { title: 'x', version: task.version },
    });
    expect(stale.json().code).toBe('plan.task_version_conflict');
    const cycle = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${id}/tasks/${t2.id}/move`,
      payload: { parentId: after.tasks.find((t: { code: string }) => t.code === '3.1').id, index: 0 },
    });
    expect(cycle.json().code).toBe('plan.task_move_cycle');
    expect((await secretariat.request({ method: 'DELETE', url: `/api/plans/${id}/tasks/${task.id}` })).statusCode).toBe(200);
    expect((await load()).tasks).toHaveLength(18);
  });

  it('issues the plan, which then cannot be edited', async () => {
    expect((await officer.request({ method: 'POST', url: `/api/plans/${id}/status`, payload: { status: 'issued' } })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: `/api/plans/${id}/status`, payload: { status: 'issued' } })).statusCode).toBe(200);
    const plan = await load();
    const res = await secretariat.request({
      method: 'PUT',
      url: `/api/plans/${id}/tasks/${plan.tasks[0].id}`,
      payload: { title: 'x', version: plan.tasks[0].version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('plan.locked');
    const bad = await leader.request({ method: 'POST', url: `/api/plans/${id}/status`, payload: { status: 'issued' } });
    expect(bad.json().code).toBe('plan.bad_transition');
  });
});

describe('organisations and plans', () => {
  it("an officer creates their own sub-plan from the tasks they lead or support, linked to the province's tasks", async () => {
    // Sở VHTTDL's 2026 sub-plan, from the 2026 plan (where it leads what Sở TTTT led in 2023)
    const res = await officer.request({
      method: 'POST',
      url: `/api/plans/${plan2026Id}/sub-plans`,
      payload: { orgId: officer.user.orgId },
    });
    expect(res.statusCode).toBe(201);
    const sub = (await officer.request({ method: 'GET', url: `/api/plans/${res.json().id}` })).json();
    expect(sub.parentPlanId).toBe(plan2026Id);
    expect(sub.status).toBe('draft');
    expect(sub.document).toMatchObject({ yearFrom: 2026, yearTo: 2026 });
    const t3 = sub.tasks.find((t: { code: string }) => t.code === '3');
    expect(t3.lead[0].name).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(t3.sourceTaskId).toBeTruthy();
    expect(sub.tasks.find((t: { code: string }) => t.code === '10').lead[0].name).toBe('Sở Văn hóa, Thể thao và Du lịch');
    // task 6 is led by "Các Sở, ban, ngành", a group it belongs to
    expect(sub.tasks.map((t: { code: string }) => t.code)).toContain('6');
    // Issued by the department: its parent above it, its own number form, its head's signature, Nơi nhận, budget and implementation.
    const docx = await officer.request({ method: 'GET', url: `/api/plans/${res.json().id}/export.docx` });
    expect(docx.statusCode).toBe(200);
    expect(await nd30ProblemsOf(docx.rawPayload)).toEqual([]);
    const text = await docxText(docx.rawPayload);
    const lines = text.split('\n');
    expect(lines.indexOf('UBND TỈNH QUẢNG TRỊ')).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf('UBND TỈNH QUẢNG TRỊ') + 1).toBe(lines.indexOf('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'));
    expect(text).toContain('Số:       /KH-SVHTTDL');
    expect(text).not.toContain('KH-UBND\n');
    expect(text).toMatch(/\nNơi nhận:\n- UBND tỉnh \(b\/c\);\n/);
    expect(text).toContain('- Lưu: VT.');
    expect(text).toMatch(/\n[IVX]+\. KINH PHÍ\nKinh phí thực hiện Kế hoạch được bố trí/);
    expect(text).toMatch(/\n[IVX]+\. TỔ CHỨC THỰC HIỆN\nCác phòng, đơn vị thuộc Sở Văn hóa, Thể thao và Du lịch/);
    expect(text).toMatch(/\nKT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Thị Bình$/);
    expect(text).not.toMatch(/TM\. ỦY BAN|CHỦ TỊCH|coordinating|lead\b|advisory/);
    expect(text).toMatch(/- Vai trò trong kế hoạch của tỉnh: chủ trì/);
    expect(text).toMatch(/- Vai trò trong kế hoạch của tỉnh: phối hợp/);
    // Another organisation's officer can neither read this draft nor make a sub-plan for someone else.
    const admin = await ctx.login(DEMO.admin);
    const press = (await admin.request({ method: 'GET', url: '/api/orgs?q=bao%20va%20phat%20thanh&validOn=2026-12-01' })).json().items[0];
    await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'canbo.bao', password: 'Mat-khau-2026-z', role: 'officer', orgId: press.id },
    });
    const other = await ctx.login('canbo.bao', 'Mat-khau-2026-z');
    expect((await other.request({ method: 'GET', url: `/api/plans/${res.json().id}` })).statusCode).toBe(403);
    expect((await other.request({ method: 'GET', url: '/api/plans' })).json().items.map((p: { id: string }) => p.id)).not.toContain(
      res.json().id,
    );
    expect(
      (await other.request({ method: 'POST', url: `/api/plans/${plan2026Id}/sub-plans`, payload: { orgId: officer.user.orgId } }))
        .statusCode,
    ).toBe(403);
    const edit = await other.request({
      method: 'PATCH',
      url: `/api/plans/${res.json().id}`,
      payload: { version: sub.version, title: 'x' },
    });
    expect(edit.statusCode).toBe(403);
  });

  it("lists an organisation's tasks, including through group phrases", async () => {
    const items = (await officer.request({ method: 'GET', url: `/api/orgs/${officer.user.orgId}/tasks?year=2026` })).json().items;
    const byCode = new Map(
      items.map((i: { task: { code: string }; roles: { role: string }[] }) => [i.task.code, i.roles.map((r) => r.role)]),
    );
    expect(byCode.get('3')).toContain('lead');
    expect(byCode.get('5.1')).toEqual(['coordinating']); // through "Các Sở, ban, ngành"
    expect(byCode.get('10')).toEqual(['lead']); // Sở TTTT's in 2023
    // today's Sở VHTTDL has no role in the 2023 plan: that was the former province's department
    const old = (await officer.request({ method: 'GET', url: `/api/orgs/${officer.user.orgId}/tasks?year=2023` })).json().items;
    expect(old).toEqual([]);
  });

  it('builds the task × organisation matrix', async () => {
    const m = (await leader.request({ method: 'GET', url: `/api/plans/${demoPlanId}/matrix` })).json();
    const ttt = m.columns.find((c: { name: string }) => c.name === 'Sở Thông tin và Truyền thông');
    expect(m.columns[0].key).toBe(ttt.key);
    const row8 = m.rows.find((r: { code: string }) => r.code === '8');
    expect(row8.cells[ttt.key]).toEqual(['advisory']);
  });
});

describe('a plan typed by hand', () => {
  it('starts empty, takes tasks and header edits, and refuses a stale version', async () => {
    const created = await secretariat.request({
      method: 'POST',
      url: '/api/plans',
      payload: { document: { title: 'Công tác thông tin đối ngoại năm 2027', yearFrom: 2027, yearTo: 2027 } },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const plan = (await secretariat.request({ method: 'GET', url: `/api/plans/${id}` })).json();
    expect(plan).toMatchObject({ status: 'draft', tasks: [], orgName: 'Ủy ban nhân dân tỉnh Quảng Trị' });
    const patch = await secretariat.request({
      method: 'PATCH',
      url: `/api/plans/${id}`,
      payload: { version: plan.version, number: '12', issuedOn: '2027-01-15', objectives: ['Mục tiêu một'] },
    });
    expect(patch.statusCode).toBe(200);
    const stale = await secretariat.request({ method: 'PATCH', url: `/api/plans/${id}`, payload: { version: plan.version, number: '13' } });
    expect(stale.json().code).toBe('plan.version_conflict');
    await secretariat.request({ method: 'POST', url: `/api/plans/${id}/tasks`, payload: { title: 'Nhiệm vụ A', parentId: null } });
    const again = (await secretariat.request({ method: 'GET', url: `/api/plans/${id}` })).json();
    expect(again.document).toMatchObject({ number: '12', issuedOn: '2027-01-15' });
    expect(again.objectives).toEqual(['Mục tiêu một']);
    // the whole số ký hiệu: a serial typed with the plan's code is kept whole, and found by it
    const whole = await secretariat.request({
      method: 'PATCH',
      url: `/api/plans/${id}`,
      payload: { version: again.version, number: '27', numberCode: 'KH-UBND' },
    });
    expect(whole.statusCode).toBe(200);
    const numbered = (await secretariat.request({ method: 'GET', url: `/api/plans/${id}` })).json();
    expect(numbered.document).toMatchObject({ number: '27/KH-UBND', numberSerial: '27', numberCode: 'KH-UBND' });
    const listed = (await secretariat.request({ method: 'GET', url: `/api/plans?q=${encodeURIComponent('27/KH-UBND')}` })).json().items;
    expect(listed.map((p: { id: string; number: string }) => [p.id, p.number])).toEqual([[id, '27/KH-UBND']]);
    expect(again.tasks.map((t: { code: string }) => t.code)).toEqual(['1']);
    const audit = (await (await ctx.login(DEMO.admin)).request({ method: 'GET', url: `/api/audit?entity=plan&entityId=${id}` })).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(['update', 'update', 'create']);
  });
});

describe('plan list', () => {
  it("counts each plan's tasks", async () => {
    const items = (await leader.request({ method: 'GET', url: '/api/plans?scope=province&year=2023' })).json().items;
    expect(items.find((p: { id: string }) => p.id === demoPlanId).tasks).toBe(18);
  });
});
