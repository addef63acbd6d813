import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { officialDocToBuffer } from './builder';
import { numberLine, placeAndDate } from './layout';
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
});
