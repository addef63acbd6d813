import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { docxText } from '../../../test/docx-check';
import { rowsOf } from '../../db/client';
import { issueNumber, vnToday } from '.';

/**
 * The register of outgoing documents: numbers given at issue, per organisation, year and kind,
 * from 01, consecutive under concurrent issuing (PGlite serialises; on PostgreSQL the counter
 * row's upsert queues the transactions), a failed issue giving its number back.
 */
let ctx: TestContext;
let sec: Client;
let officer: Client;
let secretariatOrgId: string;
let provinceOrgId: string;
const year = Number(vnToday().slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
  officer = await ctx.login(DEMO.officer);
  secretariatOrgId = sec.user.orgId!;
  provinceOrgId = rowsOf<{ id: string }>(
    await ctx.database.db.execute(sql`select id from orgs where kind = 'province' order by created_at limit 1`),
  )[0].id;
});
afterAll(() => ctx.close());

const serials = (numbers: string[]) => numbers.map((n) => Number(n.split('/')[0])).sort((a, b) => a - b);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('numbers', () => {
  it('50 concurrent numbers for letters drafted outside give 01…50, each once, and the register lists them', async () => {
    const answers = await Promise.all(
      range(1, 50).map((i) =>
        sec.request({
          method: 'POST',
          url: '/api/register/entries',
          payload: {
            orgId: secretariatOrgId,
            kindCode: 'CV',
            unitCode: 'VP',
            summary: `V/v đôn đốc báo cáo số ${i}`,
            recipients: ['Sở Tài chính'],
          },
        }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const numbers = answers.map((a) => a.json().number as string);
    expect(new Set(numbers).size).toBe(50);
    expect(serials(numbers)).toEqual(range(1, 50));
    expect(numbers).toContain('01/SVHTTDL-VP');
    expect(numbers).toContain('50/SVHTTDL-VP');
    const listed = (await sec.request({ method: 'GET', url: `/api/register?orgId=${secretariatOrgId}&kindCode=CV&year=${year}` })).json()
      .items;
    expect(listed).toHaveLength(50);
    expect(listed[0]).toMatchObject({ number: '50/SVHTTDL-VP', kindLabel: 'Công văn', issuedOn: vnToday(), recipients: ['Sở Tài chính'] });
    // another kind is its own series, from 01
    const report = await sec.request({
      method: 'POST',
      url: '/api/register/entries',
      payload: { orgId: secretariatOrgId, kindCode: 'TB', summary: 'Thông báo kết luận' },
    });
    expect(report.json().number).toBe('01/TB-SVHTTDL');
  });

  it('50 plans issued at once take KH numbers 01…50 of the province register, stored with each plan', async () => {
    const ids: string[] = [];
    for (const i of range(1, 50)) {
      const res = await sec.request({
        method: 'POST',
        url: '/api/plans',
        payload: {
          document: { title: `Kế hoạch thử ${i}`, yearFrom: year, yearTo: year, numberCode: 'KH-UBND', signer: 'Nguyễn Văn A' },
          tasks: [{ code: '1', title: 'Nhiệm vụ' }],
          recipients: ['Các sở, ban, ngành'],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const answers = await Promise.all(
      ids.map((id) => sec.request({ method: 'POST', url: `/api/plans/${id}/status`, payload: { status: 'issued' } })),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const numbers = answers.map((a) => a.json().number as string);
    expect(new Set(numbers).size).toBe(50);
    expect(serials(numbers)).toEqual(range(1, 50));
    for (const n of numbers) expect(n).toMatch(/^\d{2}\/KH-UBND$/);
    const plan = (await sec.request({ method: 'GET', url: `/api/plans/${ids[7]}` })).json();
    expect(plan.document.number).toBe(numbers[7]);
    expect(plan.document.issuedOn).toBe(vnToday());
    const listed = (await sec.request({ method: 'GET', url: `/api/register?orgId=${provinceOrgId}&kindCode=KH` })).json().items;
    expect(listed).toHaveLength(50);
    expect(listed.find((e: { docId: string }) => e.docId === ids[7])).toMatchObject({
      number: numbers[7],
      summary: 'Kế hoạch thử 8',
      signer: 'Nguyễn Văn A',
      docType: 'plan',
    });
    // back to draft and issued again: the plan keeps its number, nothing new is taken
    expect((await sec.request({ method: 'POST', url: `/api/plans/${ids[7]}/status`, payload: { status: 'draft' } })).statusCode).toBe(200);
    const again = await sec.request({ method: 'POST', url: `/api/plans/${ids[7]}/status`, payload: { status: 'issued' } });
    expect(again.json().number).toBe(numbers[7]);
    const export_ = await sec.request({ method: 'GET', url: `/api/plans/${ids[7]}/export.docx` });
    expect(await docxText(export_.rawPayload)).toContain(`Số: ${numbers[7]}`);
  });

  it('an issue that fails after taking a number gives it back: no gap', async () => {
    const db = ctx.database.db;
    const input = {
      orgId: secretariatOrgId,
      kindCode: 'HD',
      summary: 'Hướng dẫn',
      signer: null,
      recipients: [],
      docType: 'manual' as const,
      docId: null,
      userId: null,
    };
    await expect(
      db.transaction(async (tx) => {
        expect((await issueNumber(tx, input)).number).toBe('01/HD-SVHTTDL');
        throw new Error('the document could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    const next = await db.transaction((tx) => issueNumber(tx, input));
    expect(next.number).toBe('01/HD-SVHTTDL');
  });

  it('an officer numbers and reads their own organisation only', async () => {
    const other = await officer.request({
      method: 'POST',
      url: '/api/register/entries',
      payload: { orgId: provinceOrgId, kindCode: 'CV', summary: 'Không được' },
    });
    expect(other.statusCode).toBe(403);
    const list = (await officer.request({ method: 'GET', url: '/api/register' })).json().items as { orgId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => e.orgId === officer.user.orgId)).toBe(true);
  });
});

describe('the consolidated report', () => {
  it('is issued with the next BC number of the secretariat, printed in the .docx, and frozen after', async () => {
    const periods = (await sec.request({ method: 'GET', url: `/api/report-periods?year=2023` })).json().items as {
      id: string;
      kind: string;
    }[];
    const periodId = periods.find((p) => p.kind === 'six_months')!.id;
    const c = (await sec.request({ method: 'GET', url: `/api/report-periods/${periodId}/consolidated` })).json();
    expect(
      (
        await sec.request({
          method: 'POST',
          url: `/api/report-periods/${periodId}/consolidated/issue`,
          payload: { version: c.version + 1 },
        })
      ).statusCode,
    ).toBe(409);
    const issued = await sec.request({
      method: 'POST',
      url: `/api/report-periods/${periodId}/consolidated/issue`,
      payload: { version: c.version },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ number: '01/BC-SVHTTDL', serial: 1, issuedOn: vnToday() });
    const after = (await sec.request({ method: 'GET', url: `/api/report-periods/${periodId}/consolidated` })).json();
    expect(after).toMatchObject({ number: '01', issuedOn: vnToday() });
    const text = await docxText(
      (await sec.request({ method: 'GET', url: `/api/report-periods/${periodId}/consolidated.docx` })).rawPayload,
    );
    expect(text).toContain('Số: 01/BC-SVHTTDL');
    const [y, m, d] = vnToday().split('-');
    expect(text).toContain(`ngày ${d} tháng ${Number(m) < 3 ? m : Number(m)} năm ${y}`);
    const edit = await sec.request({
      method: 'PUT',
      url: `/api/report-periods/${periodId}/consolidated`,
      payload: { version: after.version, narrative: { causes: 'x' } },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('report.consolidated_issued');
    const twice = await sec.request({
      method: 'POST',
      url: `/api/report-periods/${periodId}/consolidated/issue`,
      payload: { version: after.version },
    });
    expect(twice.json().code).toBe('report.consolidated_issued');
    const listed = (await sec.request({ method: 'GET', url: '/api/register?kindCode=BC&q=6 thang' })).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ docType: 'consolidated_report', docId: periodId, kindLabel: 'Báo cáo' });
  });
});

describe('the register sheet', () => {
  it('exports the searched register as .xlsx, in number order', async () => {
    const res = await sec.request({ method: 'GET', url: `/api/register/export.xlsx?orgId=${secretariatOrgId}&kindCode=CV&q=don doc` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('Số, ký hiệu');
    expect(ws.rowCount).toBe(51);
    expect(ws.getRow(2).getCell(1).value).toBe('01/SVHTTDL-VP');
    expect(ws.getRow(51).getCell(1).value).toBe('50/SVHTTDL-VP');
    expect(String(ws.getRow(2).getCell(4).value)).toMatch(/^V\/v đôn đốc báo cáo số \d+$/);
  });
});
