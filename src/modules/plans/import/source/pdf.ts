import { AppError } from '../../../../shared/errors';

/** Pages read at most: a plan is a few pages; a huge PDF is refused rather than parsed for minutes. */
export const MAX_PDF_PAGES = 200;
const PAGE_MARKER = /^-- \d+ of \d+ --$/;

/**
 * The text layer of a PDF (pdf-parse over PDF.js), one line per text line, page
 * markers dropped. A scanned PDF without a text layer yields nothing (plan.file_no_text).
 */
export async function readPdfText(buf: Buffer): Promise<string> {
  // PDF.js weighs about 160 MB: loaded when a PDF arrives, not when the server starts.
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(buf), verbosity: 0, stopAtErrors: false });
  try {
    const info = await parser.getInfo();
    if (info.total > MAX_PDF_PAGES) {
      throw new AppError('plan.file_too_large', { sizeMb: (buf.length / 1048576).toFixed(1), maxMb: 20, pages: info.total });
    }
    const result = await parser.getText({ pageJoiner: '' });
    return result.text
      .split('\n')
      .filter((l) => !PAGE_MARKER.test(l.trim()))
      .join('\n');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('plan.file_corrupt', { reason: String((err as Error)?.message ?? err).slice(0, 200) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
