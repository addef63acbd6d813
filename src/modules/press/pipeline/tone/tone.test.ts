import { describe, expect, it } from 'vitest';
import evalSet from '../eval/tone-eval.json' with { type: 'json' };
import { applyCorrections } from './corrections';
import { evaluateTone, type LabelledArticle } from './evaluate';
import { DEFAULT_LEXICONS } from './lexicon';
import { scoreTone } from './score';

const articles = evalSet.articles as LabelledArticle[];

describe('scoreTone', () => {
  it('explains its decision with terms, positions and rules', () => {
    const text = 'Tỉnh đã thu hút đầu tư thành công, kinh tế tăng trưởng ấn tượng.';
    const r = scoreTone({ title: '', text, language: 'vi' });
    expect(r.tone).toBe('positive');
    const e = r.evidence.find((x) => x.term === 'thu hút đầu tư')!;
    expect(text.slice(e.position, e.position + 14)).toBe('thu hút đầu tư');
    expect(r.rules.map((x) => x.id)).toContain('threshold');
  });
  it('handles negation and its exceptions', () => {
    const neg = scoreTone({ text: 'Không có vi phạm nào, không hề có đàn áp.', language: 'vi' });
    expect(neg.evidence.every((e) => e.weight > 0 && e.modifiers.includes('negation'))).toBe(true);
    const keep = scoreTone({ text: 'Kinh tế không ngừng phát triển.', language: 'vi' });
    expect(keep.evidence[0].modifiers).not.toContain('negation');
    const en = scoreTone({ text: 'The project was not successful and investors did not benefit.', language: 'en' });
    expect(en.score).toBeLessThan(0);
  });
  it('treats hoà and hòa alike, and reads Vietnamese without diacritics', () => {
    expect(scoreTone({ text: 'quan hệ hữu nghị, hoà bình', language: 'vi' }).score).toBe(
      scoreTone({ text: 'quan hệ hữu nghị, hòa bình', language: 'vi' }).score,
    );
    const r = scoreTone({
      text: 'Cac trang mang thu dich xuyen tac, bia dat thong tin ve viec giai phong mat bang, kich dong nguoi dan.',
      language: 'vi',
    });
    expect(r.tone).toBe('negative');
    expect(r.rules.map((x) => x.id)).toContain('unaccented');
  });
  it('leaves other languages neutral with a rule saying why', () => {
    expect(scoreTone({ text: 'ແຂວງກວາງຈີ', language: 'lo' })).toMatchObject({ tone: 'neutral', rules: [{ id: 'unsupported_language' }] });
  });
});

describe('evaluation set', () => {
  it('has at least 60 labelled articles in both languages and both splits', () => {
    expect(articles.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['vi', 'en'])
      for (const split of ['train', 'heldout'])
        expect(articles.filter((a) => a.language === lang && a.split === split).length).toBeGreaterThanOrEqual(10);
  });
  // Floors measured on this set: train 100 % / held-out 100 % (vi and en) with lexicon v1.
  // The set and the lexicon were written by the same hand, so real press will score lower:
  // the floors leave room and catch regressions.
  it.each(['train', 'heldout'] as const)('accuracy on the %s half stays above the floor', (split) => {
    const r = evaluateTone(articles, { split });
    expect(r.accuracy).toBeGreaterThanOrEqual(0.85);
    for (const lang of ['vi', 'en']) expect(r.byLanguage[lang].accuracy).toBeGreaterThanOrEqual(0.8);
    const total = Object.values(r.confusion)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(r.n);
  });
});

describe('applyCorrections', () => {
  const scam = [
    'Nhiều lao động bị cò mồi dụ dỗ sang Lào, phải làm việc cho các sòng bạc trá hình.',
    'Cò mồi hứa hẹn việc nhẹ lương cao, đưa người qua biên giới vào sòng bạc trá hình.',
    'Tình trạng cò mồi đưa thanh niên sang làm việc trong sòng bạc trá hình chưa chấm dứt.',
  ];
  it('learns recurring phrases from corrections and fixes the articles it was told about', () => {
    const before = scam.map((text) => scoreTone({ text, language: 'vi' }).tone);
    expect(before.filter((t) => t === 'negative').length).toBeLessThan(3);
    const lex = applyCorrections(
      DEFAULT_LEXICONS.vi,
      scam.map((text) => ({ text, language: 'vi', tone: 'negative' })),
    );
    expect(Object.keys(lex.learned)).toEqual(expect.arrayContaining(['cò mồi', 'sòng bạc', 'trá hình']));
    for (const text of scam) expect(scoreTone({ text, language: 'vi' }, { lexicons: { vi: lex } }).tone).toBe('negative');
    // A new article with the learned phrases is read the same way; the default lexicon is untouched.
    const fresh = 'Công an triệt phá đường dây cò mồi đưa người vào sòng bạc trá hình.';
    expect(scoreTone({ text: fresh, language: 'vi' }, { lexicons: { vi: lex } }).tone).toBe('negative');
    expect(DEFAULT_LEXICONS.vi.learned).toEqual({});
    // The evaluation set does not get worse.
    expect(evaluateTone(articles, { lexicons: { vi: lex } }).accuracy).toBeGreaterThanOrEqual(evaluateTone(articles).accuracy - 0.02);
  });
  it('moves term weights towards neutral when staff say a story is neutral', () => {
    const text = 'Hội nghị bàn về hợp tác, đoàn kết và hữu nghị giữa hai tỉnh, theo lịch định kỳ.';
    expect(scoreTone({ text, language: 'vi' }).tone).toBe('positive');
    const lex = applyCorrections(DEFAULT_LEXICONS.vi, [{ text, language: 'vi', tone: 'neutral' }]);
    expect(scoreTone({ text, language: 'vi' }, { lexicons: { vi: lex } }).tone).toBe('neutral');
  });
});
