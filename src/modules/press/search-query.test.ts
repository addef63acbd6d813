import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { fold } from '../../shared/text/fold';
import { parseQuery, queryLexemes, searchCondition, syllablePairs, syllables } from './search-query';

const tree = (s: string) => parseQuery(fold(s));
const render = (s: string) => {
  const q = searchCondition(s);
  return q ? new PgDialect().sqlToQuery(q) : null;
};

describe('search query', () => {
  it('names the lexemes of a plain query, as the condition looks them up', () => {
    expect(queryLexemes('Phát triển kinh tế')).toEqual({ column: 'search_pairs', lexemes: ['phat_trien', 'trien_kinh', 'kinh_te'] });
    expect(queryLexemes('Quảng')).toEqual({ column: 'search', lexemes: ['quang'] });
    expect(queryLexemes('tin tin tin')).toEqual({ column: 'search_pairs', lexemes: ['tin_tin'] });
    expect(queryLexemes('quang or tri')).toBeNull();
    expect(queryLexemes('"quang tri"')).toBeNull();
    expect(queryLexemes('quang -tri')).toBeNull();
    expect(queryLexemes('ສະບາຍດີ')).toBeNull();
    expect(queryLexemes('  ')).toBeNull();
  });
  it('makes plain words one phrase, looked up by syllable pairs', () => {
    expect(tree('quang tri')).toEqual({ phrase: ['quang', 'tri'] });
    expect(render('Phát triển kinh tế')).toMatchObject({
      sql: 'a.search_pairs @@ $1::tsquery',
      params: ["'phat_trien' & 'trien_kinh' & 'kinh_te'"],
    });
    expect(render('Quảng')).toMatchObject({ sql: 'a.search @@ $1::tsquery', params: ["'quang'"] });
  });
  it('cuts syllables as the database does (runs of a–z and digits)', () => {
    expect(syllables(fold('Covid-19 tại Quảng-Trị, 2023.'))).toEqual(['covid', '19', 'tai', 'quang', 'tri', '2023']);
    expect(syllablePairs(fold('Quảng Trị'), fold('Lao Bảo, Quảng Trị'))).toBe('quang_tri lao_bao bao_quang');
    expect(syllablePairs('', 'one')).toBe('');
  });
  it('handles quotes, or and minus as on the web', () => {
    expect(tree('"lao bảo" cửa khẩu')).toEqual({ all: [{ phrase: ['lao', 'bao'] }, { phrase: ['cua'] }, { phrase: ['khau'] }] });
    expect(tree('"lao bảo" or "la lay"')).toEqual({ any: [{ phrase: ['lao', 'bao'] }, { phrase: ['la', 'lay'] }] });
    expect(tree('biên giới -"hoàng sa"')).toEqual({
      all: [{ phrase: ['bien'] }, { phrase: ['gioi'] }, { not: { phrase: ['hoang', 'sa'] } }],
    });
    expect(render('"lao bảo" or cửa -x')?.sql).toBe(
      '((a.search_pairs @@ $1::tsquery OR a.search @@ $2::tsquery) AND NOT (a.search @@ $3::tsquery))',
    );
    expect(tree('"" or')).toBeNull();
  });
  it('sends other scripts to websearch_to_tsquery', () => {
    expect(render('ແຂວງ ກວາງຈິ')?.sql).toContain('websearch_to_tsquery');
  });
  it('never lets a quote or a backslash into a tsquery literal', () => {
    for (const s of ["it's", 'a\\b', "'; drop table x; --", '"a\'b" or c', 'quang tri']) {
      for (const p of render(s)?.params ?? []) expect(String(p).replace(/'[a-z0-9_]+'/g, '')).toMatch(/^[ &]*$/);
    }
  });
});
