import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';
import type { ParsedPlan } from './types';
import { fixture } from './test-helpers';

const names = (entries: Array<{ name: string }>) => entries.map((e) => e.name);
const load = async (name: string) => parsePlan(await extractSource(fixture(name), name));
const brief = (p: ParsedPlan) => p.tasks.map((t) => [t.code, t.parent, t.time.from, t.time.to]);

describe('a district plan in plain text: no Roman numerals, MỤC ĐÍCH, broken headings and date, dated number', () => {
  it('reads the header with number 45 and the date broken across two lines', async () => {
    const p = await load('ke-hoach-dong-ha-2024.txt');
    expect(p.document).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÔNG HÀ',
      issuerSource: 'header',
      number: '45/KH-UBND',
      numberSerial: '45',
      numberCode: 'KH-UBND',
      place: 'Đông Hà',
      issuedOn: '2024-02-10',
      kind: 'KẾ HOẠCH',
      title: 'Thông tin đối ngoại trên địa bàn thành phố Đông Hà năm 2024',
      yearFrom: 2024,
      yearTo: 2024,
      signer: 'Lê Quang Chiến',
      signerTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    });
    expect(p.legalBases.map((b) => [b.kind, b.ref, b.date])).toEqual([
      ['Kế hoạch', '101/KH-UBND', '2023-03-23'],
      ['Chỉ thị', '12/CT-UBND', '2024-01-05'],
    ]);
    expect(p.objectives).toEqual(['Quảng bá hình ảnh thành phố Đông Hà đến bạn bè trong nước và quốc tế, thu hút đầu tư, du lịch.']);
    expect(p.requirements).toHaveLength(1);
    expect(p.unparsed).toEqual([]);
  });

  it('reads tasks with other labels and time wordings', async () => {
    const p = await load('ke-hoach-dong-ha-2024.txt');
    expect(brief(p)).toEqual([
      ['1', null, '2024-01-01', '2024-06-30'],
      ['2', null, '2024-03-01', '2024-06-30'],
      ['2.1', '2', '2024-03-01', '2024-03-31'],
      ['2.2', '2', '2024-04-01', '2024-09-30'],
      ['3', null, null, null],
    ]);
    const [t1, t2, , t22, t3] = p.tasks;
    expect(t1.title).toBe('Tuyên truyền, quảng bá hình ảnh thành phố Đông Hà trên các phương tiện thông tin đại chúng');
    expect(names(t1.lead)).toEqual(['Phòng Văn hóa và Thông tin thành phố']);
    expect(names(t1.coordinating)).toEqual([
      'Trung tâm Văn hóa - Thông tin - Thể thao thành phố',
      'UBND phường Đông Lễ',
      'UBND phường Đông Lương',
      'UBND Phường 5',
    ]);
    expect(t1.targets).toEqual([{ text: 'tối thiểu 03 tin', min: 3 }]);
    expect(names(t2.lead)).toEqual(['Văn phòng HĐND và UBND thành phố']);
    expect(t2.targets[0].min).toBe(5);
    expect(t22.targets).toEqual([{ text: 'từ 10 tin, bài trở lên', min: 10 }]);
    expect(t22.notes).toEqual([{ label: 'Kinh phí', text: 'Nguồn xã hội hóa' }]);
    expect(t3.time).toEqual({ label: 'Dịp Tết Nguyên đán', from: null, to: null });
    expect(p.warnings).toContainEqual({ code: 'plan.warn_time_unknown', line: 44, details: { code: '3', label: 'Dịp Tết Nguyên đán' } });
    expect(p.reporting.deadlines).toEqual([
      { day: 15, month: 6 },
      { day: 15, month: 12 },
    ]);
    expect(p.recipients).toEqual(['UBND tỉnh', 'Sở Thông tin và Truyền thông', 'Lưu: VT']);
  });
});

describe('a multi-year plan in markdown with lettered sections and a task table', () => {
  it('reads GIAI ĐOẠN 2021 - 2025 and the table rows as tasks', async () => {
    const p = await load('ke-hoach-giai-doan-2021-2025.md');
    expect(p.document).toMatchObject({
      number: '210/KH-UBND',
      issuedOn: '2021-06-15',
      yearFrom: 2021,
      yearTo: 2025,
      signer: 'Võ Văn Hưng',
    });
    expect(p.objectives).toHaveLength(1);
    expect(p.requirements).toHaveLength(1);
    expect(brief(p)).toEqual([
      ['1', null, '2021-01-01', '2022-12-31'],
      ['2', null, '2021-01-01', '2025-12-31'],
      ['3', null, '2023-01-01', '2023-12-31'],
      ['4', null, '2025-10-01', '2025-12-31'],
    ]);
    expect(names(p.tasks[1].coordinating)).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
    ]);
    expect(p.tasks[1].content).toEqual(['Ít nhất 02 đoàn mỗi năm']);
    expect(p.tasks[1].targets[0].min).toBe(2);
    expect(p.tasks[3].coordinating.map((e) => e.group)).toEqual(['departments', 'districts']);
    expect(p.reporting.deadlines).toEqual([{ day: 30, month: 11 }]);
    expect(p.unparsed).toEqual([]);
  });
});

/** A Word plan built here: header table, Word heading styles, a heading split over two paragraphs, a task table. */
async function wordPlan(): Promise<Buffer> {
  const p = (text: string, opts: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; italics?: boolean } = {}) =>
    new Paragraph({
      heading: opts.heading,
      alignment: AlignmentType.JUSTIFIED,
      children: [new TextRun({ text, bold: opts.bold, italics: opts.italics })],
    });
  const cell = (...lines: string[]) => new TableCell({ children: lines.map((l) => p(l)) });
  const row = (...cells: TableCell[]) => new TableRow({ children: cells });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                row(
                  cell('UBND TỈNH QUẢNG TRỊ', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: 12/KH-STTTT'),
                  cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Trị, ngày 05 tháng 01 năm 2024'),
                ),
              ],
            }),
            p('KẾ HOẠCH', { bold: true }),
            p('Thông tin đối ngoại của Sở Thông tin và Truyền thông', { bold: true }),
            p('năm 2024', { bold: true }),
            p('Căn cứ Kế hoạch số 101/KH-UBND ngày 23/3/2023 của UBND tỉnh;'),
            p('MỤC ĐÍCH, YÊU CẦU', { heading: HeadingLevel.HEADING_1 }),
            p('- Nâng cao hiệu quả thông tin đối ngoại.'),
            p('NỘI DUNG', { heading: HeadingLevel.HEADING_1 }),
            p('1. Quản lý nhà nước về thông tin đối ngoại trên địa bàn', { heading: HeadingLevel.HEADING_3 }),
            p('tỉnh và hướng dẫn các cơ quan', { heading: HeadingLevel.HEADING_3 }),
            p('- Thời gian thực hiện: Cả năm 2024.'),
            p('- Chủ trì: Phòng Thông tin - Báo chí - Xuất bản.'),
            p('2. Các nhiệm vụ cụ thể', { heading: HeadingLevel.HEADING_2 }),
            new Table({
              rows: [
                row(cell('STT'), cell('Nội dung công việc'), cell('Đơn vị chủ trì'), cell('Đơn vị phối hợp'), cell('Thời gian hoàn thành')),
                row(
                  cell('2.1'),
                  cell('Cập nhật trang thông tin đối ngoại', 'Đăng ít nhất 50 tin, bài'),
                  cell('Trung tâm Công nghệ thông tin và Truyền thông'),
                  cell('Báo Quảng Trị', 'Đài Phát thanh - Truyền hình tỉnh'),
                  cell('Quý I/2024'),
                ),
                row(
                  cell('2.2'),
                  cell('Kiểm tra Cụm thông tin đối ngoại cửa khẩu La Lay'),
                  cell('Sở Thông tin và Truyền thông'),
                  cell('UBND các huyện: Đakrông'),
                  cell('Tháng 6/2024'),
                ),
              ],
            }),
            p('TỔ CHỨC THỰC HIỆN', { heading: HeadingLevel.HEADING_1 }),
            p('Các phòng, đơn vị thuộc Sở triển khai thực hiện; báo cáo kết quả trước ngày 20/11/2024.'),
            new Table({ rows: [row(cell('Nơi nhận:', '- UBND tỉnh (b/c);', '- Lưu: VT, TTBCXB.'), cell('GIÁM ĐỐC', 'Nguyễn Văn A'))] }),
          ],
        },
      ],
    }),
  );
}

describe('a department plan in Word with a task table', () => {
  it('reads header tables, Word headings, a split heading and table tasks', async () => {
    const p = parsePlan(await extractSource(await wordPlan(), 'ke-hoach.docx'));
    expect(p.document).toMatchObject({
      issuer: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      issuerParent: 'UBND TỈNH QUẢNG TRỊ',
      number: '12/KH-STTTT',
      numberSerial: '12',
      numberCode: 'KH-STTTT',
      issuedOn: '2024-01-05',
      title: 'Thông tin đối ngoại của Sở Thông tin và Truyền thông năm 2024',
      yearFrom: 2024,
      signer: 'Nguyễn Văn A',
      signerTitle: ['GIÁM ĐỐC'],
    });
    expect(p.objectives).toEqual(['Nâng cao hiệu quả thông tin đối ngoại.']);
    expect(p.tasks.map((t) => [t.code, t.parent, t.title, t.time.from, t.time.to])).toEqual([
      ['1', null, 'Quản lý nhà nước về thông tin đối ngoại trên địa bàn tỉnh và hướng dẫn các cơ quan', '2024-01-01', '2024-12-31'],
      ['2', null, 'Các nhiệm vụ cụ thể', null, null],
      ['2.1', '2', 'Cập nhật trang thông tin đối ngoại', '2024-01-01', '2024-03-31'],
      ['2.2', '2', 'Kiểm tra Cụm thông tin đối ngoại cửa khẩu La Lay', '2024-06-01', '2024-06-30'],
    ]);
    expect(names(p.tasks[0].lead)).toEqual(['Phòng Thông tin - Báo chí - Xuất bản']);
    expect(names(p.tasks[2].coordinating)).toEqual(['Báo Quảng Trị', 'Đài Phát thanh - Truyền hình tỉnh']);
    expect(p.tasks[2].targets).toEqual([{ text: 'ít nhất 50 tin', min: 50 }]);
    expect(names(p.tasks[3].coordinating)).toEqual(['UBND huyện Đakrông']);
    expect(p.reporting.deadlines).toEqual([{ day: 20, month: 11 }]);
    expect(p.recipients).toEqual(['UBND tỉnh (b/c)', 'Lưu: VT, TTBCXB']);
    expect(p.unparsed).toEqual([]);
  });

  it('lists what it does not understand instead of dropping it', () => {
    const p = parsePlan({
      filename: 'x.md',
      format: 'md',
      text: '',
      warnings: [],
      blocks: [
        { line: 1, kind: 'p', text: 'KẾ HOẠCH', raw: 'KẾ HOẠCH' },
        { line: 2, kind: 'p', text: 'Thông tin đối ngoại năm 2024', raw: '' },
        { line: 3, kind: 'p', text: 'II. NỘI DUNG', raw: '' },
        { line: 4, kind: 'p', text: 'Lời dẫn trước nhiệm vụ đầu tiên.', raw: '' },
        { line: 5, kind: 'p', text: '1. Nhiệm vụ một', raw: '' },
        { line: 6, kind: 'p', text: 'V. PHỤ LỤC KHÁC', raw: '' },
        { line: 7, kind: 'p', text: 'Một dòng lạ.', raw: '' },
      ],
    });
    expect(p.tasks.map((t) => t.code)).toEqual(['1']);
    expect(p.unparsedLines).toEqual([
      { line: 4, text: 'Lời dẫn trước nhiệm vụ đầu tiên.' },
      { line: 6, text: 'V. PHỤ LỤC KHÁC' },
      { line: 7, text: 'Một dòng lạ.' },
    ]);
    expect(p.warnings).toContainEqual({ code: 'plan.warn_unparsed', details: { count: 3 } });
  });
});
