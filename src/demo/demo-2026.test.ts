import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../test/context';
import { orgs } from '../modules/orgs/orgs.tables';
import type { StoredPlan } from '../modules/plans/plan-store';
import { TASK_ROLE_VALUES } from '../modules/plans/plans.schemas';

/**
 * The demo as a user finds it in December 2026 (the test template is the demo): the merged
 * province's directory with the former bodies as history, the accounts in today's bodies, the
 * 2023 plan on the bodies of 2023, and the 2026 plan made from it by the carry-forward.
 */
let ctx: TestContext;
let sec: Client;
const plans: Record<number, StoredPlan> = {};
beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
  for (const year of [2023, 2026]) {
    const list = (await sec.request({ method: 'GET', url: `/api/plans?year=${year}&scope=province&status=issued` })).json().items;
    expect(list, `${year}`).toHaveLength(1);
    plans[year] = (await sec.request({ method: 'GET', url: `/api/plans/${list[0].id}` })).json();
  }
});
afterAll(() => ctx?.close());

const entriesOf = (p: StoredPlan) => p.tasks.flatMap((t) => TASK_ROLE_VALUES.flatMap((r) => t[r].map((e) => ({ ...e, task: t.code }))));
const validOn = (o: { validFrom: string | null; validTo: string | null }, d: string) =>
  (!o.validFrom || o.validFrom <= d) && (!o.validTo || o.validTo >= d);

describe('the demo directory', () => {
  it('is the merged province: 78 communes today, both former provinces as history, the accounts in bodies of today', async () => {
    const count = async (q: string) => (await sec.request({ method: 'GET', url: `/api/orgs?${q}&pageSize=1` })).json().total;
    expect(await count('kind=commune&validOn=2026-12-01')).toBe(78);
    expect(await count('kind=district&validOn=2026-12-01')).toBe(0);
    expect(await count('kind=district&validOn=2023-06-01')).toBe(18);
    expect(await count('kind=province&validOn=2026-12-01')).toBe(1);
    for (const username of Object.values(DEMO)) {
      const user = (await ctx.login(username)).user;
      if (!user.orgId) continue;
      const org = (await sec.request({ method: 'GET', url: `/api/orgs/${user.orgId}` })).json();
      expect(validOn(org, '2026-12-01'), `${username}: ${org.name}`).toBe(true);
    }
    const settings = (await sec.request({ method: 'GET', url: '/api/settings' })).json();
    const secretariatOrg = (await sec.request({ method: 'GET', url: `/api/orgs/${settings.secretariatOrgId}` })).json();
    expect(secretariatOrg).toMatchObject({ name: 'Sở Văn hóa, Thể thao và Du lịch', validFrom: '2025-07-01', validTo: null });
  });

  it('keeps the 2023 plan on the bodies of 2023, reached from today through their successors', async () => {
    const p = plans[2023];
    expect(p.orgName).toBe('Ủy ban nhân dân tỉnh Quảng Trị');
    const ids = [...new Set(entriesOf(p).map((e) => e.orgId))].filter((x): x is string => !!x);
    const rows = await ctx.database.db.select().from(orgs).where(inArray(orgs.id, ids));
    expect(rows.filter((o) => !validOn(o, '2023-01-01')).map((o) => o.name)).toEqual([]);
    // every one of them ended in 2025 but the magazine, which goes on under its name
    expect(rows.filter((o) => o.validTo === null).map((o) => o.name)).toEqual(['Tạp chí Cửa Việt']);
  });
});

describe("the demo's 2026 plan", () => {
  it('is carried forward from the 2023 plan, numbered and issued', () => {
    const p = plans[2026];
    expect(p.status).toBe('issued');
    expect(p.document).toMatchObject({
      number: '15/KH-UBND',
      issuedOn: '2026-01-20',
      yearFrom: 2026,
      title: 'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2026',
    });
    expect(p.tasks.map((t) => t.code)).toEqual(plans[2023].tasks.map((t) => t.code));
    const bases = p.legalBases as { text: string; placeholder?: boolean }[];
    expect(bases.some((b) => b.placeholder)).toBe(false);
    expect(bases.map((b) => b.text)).toContain(
      'Căn cứ hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch về công tác thông tin đối ngoại năm 2026',
    );
  });

  it('resolves every organisation to one valid on its date, through successors, the groups to today’s', async () => {
    const p = plans[2026];
    const entries = entriesOf(p);
    expect(entries.filter((e) => !e.orgId && !e.group)).toEqual([]);
    const ids = [...new Set(entries.map((e) => e.orgId))].filter((x): x is string => !!x);
    const rows = await ctx.database.db.select().from(orgs).where(inArray(orgs.id, ids));
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((o) => !validOn(o, '2026-01-20')).map((o) => o.name)).toEqual([]);
    const names = new Set(rows.map((o) => o.name));
    for (const n of ['Sở Văn hóa, Thể thao và Du lịch', 'Báo và Phát thanh - Truyền hình Quảng Trị', 'Sở Dân tộc và Tôn giáo'])
      expect(names.has(n), n).toBe(true);
    const groups = new Set(entries.map((e) => e.group).filter(Boolean));
    expect([...groups].sort()).toEqual(['communes', 'departments', 'related_units']);
    const task = (code: string) => p.tasks.find((t) => t.code === code)!;
    expect(task('1').lead.map((e) => e.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(task('1').coordinating.map((e) => e.name)).toContain('UBND các xã, phường, đặc khu');
    expect(task('10').coordinating.map((e) => e.name)).toContain('Sở Dân tộc và Tôn giáo');
    // the secretariat's choices where a body had several successors: the border-gate communes of task 11
    expect(task('11').coordinating.map((e) => e.name)).toEqual(expect.arrayContaining(['UBND xã Lao Bảo', 'UBND xã La Lay']));
    expect(task('11').coordinating.filter((e) => e.name.startsWith('UBND xã'))).toHaveLength(2);
    // every change of the carry-forward was reviewed
    const review = (await sec.request({ method: 'GET', url: `/api/plans/${p.id}/carry-review` })).json().items as {
      reviewedAt: string | null;
      needsChoice: boolean;
    }[];
    expect(review.length).toBeGreaterThan(50);
    expect(review.filter((i) => !i.reviewedAt || i.needsChoice)).toEqual([]);
  });
});

describe('the 2026 reporting and the year of activities', () => {
  const dashboard = async (kind: string) => {
    const periods = (await sec.request({ method: 'GET', url: '/api/report-periods?year=2026' })).json().items as {
      id: string;
      kind: string;
      deadline: string;
      planId: string;
    }[];
    const p = periods.find((x) => x.kind === kind)!;
    expect(p.planId).toBe(plans[2026].id);
    return { period: p, d: (await sec.request({ method: 'GET', url: `/api/report-periods/${p.id}/dashboard` })).json() };
  };
  const byOrg = (d: { byOrg: { name: string; status: string | null; late: boolean }[] }, name: string) =>
    d.byOrg.find((o) => o.name === name)!;

  it('the first half of 2026 (due 25 May): seven reports in and accepted, one of them late, the rest missing', async () => {
    const { period, d } = await dashboard('six_months');
    expect(period.deadline).toBe('2026-05-25');
    expect(d.totals).toMatchObject({ received: 7, accepted: 7, late: 1, onTime: 6, returned: 0, underReview: 0 });
    expect(d.totals.expected).toBe(d.totals.received + d.totals.missing);
    expect(d.totals.expected).toBeGreaterThan(90); // the departments, the 78 communes, the press…
    expect(byOrg(d, 'UBND xã Lao Bảo')).toMatchObject({ status: 'accepted', late: true });
    expect(byOrg(d, 'Sở Văn hóa, Thể thao và Du lịch')).toMatchObject({ status: 'accepted', late: false });
  });

  it('the year 2026 (due 25 November, past): two accepted, three waiting for review (two sent late), a draft never sent', async () => {
    const { period, d } = await dashboard('year');
    expect(period.deadline).toBe('2026-11-25');
    expect(d.totals).toMatchObject({ received: 5, accepted: 2, underReview: 3, late: 2, onTime: 3 });
    expect(byOrg(d, 'Sở Ngoại vụ')).toMatchObject({ status: 'submitted', late: true });
    expect(byOrg(d, 'Sở Dân tộc và Tôn giáo')).toMatchObject({ status: 'draft' });
  });

  it('a year of activities by several organisations on the 2026 plan’s tasks, spread over 2026, in the figures', async () => {
    const res = await sec.request({ method: 'GET', url: `/api/activities?planId=${plans[2026].id}&pageSize=100` });
    const items = res.json().items as { kind: string; startsOn: string; orgName: string }[];
    expect(items).toHaveLength(22);
    expect(new Set(items.map((a) => a.kind)).size).toBe(9);
    expect(new Set(items.map((a) => a.orgName)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(items.map((a) => a.startsOn.slice(0, 7))).size).toBeGreaterThanOrEqual(10);
    expect(items.every((a) => a.startsOn.startsWith('2026-'))).toBe(true);
    const targets = (await sec.request({ method: 'GET', url: `/api/activities/targets?planId=${plans[2026].id}&asOf=2026-12-01` })).json();
    expect(targets.items.find((i: { code: string }) => i.code === '9')).toMatchObject({ min: 2, actual: 2 });
  });
});
