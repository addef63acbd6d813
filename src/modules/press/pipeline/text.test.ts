import { describe, expect, it } from 'vitest';
import { VI_LETTERS } from './language';
import { cleanText } from './text';

/** The former regex chain, kept as the reference for the one-pass version. */
function cleanTextReference(input: string): string {
  return input
    .replace(/\u200B|\u200C|\u200D|\u00AD|\uFEFF/g, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

describe('cleanText', () => {
  it('gives the same text as the regex chain', () => {
    const pieces = [
      'a',
      'Bình',
      'an',
      ' ',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\n \n',
      '\r\n',
      '\r',
      '\t',
      '\u00A0',
      '\u2003',
      '\u2028',
      '\u200B',
      '\u00AD',
      '\uFEFF',
      'e\u0301',
      '😀',
      '.',
      '\v',
      '\f',
    ];
    let seed = 3;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const failures: string[] = [];
    for (let i = 0; i < 5000; i++) {
      let s = '';
      for (let k = Math.floor(rnd() * 14); k >= 0; k--) s += pieces[Math.floor(rnd() * pieces.length)];
      if (cleanText(s) !== cleanTextReference(s)) failures.push(JSON.stringify(s));
    }
    expect(failures).toEqual([]);
    const clean = 'Đoạn một.\n\nĐoạn hai, dòng một\ndòng hai.';
    expect(cleanText(clean)).toBe(clean);
    expect(cleanText('  a \r\n\r\n\r\n b\u00A0\u00A0c  ')).toBe('a\n\nb c');
    expect(cleanText(null)).toBe('');
  });
});

describe('VI_LETTERS', () => {
  it('matches only letters of the Latin blocks that the language table covers', () => {
    const outside: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) continue;
      if (VI_LETTERS.test(String.fromCharCode(c))) outside.push(c);
    }
    expect(outside).toEqual([]);
  });
});
