import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { demoPlan, figuresOf, IN_2023, officerOf, orgId, record } from './activities.test-helpers';

let ctx: TestContext;
let sec: Client;
let officer: Client;
let leader: Client;
let admin: Client;
let plan: Awaited<ReturnType<typeof demoPlan>>;
const org: Record<string, string> = {};
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  ctx = await createTestContext();
  [sec, leader, admin] = await Promise.all([ctx.login(DEMO.secretariat), ctx.login(DEMO.leader), ctx.login(DEMO.admin)]);
  plan = await demoPlan(sec);
  for (const [k, name] of Object.entries({
    tttt: 'Sở Thông tin và Truyền thông',
    vhttdl: 'Sở Văn hóa, Thể thao và Du lịch',
    ptth: 'Đài Phát thanh - Truyền hình tỉnh',
    ngoaivu: 'Sở Ngoại vụ',
    bdbp: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
  })) {
    org[k] = await orgId(sec, name, IN_2023); // the 2023 plan's bodies, as they were then
  }
  // the 2023 Sở VHTTDL's officer (the demo's own sits in today's, formed on 1/7/2025)
  officer = await officerOf(ctx, admin, 'canbo.vhttdl2023', org.vhttdl);
});
afterAll(() => ctx.close());

const targetOf9 = async (asOf: string) => {
  const res = await leader.request({ method: 'GET', url: `/api/activities/targets?planId=${plan.planId}&asOf=${asOf}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { item: body.items.find((i: { code: string }) => i.code === '9'), atRisk: body.atRisk as string[] };
};

describe('activity register on the demo plan', () => {
  it('shows task 9 (at least 2 contracts) at risk while nothing is recorded', async () => {
    const { item, atRisk } = await targetOf9('2023-07-01');
    expect(item).toMatchObject({ min: 2, indicator: 'contracts', indicatorGuessed: true, actual: 0, status: 'at_risk' });
    expect(atRisk).toContain(plan.task['9']);
  });

  it('records one activity of every kind and the figures come from the record', async () => {
    const t = plan.task;
    // The officer of Sở VHTTDL records their organisation's work…
    const exhibition = await record(officer, {
      kind: 'event',
      title: 'Triển lãm "Hoàng Sa, Trường Sa của Việt Nam - Những bằng chứng lịch sử và pháp lý"',
      orgId: org.vhttdl,
      taskIds: [t['3']],
      startsOn: '2023-03-10',
      endsOn: '2023-03-14',
      place: 'Thị xã Quảng Trị',
      details: { eventType: 'exhibition', visitors: 1200 },
      spending: [{ source: 'state_budget', amount: 50_000_000 }],
    });
    expect(exhibition).toMatchObject({
      orgName: 'Sở Văn hóa, Thể thao và Du lịch',
      tasks: [{ code: '3' }],
      details: { eventType: 'exhibition', visitors: 1200 },
    });
    await record(officer, {
      kind: 'delegation',
      title: 'Đoàn nghệ thuật sang Savannakhet',
      orgId: org.vhttdl,
      taskIds: [t['5.2']],
      startsOn: '2023-04-10',
      details: { direction: 'out', country: 'Lào', size: 8, purpose: 'Giao lưu văn hóa' },
    });
    await record(officer, {
      kind: 'publication',
      title: 'Sách ảnh Quảng Trị - điểm đến',
      orgId: org.vhttdl,
      taskIds: [t['6']],
      startsOn: '2023-05-02',
      details: { publicationType: 'book', language: 'en', copies: 2000, distribution: 'Các cơ quan đại diện' },
    });
    // …and the secretariat records for itself and for others.
    await record(sec, {
      kind: 'press_conference',
      title: 'Họp báo quý I',
      orgId: org.tttt,
      taskIds: [t['8']],
      startsOn: '2023-03-20',
      details: { spokesperson: 'Phó Chủ tịch UBND tỉnh', outletsPresent: 25, questionsAnswered: 12 },
    });
    await record(sec, {
      kind: 'training',
      title: 'Tập huấn kỹ năng TTĐN',
      orgId: org.tttt,
      taskIds: [t['7']],
      startsOn: '2023-05-15',
      details: { trainees: 85, days: 2, materials: 'Sổ tay TTĐN' },
      spending: [{ source: 'central_support', amount: 30_000_000 }],
    });
    await record(sec, {
      kind: 'content',
      title: 'Quang Tri investment opportunities',
      orgId: org.tttt,
      taskIds: [t['2.1']],
      startsOn: '2023-02-01',
      details: { contentType: 'article', outlet: 'Cổng TTĐT tỉnh', language: 'en', theme: 'Đầu tư', url: 'https://quangtri.gov.vn/en/a1' },
    });
    await record(sec, {
      kind: 'content',
      title: 'Chuyên mục Biên giới hữu nghị',
      orgId: org.ptth,
      taskIds: [t['2.3']],
      startsOn: '2023-06-01',
      details: { contentType: 'broadcast', outlet: 'QTTV', language: 'vi' },
    });
    await record(sec, {
      kind: 'contract',
      title: 'Đặt hàng Báo Nhân Dân',
      orgId: org.tttt,
      taskIds: [t['9']],
      startsOn: '2023-03-01',
      details: { partner: 'Báo Nhân Dân', value: 200_000_000, deliverables: '12 bài', status: 'signed' },
      spending: [{ source: 'state_budget', amount: 120_000_000 }],
    });
    await record(sec, {
      kind: 'contract',
      title: 'Đặt hàng VOV',
      orgId: org.tttt,
      taskIds: [t['9']],
      startsOn: '2023-04-01',
      details: { partner: 'Đài Tiếng nói Việt Nam', value: 150_000_000, status: 'in_progress' },
      spending: [{ source: 'contributions', amount: 80_000_000 }],
    });
    await record(sec, {
      kind: 'contract',
      title: 'Hợp đồng đã hủy',
      orgId: org.tttt,
      taskIds: [t['9']],
      startsOn: '2023-04-02',
      details: { partner: 'Báo X', status: 'cancelled' },
    });
    await record(sec, {
      kind: 'rebroadcast',
      title: 'Phát lại "Việt Nam hội nhập"',
      orgId: org.ptth,
      taskIds: [t['2.1']],
      startsOn: '2023-03-05',
      details: { programme: 'Việt Nam hội nhập', channel: 'QTTV', durationMinutes: 30 },
    });
    await record(sec, {
      kind: 'site_inspection',
      title: 'Kiểm tra Cụm TTĐN Lao Bảo',
      orgId: org.tttt,
      taskIds: [t['11']],
      startsOn: '2023-06-05',
      details: { site: 'lao_bao', equipmentState: 'degraded', faults: 'Màn hình LED hỏng 1 tấm', followUp: 'Thay trong tháng 7' },
    });
    await record(sec, {
      kind: 'delegation',
      title: 'Đoàn Tỉnh Savannakhet thăm Quảng Trị',
      orgId: org.ngoaivu,
      taskIds: [t['2.3']],
      startsOn: '2023-08-01',
      details: { direction: 'in', country: 'Lào', size: 12 },
    });

    const all = await figuresOf(leader, `planId=${plan.planId}&from=2023-01-01&to=2023-12-31`);
    expect(all).toMatchObject({
      events: 1,
      press_conferences: 1,
      delegations_out: 1,
      delegations_in: 1,
      people_trained: 85,
      publications: 1,
      news_articles: 1,
      radio_tv_programmes: 2,
      foreign_language_products: 2,
      contracts: 2,
      money_state_budget: 170_000_000,
      money_central: 30_000_000,
      money_business: 80_000_000,
      money_socialisation: 0,
    });
    // A window and an organisation narrow the figures.
    expect(await figuresOf(leader, `orgId=${org.vhttdl}&from=2023-01-01&to=2023-03-31`)).toMatchObject({
      events: 1,
      delegations_out: 0,
      money_state_budget: 50_000_000,
    });
    // Drill-down: the activities behind a number.
    const drill = await leader.request({ method: 'GET', url: `/api/activities?indicator=contracts&planId=${plan.planId}` });
    expect(
      drill
        .json()
        .items.map((a: { details: { partner: string } }) => a.details.partner)
        .sort(),
    ).toEqual(['Báo Nhân Dân', 'Đài Tiếng nói Việt Nam']);
  });

  it('finds activities without diacritics, in any case, word by word (one search rule)', async () => {
    const titles = async (q: string) =>
      (await leader.request({ method: 'GET', url: `/api/activities?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((a: { title: string }) => a.title);
    const exhibition = 'Triển lãm "Hoàng Sa, Trường Sa của Việt Nam - Những bằng chứng lịch sử và pháp lý"';
    expect(await titles('trien lam')).toContain(exhibition);
    expect(await titles('TRIỂN LÃM')).toContain(exhibition);
    expect(await titles('truong sa bang chung')).toContain(exhibition);
    expect(await titles('thi xa quang tri')).toContain(exhibition);
    expect(await titles('trien lam khong-co-tu-nay')).toEqual([]);
    expect(await titles('100%')).toEqual([]);
  });

  it('pre-fills the report draft through the reporting module', async () => {
    const periods = (await officer.request({ method: 'GET', url: '/api/report-periods?year=2023' })).json().items as {
      id: string;
      kind: string;
    }[];
    const six = periods.find((p) => p.kind === 'six_months')!;
    const opened = await officer.request({ method: 'POST', url: `/api/report-periods/${six.id}/reports`, payload: { orgId: org.vhttdl } });
    expect(opened.statusCode, opened.body).toBe(200);
    const report = (await officer.request({ method: 'GET', url: `/api/reports/${opened.json().id}` })).json();
    const entry = (code: string) => report.entries.find((e: { taskId: string }) => e.taskId === plan.task[code]);
    expect(entry('3').figures).toEqual({
      events: { value: 1, prefilled: 1, reason: null },
      money_state_budget: { value: 50_000_000, prefilled: 50_000_000, reason: null },
    });
    expect(entry('5.2').figures.delegations_out).toEqual({ value: 1, prefilled: 1, reason: null });
    expect(entry('6').figures).toMatchObject({ publications: { value: 1 }, foreign_language_products: { value: 1 } });
    // Nothing recorded by the organisation on task 8 (the secretariat's press conference is not theirs): nothing pre-filled, not a zero.
    expect(entry('8').figures).toEqual({});
  });

  it('compares task 9 with its target: 2 contracts recorded, target met', async () => {
    const { item, atRisk } = await targetOf9('2023-07-01');
    expect(item).toMatchObject({ min: 2, actual: 2, status: 'met' });
    expect(item.activityIds).toHaveLength(2);
    expect(atRisk).not.toContain(plan.task['9']);
    // The secretariat confirms the indicator the target is measured by (it was guessed from the words).
    const setIndicator = (c: Client, indicator: string | null) =>
      c.request({ method: 'PUT', url: `/api/activities/targets/${item.targetId}`, payload: { indicator } });
    expect((await setIndicator(officer, 'contracts')).statusCode).toBe(403);
    expect((await setIndicator(sec, 'no_such_indicator')).statusCode).toBe(400);
    expect((await setIndicator(sec, 'contracts')).statusCode).toBe(200);
    expect((await targetOf9('2023-07-01')).item).toMatchObject({ indicator: 'contracts', indicatorGuessed: false, actual: 2 });
    const viewOf = async (c: Client) =>
      (await c.request({ method: 'GET', url: `/api/activities/tasks/${plan.task['9']}/figures?asOf=2023-07-01` })).json();
    const view = await viewOf(sec);
    expect(view.targets[0]).toMatchObject({ actual: 2, status: 'met' });
    expect(view.figures.find((f: { code: string }) => f.code === 'contracts').value).toBe(2);
    // An officer's figures (and the activities listed behind them) are their own organisation's only.
    const own = await viewOf(officer);
    expect(own.figures.find((f: { code: string }) => f.code === 'contracts').value).toBe(0);
  });

  it('totals budget against spending by task, organisation and source, and exports them', async () => {
    const put = (c: Client, payload: object, status = 200) =>
      c.request({ method: 'PUT', url: '/api/activities/budget/allocations', payload }).then((r) => {
        expect(r.statusCode, r.body).toBe(status);
        return r.json();
      });
    await put(sec, { taskId: plan.task['9'], orgId: org.tttt, source: 'state_budget', amount: 300_000_000 });
    await put(sec, { taskId: plan.task['9'], orgId: org.tttt, source: 'socialisation', amount: 50_000_000 });
    await put(officer, { taskId: plan.task['3'], orgId: org.vhttdl, source: 'state_budget', amount: 100_000_000 });
    await put(sec, { taskId: plan.task['7'], orgId: org.tttt, source: 'central_support', amount: 40_000_000 });
    // An officer sets only their own organisation's allocations.
    const refused = await officer.request({
      method: 'PUT',
      url: '/api/activities/budget/allocations',
      payload: { taskId: plan.task['9'], orgId: org.tttt, source: 'state_budget', amount: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await sec.request({
      method: 'PUT',
      url: '/api/activities/budget/allocations',
      payload: { taskId: plan.task['9'], orgId: org.tttt, source: 'state_budget', amount: -5 },
    });
    expect(bad.statusCode).toBe(400);

    const b = (await leader.request({ method: 'GET', url: `/api/activities/budget?planId=${plan.planId}` })).json();
    const src = Object.fromEntries(
      b.bySource.map((s: { source: string; allocated: number; spent: number }) => [s.source, [s.allocated, s.spent]]),
    );
    expect(src).toMatchObject({
      state_budget: [400_000_000, 170_000_000],
      central_support: [40_000_000, 30_000_000],
      socialisation: [50_000_000, 0],
      contributions: [0, 80_000_000],
      other_lawful: [0, 0],
    });
    expect(b.total).toEqual({ allocated: 490_000_000, spent: 280_000_000 });
    const t9 = b.byTask.find((x: { code: string }) => x.code === '9');
    expect(t9).toMatchObject({ allocatedTotal: 350_000_000, spentTotal: 200_000_000 });
    expect(b.byOrg.find((o: { orgId: string }) => o.orgId === org.vhttdl)).toMatchObject({
      allocatedTotal: 100_000_000,
      spentTotal: 50_000_000,
    });

    const xlsx = await leader.request({ method: 'GET', url: `/api/activities/budget.xlsx?planId=${plan.planId}` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const bySource = wb.getWorksheet('Theo nguồn')!;
    const rows = bySource.getSheetValues().filter(Boolean) as unknown[][];
    const total = rows.find((r) => r.includes('Tổng cộng'))!;
    expect(total.slice(-3)).toEqual([490_000_000, 280_000_000, 210_000_000]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo nhiệm vụ', 'Theo đơn vị', 'Theo nguồn']);
  });
});

describe('who may record what', () => {
  it("refuses an officer another organisation's activities, and read-only roles any change", async () => {
    const other = {
      kind: 'press_conference',
      title: 'Họp báo',
      orgId: org.tttt,
      taskIds: [plan.task['8']],
      startsOn: '2023-09-01',
      details: { spokesperson: 'Người phát ngôn' },
    };
    const res = await officer.request({ method: 'POST', url: '/api/activities', payload: other });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('org.forbidden');
    for (const c of [leader, admin])
      expect((await c.request({ method: 'POST', url: '/api/activities', payload: other })).statusCode).toBe(403);

    const theirs = await record(sec, other);
    const own = await record(officer, { ...other, orgId: org.vhttdl, title: 'Họp báo Năm Du lịch' });
    const put = (c: Client, a: typeof theirs, changes: object) =>
      c.request({ method: 'PUT', url: `/api/activities/${a.id}`, payload: { ...other, orgId: a.orgId, version: a.version, ...changes } });
    expect((await put(officer, theirs, { title: 'Sửa trộm' })).statusCode).toBe(403);
    expect((await officer.request({ method: 'DELETE', url: `/api/activities/${theirs.id}` })).statusCode).toBe(403);
    expect(
      (
        await officer.request({
          method: 'POST',
          url: `/api/activities/${theirs.id}/files?filename=a.png`,
          payload: PNG,
          headers: { 'content-type': 'application/octet-stream' },
        })
      ).statusCode,
    ).toBe(403);
    // Nor move their own activity to another organisation.
    expect((await put(officer, own, { orgId: org.tttt })).statusCode).toBe(403);
    // Their own: change, attach, delete.
    const changed = await put(officer, own, { title: 'Họp báo Năm Du lịch Quốc gia' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await put(officer, own, { title: 'Bản cũ' })).statusCode).toBe(409);
    const file = await officer.request({
      method: 'POST',
      url: `/api/activities/${own.id}/files?filename=anh.png`,
      payload: PNG,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(file.statusCode, file.body).toBe(201);
    const download = await leader.request({ method: 'GET', url: `/api/activities/${own.id}/files/${file.json().id}` });
    expect(download.headers['content-type']).toBe('image/png');
    expect((await officer.request({ method: 'DELETE', url: `/api/activities/${own.id}` })).statusCode).toBe(200);
    const audit = await admin.request({ method: 'GET', url: `/api/audit?entity=activity&entityId=${own.id}` });
    expect(
      audit
        .json()
        .items.map((i: { action: string }) => i.action)
        .sort(),
    ).toEqual(['attach', 'create', 'delete', 'update']);
  });

  it("validates each kind's fields and checks attachments", async () => {
    const base = { title: 'Sự kiện', orgId: org.tttt, taskIds: [plan.task['5.1']], startsOn: '2023-05-01' };
    const missing = await sec.request({
      method: 'POST',
      url: '/api/activities',
      payload: { ...base, kind: 'event', details: { visitors: 10 } },
    });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().details)).toContain('eventType');
    const negative = await sec.request({
      method: 'POST',
      url: '/api/activities',
      payload: { ...base, kind: 'event', details: { eventType: 'fair', visitors: -1 } },
    });
    expect(negative.statusCode).toBe(400);
    const foreignField = await sec.request({
      method: 'POST',
      url: '/api/activities',
      payload: { ...base, kind: 'event', details: { eventType: 'fair', trainees: 3 } },
    });
    expect(foreignField.statusCode).toBe(400);
    const unknownKind = await sec.request({ method: 'POST', url: '/api/activities', payload: { ...base, kind: 'party', details: {} } });
    expect(unknownKind.statusCode).toBe(400);
    const backwards = await sec.request({
      method: 'POST',
      url: '/api/activities',
      payload: { ...base, kind: 'event', endsOn: '2023-04-01', details: { eventType: 'fair' } },
    });
    expect(backwards.statusCode).toBe(400);
    const a = await record(sec, { ...base, kind: 'event', details: { eventType: 'fair' } });
    const exe = await sec.request({
      method: 'POST',
      url: `/api/activities/${a.id}/files?filename=x.exe`,
      payload: Buffer.from('MZ...'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect([exe.statusCode, exe.json().code]).toEqual([415, 'file.type']);
    const fake = await sec.request({
      method: 'POST',
      url: `/api/activities/${a.id}/files?filename=x.pdf`,
      payload: PNG,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect([fake.statusCode, fake.json().code]).toEqual([415, 'file.content_mismatch']);
  });
});

describe('API description', () => {
  it('documents the activity routes, kinds included, in the OpenAPI file', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/activities', '/api/activities/import', '/api/activities/budget', '/api/legal-docs']),
    );
    expect(JSON.stringify(spec.paths['/api/activities'].post)).toContain('site_inspection');
  });
});

describe('calendar, anniversaries and the document library', () => {
  it('shows a month with activities, deadlines and anniversaries', async () => {
    const march = (await leader.request({ method: 'GET', url: '/api/activities/calendar?month=2023-03' })).json();
    const types = (type: string) => march.items.filter((i: { type: string }) => i.type === type);
    expect(types('activity').map((i: { title: string }) => i.title)).toContain('Họp báo quý I');
    expect(types('task_deadline').map((i: { title: string; date: string }) => [i.date, i.title.slice(0, 2)])).toContainEqual([
      '2023-03-31',
      '3.',
    ]);
    expect(types('anniversary').map((i: { date: string }) => i.date)).toEqual(
      expect.arrayContaining(['2023-03-03', '2023-03-23', '2023-03-30']),
    );
    const may = (await leader.request({ method: 'GET', url: '/api/activities/calendar?month=2023-05' })).json();
    expect(may.items.some((i: { type: string; date: string }) => i.type === 'report_deadline' && i.date === '2023-05-25')).toBe(true);
  });

  it('lists round-year anniversaries of diplomatic relations from a sourced data file', async () => {
    const y2023 = (await leader.request({ method: 'GET', url: '/api/activities/anniversaries?year=2023' })).json();
    expect(y2023.source.vi).toContain('cần kiểm tra');
    const diplomatic = y2023.items.filter((i: { kind: string }) => i.kind === 'diplomatic');
    expect(diplomatic.map((i: { vi: string }) => i.vi).join('\n')).toMatch(/50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản/);
    expect(diplomatic.every((i: { years: number }) => i.years % 5 === 0)).toBe(true);
    const y2025 = (await leader.request({ method: 'GET', url: '/api/activities/anniversaries?year=2025' })).json();
    expect(y2025.items.find((i: { date: string; kind: string }) => i.date === '2025-04-30').years).toBe(50);
    // 2027: lunar days computed by the Vietnamese lunar calendar, 29 February moved to a real day.
    const y2027 = (await leader.request({ method: 'GET', url: '/api/activities/anniversaries?year=2027' })).json();
    const on = (date: string) => y2027.items.filter((i: { date: string }) => i.date === date).map((i: { vi: string }) => i.vi);
    expect(on('2027-02-06')).toContain('Tết Nguyên đán Đinh Mùi');
    expect(on('2027-04-16')).toContain('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(on('2027-02-28').join()).toMatch(/35 năm thiết lập quan hệ ngoại giao Việt Nam – Brunei \(29\/02\/1992\)/);
    for (const i of y2027.items as { date: string }[]) expect(new Date(`${i.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(i.date);
  });

  it('keeps the documents the plan cites, linked to tasks', async () => {
    const docs = (await officer.request({ method: 'GET', url: `/api/legal-docs?taskId=${plan.task['1']}` })).json().items;
    expect(docs.map((d: { number: string }) => d.number)).toEqual([
      '25/2019/QĐ-UBND',
      '03/2019/TT-BTTTT',
      '1079/QĐ-TTg',
      '5740/BTTTT-TTĐN',
    ]);
    const input = {
      docType: 'Nghị định',
      number: '72/2015/NĐ-CP',
      issuedOn: '2015-09-07',
      issuer: 'Chính phủ',
      title: 'Quản lý hoạt động thông tin đối ngoại',
      taskIds: [plan.task['1']],
    };
    expect((await officer.request({ method: 'POST', url: '/api/legal-docs', payload: input })).statusCode).toBe(403);
    expect((await sec.request({ method: 'POST', url: '/api/legal-docs', payload: input })).statusCode).toBe(201);
    expect((await sec.request({ method: 'POST', url: '/api/legal-docs', payload: input })).statusCode).toBe(409);
    const found = (await officer.request({ method: 'GET', url: '/api/legal-docs?q=quan%20ly%20thong%20tin%20doi%20ngoai' })).json().items;
    expect(found.map((d: { number: string }) => d.number)).toContain('72/2015/NĐ-CP');
  });
});
