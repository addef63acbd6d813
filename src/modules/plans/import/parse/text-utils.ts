import { fold } from '../../../../shared/text/fold';

/** Folds char by char so that indexes in the result match indexes in the NFC input. */
export function foldAligned(input: string): { text: string; folded: string } {
  const text = input.normalize('NFC');
  let folded = '';
  for (const ch of text) {
    if (/\s/.test(ch)) {
      folded += ' '.repeat(ch.length);
      continue;
    }
    const f = fold(ch);
    folded += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ' '.repeat(ch.length);
  }
  return { text, folded };
}

export const isLetter = (ch: string | undefined): boolean => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** First letter lower case (a continuation of the previous line). */
export function startsLower(s: string): boolean {
  const m = /\p{L}/u.exec(s);
  if (!m || m.index > 1) return false;
  const ch = m[0];
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Every letter upper case (and at least two letters). */
export function isUpper(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Vietnamese sentence case for a line written in capitals: `ỦY BAN NHÂN DÂN TỈNH` → `Ủy ban nhân dân tỉnh`. */
export function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

export function isoDate(day: number, month: number, year: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad2(month)}-${pad2(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
export function romanToInt(s: string): number | null {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** Strips trailing `.`, `;`, `,` and spaces. */
export const trimPunct = (s: string) => s.replace(/[\s.;,]+$/u, '').replace(/^[\s,;]+/u, '');

const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};
/** `02` → 2, `hai` → 2. */
export function readCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return NUMBER_WORDS[fold(s)] ?? null;
}
