import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { layOut, nd30ProblemsOf, paragraphs } from '../../../test/docx-check';
import { officialDocToBuffer } from './builder';
import { numberLine, placeAndDate } from './layout';
import { signerLines } from './signature';
import type { OfficialDocSpec } from './types';

const report: OfficialDocSpec = {
  issuer: { parent: 'UBND tỉnh Quảng Trị', name: 'Sở Thông tin và Truyền thông' },
  number: '35',
  kindCode: 'BC',
  issuerCode: 'STTTT',
  place: 'Quảng Trị',
  date: '2024-05-07',
  kind: 'Báo cáo',
  title: 'Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2024',
  body: [
    { type: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
    { type: 'paragraph', text: 'Trong 6 tháng đầu năm, các cơ quan đã đăng tải 1.250 tin, bài.' },
    { type: 'bullet', text: 'Báo Quảng Trị: 420 tin, bài.' },
    {
      type: 'table',
      header: ['STT', 'Cơ quan', 'Số tin, bài'],
      rows: [
        ['1', 'Báo Quảng Trị', '420'],
        ['2', 'Đài PT-TH tỉnh', '830'],
      ],
      widths: [1, 5, 2],
    },
  ],
  signature: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn B', signedMark: '(Đã ký)' },
  recipients: ['UBND tỉnh (b/c)', 'Lưu: VT, TTĐN'],
};

describe('official document builder (Nghị định 30/2020/NĐ-CP)', () => {
  it('formats the number line and the place-date line with ND30 leading zeros', () => {
    expect(numberLine('35', 'BC', 'STTTT')).toBe('Số: 35/BC-STTTT');
    expect(numberLine(null, 'KH', 'UBND')).toBe('Số:       /KH-UBND');
    expect(placeAndDate('Quảng Trị', '2024-05-07')).toBe('Quảng Trị, ngày 07 tháng 5 năm 2024');
    expect(placeAndDate('Đông Hà', '2024-02-10')).toBe('Đông Hà, ngày 10 tháng 02 năm 2024');
    expect(placeAndDate('Quảng Trị', null, 2023)).toBe('Quảng Trị, ngày      tháng      năm 2023');
  });

  it('builds a report: capitals in the issuer block, kind code BC, table, signature, recipients', async () => {
    const zip = await JSZip.loadAsync(await officialDocToBuffer(report));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of [
      'UBND TỈNH QUẢNG TRỊ',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Số: 35/BC-STTTT',
      'BÁO CÁO',
      'Quảng Trị, ngày 07 tháng 5 năm 2024',
      'I. KẾT QUẢ THỰC HIỆN',
      '- Báo Quảng Trị: 420 tin, bài.',
      'Số tin, bài',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      '(Đã ký)',
      'Nguyễn Văn B',
      '- UBND tỉnh (b/c);',
      '- Lưu: VT, TTĐN.',
    ])
      expect(xml).toContain(s);
    expect(xml.indexOf('SỞ THÔNG TIN')).toBeLessThan(xml.indexOf('BÁO CÁO'));
    expect(xml.indexOf('BÁO CÁO')).toBeLessThan(xml.indexOf('Nơi nhận'));
    expect(xml).toMatch(/<w:titlePg\/>/); // no page number on the first page
    const header = Object.keys(zip.files).find((f) => /^word\/header\d+\.xml$/.test(f) && true);
    expect(header).toBeDefined();
  });

  it('can leave out page numbers and use 13 pt', async () => {
    const zip = await JSZip.loadAsync(await officialDocToBuffer({ ...report, pageNumbers: false, fontSizePt: 13 }));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/<w:titlePg\/>/);
    expect(xml).toContain('<w:sz w:val="26"/>');
  });

  it('passes the ND30 checker: spacing of at least 6 pt, signature row unsplittable and kept with the body', async () => {
    const buf = await officialDocToBuffer(report);
    expect(await nd30ProblemsOf(buf)).toEqual([]);
    const ps = paragraphs(await JSZip.loadAsync(buf).then((z) => z.file('word/document.xml')!.async('string')));
    const body = ps.find((p) => p.text.startsWith('Trong 6 tháng'))!;
    expect(body.after).toBeGreaterThanOrEqual(120);
    // the last body block (here a table) is followed by a spacer kept with the signature
    const nameAt = ps.findIndex((p) => p.text === 'Nguyễn Văn B');
    expect(ps.slice(nameAt - 3, nameAt).every((p) => p.keepNext)).toBe(true);
  });

  it('leaves a line for the name when the signer is not known', async () => {
    const buf = await officialDocToBuffer({ ...report, signature: { lines: ['GIÁM ĐỐC'], name: null } });
    const ps = paragraphs(await JSZip.loadAsync(buf).then((z) => z.file('word/document.xml')!.async('string')));
    expect(ps.at(-1)!.text).toMatch(/^…+$/);
    expect(ps.at(-1)!.bold).toBe(true);
  });
});

describe('signer authority lines (ND30 Phụ lục I, II.9)', () => {
  it('signs a department with its head, never TM.; the province collectively', () => {
    expect(signerLines({ kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' }, false)).toEqual(['GIÁM ĐỐC']);
    expect(signerLines({ kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' }, true)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signerLines({ kind: 'department', name: 'Ban Quản lý Khu kinh tế tỉnh' }, true)).toEqual(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']);
    expect(signerLines({ kind: 'department', name: 'Văn phòng UBND tỉnh' }, false)).toEqual(['CHÁNH VĂN PHÒNG']);
    expect(signerLines({ kind: 'province', name: 'Ủy ban nhân dân tỉnh Quảng Trị' }, true)).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    expect(signerLines({ kind: 'province', name: 'Ủy ban nhân dân tỉnh Quảng Trị' }, false)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });
});

describe('laid out by LibreOffice', () => {
  it('prints the Quốc hiệu on one line and never splits the signature block from its name or from the last paragraph', async () => {
    // Ten bodies one paragraph apart: one of them brings the signature block to the foot of page 2.
    const lengths = Array.from({ length: 10 }, (_, i) => 24 + i);
    const docs = await Promise.all(
      lengths.map((k) =>
        officialDocToBuffer({
          ...report,
          issuer: { parent: 'UBND tỉnh Quảng Trị', name: 'Sở Văn hóa, Thể thao và Du lịch' },
          body: Array.from({ length: k }, (_, i) => ({
            type: 'paragraph' as const,
            text: `Đoạn ${i + 1}: thông tin đối ngoại của tỉnh được triển khai đồng bộ trên các nền tảng, đa dạng hình thức.`,
          })),
          signature: { lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn B' },
        }),
      ),
    );
    const laid = await layOut(docs);
    let moved = 0;
    laid.forEach((pages, n) => {
      expect(pages[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      const at = (s: string) => pages.findIndex((p) => p.includes(s));
      const name = at('Nguyễn Văn B');
      expect(name, `length ${lengths[n]}`).toBe(at('KT. GIÁM ĐỐC'));
      expect(name, `length ${lengths[n]}`).toBe(at(`Đoạn ${lengths[n]}:`));
      if (at(`Đoạn ${lengths[n] - 1}:`) < name) moved++;
    });
    expect(moved).toBeGreaterThan(0); // some body did cross the page with the block, kept together
  }, 240_000);
});
