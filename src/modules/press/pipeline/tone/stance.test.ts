import { describe, expect, it } from 'vitest';
import { defaultStanceModel } from '../analyse';
import { scoreStance } from './stance';

const model = defaultStanceModel();

describe('tone as stance toward the province', () => {
  it('reads a flood in the province as negative for the province, with the sentence that decides it', () => {
    const r = scoreStance(model, {
      title: 'Quảng Trị: Mưa lũ làm 3 người chết, hàng nghìn nhà dân bị ngập sâu',
      text: 'Mưa lũ kéo dài khiến hơn 3.000 nhà dân ở các xã Hải Lăng, Triệu Phong bị ngập sâu. Lượng mưa đạt 600 mm, lực lượng chức năng sơ tán người dân đến nơi an toàn.',
      language: 'vi',
    });
    expect(r.tone).toBe('negative');
    expect(r.target).toBe('province');
    expect(r.explanation?.sentence).toMatch(/chết|ngập/);
  });

  it('leaves a crime elsewhere that names the province only as where the suspects live neutral', () => {
    const r = scoreStance(model, {
      title: 'Hải Phòng: Bắt 2 thanh niên giả mạo Facebook để lừa đảo',
      text: 'Công an phường Hưng Đạo, TP Hải Phòng tạm giữ hai đối tượng trú tại xã Triệu Cơ, tỉnh Quảng Trị, để điều tra hành vi lừa đảo chiếm đoạt tài sản.',
      language: 'vi',
    });
    expect(r.target).toBe('elsewhere');
    expect(r.tone).not.toBe('positive');
  });

  it('reads a development story as positive and answers neutral for a language it has no model for', () => {
    const r = scoreStance(model, {
      title: 'Lượng khách đến Phong Nha - Kẻ Bàng tăng mạnh',
      text: 'Trong 9 tháng, các điểm du lịch của Vườn quốc gia đón hơn 800.000 lượt khách, tăng 18% so với cùng kỳ; du khách nườm nượp, hài lòng với dịch vụ.',
      language: 'vi',
    });
    expect(r.tone).toBe('positive');
    expect(scoreStance(model, { title: 'ແຂວງກວາງຈີ', text: 'ແຂວງກວາງຈີ', language: 'lo' }).tone).toBe('neutral');
  });
});
