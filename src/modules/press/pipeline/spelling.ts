import { fold } from '../../../shared/text/fold';

/**
 * Vietnamese spelling beyond folding. Folding (no case, no diacritics) lets an article typed
 * without diacritics match, but it also makes `Cửa Việt` (a port) equal `của Việt Nam` (of
 * Vietnam). Where both the term and the article carry diacritics, a hit must have the same
 * letters (ư ≠ u, ơ ≠ o, đ ≠ d…) and the same tone on each syllable; where the tone mark sits
 * in the syllable (hoá / hóa, thuỷ / thủy) does not matter.
 */

const TONES = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323]);
const MARKED = /[\u0300-\u036f]|[đĐ]/;

interface Syllable {
  letters: string;
  tone: number;
}

function syllables(s: string): Syllable[] {
  const out: Syllable[] = [];
  for (const word of s
    .normalize('NFD')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (!word) continue;
    let letters = '';
    let tone = 0;
    for (const ch of word) {
      const c = ch.codePointAt(0)!;
      if (TONES.has(c)) tone = c;
      else letters += ch;
    }
    out.push({ letters: letters.normalize('NFC'), tone });
  }
  return out;
}

/** Any diacritic at all (tone, vowel mark or đ): the text was typed with Vietnamese spelling. */
export function hasDiacritics(s: string): boolean {
  return MARKED.test(s.normalize('NFD'));
}

/** Same syllables with the same letters and tones, wherever each tone mark was placed. */
export function sameVietnameseSpelling(a: string, b: string): boolean {
  const x = syllables(a);
  const y = syllables(b);
  return x.length === y.length && x.every((s, i) => s.letters === y[i].letters && s.tone === y[i].tone);
}

/**
 * Does `written` (a span of an article, found by folding) stand for `term`? A span typed without
 * diacritics matches on folding alone. A term written without diacritics is taken as meaning its
 * accented spellings in `siblings` (the same topic's other terms) when there are any, so that
 * `Cua Viet` in a topic that also has `Cửa Việt` does not match an accented `của Việt`.
 */
export function spellingFits(written: string, term: string, siblings: readonly string[]): boolean {
  if (!hasDiacritics(written)) return true;
  if (hasDiacritics(term)) return sameVietnameseSpelling(written, term);
  const key = fold(term);
  const accented = siblings.filter((s) => hasDiacritics(s) && fold(s) === key);
  return accented.length === 0 || accented.some((s) => sameVietnameseSpelling(written, s));
}
