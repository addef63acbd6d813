import { describe, expect, it } from 'vitest';
import { createStoryIndex, storyFeatures, storyKey } from './story';

const day = (d: number) => `2025-10-${String(d).padStart(2, '0')}T08:00:00+07:00`;
const filler = [
  {
    id: 'x1',
    title: 'Hội nghị triển khai nhiệm vụ năm 2026 của ngành giáo dục',
    text: 'Sáng nay, Sở Giáo dục và Đào tạo tổ chức hội nghị triển khai nhiệm vụ năm học mới với 300 đại biểu.',
  },
  {
    id: 'x2',
    title: 'Giá cà phê tăng mạnh trong tuần',
    text: 'Giá cà phê nhân xô tại Tây Nguyên tăng thêm 2.000 đồng mỗi kg so với tuần trước.',
  },
  {
    id: 'x3',
    title: 'Khai mạc giải bóng đá thiếu niên',
    text: 'Giải bóng đá thiếu niên năm nay có 16 đội tham gia, thi đấu trong hai tuần tại sân vận động tỉnh.',
  },
];

describe('story grouping', () => {
  it('folds names and numbers so that an English report meets the Vietnamese one', () => {
    const vi = storyFeatures(
      'Quảng Trị: Gần 3.600 nhà dân ngập sâu',
      'Mưa lũ khiến 3.596 nhà dân ở Quảng Trạch, Lệ Thủy bị ngập ngày 31-10.',
    );
    const en = storyFeatures('Floods inundate 3,596 homes', 'Floods in Quang Trach and Le Thuy inundated 3,596 homes on October 31.');
    for (const k of [
      storyKey('number', '3596'),
      storyKey('name', 'quang', 'trach'),
      storyKey('name', 'le', 'thuy'),
      storyKey('date', '31-10'),
    ]) {
      expect(vi.has(k)).toBe(true);
      expect(en.has(k)).toBe(true);
    }
  });

  it('joins rewrites of one event within days and keeps other events apart', () => {
    const idx = createStoryIndex();
    for (const f of filler) idx.add({ ...f, publishedAt: day(30) });
    const first = idx.add({
      id: 'a',
      title: 'Sạt lở vùi lấp doanh trại Đoàn 337 ở Hướng Phùng, 22 cán bộ chiến sĩ mất tích',
      text: 'Rạng sáng 18/10, sạt lở đất tại thôn Cợp, xã Hướng Phùng, huyện Hướng Hóa vùi lấp khu nhà của Đoàn 337; 22 cán bộ, chiến sĩ mất tích.',
      publishedAt: day(18),
    });
    const rewrite = idx.add({
      id: 'b',
      title: 'Tìm thấy thi thể 6 cán bộ chiến sĩ Đoàn 337 gặp nạn ở Hướng Phùng',
      text: 'Đến trưa 18/10, lực lượng cứu hộ đã tìm thấy 6 thi thể trong số 22 cán bộ, chiến sĩ Đoàn 337 bị vùi lấp tại xã Hướng Phùng.',
      publishedAt: day(18),
    });
    const english = idx.add({
      id: 'c',
      title: 'Landslide buries army barracks in Huong Phung, 22 soldiers missing',
      text: 'A landslide on October 18 buried barracks of Division 337 in Huong Phung commune, Huong Hoa district; 22 soldiers are missing.',
      publishedAt: day(19),
    });
    const other = idx.add({
      id: 'd',
      title: 'Khai trương mùa du lịch biển Cửa Tùng',
      text: 'Chiều 18/10, huyện tổ chức khai trương mùa du lịch biển với nhiều hoạt động.',
      publishedAt: day(18),
    });
    const late = idx.add({
      id: 'e',
      title: 'Một năm sau vụ sạt lở Đoàn 337 ở Hướng Phùng',
      text: 'Tròn một năm sau vụ sạt lở làm 22 cán bộ, chiến sĩ Đoàn 337 hy sinh tại xã Hướng Phùng.',
      publishedAt: '2026-10-18T08:00:00+07:00',
    });
    expect(first.isNew).toBe(true);
    expect(rewrite.storyId).toBe('a');
    expect(english.storyId).toBe('a');
    expect(other.storyId).toBe('d');
    expect(late.storyId).toBe('e');
    expect(idx.storyOf('c')).toBe('a');
  });
});
