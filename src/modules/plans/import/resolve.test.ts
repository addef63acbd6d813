import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS } from '../../../demo/orgs.data';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';
import { createMemoryResolver, nameSimilarity } from './memory-resolver';
import { MATCH_THRESHOLD, resolvePlanOrgs, type OrgResolver } from './resolve';
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
    const later = await resolvePlanOrgs(parsed, createMemoryResolver(DEMO_ORGS), { onDate: '2025-08-01' });
    const e = task(later, '8').advisory[0];
    expect(e.orgId).toBeNull(); // Sở TTTT no longer exists in August 2025
    expect(e.name).toBe('Sở Thông tin và Truyền thông');
    expect(later.warnings).toContainEqual({ code: 'plan.org_unmatched', details: { name: 'Sở Thông tin và Truyền thông' } });
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
