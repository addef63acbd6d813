import { AppError } from '../../../shared/errors';
import { extractSource } from './source/extract';
import { sniff } from './source/sniff';
import { guardDocxArchive } from './source/zip-guard';
import type { SourceDoc } from './types';

/**
 * Paragraphs a .docx may hold (a provincial plan has a few hundred to a few thousand). Measured:
 * 200,000 short paragraphs in 1.1 MB (21:1, under the zip guard's ratio) held the server 11–14 s.
 */
export const MAX_DOCX_PARAGRAPHS = 20_000;

/** Counts `<w:p>` / `<w:p …>` start tags in the Word XML parts, without parsing them. */
export function countDocxParagraphs(parts: Map<string, Buffer>): number {
  let n = 0;
  for (const [name, xml] of parts) {
    if (!/^word\/[^/]+\.xml$/.test(name)) continue;
    for (let at = xml.indexOf('<w:p'); at >= 0; at = xml.indexOf('<w:p', at + 4)) {
      const next = xml[at + 4];
      if (next === 0x3e /* > */ || next === 0x20 /* space */ || next === 0x2f /* / */) n++;
    }
  }
  return n;
}

/** Runs in a worker thread (shared/workers): the paragraph cap, then the whole extractSource. */
export async function extractCheckedSource(bytes: Uint8Array, filename: string, opts: { forceOcr?: boolean } = {}): Promise<SourceDoc> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length > 0 && sniff(buf) === 'zip') {
    let parts: Map<string, Buffer> | null = null;
    try {
      parts = guardDocxArchive(buf);
    } catch {
      parts = null; // extractSource names the fault
    }
    const paragraphs = parts ? countDocxParagraphs(parts) : 0;
    if (paragraphs > MAX_DOCX_PARAGRAPHS)
      throw new AppError('plan.file_too_many_paragraphs', { filename, paragraphs, max: MAX_DOCX_PARAGRAPHS });
  }
  return extractSource(buf, filename, { forceOcr: opts.forceOcr, deferOcr: true });
}
