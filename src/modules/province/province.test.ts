import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/context';
import { SYSTEM_ACTOR } from '../audit';
import { createUser } from '../users';
import { AppError } from '../../shared/errors';
import { readCommuneSheet, type CommuneRowError } from './commune-sheet';
import { STANDARD_DEPARTMENTS } from './standard-departments';

const here = path.dirname(fileURLToPath(import.meta.url));
const CSV = fs.readFileSync(path.join(here, 'fixtures/ha-tinh-communes.csv'));

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('the standard 2026 department list', () => {
  it('holds the 14 cơ quan chuyên môn with short names and a source, none naming a province', () => {
    expect(STANDARD_DEPARTMENTS).toHaveLength(14);
    expect(STANDARD_DEPARTMENTS.filter((d) => d.everywhere)).toHaveLength(12);
    expect(new Set(STANDARD_DEPARTMENTS.map((d) => d.key)).size).toBe(14);
    expect(STANDARD_DEPARTMENTS.map((d) => d.name)).toContain('Sở Văn hóa, Thể thao và Du lịch');
    for (const d of STANDARD_DEPARTMENTS) {
      expect(d.shortName.length).toBeGreaterThan(1);
      expect([d.name, ...d.aliases].join(' ')).not.toMatch(/Quảng|Hà Tĩnh|Thông tin và Truyền thông/);
    }
  });
});

describe('commune list from a spreadsheet', () => {
  it('reads the catalogue layout from CSV: code, name with its level, level; extra columns ignored', async () => {
    const rows = await readCommuneSheet(CSV, 'ha-tinh-communes.csv');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ row: 2, code: '18073', name: 'Phường Thành Sen', level: 'phuong' });
    expect(rows.filter((r) => r.level === 'xa')).toHaveLength(5);
  });

  it('reads .xlsx with headers without diacritics under a title row, codes stored as numbers, names without the level', async () => {
    const body = await xlsx([
      ['DANH MỤC ĐƠN VỊ HÀNH CHÍNH'],
      ['Ma so', 'Ten don vi hanh chinh', 'Cap'],
      [18073, 'Thành Sen', 'Phường'],
      ['00070', 'phường Hoàn Kiếm', 'Phường'],
      [19742, 'Đặc khu Cồn Cỏ', 'Đặc khu'],
      [],
      [18628, 'Xã Thạch Lạc', null],
    ]);
    const rows = await readCommuneSheet(body, 'dm.xlsx');
    expect(rows.map((r) => [r.row, r.code, r.name, r.level])).toEqual([
      [3, '18073', 'Phường Thành Sen', 'phuong'],
      [4, '00070', 'Phường Hoàn Kiếm', 'phuong'],
      [5, '19742', 'Đặc khu Cồn Cỏ', 'dac_khu'],
      [7, '18628', 'Xã Thạch Lạc', 'xa'],
    ]);
  });

  it('refuses every bad row with a Vietnamese sentence naming row and column', async () => {
    const body = Buffer.from(
      'Mã,Tên,Cấp\n18073,Phường Thành Sen,Phường\n1807A,Phường Trần Phú,Phường\n18073,Xã Thạch Lạc,Xã\n18619,Xã Đồng Tiến,Huyện\n18604,Phường Thạch Khê,Xã\n18685,,Xã\n',
    );
    const err = await refused(readCommuneSheet(body, 'x.csv'));
    expect(err.code).toBe('province.communes.invalid');
    const messages = (err.details.errors as CommuneRowError[]).map((e) => e.message);
    expect(messages).toEqual([
      'Dòng 3, cột A (Mã): "1807A" không phải mã đơn vị hành chính (5 chữ số).',
      'Dòng 4, cột A (Mã): mã 18073 đã có ở dòng 2.',
      'Dòng 5, cột C (Cấp): "Huyện" không phải cấp xã (Xã, Phường hoặc Đặc khu).',
      'Dòng 6, cột B (Tên): tên "Phường Thạch Khê" không khớp với cấp "Xã".',
      'Dòng 7, cột B (Tên): chưa điền (bắt buộc).',
    ]);
  });

  it('refuses a file without the catalogue columns, an empty one and one that is not a spreadsheet', async () => {
    expect((await refused(readCommuneSheet(Buffer.from('STT,Đơn vị\n1,Thành Sen\n'), 'a.csv'))).code).toBe(
      'province.communes.missing_columns',
    );
    expect((await refused(readCommuneSheet(Buffer.from('Mã,Tên,Cấp\n'), 'a.csv'))).code).toBe('province.communes.empty');
    expect((await refused(readCommuneSheet(Buffer.from('PK\x03\x04garbage'), 'a.xlsx'))).code).toBe('province.communes.unreadable');
  });
});

describe('province init through the API (first run)', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    // An installation without demo data: no directory, no settings, one admin account.
    await ctx.database.db.execute(sql`TRUNCATE orgs, org_groups, settings, users CASCADE`);
    await createUser(
      ctx.database.db,
      { username: 'quantri', displayName: 'Quản trị', role: 'admin', orgId: null, password: 'Mat-khau-2026-a' },
      SYSTEM_ACTOR,
    );
    admin = await ctx.login('quantri', 'Mat-khau-2026-a');
  });
  afterAll(() => ctx?.close());

  it('says the directory is empty, previews the communes, then sets up the province with its groups and settings', async () => {
    const setup = (await admin.request({ method: 'GET', url: '/api/province/setup' })).json();
    expect(setup).toMatchObject({ directoryEmpty: true, defaultSecretariat: 'so-vhttdl' });
    expect(setup.departments).toHaveLength(14);

    const preview = await admin.request({
      method: 'POST',
      url: '/api/province/communes?filename=ha-tinh.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: CSV,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const communes = preview
      .json()
      .communes.map(({ code, name, level }: { code: string; name: string; level: string }) => ({ code, name, level }));
    expect(communes).toHaveLength(10);

    const init = await admin.request({ method: 'POST', url: '/api/province/init', payload: { name: 'tỉnh Hà Tĩnh', communes } });
    expect(init.statusCode, init.body).toBe(201);
    const r = init.json();
    expect(r.province).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Hà Tĩnh', issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH', place: 'Hà Tĩnh' });
    expect(r.departments).toHaveLength(14);
    expect(r.communes).toEqual({ total: 10, xa: 5, phuong: 5, dac_khu: 0 });
    expect(r.secretariat.name).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(r.groups).toEqual(
      expect.arrayContaining([
        { key: 'departments', name: 'Các Sở, ban, ngành', members: 14 },
        { key: 'communes', name: 'UBND các xã, phường, đặc khu', members: 10 },
      ]),
    );

    const settings = (await admin.request({ method: 'GET', url: '/api/settings' })).json();
    expect(settings.province).toEqual({ name: 'Hà Tĩnh', issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH', place: 'Hà Tĩnh' });
    expect(settings.secretariatOrgId).toBe(r.secretariat.id);
    const commune = (await admin.request({ method: 'GET', url: '/api/orgs?q=thach%20lac' })).json().items[0];
    expect(commune).toMatchObject({ name: 'UBND xã Thạch Lạc', shortName: 'Xã Thạch Lạc', kind: 'commune', adminCode: '18628' });
    const dept = (await admin.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('Sở Tư pháp tỉnh Hà Tĩnh')}` })).json()
      .items[0];
    expect(dept.name).toBe('Sở Tư pháp');

    // A second run finds the directory in use and changes nothing.
    const again = await admin.request({ method: 'POST', url: '/api/province/init', payload: { name: 'Nghệ An', communes } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('Danh bạ đã có 25 cơ quan, đơn vị');
    expect((await admin.request({ method: 'GET', url: '/api/settings' })).json().province.name).toBe('Hà Tĩnh');
  });

  it('refuses an unknown secretariat and duplicate codes, naming the field; a non-admin may not call it', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: '/api/province/init',
      payload: {
        name: 'Nghệ An',
        secretariat: 'Sở Thông tin và Truyền thông',
        communes: [{ code: '16681', name: 'Phường Vinh', level: 'phuong' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Không có cơ quan thường trực "Sở Thông tin và Truyền thông"');
    const dup = await admin.request({
      method: 'POST',
      url: '/api/province/init',
      payload: {
        name: 'Nghệ An',
        communes: [
          { code: '16681', name: 'Phường Vinh', level: 'phuong' },
          { code: '16681', name: 'Phường Trường Vinh', level: 'phuong' },
        ],
      },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('communes');
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/province/setup' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers a bad commune file with every row error and saves nothing', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/province/communes?filename=x.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Mã,Tên,Cấp\n123456,Xã A,Xã\n'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Dòng 2, cột A (Mã)');
  });
});
