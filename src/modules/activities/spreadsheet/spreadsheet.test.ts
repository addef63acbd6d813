import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../../test/context';
import { demoPlan, IN_2023, officerOf, orgId } from '../activities.test-helpers';

let ctx: TestContext;
let sec: Client;
let officer: Client;
let planId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.login(DEMO.admin);
  sec = await ctx.login(DEMO.secretariat);
  // the 2023 plan's activities are the 2023 Sở VHTTDL's: an officer of that body
  officer = await officerOf(ctx, admin, 'canbo.vhttdl2023', await orgId(sec, 'Sở Văn hóa, Thể thao và Du lịch', IN_2023));
  planId = (await demoPlan(sec)).planId;
});
afterAll(() => ctx.close());

/** The event template as served, filled with rows (A title … M funding source). */
async function filled(c: Client, rows: (string | number | Date | null)[][]) {
  const res = await c.request({ method: 'GET', url: '/api/activities/template/event' });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Hoạt động')!;
  expect(ws.getRow(1).values).toContain('Từ ngày (ngày/tháng/năm) *');
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 2).getCell(j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (c: Client, body: Buffer, validOnly = false) =>
  c.request({
    method: 'POST',
    url: `/api/activities/import?kind=event&planId=${planId}&validOnly=${validOnly}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });
const count = async () => (await sec.request({ method: 'GET', url: '/api/activities?kind=event' })).json().total as number;

const VHTTDL = 'So Van hoa, The thao va Du lich';
const good = (title: string): (string | number | Date | null)[] => [
  title,
  '3',
  VHTTDL,
  '15/03/2023',
  '16/03/2023',
  'Thị xã Quảng Trị',
  'Mô tả',
  'https://example.vn/a',
  'Triển lãm',
  800,
  null,
  '1.500.000',
  'Dự toán ngân sách được giao',
];

describe('activity spreadsheet', () => {
  it('rejects a file with a wrong date, an unknown organisation, a negative amount and a missing field, naming row and column, and saves nothing', async () => {
    const before = await count();
    const rows = [
      good('Triển lãm hợp lệ'),
      Object.assign(good('Ngày sai'), { 3: '31/02/2023' }),
      Object.assign(good('Đơn vị lạ'), { 2: 'Sở Không Có Thật' }),
      Object.assign(good('Số tiền âm'), { 11: -5000 }),
      Object.assign(good(''), { 0: null }),
    ];
    const res = await upload(sec, await filled(sec, rows));
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.code).toBe('activity.import.invalid');
    expect(body.details).toMatchObject({ rows: 5, validRows: 1, invalidRows: 4 });
    const errors = body.details.errors as { row: number; column: string; code: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'D', 'activity.import.bad_date'],
      [4, 'C', 'activity.import.unknown_org'],
      [5, 'L', 'activity.import.negative'],
      [6, 'A', 'activity.import.required'],
    ]);
    expect(errors[0].message).toBe('Dòng 3, cột D (Từ ngày (ngày/tháng/năm)): "31/02/2023" không phải ngày hợp lệ (ngày/tháng/năm).');
    expect(errors[1].message).toContain('không tìm thấy đơn vị "Sở Không Có Thật"');
    expect(errors[2].message).toContain('bị âm');
    expect(errors[3].message).toContain('chưa điền');
    expect(await count()).toBe(before);

    // The user confirms: only the valid row is saved.
    const confirmed = await upload(sec, await filled(sec, rows), true);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({ imported: 1, skipped: 4 });
    expect(await count()).toBe(before + 1);
  });

  it('imports a valid file, with Excel dates, labels without diacritics and the task by its number', async () => {
    const before = await count();
    const rows = [
      good('Triển lãm ảnh Quảng Trị'),
      [
        'Hội chợ thương mại Lao Bảo',
        '5.2',
        'Sở VHTTDL',
        new Date(Date.UTC(2023, 5, 20)),
        null,
        'Lao Bảo',
        null,
        null,
        'hoi cho',
        5000,
        'Tỉnh Savannakhet',
        null,
        null,
      ],
    ];
    const res = await upload(officer, await filled(officer, rows));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 2, skipped: 0, errors: [] });
    const list = (
      await sec.request({ method: 'GET', url: `/api/activities?kind=event&q=${encodeURIComponent('Hội chợ thương mại Lao Bảo')}` })
    ).json().items;
    expect(list[0]).toMatchObject({
      startsOn: '2023-06-20',
      details: { eventType: 'fair', visitors: 5000, partners: 'Tỉnh Savannakhet' },
      tasks: [{ code: '5.2' }],
      orgName: 'Sở Văn hóa, Thể thao và Du lịch',
    });
    const first = (
      await sec.request({ method: 'GET', url: `/api/activities?kind=event&q=${encodeURIComponent('Triển lãm ảnh Quảng Trị')}` })
    ).json().items[0];
    expect(first.spending).toEqual([{ source: 'state_budget', amount: 1_500_000, note: null }]);
    expect(await count()).toBe(before + 2);
  });

  it('refuses an officer rows of another organisation', async () => {
    const res = await upload(
      officer,
      await filled(officer, [Object.assign(good('Của đơn vị khác'), { 2: 'Sở Thông tin và Truyền thông' })]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors[0]).toMatchObject({ row: 2, column: 'C', code: 'activity.import.other_org' });
  });

  it('exports a filtered list that reads back with the same columns', async () => {
    const res = await sec.request({ method: 'GET', url: '/api/activities/export.xlsx?kind=event&from=2023-06-01&to=2023-06-30' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Hoạt động')!;
    expect(ws.actualRowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('Hội chợ thương mại Lao Bảo');
    expect(ws.getRow(2).getCell(9).value).toBe('Hội chợ');
    const all = await sec.request({ method: 'GET', url: '/api/activities/export.xlsx' });
    expect(all.statusCode).toBe(200);
  });
});
