import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../../test/context';
import { docxText, nd30ProblemsOf } from '../../../../test/docx-check';
import { docxToPdf } from '../../../shared/tools/soffice';
import { call, findPeriod } from '../reports.test-helpers';

/**
 * The consolidated report of the demo's first half of 2026 (seven organisations' accepted
 * reports on the 2026 plan 15/KH-UBND), read as the secretariat reads it: in the .docx and as
 * LibreOffice lays it out.
 */
let ctx: TestContext;
let sec: Client;
let periodId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
  periodId = (await findPeriod(sec, 'six_months', 2026)).id;
});
afterAll(() => ctx?.close());

describe("the consolidated report of the demo's first half of 2026", () => {
  it("reads as a report: the plan's numbering, one paragraph per task merged from its organisations, the figures summed, the assessment from the data", async () => {
    const c = (await call(sec, 'GET', `/api/report-periods/${periodId}/consolidated`)).json();
    expect(c.acceptedOrgs).toHaveLength(7);
    const total = (code: string) => c.indicators.find((i: { code: string }) => i.code === code).total;
    expect([total('news_articles'), total('radio_tv_programmes'), total('events'), total('delegations_in'), total('contracts')]).toEqual([
      412, 48, 3, 3, 2,
    ]);

    const docx = await call(sec, 'GET', `/api/report-periods/${periodId}/consolidated.docx`);
    expect(docx.statusCode).toBe(200);
    expect(await nd30ProblemsOf(docx.rawPayload)).toEqual([]);
    const paras = (await docxText(docx.rawPayload)).split('\n');
    const text = paras.join('\n');
    expect(paras).toContain('Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2026');
    expect(text).toContain('Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND tỉnh');
    expect(text).not.toMatch(/KH-UBND\/KH-UBND/);
    // the plan's own numbering, every task once, in order
    const planId = (await call(sec, 'GET', `/api/report-periods/${periodId}`)).json().planId;
    const plan = (await call(sec, 'GET', `/api/plans/${planId}`)).json();
    const headings = paras
      .filter((p) => /^\d+(\.\d+)*\. /.test(p) && !/^\d+\. (Ưu điểm|Hạn chế|Nguyên nhân)$/.test(p))
      .map((p) => p.split('. ')[0]);
    expect(headings).toEqual(plan.tasks.map((x: { code: string }) => x.code));
    // organisations that wrote the same coordinating sentence are named in one sentence, never once each
    const task1 = paras[paras.findIndex((p) => p.startsWith('1. Triển khai thực hiện văn bản')) + 1];
    expect(task1).toMatch(/^Sở Văn hóa, Thể thao và Du lịch tham mưu UBND tỉnh ban hành Kế hoạch số 15\/KH-UBND/);
    expect(task1).toContain(
      'Phối hợp thực hiện, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị, Sở Công Thương, Sở Dân tộc và Tôn giáo, Sở Ngoại vụ và UBND xã Lao Bảo phối hợp với cơ quan chủ trì',
    );
    for (const p of paras) expect(p.split('phối hợp với cơ quan chủ trì triển khai').length, p).toBeLessThanOrEqual(3);
    expect(text).toContain('Kết quả: tin, bài đăng tải: 412 tin, bài.');
    expect(text).toContain('Kết quả: hợp đồng, đặt hàng với cơ quan báo chí: 2 hợp đồng.');
    // no bare "…", the period's year only, the assessment drafted from the data and marked as such
    expect(paras.filter((p) => p.includes('…') && /^[.…\s]*$/.test(p))).toEqual([]);
    expect(text).not.toMatch(/năm 2023|2027/);
    expect(paras).toContain(
      '(Phần này do hệ thống dự thảo từ số liệu báo cáo; đề nghị người soạn thảo rà soát, chỉnh sửa trước khi trình ký.)',
    );
    expect(text).toMatch(/7\/100 cơ quan, đơn vị đã gửi báo cáo \(6 đúng hạn, 1 trễ hạn\)/);
    expect(text).toContain('Có 1 cơ quan, đơn vị gửi báo cáo trễ hạn (UBND xã Lao Bảo)');
    expect(text).toContain(
      'Sở Văn hóa, Thể thao và Du lịch: Đề nghị bố trí kinh phí thay thế thiết bị tại Cụm thông tin đối ngoại Cửa khẩu Quốc tế La Lay.',
    );

    // LibreOffice opens it and lays it out: the same words on its pages, page numbers from page 2
    const pdf = await docxToPdf(docx.rawPayload, 'bao-cao.docx');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-c2026-'));
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf);
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'])
      .toString()
      .split('\f')
      .filter((p) => p.trim());
    fs.rmSync(dir, { recursive: true, force: true });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(pages[0])).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat(pages[0])).toContain('Kế hoạch số 15/KH-UBND ngày 20/01/2026');
    expect(flat(pages.join(' '))).toContain('KT. GIÁM ĐỐC');
    expect(pages[0].trim().split('\n').at(-1)!.trim()).not.toBe('1');
    expect(
      pages[1]
        .trim()
        .split('\n')
        .some((l) => l.trim() === '2'),
    ).toBe(true);
  }, 180_000);
});
