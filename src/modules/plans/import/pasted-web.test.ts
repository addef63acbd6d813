import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { repairPastedText } from './source/web-paste';
import { textToBlocks } from './source/text-blocks';
import { parsePlan } from './parse/parse-plan';
import type { ParsedPlan, PlanDocument } from './types';

/**
 * Openings of real plans as text copied from the legal-document websites (fixtures/pasted/: the
 * source URL is in each file's `#` lines, which are notes and are removed before importing).
 * The values expected are those a person reads off the document.
 */
async function pasted(name: string): Promise<ParsedPlan> {
  const raw = readFileSync(fileURLToPath(new URL(`./fixtures/pasted/${name}`, import.meta.url)), 'utf8');
  const text = raw.replace(/^(#[^\n]*\n)+/, '');
  expect(text).not.toMatch(/^#/);
  return parsePlan(await extractSource(Buffer.from(text, 'utf8'), name));
}

interface Case {
  file: string;
  document: Partial<PlanDocument>;
  legalRefs: Array<string | null>;
  preamble?: RegExp;
}

const CASES: Case[] = [
  {
    file: 'ha-tinh-44-kh-ubnd-2018.txt',
    document: {
      kind: 'KẾ HOẠCH',
      number: '44/KH-UBND',
      numberSerial: '44',
      numberCode: 'KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH',
      place: 'Hà Tĩnh',
      issuedOn: '2018-02-08',
      title: 'CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TỈNH HÀ TĨNH NĂM 2018',
      yearFrom: 2018,
      yearTo: 2018,
    },
    // one sentence citing three documents, separated by commas
    legalRefs: ['72/NĐ-CP', '22/2016/TT-BTTTT', '3616/BTTTT-TTĐN'],
    preamble: /^Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Kế hoạch/,
  },
  {
    file: 'lao-cai-34-kh-ubnd-2021.txt',
    document: {
      kind: 'KẾ HOẠCH',
      number: '34/KH-UBND',
      numberSerial: '34',
      numberCode: 'KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
      place: 'Lào Cai',
      issuedOn: '2021-01-29',
      title: 'HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI TỈNH LÀO CAI NĂM 2021',
      yearFrom: 2021,
      yearTo: 2021,
    },
    legalRefs: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT', '07-QC/TU', '09/2017/QĐ-UBND'],
    preamble: /^UBND tỉnh Lào Cai ban hành Kế hoạch hoạt động thông tin đối ngoại tỉnh Lào Cai năm 2021/,
  },
  {
    file: 'tuyen-quang-01-ctr-ubnd-2020.txt',
    document: {
      kind: 'CHƯƠNG TRÌNH',
      number: '01/CTr-UBND',
      numberSerial: '01',
      numberCode: 'CTr-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG',
      place: 'Tuyên Quang',
      issuedOn: '2020-01-06',
      title: 'HOẠT ĐỘNG ĐỐI NGOẠI TỈNH TUYÊN QUANG NĂM 2020',
      yearFrom: 2020,
      yearTo: 2020,
    },
    legalRefs: [],
  },
  {
    file: 'lang-son-173-kh-ubnd-2019.txt',
    document: {
      kind: 'KẾ HOẠCH',
      number: '173/KH-UBND',
      numberSerial: '173',
      numberCode: 'KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      place: 'Lạng Sơn',
      issuedOn: '2019-11-26',
      title: 'Hoạt động thông tin đối ngoại trên địa bàn tỉnh năm 2020',
      yearFrom: 2020,
      yearTo: 2020,
    },
    legalRefs: [],
  },
  {
    file: 'quang-binh-1789-kh-ubnd-2023.txt',
    document: {
      kind: 'KẾ HOẠCH',
      number: '1789/KH-UBND',
      numberSerial: '1789',
      numberCode: 'KH-UBND',
      issuer: 'UBND TỈNH QUẢNG BÌNH',
      place: 'Quảng Bình',
      issuedOn: '2023-09-11',
      title: 'Công tác thông tin đối ngoại tỉnh Quảng Bình năm 2024',
      yearFrom: 2024,
      yearTo: 2024,
    },
    legalRefs: [],
  },
  {
    file: 'ha-giang-2112-qd-ubnd-2014.txt',
    document: {
      kind: 'QUYẾT ĐỊNH',
      number: '2112/QĐ-UBND',
      numberSerial: '2112',
      numberCode: 'QĐ-UBND',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG',
      place: 'Hà Giang',
      issuedOn: '2014-10-17',
      title: 'PHÊ DUYỆT CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ THÔNG TIN ĐỐI NGOẠI TỈNH HÀ GIANG GIAI ĐOẠN 2014 - 2020',
      yearFrom: 2014,
      yearTo: 2020,
    },
    legalRefs: [null, '21/CT-TTg', '368/QĐ-TTg', '171/TB-UBND'],
    preamble: /^Xét đề nghị của Sở Thông tin và truyền thông/,
  },
];

describe('plans pasted from legal-document websites (header table as broken lines with | cell marks)', () => {
  for (const c of CASES) {
    it(`${c.file}: number, date, place, years, issuer, title and legal bases`, async () => {
      const p = await pasted(c.file);
      expect(p.document).toMatchObject({ ...c.document, issuerSource: 'header' });
      expect(p.legalBases.map((b) => b.ref)).toEqual(c.legalRefs);
      if (c.preamble) expect(p.preamble).toMatch(c.preamble);
      // header lines are never legal bases, and nothing of the header table is left over
      for (const b of p.legalBases) {
        expect(b.text).not.toMatch(/^Số\b|\|/u);
        expect(b.text).not.toContain(c.document.title!);
        expect(b.kind).not.toBeNull();
      }
      expect(p.unparsed.filter((u) => /\||^(CỘNG|HÒA|Số:?)$|Độc lập/u.test(u))).toEqual([]);
    });
  }

  it('Lào Cai: the bases broken across lines keep their dates and issuers, as written (19/10/2012 stands in the source)', async () => {
    const p = await pasted('lao-cai-34-kh-ubnd-2021.txt');
    expect(p.legalBases.map((b) => [b.kind, b.date, b.issuer])).toEqual([
      ['Nghị định', '2015-09-07', 'Chính phủ'],
      ['Thông tư', '2012-10-19', 'Bộ trưởng Bộ Thông tin và Truyền thông'],
      ['Quy chế', '2018-08-30', 'Tỉnh ủy Lào Cai'],
      ['Quyết định', '2017-03-03', 'UBND tỉnh Lào Cai'],
    ]);
    expect(p.objectives[0]).toBe(
      'Triển khai có hiệu quả đường lối, chính sách đối ngoại của Đảng, Nhà nước, góp phần thực hiện đường lối đối ngoại, xây dựng và bảo vệ Tổ quốc trong tình hình mới.',
    );
    expect(p.unparsed).toEqual([]);
  });

  it('Hà Tĩnh: the three documents of the one-sentence basis with their kinds, dates and issuers', async () => {
    const p = await pasted('ha-tinh-44-kh-ubnd-2018.txt');
    expect(p.legalBases.map((b) => [b.kind, b.date, b.issuer])).toEqual([
      ['Nghị định', '2015-09-07', 'Chính phủ'],
      ['Thông tư', '2016-10-19', 'Bộ Thông tin và Truyền thông'],
      ['Văn bản', '2017-10-06', 'Bộ Thông tin và Truyền thông'],
    ]);
  });

  it('mends the broken lines themselves: cell marks off, cut words joined, a row of cells read column by column', () => {
    const lines = [
      'ỦY BAN NHÂN DÂN |',
      'TỈNH HÀ TĨNH |',
      'CỘNG',
      'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      'Số: 44/KH-UBND | Hà Tĩnh, ngày 08 tháng 02 năm 2018 |',
      'TM.',
      'ỦY BAN NHÂN',
      'DÂN',
      '|',
      'Số:',
      '01/CTr-UBND',
    ];
    const blocks = repairPastedText(textToBlocks(lines.join('\n'), false));
    expect(blocks.map((b) => b.text)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH HÀ TĨNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 44/KH-UBND',
      'Hà Tĩnh, ngày 08 tháng 02 năm 2018',
      'TM. ỦY BAN NHÂN DÂN',
      'Số: 01/CTr-UBND',
    ]);
    expect(blocks.map((b) => b.line)).toEqual([1, 2, 3, 5, 5, 6, 10]);
  });

  it('leaves text without cell marks as it is, apart from rule lines', () => {
    const text = 'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG\nHÒA';
    expect(repairPastedText(textToBlocks(text, false)).map((b) => b.text)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ', 'CỘNG', 'HÒA']);
  });
});
