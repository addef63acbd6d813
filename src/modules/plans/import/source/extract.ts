import { AppError } from '../../../../shared/errors';
import type { PlanWarning, SourceDoc, SourceFormat } from '../types';
import { decodeText } from './decode';
import { readDocxBlocks } from './docx/read-docx';
import { MAX_FILE_BYTES } from './limits';
import { sniff } from './sniff';
import { textToBlocks } from './text-blocks';
import { repairPastedText } from './web-paste';
import { layoutToBlocks } from './pdf-layout';
import { ocrImage, type OcrOptions, type OcrPageResult } from './ocr';
import { readPdf } from './pdf';
import { convertWithSoffice } from './convert';

const TEXT_EXT = new Set(['md', 'markdown', 'txt', 'text']);
const BINARY = new Set(['png', 'jpeg', 'tiff', 'gif', 'webp', 'gzip', 'rar', '7z', 'elf', 'exe', 'mp4']);

function extension(filename: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename.trim());
  return m ? m[1].toLowerCase() : '';
}

/**
 * Reads an uploaded plan file into blocks. Safety checks (size, real type, archive
 * sizes) run first and each answers in milliseconds; the content decides the format
 * when it is recognisable (a .docx renamed .md is still read as .docx).
 * Throws AppError: plan.file_empty (400), plan.file_too_large (413),
 * plan.file_unsupported (415), a .doc/.odt is converted by LibreOffice (tool.missing when absent), a .pdf is read through its text layer,
 * plan.file_zip_bomb (413), plan.file_corrupt (400), plan.file_no_text (400).
 */
export interface ExtractOptions extends OcrOptions {
  /** Read a PDF by OCR even where it has a text layer (`ttdn plan import --ocr`). */
  forceOcr?: boolean;
  /** Do not run OCR here (a worker thread): throw plan.needs_ocr so the caller runs it. */
  deferOcr?: boolean;
}

const IMAGE_EXT: Record<string, string> = { png: 'png', jpeg: 'jpg', tiff: 'tif' };
/** Names an image may have to be read by OCR: a picture named .docx is refused, not read. */
const IMAGE_NAMES = new Set(['png', 'jpg', 'jpeg', 'tif', 'tiff']);

export async function extractSource(buf: Buffer, filename: string, opts: ExtractOptions = {}): Promise<SourceDoc> {
  if (!buf || buf.length === 0) throw new AppError('plan.file_empty', { filename });
  if (buf.length > MAX_FILE_BYTES) {
    throw new AppError('plan.file_too_large', {
      filename,
      size: buf.length,
      sizeMb: (buf.length / 1048576).toFixed(1),
      maxMb: MAX_FILE_BYTES / 1048576,
    });
  }
  const ext = extension(filename);
  const detected = sniff(buf);
  const warnings: PlanWarning[] = [];

  // Word 97–2003 and OpenDocument: converted to .docx by LibreOffice, then read as Word.
  const legacy = detected === 'ole2' || (ext === 'doc' && !detected) ? 'doc' : detected === 'zip' && ext === 'odt' ? 'odt' : null;
  if (legacy) {
    const docx = await convertWithSoffice(buf, legacy, 'docx', filename, { env: opts.env, signal: opts.signal });
    warnings.push({ code: 'plan.warn_converted', details: { from: legacy } });
    return finish(filename, legacy, readDocx(docx), warnings);
  }
  if (detected === 'zip') return finish(filename, 'docx', readDocx(buf), warnings);
  if (detected === 'pdf') {
    const pdf = await readPdf(buf, filename, opts);
    if (pdf.blocks.length === 0) throw new AppError('plan.file_no_text', { filename });
    return withOcr(finish(filename, 'pdf', pdf.blocks, warnings), pdf.ocr);
  }
  if (detected && IMAGE_EXT[detected] && IMAGE_NAMES.has(ext)) {
    if (opts.deferOcr) throw new AppError('plan.needs_ocr', { filename });
    const pages = await ocrImage(buf, IMAGE_EXT[detected], filename, opts);
    const blocks = layoutToBlocks(pages.map((p) => p.page));
    if (blocks.length === 0) throw new AppError('plan.file_no_text', { filename });
    return withOcr(finish(filename, 'image', blocks, warnings), pages);
  }
  if (ext === 'pdf') throw new AppError('plan.file_corrupt', { filename, reason: 'not a PDF' });
  if (detected && BINARY.has(detected)) throw new AppError('plan.file_unsupported', { filename, detected });
  if (ext === 'docx') throw new AppError('plan.file_corrupt', { filename, reason: 'not a Word archive' });
  if (detected === 'rtf') throw new AppError('plan.file_unsupported', { filename, detected: 'rtf' });
  if (!TEXT_EXT.has(ext) && detected !== 'utf16') {
    throw new AppError('plan.file_unsupported', { filename, detected: ext || 'unknown' });
  }
  const text = decodeText(buf, warnings);
  if (!text.trim()) throw new AppError('plan.file_empty', { filename });
  const format: SourceFormat = ext === 'md' || ext === 'markdown' ? 'md' : 'txt';
  return finish(filename, format, repairPastedText(textToBlocks(text, format === 'md')), warnings);
}

function readDocx(buf: Buffer) {
  try {
    return readDocxBlocks(buf);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('plan.file_corrupt', { reason: String((err as Error)?.message ?? err).slice(0, 200) });
  }
}

/** Pages under this mean confidence get their own warning. */
const LOW_PAGE_CONFIDENCE = 85;

/** Marks a document read (wholly or partly) by OCR: each page's confidence, and warnings for review. */
function withOcr(doc: SourceDoc, pages: OcrPageResult[]): SourceDoc {
  if (pages.length === 0) return doc;
  const words = pages.reduce((s, p) => s + p.words, 0);
  const confidence = words ? Math.round((pages.reduce((s, p) => s + p.confidence * p.words, 0) / words) * 10) / 10 : 0;
  doc.ocr = {
    engine: 'tesseract',
    language: 'vie',
    confidence,
    pages: pages.map((p) => ({ page: p.page.page, confidence: p.confidence, words: p.words, doubtful: p.doubtful })),
  };
  doc.warnings.push({ code: 'plan.warn_ocr', details: { pages: pages.length, confidence: Math.round(confidence) } });
  for (const p of pages) {
    if (p.confidence < LOW_PAGE_CONFIDENCE) {
      doc.warnings.push({ code: 'plan.warn_ocr_page_low', details: { page: p.page.page, confidence: Math.round(p.confidence) } });
    }
  }
  return doc;
}

function finish(filename: string, format: SourceFormat, blocks: SourceDoc['blocks'], warnings: PlanWarning[]): SourceDoc {
  if (blocks.length === 0) {
    throw new AppError(format === 'docx' ? 'plan.file_no_text' : 'plan.file_empty', { filename });
  }
  return { filename, format, blocks, text: blocks.map((b) => b.text).join('\n'), warnings };
}
