import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { readPdf } from './pdf';
import { textCharsPerPage } from './pdf-text-pages';

/** A PDF with text on its first page and only a drawing on the others (as a scanned page is only an image). */
function pdf(pages: Array<'text' | 'drawing'>): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const kind of pages) {
    doc.addPage({ size: 'A4' });
    if (kind === 'text') doc.fontSize(12).text('KE HOACH THONG TIN DOI NGOAI NAM 2024 - UY BAN NHAN DAN TINH', 72, 72);
    else doc.rect(72, 72, 400, 600).fill('#888888');
  }
  doc.end();
  return done;
}

describe('which pages of a PDF hold text (pdftotext)', () => {
  it('counts the characters of each page: text on the first, none on a page that is only a picture', async () => {
    const chars = await textCharsPerPage(await pdf(['text', 'drawing', 'drawing']), 'mixed.pdf');
    expect(chars).toHaveLength(3);
    expect(chars![0]).toBeGreaterThan(40);
    expect(chars!.slice(1)).toEqual([0, 0]);
  });

  it('sends a PDF without any text to OCR without opening it in pdfjs, and answers null for what pdftotext cannot read', async () => {
    const t = performance.now();
    const err = await readPdf(await pdf(['drawing', 'drawing']), 'scan.pdf', { deferOcr: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'plan.needs_ocr', details: { pages: 2 } });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(await textCharsPerPage(Buffer.from('%PDF-1.4 broken'), 'broken.pdf')).toBeNull();
    // without pdftotext on the PATH: null, and the caller reads the file with pdfjs
    expect(await textCharsPerPage(await pdf(['text']), 'a.pdf', { env: { PATH: '/nonexistent' } })).toBeNull();
  });
});
