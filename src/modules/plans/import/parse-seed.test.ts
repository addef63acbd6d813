import { beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';
import type { ParsedPlan, PlanTask } from './types';
import { fixture, SEED } from './test-helpers';

let plan: ParsedPlan;
const task = (code: string): PlanTask => {
  const t = plan.tasks.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
};
const names = (entries: Array<{ name: string }>) => entries.map((e) => e.name);
const ALL_GROUPS = ['Các Sở, ban, ngành', 'UBND các huyện, thị xã, thành phố', 'các đơn vị có liên quan'];

beforeAll(async () => {
  plan = parsePlan(await extractSource(fixture(SEED), SEED));
});

describe('parsePlan on the Quảng Trị 2023 seed', () => {
  it('finds the 18 tasks in order with their parents', () => {
    expect(plan.tasks.map((t) => t.code)).toEqual([
      '1',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3',
      '4',
      '5',
      '5.1',
      '5.2',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    expect(plan.tasks.map((t) => t.parent)).toEqual([
      null,
      null,
      '2',
      '2',
      '2',
      '2',
      null,
      null,
      null,
      '5',
      '5',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(task('2.3').title).toBe(
      'Tuyên truyền các sự kiện hội nhập quốc tế nổi bật; bảo vệ chủ quyền biển, đảo, phân giới cắm mốc và khu vực biên giới',
    );
    expect(task('12').title.startsWith('Theo dõi và tổng hợp dư luận báo chí')).toBe(true); // plain bold, no heading mark
  });

  it('reads the header: kind, blank number, place, blank date, title, year, signer', () => {
    expect(plan.document).toMatchObject({
      kind: 'KẾ HOẠCH',
      number: null,
      numberCode: 'KH-UBND',
      place: 'Quảng Trị',
      issuedOn: null,
      issuedYear: 2023,
      title: 'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2023',
      yearFrom: 2023,
      yearTo: 2023,
      signer: 'Hoàng Nam',
      signerTitle: ['TM. ỦY BAN NHÂN DÂN TỈNH', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    });
    // the seed has no issuing-body block: the issuer comes from the signature block and the title
    expect(plan.document.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ');
    expect(plan.document.issuerSource).toBe('signature');
    expect(plan.warnings).toContainEqual({ code: 'plan.warn_issuer_from_signature' });
  });

  it('splits the one-sentence legal basis into two documents with refs, kinds, dates and issuers', () => {
    expect(plan.legalBases.map(({ ref, kind, date, issuer }) => ({ ref, kind, date, issuer }))).toEqual([
      { ref: '25/2019/QĐ-UBND', kind: 'Quyết định', date: '2019-04-16', issuer: 'UBND tỉnh' },
      { ref: '5740/BTTTT-TTĐN', kind: 'Công văn', date: '2022-11-25', issuer: 'Bộ Thông tin và Truyền thông' },
    ]);
    expect(plan.preamble).toMatch(/^UBND tỉnh Quảng Trị xây dựng Kế hoạch .* như sau:$/);
  });

  it('reads objectives and requirements, joining the paragraph broken across lines', () => {
    expect(plan.objectives).toHaveLength(3);
    expect(plan.requirements).toHaveLength(3);
    expect(plan.requirements[1]).toContain('bảo đảm chấp hành nghiêm chế độ phát ngôn, cung cấp thông tin');
  });

  it('reads content lines in every bullet style (-, +, - +, indented - +)', () => {
    expect(task('1').content).toHaveLength(1);
    expect(task('2.1').content).toHaveLength(2);
    expect(task('2.3').content).toHaveLength(3);
    expect(task('2.3').content[0].startsWith('Đẩy mạnh tuyên truyền')).toBe(true);
    expect(task('12').content).toHaveLength(3);
    expect(task('12').content.every((c) => !c.startsWith('+') && !c.startsWith('-'))).toBe(true);
    expect(task('2').content).toEqual([]);
  });

  it('turns time windows into dates: whole year and first quarter', () => {
    expect(task('1').time).toEqual({ label: 'Cả năm 2023', from: '2023-01-01', to: '2023-12-31' });
    expect(task('3').time).toEqual({ label: 'Quý I/2023', from: '2023-01-01', to: '2023-03-31' });
    for (const t of plan.tasks) if (t.code !== '2' && t.code !== '5') expect(t.time.from).not.toBeNull();
  });

  it('task 8: lead UBND tỉnh, advisory Sở Thông tin và Truyền thông', () => {
    expect(names(task('8').lead)).toEqual(['UBND tỉnh']);
    expect(names(task('8').advisory)).toEqual(['Sở Thông tin và Truyền thông']);
  });

  it('task 9: target of at least 2 central press agencies', () => {
    expect(task('9').targets).toEqual([{ text: 'ít nhất với 02 cơ quan thông tấn báo chí Trung ương', min: 2 }]);
  });

  it('keeps names with commas and "và" whole and group phrases as three groups', () => {
    expect(names(task('2.1').lead)).toEqual([
      'Báo Quảng Trị',
      'Đài Phát thanh - Truyền hình tỉnh',
      'Tạp chí Cửa Việt',
      'Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
      'Sở Thông tin và Truyền thông',
    ]);
    expect(names(task('3').lead)).toEqual([
      'Sở Thông tin và Truyền thông',
      'Sở Văn hóa, Thể thao và Du lịch tỉnh',
      'UBND thị xã Quảng Trị',
    ]);
    expect(task('1').coordinating).toEqual([
      { name: 'Các Sở, ban, ngành', orgId: null, raw: 'Các Sở, ban, ngành', group: 'departments' },
      { name: 'UBND các huyện, thị xã, thành phố', orgId: null, raw: 'UBND các huyện, thị xã, thành phố', group: 'districts' },
      { name: 'các đơn vị có liên quan', orgId: null, raw: 'các đơn vị có liên quan', group: 'related_units', open: true },
    ]);
    expect(names(task('6').lead)).toEqual([
      'Các Sở, ban, ngành',
      'UBND các huyện, thị xã, thành phố',
      'Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch',
    ]);
    expect(task('6').coordinating).toEqual([]);
    for (const code of ['1', '2.1', '2.2', '2.3', '2.4', '3', '4', '5.1', '5.2', '7', '8', '9', '12'])
      expect(names(task(code).coordinating)).toEqual(ALL_GROUPS);
  });

  it('task 11: expands "UBND các huyện: Hướng Hóa và Đakrông"', () => {
    expect(names(task('11').coordinating)).toEqual([
      'Ban Quản lý Khu kinh tế tỉnh',
      'Cục Hải quan tỉnh',
      'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
      'UBND huyện Hướng Hóa',
      'UBND huyện Đakrông',
    ]);
    expect(task('11').coordinating[3].raw).toBe('UBND các huyện: Hướng Hóa và Đakrông');
    expect(names(task('10').coordinating)).toEqual(['Ban Dân tộc', 'Báo Quảng Trị', 'Đài Phát thanh-Truyền hình tỉnh', 'Tạp chí Cửa Việt']);
  });

  it('every organisation entry is unresolved here (the parser looks nothing up)', () => {
    for (const t of plan.tasks) for (const e of [...t.lead, ...t.advisory, ...t.coordinating]) expect(e.orgId).toBeNull();
  });

  it('reads the budget and its funding sources', () => {
    expect(plan.budget.text).toMatch(/^Kinh phí thực hiện công tác thông tin đối ngoại năm 2023/);
    expect(plan.budget.sources).toEqual(['state_budget', 'central_support', 'socialisation', 'contributions', 'other_lawful']);
  });

  it('reads the implementation items with the organisations each charges', () => {
    expect(plan.implementation.map((i) => names(i.orgs))).toEqual([
      ['Ban Tuyên giáo Tỉnh ủy'],
      ['Sở Thông tin và Truyền thông'],
      ['Sở Tài chính'],
      ['Các Sở, ban, ngành', 'UBND các huyện, thị xã, thành phố'],
      ['Báo Quảng Trị', 'Đài Phát thanh - Truyền hình tỉnh', 'Tạp chí Cửa Việt'],
    ]);
  });

  it('reads the reporting deadlines 25/5 and 25/11 and ad-hoc reports', () => {
    expect(plan.reporting.deadlines).toEqual([
      { day: 25, month: 5 },
      { day: 25, month: 11 },
    ]);
    expect(plan.reporting.adHoc).toBe(true);
    expect(plan.closing[0]).toMatch(/^Trên đây là Kế hoạch/);
  });

  it('reads the 10 recipients', () => {
    expect(plan.recipients).toHaveLength(10);
    expect(plan.recipients[0]).toBe('Bộ Thông tin và Truyền thông (Cục TTĐN)');
    expect(plan.recipients[9]).toBe('Lưu: VT, TCTM');
  });

  it('accounts for every source line: nothing is left unparsed', () => {
    expect(plan.unparsed).toEqual([]);
    // and every task records where it stands in the source
    expect(task('3').sourceLines).toEqual([100, 108]);
  });

  it('is deterministic', async () => {
    const again = parsePlan(await extractSource(fixture(SEED), SEED));
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
  });
});
