import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource, parsePlan, type ParsedPlan } from '../index';
import { layoutToBlocks, type PdfItem, type PdfPage } from './pdf-layout';
import { periodPlanLayouts, seedLayouts } from './test-layouts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const fromMd = async (name: string) => parsePlan(await extractSource(fs.readFileSync(path.join(FIXTURES, name)), name));
const names = (entries: Array<{ name: string }>) => entries.map((e) => e.name);
const tasksOf = (p: ParsedPlan) =>
  p.tasks.map((t) => ({
    code: t.code,
    parent: t.parent,
    title: t.title,
    time: t.time,
    lead: names(t.lead),
    coordinating: names(t.coordinating),
  }));

describe('PDF text layer with positions', () => {
  it('reads the seed printed from Word with its two-column header: issuer, number, date, and the 18 tasks of the .md import', async () => {
    const source = await extractSource(await seedLayouts().pdf(), 'ke-hoach-27.pdf');
    expect(source.format).toBe('pdf');
    // the header table is one row: issuer column, then Quốc hiệu column, wrapped lines joined
    expect(source.blocks[0]).toMatchObject({
      kind: 'row',
      page: 1,
      cells: [
        ['ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 'Số: 27/KH-UBND'],
        ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Trị, ngày 10 tháng 02 năm 2023'],
      ],
    });
    const plan = parsePlan(source);
    expect(plan.document).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
      issuerSource: 'header',
      numberCode: 'KH-UBND',
      place: 'Quảng Trị',
      issuedOn: '2023-02-10',
      kind: 'KẾ HOẠCH',
      title: 'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2023',
      signer: 'Hoàng Nam',
    });
    expect(plan.document.number).toMatch(/^27(\/KH-UBND)?$/);
    const md = await fromMd('ke-hoach-ttdn-quang-tri-2023.md');
    expect(plan.tasks).toHaveLength(18);
    expect(tasksOf(plan)).toEqual(tasksOf(md));
    expect(plan.document.signerTitle).toEqual(md.document.signerTitle);
    expect(plan.reporting.deadlines).toEqual(md.reporting.deadlines);
    expect(plan.unparsed).toEqual([]);
    // every block knows its page; the closing table (Nơi nhận | signature) is on the last one
    expect(source.blocks.every((b) => b.page! >= 1 && b.page! <= 8)).toBe(true);
    expect(source.blocks.find((b) => b.kind === 'row' && b.cells?.[0][0] === 'Nơi nhận:')?.page).toBe(8);
  });

  it('reads a ruled task table as rows of cells, wrapped cell text kept in its cell', async () => {
    const source = await extractSource(await periodPlanLayouts().pdf(), 'ke-hoach-210.pdf');
    const rows = source.blocks.filter((b) => b.kind === 'row' && b.table === 1);
    expect(rows.map((r) => r.cells![0][0])).toEqual(['TT', '1', '2', '3', '4']);
    expect(rows[2].cells).toEqual([
      ['2'],
      ['Tổ chức đoàn công tác quảng bá hình ảnh tỉnh tại Lào, Thái Lan', '- Ít nhất 02 đoàn mỗi năm'],
      ['Sở Ngoại vụ'],
      ['Sở Văn hóa, Thể thao và Du lịch; Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh'],
      ['Hằng năm'],
    ]);
    expect(rows[3].cells![2]).toEqual(['Đài Phát thanh - Truyền hình tỉnh']);
    const plan = parsePlan(source);
    const md = await fromMd('ke-hoach-giai-doan-2021-2025.md');
    expect(plan.document).toMatchObject({ number: md.document.number, issuedOn: '2021-06-15', yearFrom: 2021, yearTo: 2025 });
    expect(tasksOf(plan)).toEqual(tasksOf(md));
    expect(plan.tasks.map((t) => t.targets)).toEqual(md.tasks.map((t) => t.targets));
  });

  it('keeps a table that runs over a page break as one table, and text in two columns apart', () => {
    const item = (str: string, x: number, y: number, bold = false): PdfItem => ({ str, x, y, w: str.length * 6, size: 12, bold });
    const rule = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
    const grid = (ys: number[]) => [
      ...ys.map((y) => rule(50, y, 500, y + 0.5)),
      ...[50, 100, 300, 500].map((x) => rule(x, ys[0], x + 0.5, ys[ys.length - 1])),
    ];
    const page1: PdfPage = {
      page: 1,
      width: 595,
      height: 842,
      items: [
        item('SỞ NGOẠI VỤ', 60, 40, true),
        item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 40, true),
        item('Số: 5/KH-SNV', 60, 55),
        item('Độc lập - Tự do - Hạnh phúc', 300, 55, true),
        item('Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về thông tin đối ngoại;', 60, 100),
        item('STT', 55, 715),
        item('Nhiệm vụ', 105, 715),
        item('Cơ quan chủ trì', 305, 715),
        item('1', 55, 745),
        item('Tổ chức hội nghị', 105, 745),
        item('Sở Ngoại vụ', 305, 745),
      ],
      rules: grid([700, 730, 760]),
    };
    const page2: PdfPage = {
      page: 2,
      width: 595,
      height: 842,
      items: [
        item('2', 55, 75),
        item('Xuất bản ấn phẩm', 105, 75),
        item('Sở Thông tin và Truyền thông', 305, 75),
        item('Trên đây là Kế hoạch.', 60, 120),
      ],
      rules: grid([60, 90]),
    };
    const blocks = layoutToBlocks([page1, page2]);
    expect(blocks.map((b) => [b.kind, b.table ?? null, b.row ?? null, b.page])).toEqual([
      ['row', 0, 0, 1],
      ['p', null, null, 1],
      ['row', 1, 0, 1],
      ['row', 1, 1, 1],
      ['row', 1, 2, 2],
      ['p', null, null, 2],
    ]);
    expect(blocks[0].cells).toEqual([
      ['SỞ NGOẠI VỤ', 'Số: 5/KH-SNV'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    ]);
    expect(blocks[4].cells).toEqual([['2'], ['Xuất bản ấn phẩm'], ['Sở Thông tin và Truyền thông']]);
  });
});
