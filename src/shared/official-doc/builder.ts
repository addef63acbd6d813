import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { translate } from '../messages/catalogue';
import type { OfficialBlock, OfficialDocSpec } from './types';
import { FIRST_LINE_INDENT, FONT, MOTTO, NATIONAL_NAME, PAGE, TEXT_WIDTH, numberLine, placeAndDate, pt } from './layout';

/**
 * Builds a .docx in the format of Nghị định 30/2020/NĐ-CP from a plain description:
 * issuer and national motto side by side, number, italic place and date, bold centred
 * kind and title, justified body, tables, then `Nơi nhận` beside the signature block.
 */
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const CELL_NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
/** ND30 spacing between paragraphs: at least 6 pt (120 twentieths of a point). */
const PARA_GAP = 120;
/** The issuer's column of the header; the rest holds the Quốc hiệu, wide enough for it on one line at 13 pt bold. */
const HEADER_LEFT_SHARE = 0.37;
const HEADER_CELL_MARGINS = { left: 0, right: 0, top: 0, bottom: 0 };

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size: number;
}
const run = (text: string, o: RunOpts) => new TextRun({ text, bold: o.bold, italics: o.italics, size: pt(o.size), font: FONT });

interface ParaOpts extends RunOpts {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: boolean;
  after?: number;
  before?: number;
  /** Keep on the same page as the next paragraph (the signature block's lines, the last body paragraph). */
  keepNext?: boolean;
}

function para(text: string, o: ParaOpts) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 276, lineRule: LineRuleType.AUTO },
    keepNext: o.keepNext,
    keepLines: o.keepNext,
    children: [run(text, o)],
  });
}

/** A short horizontal rule under a centred line (an empty paragraph with a bottom border, narrowed by indents). */
function rule(cellWidth: number, ruleWidth: number) {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({ border: { bottom: LINE }, indent: { left: side, right: side }, spacing: { after: 120 }, children: [] });
}

function headerTable(spec: OfficialDocSpec): Table {
  const left = Math.round(TEXT_WIDTH * HEADER_LEFT_SHARE);
  const right = TEXT_WIDTH - left;
  const c = AlignmentType.CENTER;
  const leftChildren: Paragraph[] = [];
  if (spec.issuer.parent) leftChildren.push(para(spec.issuer.parent.toLocaleUpperCase('vi'), { size: 13, align: c }));
  for (const l of spec.issuer.name.split('\n')) leftChildren.push(para(l.toLocaleUpperCase('vi'), { size: 13, bold: true, align: c }));
  leftChildren.push(rule(left, 1200));
  leftChildren.push(para(numberLine(spec.number, spec.kindCode, spec.issuerCode), { size: 13, align: c }));
  const rightChildren = [
    para(NATIONAL_NAME, { size: 13, bold: true, align: c }),
    para(MOTTO, { size: 14, bold: true, align: c }),
    rule(right, 3000),
    para(placeAndDate(spec.place, spec.date, spec.year), { size: 14, italics: true, align: c }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: CELL_NO_BORDERS,
            margins: HEADER_CELL_MARGINS,
            children: leftChildren,
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: CELL_NO_BORDERS,
            margins: HEADER_CELL_MARGINS,
            children: rightChildren,
          }),
        ],
      }),
    ],
  });
}

function bodyBlock(b: OfficialBlock, size: number, keepNext: boolean): Array<Paragraph | Table> {
  switch (b.type) {
    case 'heading':
      return [para(b.text, { size, bold: true, italics: b.level === 3, indent: true, before: PARA_GAP, after: PARA_GAP, keepNext: true })];
    case 'paragraph': {
      const align =
        b.align === 'center'
          ? AlignmentType.CENTER
          : b.align === 'left'
            ? AlignmentType.LEFT
            : b.align === 'right'
              ? AlignmentType.RIGHT
              : AlignmentType.JUSTIFIED;
      return [para(b.text, { size, bold: b.bold, italics: b.italic, align, indent: b.indent ?? true, after: PARA_GAP, keepNext })];
    }
    case 'bullet':
      return [para(`${b.marker ?? '-'} ${b.text}`, { size, indent: true, after: PARA_GAP, keepNext })];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'table':
      return [dataTable(b.header, b.rows, b.widths, b.fontSizePt ?? 12)];
  }
}

function dataTable(header: string[], rows: string[][], widths: number[] | undefined, size: number): Table {
  const n = header.length;
  const rel = widths && widths.length === n ? widths : header.map(() => 1);
  const sum = rel.reduce((a, x) => a + x, 0);
  const cols = rel.map((w) => Math.round((TEXT_WIDTH * w) / sum));
  const borders = { top: LINE, bottom: LINE, left: LINE, right: LINE };
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: cols[i], type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: (text || '').split('\n').map((line) => para(line, { size, bold, align: bold ? AlignmentType.CENTER : AlignmentType.LEFT })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: header.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

/**
 * `Nơi nhận` beside the signature block, in one table row that may not break across pages
 * (`cantSplit`), every line kept with the next, so the authority lines, the signing space and
 * the name stay together, and with the body's last paragraph before them.
 */
function signatureTable(spec: OfficialDocSpec, size: number): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const c = AlignmentType.CENTER;
  const keepNext = true;
  const recipients = spec.recipients.map((r, i) =>
    para(`- ${r}${i === spec.recipients.length - 1 ? '.' : ';'}`, { size: 11, align: AlignmentType.LEFT, keepNext }),
  );
  const leftChildren = spec.recipients.length
    ? [para(translate('vi', 'doc.recipients'), { size: 12, bold: true, italics: true, align: AlignmentType.LEFT, keepNext }), ...recipients]
    : [new Paragraph({ children: [] })];
  const sig = spec.signature;
  const rightChildren = [
    ...sig.lines.map((l) => para(l.toLocaleUpperCase('vi'), { size, bold: true, align: c, keepNext })),
    ...(sig.signedMark
      ? [para(sig.signedMark, { size, italics: true, align: c, before: 400, after: 400, keepNext })]
      : [new Paragraph({ spacing: { before: 1200 }, keepNext, keepLines: keepNext, children: [] })]),
    para(sig.name?.trim() || translate('vi', 'doc.signer.name_blank'), { size, bold: true, align: c }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, borders: CELL_NO_BORDERS, children: leftChildren }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, borders: CELL_NO_BORDERS, children: rightChildren }),
        ],
      }),
    ],
  });
}

export function buildOfficialDoc(spec: OfficialDocSpec): Document {
  const size = spec.fontSizePt ?? 14;
  const c = AlignmentType.CENTER;
  const titles = Array.isArray(spec.title) ? spec.title : [spec.title];
  const children: Array<Paragraph | Table> = [
    headerTable(spec),
    para(spec.kind.toLocaleUpperCase('vi'), { size: 14, bold: true, align: c, before: 240 }),
    ...titles.filter(Boolean).map((t) => para(t, { size: 14, bold: true, align: c })),
    ...(spec.subtitle ? [para(spec.subtitle, { size: 14, italics: true, align: c })] : []),
    rule(TEXT_WIDTH, 2000),
    ...spec.body.flatMap((b, i) => bodyBlock(b, size, i === spec.body.length - 1)),
    new Paragraph({ spacing: { after: PARA_GAP }, keepNext: true, keepLines: true, children: [] }),
    signatureTable(spec, size),
  ];
  const pageNumbers = spec.pageNumbers ?? true;
  return new Document({
    creator: spec.meta?.creator ?? 'ttdn',
    title: spec.meta?.title ?? `${spec.kind} ${titles.join(' ')}`.trim(),
    description: spec.meta?.description,
    styles: { default: { document: { run: { font: FONT, size: pt(size) } } } },
    sections: [
      {
        properties: {
          titlePage: pageNumbers,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight },
          },
        },
        headers: pageNumbers
          ? {
              default: new Header({
                children: [
                  new Paragraph({ alignment: c, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] }),
                ],
              }),
              first: new Header({ children: [] }),
            }
          : undefined,
        children,
      },
    ],
  });
}

/** The document as .docx bytes. */
export async function officialDocToBuffer(spec: OfficialDocSpec): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDoc(spec));
}
