import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS } from '../../../demo/orgs.data';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';
import { createMemoryResolver, nameSimilarity } from './memory-resolver';
import { MATCH_THRESHOLD, resolvePlanOrgs, stepMessage, type OrgResolver } from './resolve';
import { translate } from '../../../shared/messages/catalogue';
import type { MemoryOrg } from './memory-resolver';
import type { ParsedPlan } from './types';
import { fixture, SEED } from './test-helpers';

let parsed: ParsedPlan;
let plan: ParsedPlan;
beforeAll(async () => {
  parsed = parsePlan(await extractSource(fixture(SEED), SEED));
  plan = await resolvePlanOrgs(parsed, createMemoryResolver(DEMO_ORGS));
});
const task = (p: ParsedPlan, code: string) => p.tasks.find((t) => t.code === code)!;

describe('resolvePlanOrgs over the demo directory', () => {
  it('resolves every named organisation of the seed, keeping the written text in raw', () => {
    for (const t of plan.tasks) {
      for (const e of [...t.lead, ...t.advisory, ...t.coordinating]) {
        if (e.group) continue;
        expect(e.orgId, `${t.code}: ${e.raw}`).not.toBeNull();
      }
    }
    const lead8 = task(plan, '8').lead[0];
    expect(lead8).toMatchObject({ orgId: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh Quảng Trị', raw: 'UBND tỉnh', score: 1 });
    expect(task(plan, '8').advisory[0]).toMatchObject({ orgId: 'so-tttt', name: 'Sở Thông tin và Truyền thông' });
    expect(task(plan, '11').coordinating.map((e) => e.orgId)).toEqual(['ban-qlkkt', 'hai-quan', 'bdbp', 'ubnd-huong-hoa', 'ubnd-dakrong']);
    expect(task(plan, '10').coordinating.map((e) => e.orgId)).toEqual(['ban-dan-toc', 'bao-quang-tri', 'dai-ptth', 'tap-chi-cua-viet']);
  });

  it('gives group entries their members, valid on the plan date', () => {
    const [departments, districts, related] = task(plan, '1').coordinating;
    expect(departments.groupId).toBe('departments');
    expect(departments.members!.map((m) => m.orgId)).toContain('so-ngoai-vu');
    expect(departments.members!.map((m) => m.orgId)).not.toContain('so-nnmt'); // created in 2025
    expect(districts.members).toHaveLength(10);
    expect(related).toMatchObject({ group: 'related_units', open: true, members: [] });
  });

  it('matches against organisations valid on the plan date', async () => {
    // Without successor links (a resolver that cannot follow them), an ended organisation is not found.
    const { successors: _, ...noLinks } = createMemoryResolver(DEMO_ORGS);
    const later = await resolvePlanOrgs(parsed, noLinks, { onDate: '2025-08-01' });
    const e = task(later, '8').advisory[0];
    expect(e.orgId).toBeNull(); // Sở TTTT no longer exists in August 2025
    expect(e.name).toBe('Sở Thông tin và Truyền thông');
    expect(later.warnings).toContainEqual({ code: 'plan.org_unmatched', details: { name: 'Sở Thông tin và Truyền thông' } });
    expect(later.resolvedAsOf).toBe('2025-08-01');
  });

  it('keeps unknown names as written, flagged, with suggestions', async () => {
    const copy: ParsedPlan = structuredClone(parsed);
    copy.tasks[0].lead = [
      { name: 'Sở Thông tin Truyền thông tỉnh Quảng Trị', orgId: null, raw: '' },
      { name: 'Hội Nhà báo tỉnh', orgId: null, raw: '' },
      { name: 'Sở Văn hóa', orgId: null, raw: '' },
    ];
    const r = await resolvePlanOrgs(copy, createMemoryResolver(DEMO_ORGS));
    const [close, unknown, partial] = r.tasks[0].lead;
    expect(close).toMatchObject({ orgId: 'so-tttt' }); // same tokens, without "và"
    expect(unknown).toMatchObject({ orgId: null, name: 'Hội Nhà báo tỉnh', raw: 'Hội Nhà báo tỉnh' });
    expect(partial.orgId).toBeNull();
    expect(partial.suggestions![0].orgId).toBe('so-vhttdl');
    expect(r.warnings).toContainEqual({ code: 'plan.org_unmatched', details: { name: 'Hội Nhà báo tỉnh' } });
  });

  it('refuses to guess between two equally good candidates', async () => {
    const tie: OrgResolver = {
      match: async () => [
        { orgId: 'a', name: 'A', score: 0.9 },
        { orgId: 'b', name: 'B', score: 0.88 },
      ],
      group: async () => ({ groupId: null, members: [] }),
    };
    const r = await resolvePlanOrgs(parsed, tie);
    expect(r.tasks[0].lead[0]).toMatchObject({ orgId: null, suggestions: [{ orgId: 'a' }, { orgId: 'b' }] });
    expect(r.warnings.some((w) => w.code === 'plan.org_ambiguous')).toBe(true);
  });

  it('does not change the parsed plan it was given', () => {
    expect(task(parsed, '8').lead[0].orgId).toBeNull();
  });

  it('scores names as the threshold expects', () => {
    expect(nameSimilarity('UBND huyện Hướng Hóa', 'Ủy ban nhân dân huyện Hướng Hóa')).toBe(1);
    expect(nameSimilarity('Ban Quản lý Khu kinh tế', 'Ban Quản lý Khu kinh tế tỉnh')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(nameSimilarity('Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ')).toBeLessThan(0.6);
    expect(nameSimilarity('Sở Kế hoạch và Đầu tư', 'Sở Tài chính')).toBeLessThan(0.6);
  });
});

describe('resolving as of a later date, through successors', () => {
  const communes: MemoryOrg[] = [
    { key: 'xa-a', name: 'UBND xã Thử A', kind: 'commune', validFrom: '2025-07-01' },
    { key: 'phuong-b', name: 'UBND phường Thử B', kind: 'commune', validFrom: '2025-07-01' },
  ];
  const directory = createMemoryResolver([...DEMO_ORGS, ...communes]);
  let asOf2026: ParsedPlan;
  beforeAll(async () => {
    asOf2026 = await resolvePlanOrgs(parsed, directory, { onDate: '2026-12-01' });
  });

  it('follows Sở TTTT to the successor whose duties fit the task, and shows the step', () => {
    const lead = task(asOf2026, '1').lead[0];
    expect(lead).toMatchObject({ orgId: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', raw: 'Sở Thông tin và Truyền thông' });
    expect(lead.chain).toEqual([
      expect.objectContaining({ from: 'so-tttt', validTo: '2025-02-28', to: 'so-vhttdl', duty: 'foreign_information' }),
    ]);
    const m = stepMessage(lead.chain![0], (c) => translate('vi', `duty.${c}`));
    expect(translate('vi', m.code, m.details)).toBe('Sở TTTT (đến 28/02/2025) → Sở VHTTDL: nhiệm vụ TTĐN');
    expect(task(asOf2026, '8').advisory[0]).toMatchObject({ orgId: 'so-vhttdl' }); // press
  });

  it('follows a single successor whatever the task, and leaves current organisations alone', () => {
    const coordinating = task(asOf2026, '10').coordinating;
    expect(coordinating[0]).toMatchObject({ orgId: 'so-dan-toc-ton-giao', raw: 'Ban Dân tộc' });
    expect(coordinating[0].chain).toEqual([expect.objectContaining({ from: 'ban-dan-toc', to: 'so-dan-toc-ton-giao', duty: null })]);
    expect(coordinating[1]).toMatchObject({ orgId: 'bao-quang-tri' });
    expect(coordinating[1].chain).toBeUndefined();
  });

  it('reads the districts group as the communes valid on the date', () => {
    const districts = task(asOf2026, '1').coordinating[1];
    expect(districts).toMatchObject({ group: 'communes', name: 'UBND các xã, phường, đặc khu', raw: 'UBND các huyện, thị xã, thành phố' });
    expect(districts.members!.map((m) => m.orgId)).toEqual(['xa-a', 'phuong-b']);
    expect(districts.chain).toEqual([expect.objectContaining({ from: 'districts', validTo: '2025-06-30', to: 'communes' })]);
  });

  it('asks the user when the task does not tell which successor took it over', async () => {
    const copy: ParsedPlan = structuredClone(parsed);
    copy.tasks[0].title = 'Họp giao ban';
    copy.tasks[0].content = ['Tổ chức họp giao ban hằng quý.'];
    const r = await resolvePlanOrgs(copy, directory, { onDate: '2026-12-01' });
    const lead = r.tasks[0].lead[0];
    expect(lead).toMatchObject({ orgId: null, needsChoice: true, raw: 'Sở Thông tin và Truyền thông' });
    expect(lead.candidates!.map((c) => c.orgId).sort()).toEqual(['so-khcn', 'so-vhttdl']);
    expect(r.warnings).toContainEqual({
      code: 'plan.org_successor_choice',
      details: { name: 'Sở Thông tin và Truyền thông', validTo: '28/02/2025' },
    });
    // a task on digital transformation goes the other way
    copy.tasks[0].title = 'Ứng dụng chuyển đổi số';
    const digital = await resolvePlanOrgs(copy, directory, { onDate: '2026-12-01' });
    expect(digital.tasks[0].lead[0]).toMatchObject({ orgId: 'so-khcn', chain: [{ duty: 'digital_transformation' }] });
  });

  it('follows several steps to the organisation valid on the date', async () => {
    const r = createMemoryResolver([
      { key: 'a', name: 'Sở Cũ', kind: 'department', validTo: '2025-02-28', successors: ['b'] },
      { key: 'b', name: 'Sở Giữa', kind: 'department', validFrom: '2025-03-01', validTo: '2025-06-30', successors: ['c'] },
      { key: 'c', name: 'Sở Mới', kind: 'department', validFrom: '2025-07-01' },
    ]);
    const copy: ParsedPlan = structuredClone(parsed);
    copy.tasks[0].lead = [{ name: 'Sở Cũ', orgId: null, raw: '' }];
    const out = await resolvePlanOrgs(copy, r, { onDate: '2026-01-01' });
    expect(out.tasks[0].lead[0]).toMatchObject({
      orgId: 'c',
      chain: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    });
    const mid = await resolvePlanOrgs(copy, r, { onDate: '2025-05-01' });
    expect(mid.tasks[0].lead[0]).toMatchObject({ orgId: 'b', chain: [{ from: 'a', to: 'b' }] });
  });
});
