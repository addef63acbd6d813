import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';

let ctx: TestContext;
let admin: Client;
let secretariat: Client;
let officer: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login(DEMO.admin);
  secretariat = await ctx.login(DEMO.secretariat);
  officer = await ctx.login(DEMO.officer);
});
afterAll(() => ctx.close());

/** The first match among the organisations valid on `validOn` (default: the directory of December 2026). */
const idOf = async (c: Client, q: string, validOn = '2026-12-01') =>
  (await c.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent(q)}&validOn=${validOn}` })).json().items[0].id as string;

describe('directory listing', () => {
  it('is refused to anonymous callers and lists organisations to any logged-in user', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/orgs' })).statusCode).toBe(401);
    const res = await officer.request({ method: 'GET', url: '/api/orgs?pageSize=500' });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('Sở Thông tin và Truyền thông');
    expect(names).toContain('UBND huyện Đakrông');
    expect(res.json().total).toBe(names.length);
  });

  it('searches without regard to case and diacritics, including aliases', async () => {
    const res = await officer.request({ method: 'GET', url: '/api/orgs?q=dakrong' });
    // the former district and the commune named after it (1/7/2025)
    expect(res.json().items.map((o: { name: string }) => o.name)).toEqual(['UBND huyện Đakrông', 'UBND xã Đakrông']);
    const alias = await officer.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('sở tt&tt')}` });
    expect(alias.json().items[0].name).toBe('Sở Thông tin và Truyền thông');
  });

  it('filters by kind and by validity date, and pages', async () => {
    // the districts of both former provinces (Quảng Trị 10, Quảng Bình 8), kept as history of the merged province
    const d2023 = await officer.request({ method: 'GET', url: '/api/orgs?kind=district&validOn=2023-06-01' });
    expect(d2023.json().total).toBe(18);
    const c2026 = await officer.request({ method: 'GET', url: '/api/orgs?kind=commune&validOn=2026-01-01' });
    expect(c2026.json().total).toBe(78);
    const d2026 = await officer.request({ method: 'GET', url: '/api/orgs?kind=district&validOn=2026-01-01' });
    expect(d2026.json().total).toBe(0);
    const page2 = await officer.request({ method: 'GET', url: '/api/orgs?pageSize=5&page=2&sort=name' });
    expect(page2.json().items).toHaveLength(5);
    expect(page2.json().page).toBe(2);
  });
});

describe('lookup by name', () => {
  it('matches an alias exactly and ranks candidates with a score', async () => {
    const res = await officer.request({ method: 'GET', url: `/api/orgs/lookup?name=${encodeURIComponent('Sở TTTT')}` });
    const [best, second] = res.json().items;
    expect(best).toMatchObject({ name: 'Sở Thông tin và Truyền thông', score: 1 });
    expect(second.score).toBeLessThan(1);
  });

  it('ignores case and diacritics', async () => {
    const res = await officer.request({ method: 'GET', url: '/api/orgs/lookup?name=so%20van%20hoa%20the%20thao%20va%20du%20lich%20TINH' });
    expect(res.json().items[0].name).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('restricts to organisations valid on a date', async () => {
    const res = await officer.request({
      method: 'GET',
      url: `/api/orgs/lookup?name=${encodeURIComponent('Sở Thông tin và Truyền thông')}&date=2026-01-01`,
    });
    expect(res.json().items.map((o: { name: string }) => o.name)).not.toContain('Sở Thông tin và Truyền thông');
  });
});

describe('document code', () => {
  it('keeps the abbreviation a body writes in its numbers, and refuses one with spaces or punctuation', async () => {
    const ok = await admin.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: 'Sở Thử Mã', kind: 'department', docCode: 'STMã' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().docCode).toBe('STMã');
    const listed = (await admin.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('Sở Thử Mã')}` })).json().items[0];
    expect(listed.docCode).toBe('STMã');
    const bad = await admin.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: 'Sở Thử Mã Sai', kind: 'department', docCode: 'S T/M' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('docCode');
  });
});

describe('group phrases', () => {
  it('resolve to the organisations valid on the date', async () => {
    // the directory's group, for no plan in particular: every district valid then, of both former provinces
    const y2023 = (await officer.request({ method: 'GET', url: '/api/org-groups/districts/members?date=2023-03-01' })).json();
    expect(y2023.members).toHaveLength(18);
    expect(y2023).toMatchObject({ key: 'districts', chain: [] });
    const depts = (await officer.request({ method: 'GET', url: '/api/org-groups/departments/members?date=2023-03-01' })).json();
    const names = depts.members.map((m: { name: string }) => m.name);
    expect(names).toContain('Sở Ngoại vụ');
    expect(names).toContain('Công an tỉnh');
    expect(names).not.toContain('Sở Nông nghiệp và Môi trường');
  });

  it('"UBND các huyện, thị xã, thành phố" after June 2025 stands for the communes valid then, with the step shown', async () => {
    const commune = (name: string, adminCode: string, validFrom: string) =>
      admin.request({ method: 'POST', url: '/api/orgs', payload: { name, kind: 'commune', adminCode, validFrom } });
    const a = await commune('UBND xã Thử Nghiệm A', '99901', '2025-07-01');
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'commune', adminCode: '99901' });
    expect((await commune('UBND xã Thử Nghiệm B', '99902', '2026-06-01')).statusCode).toBe(201);
    const taken = await commune('UBND xã Trùng Mã', '99901', '2025-07-01');
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'org.admin_code_taken' });

    const y2026 = (await officer.request({ method: 'GET', url: '/api/org-groups/districts/members?date=2026-03-01' })).json();
    expect(y2026).toMatchObject({
      key: 'communes',
      name: 'UBND các xã, phường, đặc khu',
      chain: [{ from: 'districts', validTo: '2025-06-30', to: 'communes', toName: 'UBND các xã, phường, đặc khu' }],
    });
    const names = y2026.members.map((m: { name: string }) => m.name);
    expect(names).toContain('UBND xã Thử Nghiệm A');
    expect(names).not.toContain('UBND xã Thử Nghiệm B'); // not yet formed on that date
    expect(names.some((n: string) => n.startsWith('UBND huyện'))).toBe(false);
    const direct = (await officer.request({ method: 'GET', url: '/api/org-groups/communes/members?date=2026-07-01' })).json();
    expect(direct.members.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(['UBND xã Thử Nghiệm A', 'UBND xã Thử Nghiệm B']),
    );
  });
});

describe('create, edit, merge', () => {
  it('creates an organisation with aliases, audited', async () => {
    const res = await secretariat.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: 'Sở Du lịch', kind: 'department', aliases: ['SDL'], validFrom: '2026-01-01' },
    });
    expect(res.statusCode).toBe(201);
    const audit = await admin.request({ method: 'GET', url: `/api/audit?entity=org&entityId=${res.json().id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'create', actorName: 'thuongtruc' });
    expect(audit.json().items[0].after.name).toBe('Sở Du lịch');
  });

  it('refuses bad input with the field at fault and changes nothing', async () => {
    const before = (await admin.request({ method: 'GET', url: '/api/orgs' })).json().total;
    const res = await secretariat.request({ method: 'POST', url: '/api/orgs', payload: { name: 'X', kind: 'planet' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.kind']));
    const dates = await secretariat.request({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: 'Đơn vị thử', kind: 'other', validFrom: '2024-01-01', validTo: '2023-01-01' },
    });
    expect(dates.json()).toMatchObject({ code: 'org.invalid_validity', details: { field: 'validTo' } });
    expect((await admin.request({ method: 'GET', url: '/api/orgs' })).json().total).toBe(before);
  });

  it('detects a concurrent edit by version and does not overwrite silently', async () => {
    const id = await idOf(secretariat, 'Tạp chí Cửa Việt');
    const org = (await secretariat.request({ method: 'GET', url: `/api/orgs/${id}` })).json();
    const edit = (phone: string) =>
      secretariat.request({
        method: 'PUT',
        url: `/api/orgs/${id}`,
        payload: { name: org.name, shortName: org.shortName, kind: org.kind, phone, version: org.version },
      });
    expect((await edit('0233 111')).statusCode).toBe(200);
    const second = await edit('0233 222');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('org.version_conflict');
    expect((await secretariat.request({ method: 'GET', url: `/api/orgs/${id}` })).json().phone).toBe('0233 111');
  });

  it('refuses a parent that would make a cycle', async () => {
    const province = await idOf(secretariat, 'Ủy ban nhân dân tỉnh Quảng Trị');
    const child = await idOf(secretariat, 'Sở Công Thương');
    const org = (await secretariat.request({ method: 'GET', url: `/api/orgs/${province}` })).json();
    const res = await secretariat.request({
      method: 'PUT',
      url: `/api/orgs/${province}`,
      // its own validity kept: the former province's committee of the same name ended the day before it began
      payload: { name: org.name, kind: org.kind, parentId: child, validFrom: org.validFrom, version: org.version },
    });
    expect(res.json().code).toBe('org.parent_cycle');
  });

  it('merges two organisations into a new one, keeping history', async () => {
    const a = await idOf(secretariat, 'Sở Công Thương');
    const b = await idOf(secretariat, 'Sở Y tế');
    const res = await secretariat.request({
      method: 'POST',
      url: '/api/orgs/merge',
      payload: { sourceIds: [a, b], newTarget: { name: 'Sở Công Thương và Y tế', kind: 'department' }, effectiveDate: '2026-07-01' },
    });
    expect(res.statusCode).toBe(200);
    const src = (await secretariat.request({ method: 'GET', url: `/api/orgs/${a}` })).json();
    expect(src.validTo).toBe('2026-06-30');
    expect(src.successors[0]).toMatchObject({ id: res.json().targetId, since: '2026-07-01' });
    const target = (await secretariat.request({ method: 'GET', url: `/api/orgs/${res.json().targetId}` })).json();
    expect(target.predecessors).toHaveLength(2);
    expect(target.validFrom).toBe('2026-07-01');
    const before = (
      await secretariat.request({ method: 'GET', url: `/api/orgs/lookup?name=${encodeURIComponent('Sở Y tế')}&date=2026-03-01` })
    ).json();
    expect(before.items[0].name).toBe('Sở Y tế');
  });
});

describe('organisation-owned data', () => {
  it("an officer sees their own organisation's members and is refused another's", async () => {
    const own = officer.user.orgId!;
    expect((await officer.request({ method: 'GET', url: `/api/orgs/${own}/members` })).statusCode).toBe(200);
    const other = await idOf(officer, 'Báo và Phát thanh - Truyền hình Quảng Trị');
    const res = await officer.request({ method: 'GET', url: `/api/orgs/${other}/members` });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'org.forbidden', message: 'Bạn chỉ được xem và sửa dữ liệu của đơn vị mình.' });
    expect((await secretariat.request({ method: 'GET', url: `/api/orgs/${other}/members` })).statusCode).toBe(200);
  });

  it('an officer cannot change the directory', async () => {
    const res = await officer.request({ method: 'POST', url: '/api/orgs', payload: { name: 'Đơn vị lạ', kind: 'other' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('group members added by hand', () => {
  it('join the group on top of its kinds, audited; an officer may not change them', async () => {
    const relatedBefore = (await officer.request({ method: 'GET', url: '/api/org-groups/related_units/members?date=2023-06-01' })).json();
    expect(relatedBefore.members).toHaveLength(0);
    const customs = await idOf(secretariat, 'Cục Hải quan tỉnh', '2023-06-01');
    expect(
      (await officer.request({ method: 'PUT', url: '/api/org-groups/related_units/explicit-members', payload: { orgIds: [customs] } }))
        .statusCode,
    ).toBe(403);
    const res = await secretariat.request({
      method: 'PUT',
      url: '/api/org-groups/related_units/explicit-members',
      payload: { orgIds: [customs] },
    });
    expect(res.statusCode).toBe(200);
    const after = (await officer.request({ method: 'GET', url: '/api/org-groups/related_units/members?date=2023-06-01' })).json();
    expect(after.members.map((m: { name: string }) => m.name)).toEqual(['Cục Hải quan tỉnh']);
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entity=org_group&entityId=related_units' })).json();
    expect(audit.items[0].after.members).toEqual([customs]);
    const bad = await secretariat.request({
      method: 'PUT',
      url: '/api/org-groups/related_units/explicit-members',
      payload: { orgIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(bad.statusCode).toBe(400);
    expect((await officer.request({ method: 'GET', url: '/api/org-groups/related_units/explicit-members' })).json().items).toHaveLength(1);
  });
});

describe('API description', () => {
  it('publishes every route in the OpenAPI document, and a docs page', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/auth/login', '/api/plans/{id}']));
    expect(doc.paths['/api/orgs'].get.parameters.map((p: { name: string }) => p.name)).toContain('validOn');
    // Named operations, the security each needs (a change also the CSRF header), the error answer.
    expect(doc.paths['/api/orgs/{id}'].put).toMatchObject({ operationId: 'putOrgsById', security: [{ session: [], csrf: [] }] });
    expect(doc.paths['/api/orgs'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/orgs'].get.responses['4XX'].content['application/json'].schema.required).toEqual(['code', 'message', 'details']);
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json().status).toBe('ready');
  });
});

describe('export', () => {
  it('writes the filtered directory to Excel with Vietnamese headers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await officer.request({ method: 'GET', url: '/api/orgs/export.xlsx?kind=district' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Danh bạ đơn vị')!;
    expect(ws.getRow(1).getCell(2).value).toBe('Tên đơn vị');
    expect(ws.rowCount).toBe(19); // the 18 former districts and the header
    const names = Array.from({ length: 18 }, (_, i) => ws.getRow(i + 2).getCell(2).value);
    expect(names).toContain('UBND huyện Đakrông');
  });
});

describe('listing', () => {
  it('returns each organisation with its aliases', async () => {
    const items = (await officer.request({ method: 'GET', url: '/api/orgs?q=tttt' })).json().items;
    const ttt = items.find((o: { name: string }) => o.name === 'Sở Thông tin và Truyền thông');
    expect([...ttt.aliases].sort()).toEqual(
      ['Sở TT&TT', 'Sở Thông tin và Truyền thông tỉnh', 'Sở Thông tin và Truyền thông tỉnh Quảng Trị'].sort(),
    );
  });
});
