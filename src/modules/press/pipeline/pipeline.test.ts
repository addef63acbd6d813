import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';
import { parseDate } from './dates';
import { DEFAULT_TOPICS } from './default-topics';
import { detectLanguage } from './language';
import { normaliseArticle } from './normalise';
import { foldAligned } from './text';
import { compileTopics, matchTopics } from './topics';

describe('parseDate', () => {
  it('reads RFC 822, ISO and dd/mm/yyyy, defaulting to +07:00', () => {
    expect(parseDate('Tue, 03 May 2022 08:30:00 +0700')).toBe('2022-05-03T08:30:00+07:00');
    expect(parseDate('Tue, 03 May 2022 08:30:00 GMT')).toBe('2022-05-03T08:30:00+00:00');
    expect(parseDate('Tue, 03 May 2022 08:30:00')).toBe('2022-05-03T08:30:00+07:00');
    expect(parseDate('2024-05-03T08:30:00Z')).toBe('2024-05-03T08:30:00+00:00');
    expect(parseDate('2024-05-03 08:30')).toBe('2024-05-03T08:30:00+07:00');
    expect(parseDate('03/05/2024')).toBe('2024-05-03T00:00:00+07:00');
    expect(parseDate('Thứ sáu, 03/05/2024 08:30 (GMT+7)')).toBe('2024-05-03T08:30:00+07:00');
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('garbage')).toBeNull();
  });
});

describe('foldAligned', () => {
  it('gives the same text as fold() and maps positions back', () => {
    for (const s of ['Quảng Trị', '  Đakrông\u00A0 và  Hướng Hóa ', 'hoà bình', 'Tri\u0323 decomposed', 'ສະບາຍດີ Lào', 'Ðông Hà\u200B!']) {
      expect(foldAligned(s).folded).toBe(fold(s));
    }
    const s = 'Tỉnh  Quảng Trị';
    const a = foldAligned(s);
    const i = a.folded.indexOf('quang');
    expect(s.slice(a.offsets[i], a.offsets[i + 5])).toBe('Quảng');
  });
});

describe('detectLanguage', () => {
  it('tells vi, en, lo and other', () => {
    expect(detectLanguage('Tỉnh Quảng Trị đẩy mạnh thu hút đầu tư vào khu kinh tế Đông Nam')).toBe('vi');
    expect(detectLanguage('Tinh Quang Tri day manh thu hut dau tu vao khu kinh te Dong Nam, cac doanh nghiep nuoc ngoai quan tam')).toBe(
      'vi',
    );
    expect(detectLanguage('Quang Tri province attracts foreign investment into the Southeast Economic Zone')).toBe('en');
    expect(detectLanguage('ແຂວງສະຫວັນນະເຂດ ແລະ ແຂວງກວາງຈີ ຮ່ວມມືກັນ')).toBe('lo');
    expect(detectLanguage('La province de Quang Tri attire des investissements étrangers dans la zone économique')).toBe('other');
    expect(detectLanguage('广治省吸引外国投资进入东南经济区')).toBe('other');
  });
});

describe('normaliseArticle', () => {
  it('cleans, dates, folds and hashes', () => {
    const a = normaliseArticle({
      title: 'Quảng Trị đón nhà đầu tư Nhật Bản - Báo Quảng Trị',
      html: '<p>Ngày 3/5, <b>tỉnh Quảng Trị</b> tiếp đoàn doanh nghiệp.</p><script>alert(1)</script><p>Hai bên&nbsp;trao đổi về hợp tác.</p>',
      outlet: 'Báo Quảng Trị',
      url: 'https://BaoQuangTri.vn/a-1.html?utm_source=fb#top',
      publishedAt: '03/05/2024 08:30',
    });
    expect(a.title).toBe('Quảng Trị đón nhà đầu tư Nhật Bản');
    expect(a.text).toBe('Ngày 3/5, tỉnh Quảng Trị tiếp đoàn doanh nghiệp.\n\nHai bên trao đổi về hợp tác.');
    expect(a.url).toBe('https://baoquangtri.vn/a-1.html');
    expect(a.canonicalUrl).toBe('https://baoquangtri.vn/a-1.html');
    expect(a.publishedAt).toBe('2024-05-03T08:30:00+07:00');
    expect(a.language).toBe('vi');
    expect(a.country).toBe('VN');
    expect(a.foldedTitle).toBe('quang tri don nha dau tu nhat ban');
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('topics', () => {
  const compiled = compileTopics(DEFAULT_TOPICS);
  it('`quang tri` finds `Quảng Trị`, without regard to case and diacritics', () => {
    const q = compileTopics([{ id: 'q', name: 'q', terms: ['quang tri'] }]);
    const text = 'Đoàn công tác làm việc tại tỉnh QUẢNG TRỊ hôm qua.';
    const [m] = matchTopics(q, { text });
    expect(m.topicId).toBe('q');
    expect(text.slice(m.hits[0].start, m.hits[0].end)).toBe('QUẢNG TRỊ');
  });
  it('checks word boundaries', () => {
    const t = compileTopics([{ id: 'an', name: 'an', terms: ['an'] }]);
    expect(matchTopics(t, { text: 'Anh ấy ở Đông Hà' })).toEqual([]);
    expect(matchTopics(t, { text: 'Bình an, ấm no' })).toHaveLength(1);
  });
  it('honours exclusions and ignore-within phrases', () => {
    const t = compileTopics([
      { id: 'ts', name: 'ts', terms: ['Trường Sa'], ignoreWithin: ['đường Trường Sa'] },
      { id: 'inv', name: 'inv', terms: ['đầu tư'], exclude: ['đầu tư chứng khoán'] },
    ]);
    expect(matchTopics(t, { text: 'Khách sạn trên đường Trường Sa, Đà Nẵng' })).toEqual([]);
    expect(matchTopics(t, { text: 'Triển lãm về quần đảo Trường Sa; nhà ở đường Trường Sa' }).map((m) => m.hits.length)).toEqual([1]);
    expect(matchTopics(t, { text: 'Kêu gọi đầu tư. Lớp học đầu tư chứng khoán.' })).toEqual([]);
  });
  it('matches the default watch list in Vietnamese, English and Lao', () => {
    const ids = (text: string) => matchTopics(compiled, { title: '', text }).map((m) => m.topicId);
    expect(ids('Cửa khẩu Lao Bảo thông quan hàng hóa')).toEqual(expect.arrayContaining(['border-gates', 'borders']));
    expect(ids('Vietnam protests Chinese survey ship near the Paracel islands')).toContain('paracel-spratly');
    expect(ids('Huong Hoa coffee exported to Europe under the EVFTA')).toEqual(expect.arrayContaining(['localities', 'fta']));
    expect(ids('ແຂວງກວາງຈີ ແລະ ການລົງທຶນ')).toEqual(expect.arrayContaining(['province', 'investment']));
    expect(ids('Tạp chí Cửa Việt ra số mới')).not.toContain('cua-viet');
  });
  it('keeps diacritics apart where both sides carry them: Cửa Việt is not của Việt Nam (#17)', () => {
    const ids = (text: string) => matchTopics(compiled, { title: '', text }).map((m) => m.topicId);
    expect(ids('Bảo vệ chủ quyền của Việt Nam trên biển')).not.toContain('cua-viet');
    expect(ids('Cảng Cửa Việt đón tàu 5.000 tấn')).toContain('cua-viet');
    expect(ids('Cang Cua Viet don tau')).toContain('cua-viet');
    const t = compileTopics([{ id: 'h', name: 'h', terms: ['Thanh Hoá', 'thủy sản'] }]);
    expect(matchTopics(t, { text: 'Tỉnh Thanh Hóa và ngành thuỷ sản' })[0].terms).toEqual(['Thanh Hoá', 'thủy sản']);
    expect(matchTopics(t, { text: 'Thành Hóa' })).toEqual([]);
  });
  it('knows the merged province: Quảng Bình, Đồng Hới, Phong Nha, the new border gates and the Cồn Cỏ zone', () => {
    const ids = (text: string) => matchTopics(compiled, { title: '', text }).map((m) => m.topicId);
    expect(ids('Du khách quốc tế đến Phong Nha, Quảng Bình')).toEqual(expect.arrayContaining(['province', 'localities']));
    expect(ids('Phường Đồng Hới tổ chức lễ hội')).toContain('localities');
    expect(ids('Cửa khẩu quốc tế Cha Lo thông quan')).toContain('border-gates');
    expect(ids('Đặc khu Cồn Cỏ đón đoàn công tác')).toContain('con-co');
    expect(ids('Đồng hồ báo thức')).toEqual([]);
  });
  it('handles 1,000+ terms', () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ id: `t${i}`, name: `t${i}`, terms: [`tu khoa ${i}`, `keyword ${i}`] }));
    const c = compileTopics(many);
    expect(c.patternCount).toBe(2400);
    expect(matchTopics(c, { text: 'Có TỪ KHÓA 17 và keyword 1199, không có từ khóa 17000' }).map((m) => m.topicId)).toEqual([
      't17',
      't1199',
    ]);
  });
});
