import { fold } from '../../../../shared/text/fold';
import enData from './lexicons/en.json' with { type: 'json' };
import viData from './lexicons/vi.json' with { type: 'json' };

/** A tone lexicon: data, kept as JSON beside this file; `learned` holds weights from staff corrections. */
export interface Lexicon {
  language: 'vi' | 'en';
  version: number;
  description?: string;
  /** Term or phrase → weight (negative: negative tone). */
  terms: Record<string, number>;
  /** Weights learned from corrections, added to `terms`. */
  learned: Record<string, number>;
  negators: string[];
  /** Phrases that start with a negator but do not negate (`không ngừng`, `not only`). */
  negationExceptions: string[];
  /** How many words before a term a negator may stand, within the same clause. */
  negationWindow: number;
  intensifiers: Record<string, number>;
  contrast: string[];
  titleWeight: number;
  thresholds: { positive: number; negative: number };
}

export const DEFAULT_LEXICONS: Record<'vi' | 'en', Lexicon> = {
  vi: viData as Lexicon,
  en: enData as Lexicon,
};

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const keyCache = { vi: new Map<string, string>(), en: new Map<string, string>() };

/**
 * A word's matching key. Vietnamese: lower case with the tone mark moved to the end, so that
 * `hoà` and `hòa`, `thuỷ` and `thủy` are one word while `đang` and `Đảng` stay apart.
 * English: lower case and a light stem (`arrested` → `arrest`, `praises` → `prais`).
 */
export function wordKey(word: string, language: 'vi' | 'en'): string {
  const cache = keyCache[language];
  let k = cache.get(word);
  if (k !== undefined) return k;
  const lower = word.toLowerCase();
  if (language === 'vi') {
    const nfd = lower.normalize('NFD');
    const tone = nfd.match(TONE_MARKS)?.[0] ?? '';
    k = nfd.replace(TONE_MARKS, '').normalize('NFC') + tone;
  } else {
    k = stemEn(lower.replace(/['’]s$/, ''));
  }
  if (cache.size < 200_000) cache.set(word, k);
  return k;
}

function stemEn(w: string): string {
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  if (s.length > 3 && s[s.length - 1] === s[s.length - 2] && !'lsz'.includes(s[s.length - 1])) s = s.slice(0, -1);
  return s;
}

/** Folded key, for Vietnamese typed without diacritics. */
export const foldedKey = (word: string) => fold(word);

export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function splitWords(phrase: string): string[] {
  return phrase.match(WORD) ?? [];
}
