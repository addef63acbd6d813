import { AppError } from '../../../../shared/errors';
import type { PlanWarning } from '../types';

/**
 * Decodes a text file: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM; a file that is
 * not valid UTF-8 but looks like text is read as Windows-1258 (Vietnamese legacy
 * code page) with a warning. Binary content is refused.
 */
export function decodeText(buf: Buffer, warnings: PlanWarning[]): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3), warnings);
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  return utf8(buf, warnings);
}

function controlRatio(buf: Buffer): number {
  const n = Math.min(buf.length, 64 * 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return 1;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
  }
  return bad / Math.max(1, n);
}

function utf8(buf: Buffer, warnings: PlanWarning[]): string {
  if (controlRatio(buf) > 0.001) throw new AppError('plan.file_corrupt', { reason: 'binary content in a text file' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      const text = new TextDecoder('windows-1258').decode(buf);
      warnings.push({ code: 'plan.warn_legacy_encoding' });
      return text.normalize('NFC');
    } catch {
      throw new AppError('plan.file_corrupt', { reason: 'not UTF-8 text' });
    }
  }
}
