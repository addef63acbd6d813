import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';
import { computeSignature, createDedupIndex, estimateJaccard, minhash, minhashPortable } from './dedup';
import { fnv1a } from './hash';

const story = `Sáng 12/3, UBND tỉnh Quảng Trị tổ chức hội nghị xúc tiến đầu tư vào Khu kinh tế Đông Nam với sự tham gia của hơn 200 doanh nghiệp trong và ngoài nước. Phát biểu tại hội nghị, Chủ tịch UBND tỉnh cho biết tỉnh cam kết tạo mọi điều kiện thuận lợi cho nhà đầu tư, rút ngắn thời gian giải quyết thủ tục hành chính và bảo đảm mặt bằng sạch. Dịp này, tỉnh đã trao quyết định chủ trương đầu tư cho 5 dự án với tổng vốn đăng ký hơn 12.000 tỷ đồng, tập trung vào năng lượng, logistics và công nghiệp chế biến. Các nhà đầu tư đánh giá cao tiềm năng của cảng biển Mỹ Thủy và hành lang kinh tế Đông - Tây, đồng thời kiến nghị tỉnh sớm hoàn thiện hạ tầng giao thông kết nối.`;
const unrelated = [
  `Mưa lớn kéo dài khiến nhiều tuyến đường ở huyện Đakrông bị sạt lở, giao thông bị chia cắt. Lực lượng chức năng đã huy động máy móc thông tuyến và hỗ trợ người dân di dời khỏi vùng nguy hiểm trong đêm.`,
  `Đội tuyển bóng đá trẻ của tỉnh giành huy chương đồng tại giải vô địch khu vực miền Trung sau loạt sút luân lưu kịch tính trước đội chủ nhà Thừa Thiên Huế.`,
  `Hội nghị xúc tiến du lịch tại Đà Nẵng giới thiệu các sản phẩm mới của ba tỉnh miền Trung, trong đó có tour về chiến trường xưa, biển Cửa Tùng và đảo Cồn Cỏ.`,
];

function art(id: string, title: string, text: string, publishedAt = '2024-03-12T09:00:00+07:00') {
  return { id, foldedTitle: fold(title), foldedText: fold(text), publishedAt };
}

describe('near-duplicate grouping', () => {
  it('groups one story published by several outlets (new footers, small edits), keeps unrelated apart', () => {
    const index = createDedupIndex();
    const a = index.add(art('baoquangtri', 'Quảng Trị trao chủ trương đầu tư 5 dự án', `${story}\nBáo Quảng Trị`));
    const b = index.add(
      art(
        'vnexpress',
        'Quảng Trị trao chủ trương đầu tư cho 5 dự án lớn',
        `${story}\nTheo VnExpress. Xem thêm: Tin mới nhất về kinh tế miền Trung.`,
        '2024-03-12T11:00:00+07:00',
      ),
    );
    const edited = story.replace('hơn 200 doanh nghiệp', 'gần 220 doanh nghiệp').replace('bảo đảm mặt bằng sạch', 'bảo đảm quỹ đất sạch');
    const c = index.add(
      art('tuoitre', 'Hơn 12.000 tỷ đồng đầu tư vào Khu kinh tế Đông Nam', `${edited}\nNguồn: Tuổi Trẻ`, '2024-03-13T07:00:00+07:00'),
    );
    const others = unrelated.map((t, i) => index.add(art(`u${i}`, `Tin khác ${i}`, t)));
    expect(a.isNew).toBe(true);
    expect(b).toMatchObject({ isNew: false, storyId: 'baoquangtri' });
    expect(c).toMatchObject({ isNew: false, storyId: 'baoquangtri' });
    expect(b.similarity).toBeGreaterThan(0.8);
    for (const o of others) expect(o.isNew).toBe(true);
    expect(index.size).toBe(6); // copies are kept
  });
  it('groups equal titles even with different bodies, and respects the 14-day window', () => {
    const index = createDedupIndex();
    const t = 'Quảng Trị khởi công cảng hàng không tại Gio Linh';
    index.add(art('x', t, unrelated[0]));
    expect(index.add(art('y', t, unrelated[1], '2024-03-13T00:00:00+07:00')).storyId).toBe('x');
    expect(index.add(art('z', t, unrelated[0], '2024-04-20T00:00:00+07:00')).isNew).toBe(true);
  });
  it('is deterministic and serialisable', () => {
    const s1 = computeSignature('tieu de', fold(story));
    const s2 = computeSignature('tieu de', fold(story));
    expect(s1).toEqual(s2);
    expect(s1.signature).toHaveLength(128);
    expect(s1.bandKeys).toHaveLength(32);
    expect(JSON.parse(JSON.stringify(s1))).toEqual(s1);
    expect(estimateJaccard(s1.signature, computeSignature('', fold(unrelated[1])).signature)).toBeLessThan(0.1);
    const index = createDedupIndex();
    index.add(art('p', 'a b c d', story));
    const restored = createDedupIndex();
    restored.load(JSON.parse(JSON.stringify(index.entries())));
    expect(restored.add(art('q', 'khác', `${story} Nguồn: TTXVN`)).storyId).toBe('p');
  });

  it('keeps the signatures already stored in databases (same values as before the SIMD version)', () => {
    const s = computeSignature('tieu de', fold(story));
    expect(s.signature.slice(0, 4)).toEqual([2160743978, 2147778792, 2158762337, 2228481730]);
    expect(s.bandKeys.slice(0, 2)).toEqual(['b00:dd4465fe', 'b01:405c3ef1']);
    expect(fnv1a(s.signature.join(','))).toBe(4223506034);
    expect(fnv1a(s.bandKeys.join(','))).toBe(1740766394);
    const empty = computeSignature('', '');
    expect(empty.signature[0]).toBe(0x7fffffff);
    expect(empty.bandKeys[0]).toBe('b00:4cc5e2c2');
  });

  it('gives the same MinHash with WebAssembly SIMD as in plain JavaScript', () => {
    let seed = 9;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) | 0);
    for (const n of [0, 1, 3, 570, 17000]) {
      const shingles = Int32Array.from({ length: n }, next);
      expect(Array.from(minhash(shingles))).toEqual(Array.from(minhashPortable(shingles)));
    }
  });
});
