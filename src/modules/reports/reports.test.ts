import { extractSource } from '../plans';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { docxText, nd30ProblemsOf } from '../../../test/docx-check';
import { call, deadlineTomorrow, fillAndSave, findPeriod, IN_2023, makeOfficer, openReport, orgIdByName } from './reports.test-helpers';

/**
 * The reporting cycle on the demo data: the 2023 six-month period of the seed plan, the
 * organisations it expects, officers submitting, the secretariat returning one and accepting
 * the others, the dashboard, and the consolidated report read back.
 */
const SEED_2023_EXPECTED = [
  // every department and armed force of the former Quảng Trị valid on the plan's date (group "Các Sở, ban,
  // ngành"); the former Quảng Bình's, kept in the same directory, belong to its own plans
  'Văn phòng UBND tỉnh',
  'Sở Thông tin và Truyền thông',
  'Sở Khoa học và Công nghệ',
  'Sở Ngoại vụ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Kế hoạch và Đầu tư',
  'Sở Công Thương',
  'Sở Giao thông vận tải',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Xây dựng',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Giáo dục và Đào tạo',
  'Sở Tư pháp',
  'Sở Y tế',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài nguyên và Môi trường',
  'Ban Quản lý Khu kinh tế tỉnh',
  'Ban Dân tộc tỉnh',
  'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
  'Thanh tra tỉnh',
  'Công an tỉnh',
  'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
  'Bộ Chỉ huy Quân sự tỉnh',
  // named: the provincial press (lead of 2.x), the customs office (task 11)
  'Báo Quảng Trị',
  'Đài Phát thanh - Truyền hình tỉnh',
  'Tạp chí Cửa Việt',
  'Cục Hải quan tỉnh',
  // every district of the former Quảng Trị valid then (group "UBND các huyện, thị xã, thành phố")
  'UBND thành phố Đông Hà',
  'UBND thị xã Quảng Trị',
  'UBND huyện Vĩnh Linh',
  'UBND huyện Gio Linh',
  'UBND huyện Cam Lộ',
  'UBND huyện Triệu Phong',
  'UBND huyện Hải Lăng',
  'UBND huyện Hướng Hóa',
  'UBND huyện Đakrông',
  'UBND huyện Cồn Cỏ',
].sort((a, b) => a.localeCompare(b, 'vi'));

let ctx: TestContext;
let sec: Client;
let admin: Client;
let vhttdl: Client;
let bao: { client: Client; orgId: string };
let ngoaiVu: { client: Client; orgId: string };
let huongHoa: { client: Client; orgId: string };
let periodId: string;
const reportIds: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
  admin = await ctx.login(DEMO.admin);
  // The 2023 cycle is run by the bodies of 2023 (the demo's own officer sits in today's Sở VHTTDL, formed on 1/7/2025).
  vhttdl = (await makeOfficer(ctx, admin, 'canbo.vhttdl2023', 'Sở Văn hóa, Thể thao và Du lịch', undefined, IN_2023)).client;
  bao = await makeOfficer(ctx, admin, 'canbo.bao', 'Báo Quảng Trị');
  ngoaiVu = await makeOfficer(ctx, admin, 'canbo.ngoaivu', 'Sở Ngoại vụ', undefined, IN_2023);
  huongHoa = await makeOfficer(ctx, admin, 'canbo.huonghoa', 'UBND huyện Hướng Hóa');
  periodId = (await findPeriod(sec, 'six_months', 2023)).id;
});
afterAll(() => ctx?.close());

describe('reporting cycle on the seed plan', () => {
  it('derives the 2023 periods from the plan deadlines with the default cut-offs', async () => {
    const items = (await call(sec, 'GET', '/api/report-periods?year=2023')).json().items;
    const six = items.find((p: { kind: string }) => p.kind === 'six_months');
    const year = items.find((p: { kind: string }) => p.kind === 'year');
    expect(six).toMatchObject({
      dataFrom: '2022-12-15',
      dataTo: '2023-06-14',
      deadline: '2023-05-25',
      opensOn: '2023-05-01',
      status: 'open',
    });
    expect(year).toMatchObject({ dataFrom: '2022-12-15', dataTo: '2023-12-14', deadline: '2023-11-25' });
    // generating again creates nothing new
    const plan = (await call(sec, 'GET', '/api/plans?year=2023&scope=province')).json().items[0];
    expect((await call(sec, 'POST', '/api/report-periods/generate', { planId: plan.id })).json().created).toEqual([]);
  });

  it('finds exactly the organisations the seed assigns, roles included', async () => {
    const res = await call(sec, 'GET', `/api/report-periods/${periodId}`);
    expect(res.statusCode).toBe(200);
    const expected = res.json().expected as { name: string; tasks: { code: string; roles: string[] }[] }[];
    expect(expected.map((e) => e.name).sort((a, b) => a.localeCompare(b, 'vi'))).toEqual(SEED_2023_EXPECTED);
    const vh = expected.find((e) => e.name === 'Sở Văn hóa, Thể thao và Du lịch')!;
    expect(vh.tasks.find((t) => t.code === '5.2')!.roles).toEqual(['lead', 'coordinating']); // also in "Các Sở, ban, ngành"
    expect(vh.tasks.find((t) => t.code === '3')!.roles).toEqual(['lead', 'coordinating']);
    expect(vh.tasks.find((t) => t.code === '10')).toBeUndefined(); // task 10 names its coordinators
    const customs = expected.find((e) => e.name === 'Cục Hải quan tỉnh')!;
    expect(customs.tasks.map((t) => t.code)).toEqual(['11']);
    expect(expected.some((e) => e.name === 'Ủy ban nhân dân tỉnh Quảng Trị')).toBe(false);
    expect(expected.some((e) => e.name === 'Sở Nông nghiệp và Môi trường')).toBe(false); // created in 2025
  });

  it('officers write and submit; a draft autosaves with a version check', async () => {
    await deadlineTomorrow(sec, periodId);
    const vhOrg = await orgIdByName(sec, 'Sở Văn hóa, Thể thao và Du lịch', IN_2023);
    const r1 = await openReport(vhttdl, periodId, vhOrg);
    reportIds.vhttdl = r1.id;
    expect(r1.tasks.length).toBe(r1.entries.length);
    const saved = await fillAndSave(vhttdl, r1, 'Sở VHTTDL', {
      '3': {
        status: 'done',
        completedOn: '2023-03-20',
        done: 'Sở VHTTDL tổ chức triển lãm Hoàng Sa, Trường Sa tại thị xã Quảng Trị với 5.000 lượt khách.',
        figures: { events: 2, money_state_budget: 150_000_000 },
      },
      '5.2': { done: 'Sở VHTTDL tham gia Tuần văn hóa Việt - Lào.', figures: { delegations_out: 1, news_articles: 12 } },
    });
    expect(saved.version).toBe(r1.version + 1);
    // a second save with the old version is refused with a clear message, and changes nothing
    const stale = await call(vhttdl, 'PUT', `/api/reports/${r1.id}`, { version: r1.version, entries: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('report.version_conflict');
    expect(stale.json().message).toContain('Cán bộ Sở Văn hóa, Thể thao và Du lịch');
    expect((await call(vhttdl, 'GET', `/api/reports/${r1.id}`)).json().version).toBe(saved.version);
    expect((await call(vhttdl, 'POST', `/api/reports/${r1.id}/submit`, { version: saved.version })).json().status).toBe('submitted');

    const r2 = await openReport(bao.client, periodId, bao.orgId);
    reportIds.bao = r2.id;
    await fillAndSave(bao.client, r2, 'Báo Quảng Trị', {
      '2.1': {
        status: 'done',
        completedOn: '2023-06-01',
        done: 'Báo Quảng Trị đăng 320 tin, bài quảng bá hình ảnh tỉnh.',
        figures: { news_articles: 320, foreign_language_products: 15, money_socialisation: 20_000_000 },
      },
      '2.2': { status: 'done', completedOn: '2024-01-10', done: 'Báo Quảng Trị mở chuyên mục kỷ niệm 50 năm quan hệ Việt Nam - Nhật Bản.' },
    });
    expect((await call(bao.client, 'POST', `/api/reports/${r2.id}/submit`, {})).statusCode).toBe(200);

    const r3 = await openReport(ngoaiVu.client, periodId, ngoaiVu.orgId);
    reportIds.ngoaiVu = r3.id;
    await fillAndSave(ngoaiVu.client, r3, 'Sở Ngoại vụ', {
      '2.3': { status: 'delayed', done: 'Sở Ngoại vụ đón 3 đoàn vào.', figures: { delegations_in: 3 } },
    });
    expect((await call(ngoaiVu.client, 'POST', `/api/reports/${r3.id}/submit`, {})).statusCode).toBe(200);

    const r4 = await openReport(huongHoa.client, periodId, huongHoa.orgId);
    reportIds.huongHoa = r4.id;
    await fillAndSave(huongHoa.client, r4, 'UBND huyện Hướng Hóa', {
      '11': { done: 'UBND huyện Hướng Hóa duy trì Cụm thông tin đối ngoại Lao Bảo.' },
    });
    expect((await call(huongHoa.client, 'POST', `/api/reports/${r4.id}/submit`, {})).statusCode).toBe(200);
    // Hướng Hóa's report arrived after the deadline
    await ctx.database.db.execute(sql`UPDATE reports SET first_submitted_at = now() + interval '3 days' WHERE id = ${r4.id}`);
  });

  it('the lead organisation sees what supporting organisations reported on its task, never their drafts', async () => {
    const vh = (await call(vhttdl, 'GET', `/api/reports/${reportIds.vhttdl}`)).json();
    const task52 = vh.tasks.find((t: { code: string }) => t.code === '5.2').taskId;
    // a draft of another coordinating organisation
    const camLo = await orgIdByName(sec, 'UBND huyện Cam Lộ');
    const draft = await openReport(sec, periodId, camLo);
    await fillAndSave(sec, draft, 'UBND huyện Cam Lộ (bản nháp)');
    const res = await call(vhttdl, 'GET', `/api/report-periods/${periodId}/tasks/${task52}/contributions`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { orgName: string; status: string | null; entry: { done: string } | null; reportId: string | null }[];
    expect(items.find((i) => i.orgName === 'Sở Ngoại vụ')!.entry!.done).toBe('Sở Ngoại vụ triển khai nhiệm vụ 5.2.');
    expect(items.find((i) => i.orgName === 'Sở Ngoại vụ')!.reportId).toBeNull();
    expect(items.find((i) => i.orgName === 'UBND huyện Cam Lộ')!.entry).toBeNull();
    // Báo Quảng Trị does not lead 5.2 (it is not even assigned): refused
    expect((await call(bao.client, 'GET', `/api/report-periods/${periodId}/tasks/${task52}/contributions`)).statusCode).toBe(403);
    const task1 = vh.tasks.find((t: { code: string }) => t.code === '1').taskId;
    const refused = await call(vhttdl, 'GET', `/api/report-periods/${periodId}/tasks/${task1}/contributions`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('report.not_task_lead');
    // and an officer never opens another organisation's report
    expect((await call(vhttdl, 'GET', `/api/reports/${reportIds.bao}`)).statusCode).toBe(403);
    expect((await call(vhttdl, 'GET', `/api/reports/${draft.id}`)).statusCode).toBe(403);
  });

  it('the secretariat returns one with comments, accepts the others; the returned one is resubmitted and accepted', async () => {
    const ret = await call(sec, 'POST', `/api/reports/${reportIds.ngoaiVu}/return`, { comment: 'Đề nghị bổ sung số đoàn ra.' });
    expect(ret.json().status).toBe('returned');
    for (const k of ['vhttdl', 'bao'])
      expect((await call(sec, 'POST', `/api/reports/${k === 'vhttdl' ? reportIds.vhttdl : reportIds.bao}/accept`, {})).json().status).toBe(
        'accepted',
      );
    const back = (await call(ngoaiVu.client, 'GET', `/api/reports/${reportIds.ngoaiVu}`)).json();
    expect(back.reviewComment).toBe('Đề nghị bổ sung số đoàn ra.');
    await fillAndSave(ngoaiVu.client, back, 'Sở Ngoại vụ', {
      '2.3': { status: 'delayed', done: 'Sở Ngoại vụ đón 3 đoàn vào và cử 2 đoàn ra.', figures: { delegations_in: 3, delegations_out: 2 } },
    });
    expect((await call(ngoaiVu.client, 'POST', `/api/reports/${reportIds.ngoaiVu}/submit`, {})).json().status).toBe('submitted');
    expect((await call(sec, 'POST', `/api/reports/${reportIds.ngoaiVu}/accept`, {})).json().status).toBe('accepted');
    const history = (await call(ngoaiVu.client, 'GET', `/api/reports/${reportIds.ngoaiVu}`))
      .json()
      .events.map((e: { action: string }) => e.action);
    expect(history).toEqual(['submit', 'return', 'resubmit', 'accept']);
    // every transition audited, and notified to the organisation's officers
    const audit = (await call(admin, 'GET', `/api/audit?entity=report&entityId=${reportIds.ngoaiVu}&pageSize=50`))
      .json()
      .items.map((a: { action: string }) => a.action);
    for (const a of ['submit', 'return', 'resubmit', 'accept']) expect(audit).toContain(a);
    const notes = await ctx.database.db.execute(
      sql`SELECT kind FROM notifications WHERE user_id = ${ngoaiVu.client.user.id} ORDER BY created_at`,
    );
    expect((notes as unknown as { rows: { kind: string }[] }).rows.map((r) => r.kind)).toEqual(['report.return', 'report.accept']);
  });

  it('the dashboard counts expected, received, on time, late, missing, and the four task counts', async () => {
    const res = await call(sec, 'GET', `/api/report-periods/${periodId}/dashboard`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.totals).toEqual({ expected: 38, received: 4, onTime: 3, late: 1, missing: 34, accepted: 3, returned: 0, underReview: 1 });
    // tasks with organisations: 16 (2 and 5 are headings). 3: done by 20/3 (deadline 31/3): on time;
    // 2.1 done on time; 2.2 done in January 2024: late; 2.3 delayed: overdue; the rest in progress.
    expect(d.taskOutcomes).toEqual({ doneOnTime: 2, doneLate: 1, inProgress: 12, overdue: 1 });
    const byCode = Object.fromEntries(d.byTask.map((t: { code: string }) => [t.code, t]));
    expect(byCode['3'].outcome).toBe('doneOnTime');
    expect(byCode['2.2'].outcome).toBe('doneLate');
    expect(byCode['11']).toMatchObject({ expected: 6, received: 1, missing: 5 });
    const hh = d.byOrg.find((o: { name: string }) => o.name === 'UBND huyện Hướng Hóa');
    expect(hh).toMatchObject({ status: 'submitted', received: true, late: true, onTime: false });
    expect(d.byOrg.find((o: { name: string }) => o.name === 'UBND huyện Cam Lộ')).toMatchObject({ status: 'draft', received: false });
    // leaders and inspectors read it; officers do not
    expect((await call(await ctx.login(DEMO.leader), 'GET', `/api/report-periods/${periodId}/dashboard`)).statusCode).toBe(200);
    expect((await call(vhttdl, 'GET', `/api/report-periods/${periodId}/dashboard`)).statusCode).toBe(403);
  });

  it('drafts the consolidated report from accepted reports; the narrative is edited and exported to .docx and .xlsx', async () => {
    const c = (await call(sec, 'GET', `/api/report-periods/${periodId}/consolidated`)).json();
    expect(c.acceptedOrgs.sort()).toEqual(['Báo Quảng Trị', 'Sở Ngoại vụ', 'Sở Văn hóa, Thể thao và Du lịch'].sort());
    expect(c.indicators.find((i: { code: string }) => i.code === 'news_articles').total).toBe(332);
    expect(c.narrative.assessment).toContain('4/38');
    const put = await call(sec, 'PUT', `/api/report-periods/${periodId}/consolidated`, {
      version: c.version,
      number: '35',
      signer: 'Nguyễn Văn B',
      narrative: { assessment: 'Công tác thông tin đối ngoại 6 tháng đầu năm đạt kết quả tích cực.', causes: 'Kinh phí còn hạn chế.' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call(sec, 'PUT', `/api/report-periods/${periodId}/consolidated`, { version: c.version, narrative: {} })).statusCode).toBe(
      409,
    );

    const docx = await call(sec, 'GET', `/api/report-periods/${periodId}/consolidated.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = (await extractSource(docx.rawPayload, 'export.docx')).text;
    for (const s of [
      'BÁO CÁO',
      'Số: 35/BC-SVHTTDL',
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Công tác thông tin đối ngoại 6 tháng đầu năm đạt kết quả tích cực.',
      'Kinh phí còn hạn chế.',
      'Sở VHTTDL tổ chức triển lãm Hoàng Sa, Trường Sa tại thị xã Quảng Trị với 5.000 lượt khách.',
      'Báo Quảng Trị đăng 320 tin, bài quảng bá hình ảnh tỉnh.',
      'Sở Ngoại vụ đón 3 đoàn vào và cử 2 đoàn ra.',
      'Tin, bài đăng tải',
      '332',
      '150.000.000',
      '170.000.000',
      'Gửi trễ hạn: UBND huyện Hướng Hóa',
      'Chưa gửi báo cáo:',
      'Nguyễn Văn B',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain('Hướng Hóa duy trì Cụm'); // not accepted: not consolidated
    expect(text).not.toMatch(/THÔNG TIN VÀ TRUYỀN THÔNG|TM\. ỦY BAN/); // the secretariat of the settings, signed by its head's deputy
    expect(await nd30ProblemsOf(docx.rawPayload)).toEqual([]);
    // Reads as a report: the plan's own numbering with no gaps, no bare "…", the period's year, the drafted assessment marked.
    const paras = (await docxText(docx.rawPayload)).split('\n');
    if (process.env.PRINT_REPORT) console.log(paras.join('\n'));
    const planCodes = (await call(sec, 'GET', `/api/plans/${(await call(sec, 'GET', `/api/report-periods/${periodId}`)).json().planId}`))
      .json()
      .tasks.map((x: { code: string }) => x.code);
    const headings = paras
      .filter((p) => /^\d+(\.\d+)*\. /.test(p) && !/^\d+\. (Ưu điểm|Hạn chế|Nguyên nhân)$/.test(p))
      .map((p) => p.split('. ')[0]);
    expect(headings).toEqual(planCodes);
    expect(paras.filter((p) => /^[IVX]+\. /.test(p))).toEqual([
      'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      'VI. PHỤ LỤC SỐ LIỆU',
    ]);
    expect(paras.filter((p) => /^[.…\s]*$/.test(p) && p.includes('…'))).toEqual([]);
    // The period is 2023's: its text never says 2026 (only the date line of the numbered copy carries the day it is issued).
    expect(paras.filter((p) => !p.startsWith('Quảng Trị, ngày')).join('\n')).not.toMatch(/năm 2026/);
    expect(paras).toContain('Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2023');
    expect(paras).toContain(
      '(Phần này do hệ thống dự thảo từ số liệu báo cáo; đề nghị người soạn thảo rà soát, chỉnh sửa trước khi trình ký.)',
    );
    expect(paras.some((p) => /^Kết quả: .*\d{3} tin, bài/.test(p))).toBe(true);
    expect(paras.some((p) => /^Có \d+ cơ quan, đơn vị gửi báo cáo trễ hạn \(UBND huyện Hướng Hóa\)/.test(p))).toBe(true);
    expect(paras.join('\n')).not.toMatch(/^- .* \((đang thực hiện|đã hoàn thành)\): /m); // not a list of organisations

    const xlsx = await call(sec, 'GET', `/api/report-periods/${periodId}/consolidated.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp chỉ tiêu')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[2] === 'Tin, bài đăng tải')![4]).toBe(332);
    // names, never codes, in every sheet
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((cell) => expect(String(cell.value)).not.toMatch(/^[a-z]+(_[a-z]+)+$/)));
    expect(wb.getWorksheet('Tình hình báo cáo')!.rowCount).toBe(39);
  });
  it('an organisation that ended before the period is replaced by its successors (directory validity dates)', async () => {
    // The plan's 2023 roles, reported on in a window that reaches past the 2025 reorganisation.
    const year = await findPeriod(sec, 'year', 2023);
    const res = await call(sec, 'PATCH', `/api/report-periods/${year.id}`, {
      version: year.version,
      dataFrom: '2024-12-15',
      dataTo: '2025-12-14',
      deadline: '2025-11-25',
    });
    expect(res.statusCode, res.body).toBe(200);
    const expected = (await call(sec, 'GET', `/api/report-periods/${year.id}`)).json().expected as { name: string; replaces: string[] }[];
    const names = expected.map((e) => e.name);
    expect(expected.find((e) => e.name === 'Sở Nông nghiệp và Môi trường')!.replaces.sort()).toEqual([
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Tài nguyên và Môi trường',
    ]);
    // today's Sở KH&CN (merged province, 1/7/2025) reports for the former province's Sở KH&CN and for the dissolved Sở TTTT
    const khcn = expected.find((e) => e.name === 'Sở Khoa học và Công nghệ')!.replaces;
    expect(khcn.sort()).toEqual(['Sở Khoa học và Công nghệ', 'Sở Thông tin và Truyền thông']);
    expect(expected.find((e) => e.name === 'Sở Dân tộc và Tôn giáo')!.replaces).toContain('Ban Dân tộc tỉnh');
    expect(expected.find((e) => e.name === 'Sở Văn hóa, Thể thao và Du lịch')!.replaces).toContain('Sở Thông tin và Truyền thông');
    // the communes formed from the districts report for them
    expect(expected.find((e) => e.name === 'UBND xã Cam Lộ')!.replaces).toContain('UBND huyện Cam Lộ');
    for (const gone of ['Sở Thông tin và Truyền thông', 'Ban Dân tộc tỉnh', 'UBND huyện Cam Lộ']) expect(names).not.toContain(gone);
  });
});
