import { AppError } from '../../../../shared/errors';
import type { PlanWarning, SourceDoc, SourceFormat } from '../types';
import { decodeText } from './decode';
import { readDocxBlocks } from './docx/read-docx';
import { MAX_FILE_BYTES } from './limits';
import { sniff } from './sniff';
import { textToBlocks } from './text-blocks';
import { readPdfLayout } from './pdf';
import { repairPastedText } from './web-paste';

const TEXT_EXT = new Set(['md', 'markdown', 'txt', 'text']);
const BINARY = new Set(['png', 'jpeg', 'gif', 'webp', 'gzip', 'rar', '7z', 'elf', 'exe', 'mp4']);

function extension(filename: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename.trim());
  return m ? m[1].toLowerCase() : '';
}

/**
 * Reads an uploaded plan file into blocks. Safety checks (size, real type, archive
 * sizes) run first and each answers in milliseconds; the content decides the format
 * when it is recognisable (a .docx renamed .md is still read as .docx).
 * Throws AppError: plan.file_empty (400), plan.file_too_large (413),
 * plan.file_unsupported / plan.file_doc_legacy (415), a .pdf is read through its text layer,
 * plan.file_zip_bomb (413), plan.file_corrupt (400), plan.file_no_text (400).
 */
export async function extractSource(buf: Buffer, filename: string): Promise<SourceDoc> {
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

  if (detected === 'zip') return finish(filename, 'docx', readDocx(buf), warnings);
  if (detected === 'pdf') {
    const pdf = await readPdfLayout(buf, filename);
    if (pdf.blocks.length === 0) throw new AppError('plan.file_no_text', { filename });
    return finish(filename, 'pdf', pdf.blocks, warnings);
  }
  if (ext === 'pdf') throw new AppError('plan.file_corrupt', { filename, reason: 'not a PDF' });
  if (detected === 'ole2' || ext === 'doc') throw new AppError('plan.file_doc_legacy', { filename, detected: 'doc' });
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

function finish(filename: string, format: SourceFormat, blocks: SourceDoc['blocks'], warnings: PlanWarning[]): SourceDoc {
  if (blocks.length === 0) {
    throw new AppError(format === 'docx' ? 'plan.file_no_text' : 'plan.file_empty', { filename });
  }
  return { filename, format, blocks, text: blocks.map((b) => b.text).join('\n'), warnings };
}
