import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';
import { foldAligned, foldText } from './folding';

// Characters of every kind the fast path meets or must hand over to fold().
const ALPHABET = [
  ...'aAzZ09 .,;:!?-()"\'\t\n\r/',
  ...'ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
  ...'ÀÁẢÃẠỲÝỶỸỴÐðİıßẞÆøǅǄſ',
  '\u00A0',
  '\u202F',
  '\u2003',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u00AD',
  '\uFEFF',
  '\u2028',
  ...'“”‘’–—…•₫€',
  '\u0301',
  '\u0323',
  '\u0306',
  ...'ΣΟΔΟΣσ',
  ...'ກວາງຈີແຂວງ',
  '\u0EC8',
  '\u0EB8',
  ...'广治',
  '😀',
  '𝐀',
  '\uD800',
];

function randomText(rnd: () => number, length: number, alphabet: string[]): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

function lcg(seed: number) {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
}

describe('foldText', () => {
  it('equals fold() on every character of the fast ranges and on random text', () => {
    const failures: string[] = [];
    for (let c = 0; c < 0x2100; c++) {
      const s = `A${String.fromCharCode(c)}b`;
      if (foldText(s) !== fold(s)) failures.push(s);
    }
    const rnd = lcg(7);
    for (let i = 0; i < 4000; i++) {
      const s = randomText(rnd, 1 + Math.floor(rnd() * 40), i % 2 ? ALPHABET : ALPHABET.slice(0, 120));
      if (foldText(s) !== fold(s)) failures.push(s);
    }
    expect(failures).toEqual([]);
    expect(foldText('  Tỉnh  QUẢNG TRỊ\u00A0và Đakrông ')).toBe('tinh quang tri va dakrong');
    expect(foldText('')).toBe('');
  });
});

describe('foldAligned', () => {
  it('gives fold() of NFC text and maps every folded unit to the original unit', () => {
    const rnd = lcg(11);
    const failures: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const s = randomText(rnd, 1 + Math.floor(rnd() * 40), ALPHABET.slice(0, 120)).normalize('NFC');
      const a = foldAligned(s);
      let ok = a.folded === fold(s) && a.offsets.length === a.folded.length + 1 && a.offsets[a.folded.length] === s.length;
      for (let k = 0; ok && k < a.folded.length; k++) {
        const at = a.offsets[k];
        ok = a.folded[k] === ' ' ? /\s/.test(s[at]) : fold(s[at]).includes(a.folded[k]);
      }
      if (!ok) failures.push(s);
    }
    expect(failures).toEqual([]);
  });

  it('keeps Lao, decomposed marks and astral characters', () => {
    expect(foldAligned('ແຂວງກວາງຈີ').folded).toBe('ແຂວງກວາງຈີ');
    expect(foldAligned('Tri\u0323 decomposed').folded).toBe('tri decomposed');
    expect(foldAligned('a 😀 B').folded).toBe('a 😀 b');
    expect(Array.from(foldAligned('a 😀 B').offsets)).toEqual([0, 1, 2, 2, 4, 5, 6]);
    const longer = '\uFB2C'.repeat(6000) + 'a'.repeat(24000); // one unit in, three out, then many
    expect(foldAligned(longer).folded).toBe(fold(longer));
  });
});
