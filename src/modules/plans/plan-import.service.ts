import type { Db } from '../../db/client';
import {
  extractSource,
  extractSourceInWorker,
  parsePlan,
  planDate,
  resolvePlanOrgs,
  type ExtractOptions,
  type OcrInfo,
  type ParsedPlan,
} from './import';
import { AppError } from '../../shared/errors';
import { dbResolver } from './db-resolver';

export interface ImportPreview {
  plan: ParsedPlan;
  source: { filename: string; format: string; text: string; ocr?: OcrInfo };
}

/** Reading options (OCR progress, cancel, tools' PATH) and the resolution date. */
export interface ImportOptions extends ExtractOptions {
  /** Resolve organisations and groups as of this date (YYYY-MM-DD), following successors. */
  asOf?: string | null;
  /** Today, for a document without a date (tests pass their own). */
  today?: string;
}

/**
 * Reads a plan document and matches its organisations against the directory as of a date:
 * the one asked for, else the document's own date (planDate), else today.
 * Saves nothing: the person checks and corrects the result, then saves it.
 */
export async function previewImport(db: Db, buf: Buffer, filename: string, options: ImportOptions = {}): Promise<ImportPreview> {
  const source = await readSource(buf, filename, options);
  const parsed = parsePlan(source);
  const onDate = options.asOf || planDate(parsed) || options.today || new Date().toISOString().slice(0, 10);
  const plan = await resolvePlanOrgs(parsed, dbResolver(db), { onDate });
  return { plan, source: { filename: source.filename, format: source.format, text: source.text, ocr: source.ocr } };
}

/**
 * The document's blocks: parsed in a worker thread (hostile input off the event loop); a scan
 * comes back from the worker as plan.needs_ocr, and its OCR runs from here, Tesseract and
 * pdftoppm in child processes, with progress and cancel (the PDF has been opened in the worker
 * within its limits first).
 */
async function readSource(buf: Buffer, filename: string, options: ExtractOptions) {
  try {
    return await extractSourceInWorker(buf, filename, { forceOcr: options.forceOcr });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'plan.needs_ocr') throw err;
  }
  return extractSource(buf, filename, options);
}
