import { describe, expect, it } from 'vitest';
import { parseBulkArticles } from './bulk';

describe('parseBulkArticles', () => {
  it('reads CSV and reports bad rows by row and column in Vietnamese', () => {
    const csv =
      '\uFEFFtitle,url,text,outlet,published_at,language\n' +
      'Quảng Trị đón đoàn Lào,https://baoquangtri.vn/1,"Nội dung, có dấu phẩy\nvà xuống dòng",Báo Quảng Trị,12/03/2024,vi\n' +
      ',https://x.vn/2,Thiếu tiêu đề,,2024-03-12,\n' +
      'Tin sai ngày,notaurl,Nội dung,,32/13/2024,fr\n';
    const r = parseBulkArticles(Buffer.from(csv), 'bao-chi.csv');
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({
      row: 2,
      title: 'Quảng Trị đón đoàn Lào',
      text: 'Nội dung, có dấu phẩy\nvà xuống dòng',
      publishedAt: '2024-03-12T00:00:00+07:00',
      language: 'vi',
    });
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'title', 'press.bulk_row_required'],
      [5, 'url', 'press.bulk_row_invalid_url'],
      [5, 'published_at', 'press.bulk_row_invalid_date'],
      [5, 'language', 'press.bulk_row_invalid_language'],
    ]);
    expect(r.errors[0].message).toBe('Dòng 4, cột “title”: bắt buộc phải có giá trị.');
  });
  it('reads semicolon CSV from Excel and JSON', () => {
    expect(parseBulkArticles(Buffer.from('title;url\nA b c;https://a.vn/1\n'), 'x.CSV').articles[0].url).toBe('https://a.vn/1');
    const json = JSON.stringify({
      articles: [{ title: 'T', text: 'x', publishedAt: '2024-03-12T08:00:00Z' }, 5, { title: '', url: 'ftp://x' }],
    });
    const r = parseBulkArticles(Buffer.from(json), 'a.json');
    expect(r.articles).toHaveLength(1);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, null],
      [3, 'title'],
      [3, 'url'],
    ]);
  });
  it('refuses other files and broken ones', () => {
    expect(() => parseBulkArticles(Buffer.from('x'), 'a.xlsx')).toThrow(expect.objectContaining({ code: 'press.bulk_unsupported_type' }));
    expect(() => parseBulkArticles(Buffer.from('{'), 'a.json')).toThrow(expect.objectContaining({ code: 'press.bulk_invalid_file' }));
    expect(() => parseBulkArticles(Buffer.from('a,b\n1,2'), 'a.csv')).toThrow(
      expect.objectContaining({ code: 'press.bulk_missing_columns' }),
    );
  });
});
