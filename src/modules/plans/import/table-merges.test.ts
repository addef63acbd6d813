import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';

/** A task table in Word with merged cells: one lead for three tasks, one deadline for two (vMerge). */
async function mergedTable(): Promise<Buffer> {
  const cell = (text: string, rowSpan?: number) => new TableCell({ children: [new Paragraph(text)], ...(rowSpan ? { rowSpan } : {}) });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ'),
            new Paragraph('Số: 12/KH-UBND'),
            new Paragraph('KẾ HOẠCH'),
            new Paragraph('Thông tin đối ngoại năm 2024'),
            new Paragraph('II. NHIỆM VỤ'),
            new Table({
              rows: [
                new TableRow({
                  children: [cell('STT'), cell('Nhiệm vụ'), cell('Cơ quan chủ trì'), cell('Cơ quan phối hợp'), cell('Thời gian')],
                }),
                new TableRow({
                  children: [
                    cell('1'),
                    cell('Tuyên truyền biển, đảo'),
                    cell('Sở Ngoại vụ', 3),
                    cell('Báo Quảng Trị'),
                    cell('Quý I/2024', 2),
                  ],
                }),
                new TableRow({ children: [cell('2'), cell('Triển lãm bản đồ'), cell('Công an tỉnh')] }),
                new TableRow({ children: [cell('3'), cell('Tập huấn phóng viên'), cell(''), cell('Cả năm 2024')] }),
                new TableRow({ children: [cell('4'), cell('Họp báo định kỳ'), cell('Văn phòng UBND tỉnh'), cell(''), cell('Hằng quý')] }),
              ],
            }),
          ],
        },
      ],
    }),
  );
}

describe('task tables with merged cells', () => {
  it('carries a merged lead and deadline down to each task they cover, and no further', async () => {
    const src = await extractSource(await mergedTable(), 'merged.docx');
    expect(src.blocks.filter((b) => b.kind === 'row')[2].merged).toEqual([null, null, 'up', null, 'up']);
    const p = parsePlan(src);
    expect(p.tasks.map((t) => [t.code, t.lead.map((e) => e.name), t.coordinating.map((e) => e.name), t.time.label])).toEqual([
      ['1', ['Sở Ngoại vụ'], ['Báo Quảng Trị'], 'Quý I/2024'],
      ['2', ['Sở Ngoại vụ'], ['Công an tỉnh'], 'Quý I/2024'],
      ['3', ['Sở Ngoại vụ'], [], 'Cả năm 2024'],
      ['4', ['Văn phòng UBND tỉnh'], [], 'Hằng quý'],
    ]);
    expect(p.tasks[1].time).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
  });
});
