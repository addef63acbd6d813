import { describe, expect, it } from 'vitest';
import { hasDiacritics, sameVietnameseSpelling, spellingFits } from './spelling';

describe('Vietnamese spelling', () => {
  it('compares letters and tones per syllable, wherever the tone mark sits', () => {
    expect(sameVietnameseSpelling('hoá', 'hóa')).toBe(true);
    expect(sameVietnameseSpelling('Thuỷ', 'thủy')).toBe(true);
    expect(sameVietnameseSpelling('Cửa Việt', 'của Việt')).toBe(false);
    expect(sameVietnameseSpelling('Đông Hà', 'Đồng Hà')).toBe(false);
    expect(sameVietnameseSpelling('Dak', 'Đak')).toBe(false);
    expect(sameVietnameseSpelling('Quảng Trị', 'Quảng Trị tỉnh')).toBe(false);
  });
  it('lets unaccented spans match, and unaccented terms stand for their accented siblings', () => {
    expect(hasDiacritics('Cua Viet')).toBe(false);
    expect(hasDiacritics('Dakrong đ')).toBe(true);
    expect(spellingFits('Cua Viet', 'Cửa Việt', [])).toBe(true);
    expect(spellingFits('của Việt', 'Cua Viet', ['Cửa Việt', 'Cua Viet'])).toBe(false);
    expect(spellingFits('Cửa Việt', 'Cua Viet', ['Cửa Việt', 'Cua Viet'])).toBe(true);
    expect(spellingFits('Việt', 'viet', ['viet'])).toBe(true);
  });
});
