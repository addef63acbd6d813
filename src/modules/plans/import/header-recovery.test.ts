import { describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { splitRunOnHeader } from './source/web-paste';
import { parsePlan } from './parse/parse-plan';
import { parseLegalBases } from './parse/legal-bases';
import { kindOfCode } from './parse/header';

/** Headers as real pages give them (the cases come from fixtures/real/, cut down). */
const parse = async (text: string) => parsePlan(await extractSource(Buffer.from(text, 'utf8'), 'plan.txt'));

describe('headers the pages damaged', () => {
  it('passes over the site lines above the header (site name, metadata block) and leaves them to review', async () => {
    const p = await parse(
      [
        'Kế hoạch 94/KH-UBND về tổ chức hoạt động thông tin đối ngoại năm 2022',
        'Số hiệu: 94/KH-UBND Loại văn bản: Văn bản khác',
        'Ngày ban hành: 25/03/2022 Ngày hiệu lực: Đang cập nhật',
        'ỦY BAN NHÂN DÂN',
        'THÀNH PHỐ HÀ NỘI',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 94/KH-UBND',
        'Hà Nội, ngày 25 tháng 3 năm 2022',
        'KẾ HOẠCH',
        'TỔ CHỨC HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI NĂM 2022',
        'Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ, Ủy ban nhân dân thành phố Hà Nội ban hành Kế hoạch như sau:',
      ].join('\n'),
    );
    expect(p.document).toMatchObject({
      number: '94/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      issuedOn: '2022-03-25',
      yearFrom: 2022,
    });
    expect(p.legalBases.map((b) => b.ref)).toEqual(['72/2015/NĐ-CP']);
    expect(p.unparsed[0]).toMatch(/^Kế hoạch 94\/KH-UBND về/);
  });

  it('a plan whose kind and title lines were dropped: KẾ HOẠCH from the code, the issuer completed from the enacting sentence, the year from it', async () => {
    const p = await parse(
      [
        'ỦY BAN NHÂN DÂN |',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
        'Số: 952/KH-UBND |',
        'Kon Tum, ngày 05 tháng 4 năm 2022 |',
        'Căn cứ Quyết định 1517-QĐ/TU ngày 18 tháng 11 năm 2019 của Ban Thường vụ Tỉnh ủy về ban hành Quy chế; Chương trình công tác năm 2022 của Ban Thường vụ Tỉnh ủy và Công văn 479-CV/TU ngày 04 tháng 4 năm 2022 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác đối ngoại năm 2022 như sau:',
      ].join('\n'),
    );
    expect(p.document).toMatchObject({
      kind: 'KẾ HOẠCH',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH KON TUM',
      title: null,
      yearFrom: 2022,
      yearTo: 2022,
    });
    expect(p.warnings).toContainEqual({ code: 'plan.warn_kind_from_number', details: { kind: 'KẾ HOẠCH', code: 'KH-UBND' } });
    expect(p.warnings.map((w) => w.code)).toContain('plan.warn_issuer_completed');
    expect(p.legalBases.map((b) => b.ref)).toEqual(['1517-QĐ/TU', null, '479-CV/TU']);
  });

  it('a decision without its kind line: the title under the number, the issuer from the enacting authority, no years', async () => {
    const p = await parse(
      [
        'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
        'Số: 06/2014/QĐ-UBND | Cà Mau, ngày 21 tháng 03 năm 2014 |',
        'BAN HÀNH QUY CHẾ QUẢN LÝ THỐNG NHẤT CÁC HOẠT ĐỘNG ĐỐI NGOẠI TRÊN ĐỊA BÀN TỈNH CÀ MAU',
        'ỦY BAN NHÂN DÂN TỈNH CÀ MAU',
        'Căn cứ Quyết định số 67/2011/QĐ-TTg ngày 12/12/2011 của Thủ tướng Chính phủ;',
        'Theo đề nghị của Chánh Văn phòng UBND tỉnh tại Công văn số 724/VP-NV ngày 02/8/2013,',
        'QUYẾT ĐỊNH:',
      ].join('\n'),
    );
    expect(p.document).toMatchObject({
      kind: 'QUYẾT ĐỊNH',
      title: 'BAN HÀNH QUY CHẾ QUẢN LÝ THỐNG NHẤT CÁC HOẠT ĐỘNG ĐỐI NGOẠI TRÊN ĐỊA BÀN TỈNH CÀ MAU',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH CÀ MAU',
      issuerParent: null,
      yearFrom: null,
      yearTo: null,
    });
    // the proposal the decision is made on is no legal basis, though it cites a letter
    expect(p.legalBases.map((b) => b.ref)).toEqual(['67/2011/QĐ-TTg']);
  });

  it('cuts a header run into one paragraph (text of a PDF) back into its lines', () => {
    expect(
      splitRunOnHeader(
        'ỦY BAN NHÂN DÂN TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do Hạnh phúc Số: 190/KH-UBND An Giang, ngày 18 tháng 4 năm 2019 KẾ HOẠCH Hoạt động thông tin đối ngoại tỉnh An Giang năm 2019 Căn cứ Chỉ thị số 21/CT -TTg ngày 06/8/2012 của Thủ tướng Chính phủ; Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ;',
      ),
    ).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH AN GIANG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do Hạnh phúc',
      'Số: 190/KH-UBND',
      'An Giang, ngày 18 tháng 4 năm 2019',
      'KẾ HOẠCH',
      'Hoạt động thông tin đối ngoại tỉnh An Giang năm 2019',
      'Căn cứ Chỉ thị số 21/CT -TTg ngày 06/8/2012 của Thủ tướng Chính phủ;',
      'Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ;',
    ]);
    expect(
      splitRunOnHeader('Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại;'),
    ).toBeNull();
  });

  it('joins a place or date line the page cut (`Bà Rịa - Vũng` / `Tàu, ngày …`, `Hải Dương, ngày` / `17 tháng 11 …`) and completes an issuer cell cut after VÀ from the code', async () => {
    const a = await parse(
      [
        'ỦY BAN NHÂN DÂN',
        'TỈNH BÀ RỊA - VŨNG TÀU',
        '|',
        'Số: 08/KH-UBND',
        '|',
        'Bà Rịa - Vũng',
        'Tàu, ngày 08 tháng 01 năm 2023',
        '|',
        'KẾ HOẠCH',
        'TRUYỀN THÔNG CHÍNH SÁCH',
      ].join('\n'),
    );
    expect(a.document).toMatchObject({ place: 'Bà Rịa - Vũng Tàu', issuedOn: '2023-01-08', title: 'TRUYỀN THÔNG CHÍNH SÁCH' });
    const b = await parse(
      [
        'ỦY BAN NHÂN DÂN',
        'TỈNH HẢI DƯƠNG',
        '|',
        'Số:',
        '42/2023/QĐ-UBND',
        '|',
        'Hải Dương, ngày',
        '17 tháng 11 năm 2023',
        '|',
        'QUYẾT ĐỊNH',
        'BAN HÀNH QUY CHẾ',
      ].join('\n'),
    );
    expect(b.document).toMatchObject({ place: 'Hải Dương', issuedOn: '2023-11-17', number: '42/2023/QĐ-UBND' });
    const c = await parse(
      [
        'BỘ THÔNG TIN VÀ |',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
        'Số: 22/2016/TT-BTTTT |',
        'Hà Nội, ngày 19 tháng 10 năm 2016 |',
        'THÔNG TƯ',
        'HƯỚNG DẪN QUẢN LÝ HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI',
        'Căn cứ Nghị định số 132/2013/NĐ-CP ngày 16 tháng 10 năm 2013 của Chính phủ quy định cơ cấu tổ chức của Bộ Thông tin và Truyền thông;',
      ].join('\n'),
    );
    expect(c.document).toMatchObject({
      kind: 'THÔNG TƯ',
      issuer: 'BỘ THÔNG TIN VÀ TRUYỀN THÔNG',
      title: 'HƯỚNG DẪN QUẢN LÝ HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI',
    });
  });

  it('one basis whose subject names two directives stays one; `và Văn bản số …` is a second', () => {
    const one = parseLegalBases([
      'Thực hiện Công văn số 5104/BTTTT-PTTH&TTĐT của Bộ Thông tin và Truyền thông về việc triển khai các nhiệm vụ tại Chỉ thị 09/CT-TTg ngày 31/3/2021 và Chỉ thị 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ;',
    ]);
    expect(one.bases.map((x) => x.ref)).toEqual(['5104/BTTTT-PTTH&TTĐT']);
    const two = parseLegalBases([
      'Căn cứ Văn bản số 511/VPCP-QHQT ngày 23/02/2022 của Văn phòng Chính phủ về Kế hoạch đoàn ra và Văn bản số 462/BNG-CNV-m ngày 01/03/2022 của Bộ Ngoại giao;',
    ]);
    expect(two.bases.map((x) => x.ref)).toEqual(['511/VPCP-QHQT', '462/BNG-CNV-m']);
  });

  it('reads a code broken before its last part as one (`21/CT -TTg`), and names the kind of a code', () => {
    expect(parseLegalBases(['Căn cứ Chỉ thị số 21/CT -TTg ngày 06/8/2012 của Thủ tướng Chính phủ;']).bases[0].ref).toBe('21/CT-TTg');
    expect([kindOfCode('KH-UBND'), kindOfCode('2014/QĐ-UBND'), kindOfCode('CTr-UBND'), kindOfCode('XYZ-UBND'), kindOfCode(null)]).toEqual([
      'KẾ HOẠCH',
      'QUYẾT ĐỊNH',
      'CHƯƠNG TRÌNH',
      null,
      null,
    ]);
  });
});
