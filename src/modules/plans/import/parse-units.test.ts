import { describe, expect, it } from 'vitest';
import { parseTimeWindow } from './parse/time-window';
import { splitOrgList } from './parse/org-list';
import { findTargets } from './parse/targets';
import { parseLegalBases } from './parse/legal-bases';
import { parseReporting } from './parse/reporting';
import { readNumber, readPlaceDate, yearsFromTitle } from './parse/header';
import { budgetSources } from './parse/budget';

const Y2023 = { yearFrom: 2023, yearTo: 2023 };
const tw = (label: string, ctx = Y2023) => {
  const { from, to } = parseTimeWindow(label, ctx);
  return [from, to];
};

describe('time windows', () => {
  it.each([
    ['Cả năm 2023', '2023-01-01', '2023-12-31'],
    ['Năm 2024', '2024-01-01', '2024-12-31'],
    ['Quý I/2023', '2023-01-01', '2023-03-31'],
    ['Quý IV năm 2023', '2023-10-01', '2023-12-31'],
    ['Quý 2/2023', '2023-04-01', '2023-06-30'],
    ['Quý II và Quý III năm 2023', '2023-04-01', '2023-09-30'],
    ['Quý III', '2023-07-01', '2023-09-30'],
    ['6 tháng đầu năm', '2023-01-01', '2023-06-30'],
    ['6 tháng cuối năm', '2023-07-01', '2023-12-31'],
    ['tháng 3/2023', '2023-03-01', '2023-03-31'],
    ['Tháng 2 năm 2024', '2024-02-01', '2024-02-29'],
    ['Từ tháng 3 đến tháng 6/2023', '2023-03-01', '2023-06-30'],
    ['từ ngày 01/3/2023 đến ngày 30/6/2023', '2023-03-01', '2023-06-30'],
    ['Từ ngày 15/7 đến ngày 20/8/2023', '2023-07-15', '2023-08-20'],
    ['Trước ngày 30/6/2023', null, '2023-06-30'],
    ['Ngày 02/9/2023', '2023-09-02', '2023-09-02'],
    ['Thường xuyên', '2023-01-01', '2023-12-31'],
    ['2021 - 2025', '2021-01-01', '2025-12-31'],
    ['Dịp Tết Nguyên đán', null, null],
  ])('%s', (label, from, to) => {
    expect(tw(label)).toEqual([from, to]);
  });
  it('uses the plan years: a multi-year plan gives no year to "Quý I" but spans "Hằng năm"', () => {
    const ctx = { yearFrom: 2021, yearTo: 2025 };
    expect(tw('Quý I', ctx)).toEqual([null, null]);
    expect(tw('Hằng năm', ctx)).toEqual(['2021-01-01', '2025-12-31']);
  });
  it('keeps the label as written', () => {
    expect(parseTimeWindow('Cả năm 2023.', Y2023).label).toBe('Cả năm 2023');
  });
});

describe('organisation lists', () => {
  const n = (s: string) => splitOrgList(s).map((e) => e.name);
  it('keeps names with commas and "và"', () => {
    expect(n('Sở Văn hóa, Thể thao và Du lịch, Sở Kế hoạch và Đầu tư và Sở Lao động - Thương binh và Xã hội')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Kế hoạch và Đầu tư',
      'Sở Lao động - Thương binh và Xã hội',
    ]);
  });
  it('keeps group phrases whole, with their keys', () => {
    const e = splitOrgList('Các Sở, ban, ngành, UBND các huyện, thị xã, thành phố và các đơn vị có liên quan.');
    expect(e.map((x) => [x.name, x.group])).toEqual([
      ['Các Sở, ban, ngành', 'departments'],
      ['UBND các huyện, thị xã, thành phố', 'districts'],
      ['các đơn vị có liên quan', 'related_units'],
    ]);
    expect(n('Các Sở, ban, ngành; UBND các huyện, thành phố, thị xã')).toEqual(['Các Sở, ban, ngành', 'UBND các huyện, thành phố, thị xã']);
    expect(n('Sở Y tế, các cơ quan báo chí của tỉnh')).toEqual(['Sở Y tế', 'các cơ quan báo chí của tỉnh']);
  });
  it('expands distributive forms', () => {
    expect(n('UBND các huyện: Hướng Hóa và Đakrông')).toEqual(['UBND huyện Hướng Hóa', 'UBND huyện Đakrông']);
    expect(n('UBND các huyện (Vĩnh Linh, Gio Linh), Sở Y tế')).toEqual(['UBND huyện Vĩnh Linh', 'UBND huyện Gio Linh', 'Sở Y tế']);
    expect(n('UBND các huyện Hướng Hóa, Đakrông, Sở Nội vụ')).toEqual(['UBND huyện Hướng Hóa', 'UBND huyện Đakrông', 'Sở Nội vụ']);
  });
  it('does not split inside parentheses or compound office names', () => {
    expect(n('UBND tỉnh (qua Sở Thông tin và Truyền thông), Công an tỉnh')).toEqual([
      'UBND tỉnh (qua Sở Thông tin và Truyền thông)',
      'Công an tỉnh',
    ]);
    expect(n('Văn phòng HĐND và UBND thành phố, Phòng Nội vụ')).toEqual(['Văn phòng HĐND và UBND thành phố', 'Phòng Nội vụ']);
  });
});

describe('targets', () => {
  it.each([
    [
      'Thực hiện đặt hàng ít nhất với 02 cơ quan thông tấn báo chí Trung ương để xây dựng',
      'ít nhất với 02 cơ quan thông tấn báo chí Trung ương',
      2,
    ],
    ['đăng tải tối thiểu 03 tin, bài mỗi tháng', 'tối thiểu 03 tin', 3],
    ['với không ít hơn 5 doanh nghiệp.', 'không ít hơn 5 doanh nghiệp', 5],
    ['Đăng tải từ 10 tin bài trở lên về kết quả', 'từ 10 tin bài trở lên', 10],
    ['Tổ chức ít nhất hai đoàn công tác', 'ít nhất hai đoàn công tác', 2],
  ])('%s', (text, phrase, min) => {
    expect(findTargets([text])).toEqual([{ text: phrase, min }]);
  });
  it('finds nothing where there is no quantity', () => {
    expect(findTargets(['Tiếp tục triển khai các văn bản'])).toEqual([]);
  });
});

describe('legal bases', () => {
  it('reads kinds, refs, dates (both date styles) and issuers, one per line or several per sentence', () => {
    const { bases, preamble } = parseLegalBases([
      'Căn cứ Luật Báo chí số 103/2016/QH13 ngày 05/4/2016;',
      'Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07 tháng 9 năm 2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại; Thông tư số 03/2019/TT-BTTTT ngày 06/5/2019 của Bộ Thông tin và Truyền thông;',
      'Thực hiện Kết luận số 57-KL/TW ngày 15/6/2009 của Bộ Chính trị;',
      'Sở Thông tin và Truyền thông xây dựng Kế hoạch như sau:',
    ]);
    expect(bases.map((b) => [b.kind, b.ref, b.date, b.issuer])).toEqual([
      ['Luật', '103/2016/QH13', '2016-04-05', null],
      ['Nghị định', '72/2015/NĐ-CP', '2015-09-07', 'Chính phủ'],
      ['Thông tư', '03/2019/TT-BTTTT', '2019-05-06', 'Bộ Thông tin và Truyền thông'],
      ['Kết luận', '57-KL/TW', '2009-06-15', 'Bộ Chính trị'],
    ]);
    expect(preamble).toEqual(['Sở Thông tin và Truyền thông xây dựng Kế hoạch như sau:']);
  });
});

describe('header pieces', () => {
  it('reads numbers, blank or not', () => {
    expect(readNumber('Số: 101/KH-UBND')).toEqual({ number: '101/KH-UBND', serial: '101', code: 'KH-UBND' });
    expect(readNumber('Số:      /KH-UBND')).toEqual({ number: null, serial: null, code: 'KH-UBND' });
    expect(readNumber('Số: 12/BC-STTTT')).toEqual({ number: '12/BC-STTTT', serial: '12', code: 'BC-STTTT' });
    expect(readNumber('Số: 11165/KH-UBND')).toMatchObject({ number: '11165/KH-UBND' });
    expect(readNumber('Số: 06/2014/QĐ-UBND')).toEqual({ number: '06/2014/QĐ-UBND', serial: '06', code: '2014/QĐ-UBND' });
  });
  it('reads place and date, blank or not', () => {
    expect(readPlaceDate('Quảng Trị, ngày 23 tháng 3 năm 2023')).toEqual({ place: 'Quảng Trị', issuedOn: '2023-03-23', year: 2023 });
    expect(readPlaceDate('Quảng Trị, ngày      tháng      năm 2023')).toEqual({ place: 'Quảng Trị', issuedOn: null, year: 2023 });
    expect(readPlaceDate('Đông Hà, ngày 10 tháng 02 năm 2024')).toEqual({ place: 'Đông Hà', issuedOn: '2024-02-10', year: 2024 });
  });
  it('reads the years a title covers', () => {
    expect(yearsFromTitle('Công tác thông tin đối ngoại năm 2023')).toEqual({ from: 2023, to: 2023 });
    expect(yearsFromTitle('THÔNG TIN ĐỐI NGOẠI GIAI ĐOẠN 2018 - 2020')).toEqual({ from: 2018, to: 2020 });
    expect(yearsFromTitle('Thông tin đối ngoại giai đoạn 2021-2025')).toEqual({ from: 2021, to: 2025 });
  });
});

describe('reporting and budget', () => {
  it('reads deadlines and ad-hoc reports', () => {
    expect(parseReporting(['báo cáo UBND tỉnh định kỳ trước ngày 25/5 và 25/11 hoặc báo cáo đột xuất theo yêu cầu'])).toEqual({
      deadlines: [
        { day: 25, month: 5 },
        { day: 25, month: 11 },
      ],
      adHoc: true,
    });
    expect(parseReporting(['Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12/2024'])).toEqual({
      deadlines: [
        { day: 15, month: 6 },
        { day: 15, month: 12 },
      ],
      adHoc: false,
    });
  });
  it('names funding sources', () => {
    expect(budgetSources('Ngân sách nhà nước và nguồn tài trợ hợp pháp khác')).toEqual(['state_budget', 'sponsorship', 'other_lawful']);
  });
});
