/** Millimetres to twips, rounded up so that a margin is never under its minimum. */
export const mm = (n: number) => Math.ceil((n * 1440) / 25.4);

/** Page set-up of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins in the allowed ranges. */
export const PAGE = {
  width: 11906, // A4 210 mm in twips
  height: 16838, // A4 297 mm
  marginTop: mm(20), // 20–25 mm
  marginBottom: mm(20), // 20–25 mm
  marginLeft: mm(30), // 30–35 mm
  marginRight: mm(15), // 15–20 mm
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const FONT = 'Times New Roman';
/** docx sizes are half-points */
export const pt = (n: number) => n * 2;
export const FIRST_LINE_INDENT = mm(10);
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const pad = (n: number, place: boolean) => (place ? String(n).padStart(2, '0') : String(n));

/**
 * `Quảng Trị, ngày 05 tháng 02 năm 2024`: ND30 writes days below 10 and months below 3 with a
 * leading zero. A null date leaves blanks for the day and month.
 */
export function placeAndDate(place: string, date: string | null, year?: number | null): string {
  if (!date) return `${place}, ngày      tháng      năm ${year ?? '    '}`;
  const [y, m, d] = date.split('-').map(Number);
  return `${place}, ngày ${pad(d, d < 10)} tháng ${pad(m, m < 3)} năm ${y}`;
}

export function numberLine(number: string | null, kindCode: string, issuerCode: string): string {
  const code = issuerCode ? `${kindCode}-${issuerCode}` : kindCode;
  return `Số: ${number ?? '      '}/${code}`;
}

/**
 * The issuer's code after the kind code in the number (`35/BC-SVHTTDL`) when the directory has
 * none: initials of the short name, abbreviations kept whole: `Sở VHTTDL` → `SVHTTDL`, `Sở KH&CN`
 * → `SKHCN`, `Sở Tài chính` → `STC`, `Công an tỉnh` → `CAT`, `UBND tỉnh` → `UBND`. Đ is kept,
 * as codes are written (`SGDĐT`).
 */
export function issuerCodeOf(shortName: string | null | undefined): string {
  const s = (shortName ?? '').trim();
  if (/^(UBND|Ủy ban nhân dân)\s+tỉnh/iu.test(s)) return 'UBND';
  const words = s.split(/\s+/u).filter(Boolean);
  const base =
    words.length > 1 && /^tỉnh$/iu.test(words.at(-1)!) && words.slice(0, -1).some((w) => /\p{Lu}{2}/u.test(w)) ? words.slice(0, -1) : words;
  return base
    .map((w) => (/\p{Lu}{2}/u.test(w) ? w : w.charAt(0)))
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[^A-Za-zĐđ]/g, '')
    .toLocaleUpperCase('vi');
}
