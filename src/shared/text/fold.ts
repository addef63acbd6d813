/**
 * Vietnamese-aware text folding: lower case, no diacritics, single spaces.
 * `Quảng Trị` → `quang tri`, `Đakrông` → `dakrong`.
 *
 * - NFD then strip combining marks that follow a Latin letter only
 *   (stripping every mark would damage Lao script).
 * - `đ/Đ` and the legacy look-alikes `ð/Ð` (U+00F0/U+00D0) map to `d`.
 * - Zero-width spaces and soft hyphens are removed; no-break spaces become spaces.
 */
const INVISIBLE = /\u200B|\u200C|\u200D|\u00AD|\uFEFF/g;
const SPACES = /[\s\u00A0\u202F]+/g;
const LATIN_THEN_MARKS = /([A-Za-z\u00C0-\u024F])[\u0300-\u036F]+/g;

export function fold(input: string): string {
  return input
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(LATIN_THEN_MARKS, '$1')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim()
    .normalize('NFC');
}

/** Folded and stripped of punctuation: for comparing names. */
export function foldKey(input: string): string {
  return fold(input)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}
