import { AppError } from '../../../shared/errors';
import { runInWorker } from '../../../shared/workers';
import type { SourceDoc } from './types';

/** Time a document may take to be read in its worker. */
export const SOURCE_PARSE_TIMEOUT_MS = 60_000;

/**
 * extractSource off the event loop: the whole call runs in a worker thread with a time and a memory
 * limit, after a cap on .docx paragraphs. A file past a limit is refused with plan.file_too_complex.
 * A scan is not read here: plan.needs_ocr tells the caller to run its OCR (child processes) itself.
 */
export function extractSourceInWorker(buf: Buffer, filename: string, opts: { forceOcr?: boolean } = {}): Promise<SourceDoc> {
  return runInWorker<SourceDoc>(
    {
      module: new URL('./source.task.ts', import.meta.url),
      fn: 'extractCheckedSource',
      timeoutMs: SOURCE_PARSE_TIMEOUT_MS,
      tooComplex: (reason) => new AppError('plan.file_too_complex', { filename, reason }),
    },
    buf,
    filename,
    { forceOcr: !!opts.forceOcr },
  );
}
