import { describe, expect, it } from 'vitest';
import { docxText } from '../../../../test/docx-check';
import type { Consolidated } from '../consolidated.service';
import { consolidatedToDocx } from './consolidated-docx';
import { DEFAULT_OUTLINE, type ReportOutline } from './report-outline';
import { namedSentence } from './consolidated-body';

/** A small consolidated report: one task with a lead and a coordinator, a target, last year's figure. */
const c = {
  period: {
    year: 2023,
    title: 'Báo cáo kết quả công tác thông tin đối ngoại năm 2023',
    dataFrom: '2022-12-15',
    dataTo: '2023-12-14',
    deadline: '2023-12-20',
  },
  totals: { expected: 2, received: 2, onTime: 1, late: 1, missing: 0, accepted: 2 },
  taskOutcomes: { doneOnTime: 1, doneLate: 0, inProgress: 0, overdue: 0 },
  narrative: { assessment: '', limitations: '', causes: '', nextTasks: '', proposals: '' },
  number: null,
  signer: null,
  signerTitle: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
  tasks: [
    {
      taskId: 't1',
      code: '1',
      title: 'Tuyên truyền',
      outcome: 'doneOnTime',
      contributions: [
        {
          orgId: 'b',
          orgName: 'Báo Quảng Trị',
          orgShortName: 'Báo QT',
          status: 'done',
          statusLabel: 'Đã hoàn thành',
          done: 'Đăng 120 tin, bài.',
          figures: { news_articles: 120 },
        },
        {
          orgId: 'a',
          orgName: 'Sở Văn hóa, Thể thao và Du lịch',
          orgShortName: 'Sở VHTTDL',
          status: 'done',
          statusLabel: 'Đã hoàn thành',
          done: 'Chủ trì tuyên truyền trên cổng thông tin.',
          figures: { news_articles: 30 },
        },
      ],
    },
  ],
  planTasks: [{ id: 't1', code: '1', title: 'Tuyên truyền', leadOrgIds: ['a'] }],
  indicators: [{ code: 'news_articles', label: 'Tin, bài đăng tải', unit: 'tin, bài', category: 'media', total: 150 }],
  money: [],
  targets: { news_articles: 200 },
  lastYear: { news_articles: 90 },
  late: ['Báo Quảng Trị'],
  missing: [],
  plan: { number: '12', numberCode: 'KH-UBND', issuedOn: '2023-01-10', title: 'Công tác thông tin đối ngoại năm 2023' },
  province: { name: 'Quảng Trị', place: 'Quảng Trị' },
  secretariat: { name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VHTTDL', docCode: 'SVHTTDL' },
} as unknown as Consolidated;

describe('consolidated report body', () => {
  it("puts the lead's account first, the coordinator's after it, sums with units against target and last year, the period's year", async () => {
    const text = await docxText(await consolidatedToDocx(c, '2026-12-04'));
    expect(text).toContain(
      'Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền trên cổng thông tin. Phối hợp thực hiện, Báo Quảng Trị đăng 120 tin, bài.',
    );
    expect(text).toContain('Kết quả: tin, bài đăng tải: 150 tin, bài.');
    expect(text).toContain('- Tin, bài đăng tải: 150 tin, bài, chỉ tiêu 200, đạt 75%, cùng kỳ năm trước 90.');
    expect(text).toContain('Chỉ tiêu chưa đạt: Tin, bài đăng tải (150/200 tin, bài).');
    expect(text).toContain('Quảng Trị, ngày      tháng      năm 2023');
    expect(text).toContain('Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2023 của UBND tỉnh về công tác thông tin đối ngoại năm 2023');
    expect(text).toContain('Số:       /BC-SVHTTDL');
    expect(text).not.toContain('2026');
  });

  it('follows the outline it is given (a data structure the secretariat can later choose)', async () => {
    const short: ReportOutline = { key: 'short', name: 'x', sections: [DEFAULT_OUTLINE.sections[1], DEFAULT_OUTLINE.sections[4]] };
    const { consolidatedToOfficialDoc } = await import('./consolidated-docx');
    const headings = consolidatedToOfficialDoc(c, '2026-12-04', short)
      .body.filter((b) => b.type === 'heading' && b.level === 1)
      .map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', 'II. ĐỀ XUẤT, KIẾN NGHỊ']);
  });

  it('names the organisation in a sentence that does not', () => {
    expect(namedSentence('Báo Quảng Trị', 'Báo QT', 'Đã đăng 5 bài')).toBe('Báo Quảng Trị đã đăng 5 bài.');
    expect(namedSentence('Sở Ngoại vụ', 'Sở Ngoại vụ', 'Sở Ngoại vụ đón 3 đoàn.')).toBe('Sở Ngoại vụ đón 3 đoàn.');
  });
});
