import { franc } from 'franc';
import type { Language } from './types';

/**
 * vi / en / lo / other.
 * 1. Lao script (U+0E80–U+0EFF) decides first.
 * 2. Mostly non-Latin letters (Cyrillic, Han, Thai…) → other.
 * 3. Vietnamese-only letters (ơ, ư, ă, đ, tone-marked vowels) → vi.
 * 4. Vietnamese typed without diacritics: the share of very common Vietnamese syllables.
 * 5. franc over a wide list of languages (so that French or German come out `other`),
 *    then franc restricted to vie/eng/lao when the wide guess is unsure.
 */
const SAMPLE = 1200;
const WIDE = ['vie', 'eng', 'lao', 'fra', 'deu', 'spa', 'por', 'ita', 'nld', 'rus', 'cmn', 'jpn', 'kor', 'tha', 'khm', 'ind'];
const MAP: Record<string, Language> = { vie: 'vi', eng: 'en', lao: 'lo' };

export const VI_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
/** VI_LETTERS as a table over the Latin blocks (no other character matches it: see the test). */
const VI_TABLE = new Uint8Array(0x1f00);
for (let c = 0xc0; c < 0x1f00; c++) if (VI_LETTERS.test(String.fromCharCode(c))) VI_TABLE[c] = 1;

// Frequent Vietnamese syllables, folded, that are rare as English words.
const VI_COMMON = new Set(
  (
    'cua va cac nhung duoc trong voi nguoi khong mot tinh nay da cho den tai ve nam ngay thi ' +
    'la co tu dong nhu cung viec tren sau truoc dan nuoc quoc gia phat trien kinh te xa hoi chinh quyen huyen ' +
    'thanh pho dia phuong hop tac dau tu du lich bien gioi ton giao dan toc nhan quyen ve viec nhieu cung theo ' +
    'hien dang se rat lai ra vao len nhat hon muc tieu thuc hien trien khai ke hoach cong tac thong tin doi ngoai ' +
    'tri quang khu vuc nha nuoc toan bo nganh so ban chu tich uy phong hai lang lao bao cua viet tren duoi giua ' +
    'nguoi dan doanh nghiep cong trinh du an ho tro chuong trinh tang truong ket qua qua trinh bao dam'
  ).split(' '),
);

export interface LanguageGuess {
  language: Language;
  /** Which step decided: `lao-script`, `script`, `diacritics`, `syllables`, `franc`, `hint`, `short`. */
  by: string;
}

export function detectLanguageDetailed(input: string, hint?: string | null): LanguageGuess {
  const text = input.length > SAMPLE ? input.slice(0, SAMPLE) : input;
  let lao = 0;
  let latin = 0;
  let otherLetters = 0;
  let viLetters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0e80 && c <= 0x0eff) lao++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) {
      latin++;
      viLetters += VI_TABLE[c];
    } else if (c > 0x2af && /\p{L}/u.test(text[i])) otherLetters++;
  }
  const letters = lao + latin + otherLetters;
  const hinted = normaliseHint(hint);
  if (letters === 0) return { language: hinted ?? 'other', by: hinted ? 'hint' : 'short' };
  if (lao / letters > 0.3) return { language: 'lo', by: 'lao-script' };
  if (otherLetters / letters > 0.5) return { language: 'other', by: 'script' };

  if (viLetters / latin > 0.08) return { language: 'vi', by: 'diacritics' };

  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length >= 4) {
    let common = 0;
    for (const w of words) if (VI_COMMON.has(w)) common++;
    if (common / words.length > 0.45) return { language: 'vi', by: 'syllables' };
  }
  if (letters < 12) return { language: hinted ?? 'other', by: hinted ? 'hint' : 'short' };

  const wide = franc(text, { only: WIDE, minLength: 10 });
  if (MAP[wide]) return { language: MAP[wide], by: 'franc' };
  if (wide !== 'und') return { language: 'other', by: 'franc' };
  const narrow = franc(text, { only: ['vie', 'eng', 'lao'], minLength: 10 });
  return MAP[narrow] ? { language: MAP[narrow], by: 'franc' } : { language: hinted ?? 'other', by: hinted ? 'hint' : 'franc' };
}

export function detectLanguage(text: string, hint?: string | null): Language {
  return detectLanguageDetailed(text, hint).language;
}

function normaliseHint(hint?: string | null): Language | null {
  if (!hint) return null;
  const h = hint.trim().toLowerCase().slice(0, 3);
  if (h.startsWith('vi')) return 'vi';
  if (h.startsWith('en')) return 'en';
  if (h === 'lo' || h === 'lao' || h.startsWith('lo-') || h === 'lo_') return 'lo';
  return 'other';
}
