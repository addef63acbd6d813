import JSZip from 'jszip';
import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocxBlocks } from './source/docx/read-docx';
import { formatNumber } from './source/docx/numbering';
import { extractSource } from './source/extract';
import { expectRefused } from './test-helpers';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';

/** A .docx written by hand: the parts Word writes, with the XML given. */
async function handMade(parts: { body: string; styles?: string; numbering?: string }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/word/numbering.xml"/>' +
      '</Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${MC}><w:body>${parts.body}</w:body></w:document>`);
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles ?? ''}</w:styles>`);
  zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering ?? ''}</w:numbering>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const p = (text: string, pPr = '', rPr = '') =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl?: number) =>
  `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const texts = (buf: Buffer) => readDocxBlocks(buf).map((b) => b.text);

describe('docx reader: Word automatic numbering', () => {
  it('renders %1.%2. templates, bullets, letters and restarts as the page shows them (docx package)', async () => {
    const buf = await Packer.toBuffer(
      new Document({
        numbering: {
          config: [
            {
              reference: 'tasks',
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
                { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.LEFT },
                { level: 2, format: LevelFormat.BULLET, text: '\uf0b7', alignment: AlignmentType.LEFT },
                { level: 3, format: LevelFormat.LOWER_LETTER, text: '%4)', alignment: AlignmentType.LEFT },
                { level: 4, format: LevelFormat.BULLET, text: '+', alignment: AlignmentType.LEFT },
              ],
            },
            { reference: 'roman', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }] },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({ text: 'MỤC TIÊU', numbering: { reference: 'roman', level: 0 } }),
              new Paragraph({ text: 'NỘI DUNG', numbering: { reference: 'roman', level: 0 } }),
              new Paragraph({ text: 'Nhiệm vụ một', numbering: { reference: 'tasks', level: 0 } }),
              new Paragraph({ text: 'Nội dung:', numbering: { reference: 'tasks', level: 2 } }),
              new Paragraph({ text: 'Ý nhỏ', numbering: { reference: 'tasks', level: 4 } }),
              new Paragraph({ text: 'Nhiệm vụ hai', numbering: { reference: 'tasks', level: 0 } }),
              new Paragraph({ text: 'Việc hai một', numbering: { reference: 'tasks', level: 1 } }),
              new Paragraph({ text: 'Ý a', numbering: { reference: 'tasks', level: 3 } }),
              new Paragraph({ text: 'Ý b', numbering: { reference: 'tasks', level: 3 } }),
              new Paragraph({ text: 'Việc hai hai', numbering: { reference: 'tasks', level: 1 } }),
              new Paragraph({ text: 'Ý a lại', numbering: { reference: 'tasks', level: 3 } }),
              new Paragraph({ text: 'Danh sách mới', numbering: { reference: 'tasks', level: 0, instance: 2 } }),
            ],
          },
        ],
      }),
    );
    const blocks = readDocxBlocks(buf);
    expect(blocks.map((b) => b.text)).toEqual([
      'I. MỤC TIÊU',
      'II. NỘI DUNG',
      '1. Nhiệm vụ một',
      '- Nội dung:',
      '+ Ý nhỏ',
      '2. Nhiệm vụ hai',
      '2.1. Việc hai một',
      'a) Ý a',
      'b) Ý b',
      '2.2. Việc hai hai',
      'a) Ý a lại',
      '1. Danh sách mới',
    ]);
    expect(blocks[6]).toMatchObject({ kind: 'li', level: 2, listLabel: '2.1.' });
  });

  it('takes numbering from the paragraph style through its basedOn chain, with lvl pStyle, startOverride and numId 0', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      `<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:basedOn w:val="Normal"/><w:pPr>${numPr(5)}<w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Muc con"/><w:basedOn w:val="Muc"/><w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:b w:val="0"/><w:i/></w:rPr></w:style>' +
      `<w:style w:type="paragraph" w:styleId="Y"><w:name w:val="Y"/><w:pPr>${numPr(5)}</w:pPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>';
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'lowerRoman', '(%3)', '<w:pStyle w:val="Y"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'upperLetter', '%1.')}</w:abstractNum>` +
      '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="8"><w:abstractNumId w:val="1"/></w:num>';
    const body =
      p('MỤC ĐÍCH', '<w:pStyle w:val="Muc"/>') +
      p('Mục tiêu chung', `<w:pStyle w:val="MucCon"/>${numPr(5, 1)}`) +
      p('ý thứ nhất', '<w:pStyle w:val="Y"/>') +
      p('ý thứ hai', '<w:pStyle w:val="Y"/>') +
      p('NỘI DUNG', '<w:pStyle w:val="Muc"/>') +
      p('Không đánh số', `<w:pStyle w:val="Muc"/>${numPr(0)}`) +
      p('Tiêu đề', '<w:pStyle w:val="Heading2"/>') +
      p('Cấp đề cương', '<w:outlineLvl w:val="0"/>') +
      p('Chữ một', numPr(6, 0)) +
      p('Chữ hai', numPr(6, 0)) +
      p('Bắt đầu từ D', numPr(7, 0)) +
      p('Tiếp theo', numPr(8, 0)) +
      p('Chữ ẩn', '', '<w:vanish/>') +
      p('Căn phải', '<w:jc w:val="right"/>');
    const blocks = readDocxBlocks(await handMade({ body, styles, numbering }));
    expect(blocks.map((b) => b.text)).toEqual([
      'I. MỤC ĐÍCH',
      '1. Mục tiêu chung',
      '(i) ý thứ nhất',
      '(ii) ý thứ hai',
      'II. NỘI DUNG',
      'Không đánh số',
      'Tiêu đề',
      'Cấp đề cương',
      'A. Chữ một',
      'B. Chữ hai',
      'D. Bắt đầu từ D',
      'E. Tiếp theo',
      'Căn phải',
    ]);
    expect(blocks[0]).toMatchObject({ kind: 'li', level: 1, bold: true, align: 'center' });
    expect(blocks[1]).toMatchObject({ align: 'justify', italic: true });
    expect(blocks[1].bold).toBeFalsy();
    expect(blocks[6]).toMatchObject({ kind: 'heading', level: 2 });
    expect(blocks[7]).toMatchObject({ kind: 'heading', level: 1 });
    expect(blocks[12]).toMatchObject({ kind: 'p', align: 'right' });
  });

  it('formats counters the way Word does', () => {
    expect([1, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb']);
    expect([4, 9, 14, 40].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'XL']);
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(12, 'lowerRoman')).toBe('xii');
  });
});

describe('docx reader: tables, text boxes, footnotes, line breaks', () => {
  it('lays merged cells on the table grid and marks them', async () => {
    const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...opts });
    const buf = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Table({
                rows: [
                  new TableRow({
                    children: [
                      cell('STT'),
                      cell('Nhiệm vụ'),
                      cell('Cơ quan thực hiện', { columnSpan: 2 }),
                      cell('Thời gian', { rowSpan: 2 }),
                    ],
                  }),
                  new TableRow({ children: [cell(''), cell(''), cell('Chủ trì'), cell('Phối hợp')] }),
                  new TableRow({ children: [cell('1'), cell('Tuyên truyền'), cell('Sở Ngoại vụ'), cell('Báo Quảng Trị'), cell('Quý I')] }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const rows = readDocxBlocks(buf);
    expect(rows[0]).toMatchObject({
      kind: 'row',
      cells: [['STT'], ['Nhiệm vụ'], ['Cơ quan thực hiện'], [], ['Thời gian']],
      merged: [null, null, null, 'left', null],
      text: 'STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian',
    });
    expect(rows[1]).toMatchObject({ cells: [[], [], ['Chủ trì'], ['Phối hợp'], []], merged: [null, null, null, null, 'up'], row: 1 });
    expect(rows[2].cells?.[2]).toEqual(['Sở Ngoại vụ']);
  });

  it('reads text boxes once (the drawing, not its VML copy), footnotes after the body, and line breaks as lines', async () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>Trước hộp</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('Chữ trong hộp')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('Chữ trong hộp')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      '<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng hai</w:t><w:tab/><w:t>sau tab</w:t></w:r><w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins></w:p>';
    expect(texts(await handMade({ body }))).toEqual(['Trước hộp', 'Chữ trong hộp', 'Dòng một', 'Dòng hai sau tab thêm']);

    const withNote = await Packer.toBuffer(
      new Document({
        footnotes: { 1: { children: [new Paragraph('Quyết định số 25/2019/QĐ-UBND.')] } },
        sections: [
          { children: [new Paragraph({ children: [new TextRun('Căn cứ Quy chế'), new FootnoteReferenceRun(1)] }), new Paragraph('Hết.')] },
        ],
      }),
    );
    const blocks = readDocxBlocks(withNote);
    expect(blocks.map((b) => [b.text, b.note])).toEqual([
      ['Căn cứ Quy chế', undefined],
      ['Hết.', undefined],
      ['Quyết định số 25/2019/QĐ-UBND.', 'footnote'],
    ]);
    expect(blocks[2].raw).toBe('[1] Quyết định số 25/2019/QĐ-UBND.');
    const source = await extractSource(withNote, 'chu-thich.docx');
    expect(source.text).toContain('Quyết định số 25/2019/QĐ-UBND.');
  });

  it('refuses a part with a DOCTYPE (entity expansion) as a corrupt file', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document ${W}><w:body>${p('&a;')}</w:body></w:document>`,
    );
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    await expectRefused(() => extractSource(buf, 'x.docx'), 'plan.file_corrupt');
  });
});
