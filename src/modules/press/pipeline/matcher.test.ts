import { describe, expect, it } from 'vitest';
import { TermMatcher } from './matcher';
import { compileTopics, matchTopics } from './topics';

function all(patterns: string[], text: string): string[] {
  const out: string[] = [];
  new TermMatcher(patterns).scan(text, (p, start, end) => out.push(`${patterns[p]}@${start}-${end}`));
  return out;
}

describe('TermMatcher', () => {
  it('reports every occurrence, overlaps included, by end position and longest first', () => {
    expect(all(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['she@1-4', 'he@2-4', 'hers@2-6']);
    expect(all(['aa', 'a'], 'aaa')).toEqual(['a@0-1', 'aa@0-2', 'a@1-2', 'aa@1-3', 'a@2-3']);
    expect(all(['quang tri', 'tri', 'dong ha'], 'tinh quang tri va dong ha')).toEqual(['quang tri@5-14', 'tri@11-14', 'dong ha@18-25']);
    expect(all(['x'], '')).toEqual([]);
    expect(all(['bien, dao'], 'bien dao, bien, dao')).toEqual(['bien, dao@10-19']);
  });

  it('matches only on grapheme boundaries', () => {
    expect(all(['a'], 'a\u0301 a')).toEqual(['a@3-4']); // `a` + combining acute is one grapheme
    expect(all(['ກວາງຈ', 'ກວາງຈີ'], 'ແຂວງກວາງຈີ')).toEqual(['ກວາງຈີ@4-10']); // ຈ + ີ is one grapheme
    expect(all(['😀'], 'a😀b')).toEqual(['😀@1-3']);
    expect(all(['\uDE00'], 'a😀b')).toEqual([]); // never inside a surrogate pair
  });

  it('handles many patterns that share prefixes', () => {
    const patterns = Array.from({ length: 2000 }, (_, i) => `tu khoa ${i}`);
    const text = 'co tu khoa 17 va tu khoa 1999 nhung khong co tu khoa';
    expect(all(patterns, text)).toEqual([
      'tu khoa 1@3-12',
      'tu khoa 17@3-13',
      'tu khoa 1@17-26',
      'tu khoa 19@17-27',
      'tu khoa 199@17-28',
      'tu khoa 1999@17-29',
    ]);
  });
});

describe('matchTopics word boundaries and exclusions', () => {
  const ids = (topics: Parameters<typeof compileTopics>[0], text: string) =>
    matchTopics(compileTopics(topics), { text }).map((m) => m.topicId);

  it('never matches inside a word, with or without diacritics', () => {
    const t = [{ id: 'an', name: 'an', terms: ['an'] }];
    expect(ids(t, 'Anh ấy ở Đông Hà, thanh niên, Ánh')).toEqual([]);
    expect(ids(t, 'bữa ăn')).toEqual(['an']);
    expect(ids(t, 'Bình An')).toEqual(['an']);
    expect(ids(t, 'ân')).toEqual(['an']);
    expect(ids(t, 'an_ninh an2')).toEqual([]);
  });

  it('matches multi-syllable terms across any whitespace, case and diacritics', () => {
    const t = [{ id: 'q', name: 'q', terms: ['Quảng Trị', 'tỉnh Quảng Trị'] }];
    const [m] = matchTopics(compileTopics(t), { text: 'Tỉnh\u00A0 QUẢNG\nTRỊ và quang tri' });
    expect(m.terms).toEqual(['tỉnh Quảng Trị', 'Quảng Trị']);
    expect(m.hits.map((h) => [h.start, h.end])).toEqual([
      [0, 15],
      [6, 15],
      [19, 28],
    ]);
    expect(ids(t, 'Quảng Trịnh')).toEqual([]);
  });

  it('honours exclusions and ignore-within phrases per topic', () => {
    const t = [
      { id: 'ts', name: 'ts', terms: ['Trường Sa'], ignoreWithin: ['đường Trường Sa'] },
      { id: 'inv', name: 'inv', terms: ['đầu tư'], exclude: ['chứng khoán'] },
      { id: 'inv2', name: 'inv2', terms: ['đầu tư'] },
    ];
    expect(ids(t, 'Nhà ở đường Trường Sa')).toEqual([]);
    expect(ids(t, 'Đường Trường Sa và quần đảo Trường Sa')).toEqual(['ts']);
    expect(ids(t, 'Đầu tư chứng khoán')).toEqual(['inv2']);
    expect(ids(t, 'Đầu tư chứng khoáng')).toEqual(['inv', 'inv2']);
  });

  it('matches Lao terms without word boundaries', () => {
    const t = [{ id: 'lo', name: 'lo', terms: ['ກວາງຈີ'] }];
    expect(ids(t, 'ແຂວງກວາງຈີຮ່ວມມື')).toEqual(['lo']);
  });
});
