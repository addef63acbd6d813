import type { Line } from './lines';
import { isUpper, trimPunct } from './text-utils';

/**
 * The end of the document: `Nơi nhận:` with its recipients, and the signature block
 * (`TM. ỦY BAN NHÂN DÂN TỈNH`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, the signer's name).
 * The two may come in either order (side by side in a Word table, read column by column).
 */
export const isRecipientsStart = (line: Line) => /^noi nhan\s*:?/.test(line.folded) && line.kind !== 'row';

const AUTHORITY = /^(tm|kt|tl|tuq|q|thay mat|ky thay)\s*\.?\s*\S/;
const TITLES =
  /^(chu tich|pho chu tich|giam doc|pho giam doc|truong ban|pho truong ban|chanh van phong|pho chanh van phong|bi thu|pho bi thu|bo truong|thu truong|truong phong|pho truong phong|tong giam doc|vien truong|hieu truong|quyen (chu tich|giam doc)|uy vien)\b/;

export function isSignatureLine(line: Line): boolean {
  if (line.marker || line.kind === 'row') return false;
  if (!isUpper(line.text)) return false;
  return /^(tm|kt|tl|tuq)\s*\./.test(line.folded) || (TITLES.test(line.folded) && line.text.split(/\s+/).length <= 8);
}

const SIGNED_MARK = /^\((da ky|ky|ky ten|ky,? ghi ro ho ten|ky ten,? dong dau|ky,? dong dau|da ky va dong dau)[^)]*\)$/;

export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w)) && !/\d/.test(text);
}

export interface EndBlock {
  recipients: string[];
  signerTitle: string[];
  signer: string | null;
  consumed: number[];
}

export function parseEndBlock(lines: Line[], indexes: number[]): EndBlock {
  const out: EndBlock = { recipients: [], signerTitle: [], signer: null, consumed: [] };
  let mode: 'none' | 'recipients' | 'signature' = 'none';
  for (const i of indexes) {
    const line = lines[i];
    if (isRecipientsStart(line)) {
      mode = 'recipients';
      out.consumed.push(i);
      const rest = line.text.replace(/^[^:]*:\s*/, '');
      if (rest && rest !== line.text) out.recipients.push(trimPunct(rest));
      continue;
    }
    if (isSignatureLine(line) || (mode === 'signature' && !out.signer && isUpper(line.text) && AUTHORITY.test(line.folded))) {
      mode = 'signature';
      out.signerTitle.push(line.text.replace(/^(TM|KT|TL|TUQ)\s*\.\s*/u, (m, a: string) => `${a}. `));
      out.consumed.push(i);
      continue;
    }
    if (mode === 'signature' && SIGNED_MARK.test(line.folded)) {
      out.consumed.push(i);
      continue;
    }
    if (mode === 'signature' && !out.signer && looksLikeName(line.text)) {
      out.signer = line.text.trim();
      out.consumed.push(i);
      continue;
    }
    if (mode === 'recipients' && (line.marker || /;$|\.$/.test(line.text)) && line.text.length < 200) {
      out.recipients.push(trimPunct(line.text));
      out.consumed.push(i);
      continue;
    }
  }
  return out;
}
