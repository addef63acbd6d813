import ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../../test/context';
import { orgs } from '../../orgs';
import type { StoredPlan } from '../plan-store';
import { TASK_ROLE_VALUES } from '../plans.schemas';

/**
 * Carry-forward on the real database: the seed (2023, on the former province's bodies) into 2027,
 * and the demo's 2026 plan (itself carried forward from the seed) into 2027.
 */
let ctx: TestContext;
let secretariat: Client;
let sourceId: string;
let draftId: string;
let source: StoredPlan;
let draft: StoredPlan;
interface Item {
  id: string;
  taskCode: string | null;
  code: string;
  params: Record<string, string | number>;
  message: string;
  role: string | null;
  candidates: { orgId: string; name: string }[];
  needsChoice: boolean;
  reviewedAt: string | null;
}
let items: Item[];

beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login(DEMO.secretariat);
  const list = await secretariat.request({ method: 'GET', url: '/api/plans?status=issued&scope=province' });
  // the seed: its bodies of 2023 make every kind of change (successors by duty, districts → communes)
  sourceId = (list.json().items as { id: string; yearFrom: number }[]).find((p) => p.yearFrom === 2023)!.id;
  source = (await secretariat.request({ method: 'GET', url: `/api/plans/${sourceId}` })).json();
  const res = await secretariat.request({ method: 'POST', url: `/api/plans/${sourceId}/carry-forward`, payload: { year: 2027 } });
  expect(res.statusCode, res.body).toBe(201);
  draftId = res.json().id;
  draft = (await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}` })).json();
  items = (await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}/carry-review` })).json().items;
});
afterAll(() => ctx.close());

const orgIdsOf = (p: StoredPlan) =>
  p.tasks.flatMap((t) => TASK_ROLE_VALUES.flatMap((r) => t[r].map((e) => e.orgId))).filter((x): x is string => !!x);

describe('carry-forward into 2027', () => {
  it('makes a draft for 2027 with the same tasks, numbered and worded as before, header blank', () => {
    expect(draft.status).toBe('draft');
    expect(draft.document).toMatchObject({ yearFrom: 2027, yearTo: 2027, number: null, issuedOn: null });
    expect(draft.document.title).toContain('2027');
    expect(draft.tasks.map((t) => [t.code, t.title, t.content])).toEqual(source.tasks.map((t) => [t.code, t.title, t.content]));
    expect(items.some((i) => i.code === 'carry.header_blank')).toBe(true);
  });

  it('names only organisations valid on 1 January 2027, by the directory', async () => {
    const ids = [...new Set(orgIdsOf(draft))];
    expect(ids.length).toBeGreaterThan(5);
    const rows = await ctx.database.db.select().from(orgs).where(inArray(orgs.id, ids));
    expect(rows).toHaveLength(ids.length);
    const ended = rows.filter((o) => (o.validTo && o.validTo < '2027-01-01') || (o.validFrom && o.validFrom > '2027-01-01'));
    expect(ended.map((o) => o.name)).toEqual([]);
    const groups = draft.tasks.flatMap((t) => TASK_ROLE_VALUES.flatMap((r) => t[r].map((e) => e.group))).filter(Boolean);
    expect(groups).not.toContain('districts');
    // Names that had ended and could not be followed are listed for a choice, never silently kept.
    const unlinked = draft.tasks.flatMap((t) => TASK_ROLE_VALUES.flatMap((r) => t[r].filter((e) => !e.orgId && !e.group)));
    for (const e of unlinked)
      expect(source.tasks.some((t) => TASK_ROLE_VALUES.some((r) => t[r].some((s) => !s.orgId && s.raw === e.raw)))).toBe(true);
  });

  it('explains every change of organisation, group, window and target with a review item', () => {
    const lead1 = draft.tasks.find((t) => t.code === '1')!.lead.map((e) => e.name);
    expect(lead1).toContain('Sở Văn hóa, Thể thao và Du lịch');
    const step = items.find((i) => i.taskCode === '1' && i.role === 'lead')!;
    expect(step.code).toBe('carry.org_replaced_duty');
    expect(step.message).toBe('Nhiệm vụ 1: Sở TTTT (đến 28/02/2025) → Sở Văn hóa, Thể thao và Du lịch: nhiệm vụ TTĐN');
    const byTask = new Map(source.tasks.map((t) => [t.code, t]));
    for (const t of draft.tasks) {
      const old = byTask.get(t.code)!;
      const mine = items.filter((i) => i.taskCode === t.code);
      for (const role of TASK_ROLE_VALUES) {
        const before = old[role].map((e) => e.orgId ?? e.group).join();
        const after = t[role].map((e) => e.orgId ?? e.group).join();
        if (before !== after)
          expect(
            mine.some((i) => i.role === role),
            `task ${t.code} ${role}`,
          ).toBe(true);
      }
      if (old.time.label !== t.time.label || old.time.from !== t.time.from)
        expect(mine.some((i) => i.code === 'carry.window_moved')).toBe(true);
      expect(mine.filter((i) => i.code.startsWith('carry.target_'))).toHaveLength(old.targets.length);
    }
    const q1 = draft.tasks.find((t) => byTask.get(t.code)!.time.label === 'Quý I/2023');
    if (q1) expect(q1.time).toMatchObject({ label: 'Quý I/2027', from: '2027-01-01', to: '2027-03-31' });
    expect(items.every((i) => i.message && !i.message.includes('{'))).toBe(true);
  });

  it('leaves the yearly guidance as a visible placeholder and keeps the other legal bases', () => {
    const bases = draft.legalBases as { text: string; placeholder?: boolean }[];
    expect(bases.filter((b) => b.placeholder)).toHaveLength(1);
    expect(bases.find((b) => b.placeholder)!.text).toContain('2027');
    expect(bases.some((b) => /2023/.test(b.text) && /hướng dẫn/i.test(b.text))).toBe(false);
    expect(items.some((i) => i.code === 'carry.legal_placeholder')).toBe(true);
  });

  it('marks an item reviewed and lets the user pick one of the candidates', async () => {
    const first = items[0];
    const r = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${draftId}/carry-review/${first.id}`,
      payload: { reviewed: true },
    });
    expect(r.statusCode, r.body).toBe(200);
    const after: Item[] = (await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}/carry-review` })).json().items;
    expect(after.find((i) => i.id === first.id)!.reviewedAt).not.toBeNull();

    const choice = items.find((i) => i.needsChoice && i.candidates.length > 1);
    expect(choice, 'a district leads to several communes').toBeDefined();
    const bad = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${draftId}/carry-review/${choice!.id}`,
      payload: { reviewed: true, orgId: sourceId },
    });
    expect(bad.statusCode).toBe(400);
    const pick = choice!.candidates[1];
    const ok = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${draftId}/carry-review/${choice!.id}`,
      payload: { reviewed: true, orgId: pick.orgId },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const plan: StoredPlan = (await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}` })).json();
    const entries = plan.tasks.find((t) => t.code === choice!.taskCode)![choice!.role as 'lead'];
    const kept = entries.filter((e) => choice!.candidates.some((c) => c.orgId === e.orgId));
    expect(kept.map((e) => e.orgId)).toEqual([pick.orgId]);
  });

  it('lets the user name the replacement of a body that ended without a successor, only one valid in 2027', async () => {
    const ended = items.find((i) => i.code === 'carry.org_ended');
    if (!ended) return; // every ended body of the plan has a successor in this directory
    const all = await ctx.database.db.select().from(orgs);
    const gone = all.find((o) => o.validTo && o.validTo < '2027-01-01')!;
    const valid = all.find((o) => o.kind === 'commune' && !o.validTo) ?? all.find((o) => !o.validTo)!;
    const url = `/api/plans/${draftId}/carry-review/${ended.id}`;
    expect((await secretariat.request({ method: 'POST', url, payload: { reviewed: true, orgId: gone.id } })).statusCode).toBe(400);
    const ok = await secretariat.request({ method: 'POST', url, payload: { reviewed: true, orgId: valid.id } });
    expect(ok.statusCode, ok.body).toBe(200);
    const plan: StoredPlan = (await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}` })).json();
    expect(plan.tasks.find((t) => t.code === ended.taskCode)![ended.role as 'lead'].map((e) => e.orgId)).toContain(valid.id);
  });

  it('proposes the round anniversaries of 2027 for the anniversary task, 29 February on the 28th', () => {
    const proposed = items.filter((i) => i.code === 'carry.anniversary_proposed');
    expect(proposed.length).toBeGreaterThan(3);
    const task = draft.tasks.find((t) => t.code === proposed[0].taskCode)!;
    const note = task.notes.find((n) => n.label.includes('2027'))!;
    expect(note.text).toContain('28/02/2027: 35 năm thiết lập quan hệ ngoại giao Việt Nam – Brunei');
    expect(proposed.map((i) => i.params.date)).toContain('28/02/2027');
  });

  it('exports the diff of the two plans as .xlsx with Vietnamese headers', async () => {
    const diff = await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}/carry-diff` });
    expect(diff.statusCode).toBe(200);
    expect(diff.json().rows.length).toBe(source.tasks.length);
    const res = await secretariat.request({ method: 'GET', url: `/api/plans/${draftId}/carry-diff.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('So sánh')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Nhiệm vụ',
      'Nội dung',
      `Năm ${source.document.yearFrom}`,
      'Năm 2027',
      'Thay đổi',
    ]);
    const lead1 = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === '1' && r.getCell(3).value === 'Chủ trì')!;
    expect(String(lead1.getCell(4).value)).toContain('Sở Thông tin và Truyền thông');
    expect(String(lead1.getCell(5).value)).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(wb.getWorksheet('Rà soát')!.rowCount).toBe(items.length + 1);
  });

  it('refuses a year that is not after the plan, a plan not issued, and an officer, changing nothing', async () => {
    const early = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${sourceId}/carry-forward`,
      payload: { year: source.document.yearTo },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('phải sau năm cuối');
    const notIssued = await secretariat.request({ method: 'POST', url: `/api/plans/${draftId}/carry-forward`, payload: { year: 2028 } });
    expect(notIssued.statusCode).toBe(409);
    const officer = await ctx.login(DEMO.officer);
    const denied = await officer.request({ method: 'POST', url: `/api/plans/${sourceId}/carry-forward`, payload: { year: 2028 } });
    expect(denied.statusCode).toBe(403);
    const list = await secretariat.request({ method: 'GET', url: '/api/plans?year=2028' });
    expect(list.json().items).toHaveLength(0);
  });
});

describe('carry-forward as of a date', () => {
  it('follows every body to the one valid on the date asked, says so in the review list, and takes a replacement valid then', async () => {
    const list = await secretariat.request({ method: 'GET', url: '/api/plans?status=issued&scope=province' });
    const oldest = (list.json().items as { id: string; yearFrom: number; yearTo: number }[]).sort((a, b) => a.yearFrom - b.yearFrom)[0];
    const year = oldest.yearTo + 1;
    const bad = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${oldest.id}/carry-forward`,
      payload: { year, asOf: '01/12/2026' },
    });
    expect(bad.statusCode).toBe(400);
    const noDay = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${oldest.id}/carry-forward`,
      payload: { year, asOf: '2026-02-30' },
    });
    expect(noDay.statusCode).toBe(400);
    expect(noDay.body).toContain('asOf');
    const res = await secretariat.request({
      method: 'POST',
      url: `/api/plans/${oldest.id}/carry-forward`,
      payload: { year, asOf: '2026-12-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const plan: StoredPlan = (await secretariat.request({ method: 'GET', url: `/api/plans/${id}` })).json();
    expect(plan.document.yearFrom).toBe(year);
    const ids = [...new Set(orgIdsOf(plan))];
    const rows = await ctx.database.db.select().from(orgs).where(inArray(orgs.id, ids));
    const invalid = rows.filter((o) => (o.validTo && o.validTo < '2026-12-01') || (o.validFrom && o.validFrom > '2026-12-01'));
    expect(invalid.map((o) => o.name)).toEqual([]);
    expect(plan.tasks.find((t) => t.code === '1')!.lead.map((e) => e.name)).toContain('Sở Văn hóa, Thể thao và Du lịch');
    const review: Item[] = (await secretariat.request({ method: 'GET', url: `/api/plans/${id}/carry-review` })).json().items;
    expect(review[0]).toMatchObject({ code: 'carry.as_of', taskCode: null });
    expect(review[0].message).toContain('theo danh bạ ngày 01/12/2026');
    // A replacement must be valid on the date asked: a body valid on 1 January of the plan's year but ended since is refused.
    const ended = review.find((i) => i.code === 'carry.org_ended');
    if (!ended) return; // every ended body of the plan has a successor in this directory
    const all = await ctx.database.db.select().from(orgs);
    const since = all.find((o) => o.validTo && o.validTo >= `${year}-01-01` && o.validTo < '2026-12-01')!;
    const valid = all.find((o) => !o.validTo && (!o.validFrom || o.validFrom <= '2026-12-01'))!;
    const url = `/api/plans/${id}/carry-review/${ended.id}`;
    const refused = await secretariat.request({ method: 'POST', url, payload: { reviewed: true, orgId: since.id } });
    expect(refused.statusCode, since.name).toBe(400);
    const ok = await secretariat.request({ method: 'POST', url, payload: { reviewed: true, orgId: valid.id } });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe("the demo's 2026 plan into 2027", () => {
  it('gives a draft naming no organisation that has ended, and every change explained', async () => {
    const list = await secretariat.request({ method: 'GET', url: '/api/plans?year=2026&status=issued&scope=province' });
    const from: StoredPlan = (await secretariat.request({ method: 'GET', url: `/api/plans/${list.json().items[0].id}` })).json();
    expect(from.document).toMatchObject({ number: '15/KH-UBND', issuedOn: '2026-01-20' });
    const res = await secretariat.request({ method: 'POST', url: `/api/plans/${from.id}/carry-forward`, payload: { year: 2027 } });
    expect(res.statusCode, res.body).toBe(201);
    const next: StoredPlan = (await secretariat.request({ method: 'GET', url: `/api/plans/${res.json().id}` })).json();
    const ids = [...new Set(orgIdsOf(next))];
    const rows = await ctx.database.db.select().from(orgs).where(inArray(orgs.id, ids));
    expect(rows.filter((o) => o.validTo && o.validTo < '2027-01-01').map((o) => o.name)).toEqual([]);
    // the 2026 plan already names today's bodies: the organisations stay as they are, nothing to choose
    expect(ids.sort()).toEqual([...new Set(orgIdsOf(from))].sort());
    const review: Item[] = (await secretariat.request({ method: 'GET', url: `/api/plans/${next.id}/carry-review` })).json().items;
    expect(review.filter((i) => i.role !== null)).toEqual([]);
    expect(review.some((i) => i.needsChoice)).toBe(false);
    expect(review.filter((i) => i.code === 'carry.window_moved')).toHaveLength(16);
  });
});
