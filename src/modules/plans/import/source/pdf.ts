import { AppError } from '../../../../shared/errors';
import type { SourceBlock } from '../types';
import { ocrPdfPages, type OcrOptions, type OcrPageResult } from './ocr';
import { layoutToBlocks, type PdfItem, type PdfPage, type PdfRule } from './pdf-layout';
import { textCharsPerPage } from './pdf-text-pages';

/** Pages read at most: a plan is a few pages; a huge PDF is refused rather than parsed for minutes. */
export const MAX_PDF_PAGES = 200;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export interface PdfRead {
  pages: number;
  blocks: SourceBlock[];
  /** Characters of text found on each page (0: the page is an image, a scan). */
  charsPerPage: number[];
}

/** A page with fewer characters of text than this is taken for an image and read by OCR. */
export const MIN_PAGE_CHARS = 20;

export interface PdfWithOcr {
  blocks: SourceBlock[];
  ocr: OcrPageResult[];
}

/**
 * A PDF's blocks: pages with a text layer by position, pages without one (a scan, or every
 * page when `forceOcr`) by OCR, then laid out together in page order.
 */
export async function readPdf(
  buf: Buffer,
  filename: string,
  opts: OcrOptions & { forceOcr?: boolean; deferOcr?: boolean } = {},
): Promise<PdfWithOcr> {
  // a scan (no page with text) goes to OCR without being opened in pdfjs
  const chars = opts.forceOcr ? null : await textCharsPerPage(buf, filename, opts);
  if (chars && chars.length > 0 && chars.every((c) => c < MIN_PAGE_CHARS)) {
    if (chars.length > MAX_PDF_PAGES) {
      throw new AppError('plan.file_too_large', { filename, sizeMb: (buf.length / 1048576).toFixed(1), maxMb: 20, pages: chars.length });
    }
    if (opts.deferOcr) throw new AppError('plan.needs_ocr', { filename, pages: chars.length });
    const ocr = await ocrPdfPages(
      buf,
      chars.map((_, i) => i + 1),
      filename,
      opts,
    );
    return { blocks: layoutToBlocks(ocr.map((r) => r.page)), ocr };
  }
  const pages = await readPdfPages(buf, filename);
  const scanned = pages.filter((p) => opts.forceOcr || p.items.reduce((s, i) => s + i.str.trim().length, 0) < MIN_PAGE_CHARS);
  if (scanned.length && opts.deferOcr) throw new AppError('plan.needs_ocr', { filename, pages: scanned.length });
  const ocr = scanned.length
    ? await ocrPdfPages(
        buf,
        scanned.map((p) => p.page),
        filename,
        opts,
      )
    : [];
  for (const r of ocr) pages[r.page.page - 1] = r.page;
  return { blocks: layoutToBlocks(pages), ocr };
}

/**
 * Reads a PDF's text layer with positions (pdfjs-dist) and the rules drawn on each page, and
 * rebuilds reading order (pdf-layout.ts): columns side by side, table cells as cells. A scan
 * without a text layer gives no blocks (charsPerPage all 0). Throws plan.file_too_large past
 * MAX_PDF_PAGES, plan.file_encrypted for a password-protected file, plan.file_corrupt.
 */
export async function readPdfLayout(buf: Buffer, filename: string): Promise<PdfRead> {
  const pages = await readPdfPages(buf, filename);
  const charsPerPage = pages.map((p) => p.items.reduce((s, i) => s + i.str.trim().length, 0));
  return { pages: pages.length, blocks: layoutToBlocks(pages), charsPerPage };
}

/** Each page's positioned text and drawn rules. */
export async function readPdfPages(buf: Buffer, filename: string): Promise<PdfPage[]> {
  // PDF.js weighs about 160 MB: loaded when a PDF arrives, not when the server starts.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
    verbosity: 0,
    stopAtErrors: false,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      if ((err as { name?: string })?.name === 'PasswordException') throw new AppError('plan.file_encrypted', { filename });
      throw err;
    }
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new AppError('plan.file_too_large', { filename, sizeMb: (buf.length / 1048576).toFixed(1), maxMb: 20, pages: doc.numPages });
    }
    const { OPS } = pdfjs;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [vx0, , vx1, vy1] = page.view;
      // a page without text (a scan) needs no rules: its operator list would decode every image, seconds and
      // hundreds of MB for nothing, as OCR rasterises the page again
      const content = await page.getTextContent();
      const hasText = content.items.some((it) => 'str' in it && it.str.trim());
      const ops = hasText ? await page.getOperatorList() : { fnArray: [] as number[], argsArray: [] as unknown[] };
      const rules: PdfRule[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (fn === OPS.constructPath) {
          const mm = args[2] as ArrayLike<number> | undefined;
          if (!mm || mm.length < 4 || !Number.isFinite(mm[0])) continue;
          const [ax, ay] = apply(ctm, mm[0], mm[1]);
          const [bx, by] = apply(ctm, mm[2], mm[3]);
          const r = { x0: Math.min(ax, bx) - vx0, x1: Math.max(ax, bx) - vx0, y0: vy1 - Math.max(ay, by), y1: vy1 - Math.min(ay, by) };
          // the page-sized clip or background is no rule
          if (r.x1 - r.x0 > (vx1 - vx0) * 0.95 && r.y1 - r.y0 > 50) continue;
          rules.push(r);
        }
      }
      const items: PdfItem[] = [];
      const boldFont = new Map<string, boolean>();
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , d, e, f] = it.transform as number[];
        if (Math.abs(b) > 0.01 * Math.abs(a)) continue; // rotated text (stamps, margins)
        let bold = boldFont.get(it.fontName);
        if (bold === undefined) {
          let name = '';
          try {
            name = String((page.commonObjs.get(it.fontName) as { name?: string } | undefined)?.name ?? '');
          } catch {
            // font not loaded: not bold
          }
          bold = /bold|black|heavy|semibold|demi/i.test(name);
          boldFont.set(it.fontName, bold);
        }
        items.push({ str: it.str, x: e - vx0, y: vy1 - f, w: it.width, size: Math.abs(d) || Math.abs(a), bold });
      }
      pages.push({ page: n, width: vx1 - vx0, height: page.view[3] - page.view[1], items, rules });
      page.cleanup();
    }
    return pages;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('plan.file_corrupt', { filename, reason: String((err as Error)?.message ?? err).slice(0, 200) });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
