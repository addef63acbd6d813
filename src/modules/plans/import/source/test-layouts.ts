/**
 * Test helper (not used by the product): the markdown fixtures laid out the way offices lay
 * out a plan — the header as a borderless two-column table (issuer left, Quốc hiệu right), the
 * body as paragraphs, pipe tables as Word tables, the closing as a two-column table (Nơi nhận
 * left, signature right) — written as .docx with the `docx` package, then printed to PDF, saved
 * as .doc and scanned (page images rebuilt as a PDF without text) by the real tools. Each
 * result is cached in a temporary folder keyed by the fixture's content.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';
import { convertWithSoffice } from './convert';

/** Bump when the layout below changes, so cached files are made again. */
const LAYOUT_VERSION = 2;

export interface HeaderLayout {
  left: string[];
  right: string[];
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const FONT = { font: 'Times New Roman', size: 26 };

const run = (text: string, bold = false, italics = false) => new TextRun({ text, bold, italics, ...FONT });
const para = (text: string, opts: { bold?: boolean; italics?: boolean; center?: boolean } = {}) =>
  new Paragraph({
    children: [run(text, opts.bold, opts.italics)],
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { after: 120 },
  });

function layoutTable(columns: Array<Array<{ text: string; bold?: boolean; italics?: boolean }>>, widths: number[]) {
  return new Table({
    borders: NO_BORDERS,
    width: { size: 9000, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        children: columns.map(
          (lines, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              children: lines.map((l) => new Paragraph({ children: [run(l.text, l.bold, l.italics)], alignment: AlignmentType.CENTER })),
            }),
        ),
      }),
    ],
  });
}

function strip(line: string): { text: string; bold: boolean; italics: boolean } {
  const t = line.trim();
  const bold = /\*\*/.test(t) || /^#/.test(t);
  const italics = /^\*[^*]|^\*\*\*/.test(t);
  return {
    text: t
      .replace(/^#+\s*/, '')
      .replace(/\*+/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    bold,
    italics,
  };
}

function cellsOf(line: string): string[][] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.split(/<br\s*\/?>/i).map((p) => p.trim()));
}

/**
 * The markdown fixture as a .docx: lines before the first `KẾ HOẠCH` heading give way to the
 * header table; from `Nơi nhận` on, the closing table.
 */
export async function layoutDocx(md: string, header: HeaderLayout): Promise<Buffer> {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => /^[#*\s]*KẾ HOẠCH\**\s*$/.test(l.trim()));
  const end = lines.findIndex((l) => /Nơi nhận/.test(l));
  const body: Array<Paragraph | Table> = [
    layoutTable(
      [
        header.left.map((t, i) => ({ text: t, bold: i < header.left.length - 1 })),
        header.right.map((t, i) => ({ text: t, bold: i < 2, italics: i === 2 })),
      ],
      [3600, 5400],
    ),
    new Paragraph({ children: [] }),
  ];
  let table: string[][][] = [];
  const flushTable = () => {
    if (!table.length) return;
    const width = Math.floor(9000 / table[0].length);
    body.push(
      new Table({
        width: { size: 9000, type: WidthType.DXA },
        rows: table.map(
          (cells, r) =>
            new TableRow({
              tableHeader: r === 0,
              children: cells.map(
                (ps) =>
                  new TableCell({
                    width: { size: width, type: WidthType.DXA },
                    children: ps.map((p) => new Paragraph({ children: [run(p, r === 0)] })),
                  }),
              ),
            }),
        ),
      }),
    );
    table = [];
  };
  for (const line of lines.slice(start, end)) {
    if (/^\s*\|/.test(line)) {
      if (!/^\s*\|?\s*:?-{2,}/.test(line)) table.push(cellsOf(line));
      continue;
    }
    flushTable();
    if (!line.trim()) continue;
    const s = strip(line.replace(/^\s*-\s+\+/, '+'));
    body.push(para(s.text, { bold: s.bold, center: /^KẾ HOẠCH$/.test(s.text) || (s.bold && body.length < 4) }));
  }
  flushTable();
  const closing = lines.slice(end).filter((l) => l.trim());
  const split = closing.findIndex((l, i) => i > 0 && /^\*\*[^*]/.test(l.trim()));
  body.push(
    layoutTable(
      [closing.slice(0, split).map((l) => ({ ...strip(l) })), closing.slice(split).map((l) => ({ ...strip(l), bold: true }))],
      [4500, 4500],
    ),
  );
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const CACHE = path.join(os.tmpdir(), 'ttdn-test-layouts');

/** Makes a file once per content and layout version; parallel test files may race, so the write is a rename. */
async function cached(key: string, ext: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(CACHE, `${createHash('sha256').update(`${LAYOUT_VERSION}\0${key}`).digest('hex').slice(0, 16)}.${ext}`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const buf = await make();
  fs.mkdirSync(CACHE, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, buf);
  fs.renameSync(tmp, file);
  return buf;
}

export interface Layouts {
  docx(): Promise<Buffer>;
  pdf(): Promise<Buffer>;
  doc(): Promise<Buffer>;
  odt(): Promise<Buffer>;
  /** The PDF rasterised at `dpi` (gray) and rebuilt as a PDF of page images only: a scan. */
  scanPdf(dpi?: number): Promise<Buffer>;
  /** Page images of the scan (PNG). */
  pageImages(dpi?: number): Promise<Buffer[]>;
}

export function layouts(md: string, header: HeaderLayout): Layouts {
  const key = `${md}\0${JSON.stringify(header)}`;
  const docx = () => cached(key, 'docx', () => layoutDocx(md, header));
  const pdf = () => cached(key, 'pdf', async () => convertWithSoffice(await docx(), 'docx', 'pdf', 'layout.docx'));
  const pageImages = async (dpi = 200) => {
    const dir = path.join(CACHE, `${createHash('sha256').update(`${LAYOUT_VERSION}\0${key}\0${dpi}`).digest('hex').slice(0, 16)}-pages`);
    if (!fs.existsSync(path.join(dir, 'done'))) {
      const work = `${dir}.${process.pid}`;
      fs.mkdirSync(work, { recursive: true });
      fs.writeFileSync(path.join(work, 'in.pdf'), await pdf());
      execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', path.join(work, 'in.pdf'), path.join(work, 'page')]);
      fs.rmSync(path.join(work, 'in.pdf'));
      fs.writeFileSync(path.join(work, 'done'), '');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(work, dir);
    }
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f)));
  };
  return {
    docx,
    pdf,
    doc: () => cached(key, 'doc', async () => convertWithSoffice(await docx(), 'docx', 'doc:MS Word 97', 'layout.docx')),
    odt: () => cached(key, 'odt', async () => convertWithSoffice(await docx(), 'docx', 'odt', 'layout.docx')),
    pageImages,
    scanPdf: (dpi = 200) =>
      cached(`${key}\0scan${dpi}`, 'pdf', async () => {
        const pages = await pageImages(dpi);
        const doc = new PDFDocument({ autoFirstPage: false });
        const chunks: Buffer[] = [];
        doc.on('data', (c: Buffer) => chunks.push(c));
        const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
        for (const png of pages) {
          doc.addPage({ size: 'A4', margin: 0 });
          doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
        }
        doc.end();
        return done;
      }),
  };
}

const FIXTURES = path.join(import.meta.dirname, '../fixtures');

/** The seed plan (ke-hoach-ttdn-quang-tri-2023.md) with a number and a date filled in its header. */
export const seedLayouts = () =>
  layouts(fs.readFileSync(path.join(FIXTURES, 'ke-hoach-ttdn-quang-tri-2023.md'), 'utf8'), {
    left: ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ', 'Số: 27/KH-UBND'],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Trị, ngày 10 tháng 02 năm 2023'],
  });

/** The 2021–2025 plan, whose tasks are a table. */
export const periodPlanLayouts = () =>
  layouts(fs.readFileSync(path.join(FIXTURES, 'ke-hoach-giai-doan-2021-2025.md'), 'utf8'), {
    left: ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ', 'Số: 210/KH-UBND'],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Trị, ngày 15 tháng 6 năm 2021'],
  });
