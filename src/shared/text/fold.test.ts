import { describe, expect, it } from 'vitest';
import { fold, foldKey } from './fold';

describe('fold', () => {
  it('removes Vietnamese diacritics and case', () => {
    expect(fold('Quảng Trị')).toBe('quang tri');
    expect(fold('ĐAKRÔNG')).toBe('dakrong');
    expect(fold('Hướng Hóa')).toBe('huong hoa');
  });
  it('treats both tone placements alike', () => {
    expect(fold('hoà')).toBe(fold('hòa'));
  });
  it('maps legacy eth and removes invisible characters', () => {
    expect(fold('Ðà\u200BNẵng\u00A0city')).toBe('da nang city'.replace('da nang', 'danang'));
  });
  it('keeps Lao script intact', () => {
    expect(fold('ສະບາຍດີ')).toBe('ສະບາຍດີ'.normalize('NFC'));
  });
  it('foldKey strips punctuation', () => {
    expect(foldKey('Sở Thông tin và Truyền thông.')).toBe('so thong tin va truyen thong');
  });
});
