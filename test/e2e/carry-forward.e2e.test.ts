import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../../src/shared/messages/catalogue';
import { createTestContext, DEMO, type Client, type TestContext } from '../context';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

/** The demo's 2026 plan carried into 2027 as the secretariat does it, and the 2023 seed as of the session's "today". */
const AS_OF = '2026-12-01';
const ROLES = ['lead', 'advisory', 'coordinating'] as const;

interface Entry {
  name: string;
  orgId: string | null;
  group?: string | null;
}
type Task = { code: string; time: unknown; targets: unknown[] } & Record<(typeof ROLES)[number], Entry[]>;
interface Item {
  id: string;
  code: string;
  taskCode: string | null;
  role: string | null;
  message: string;
  params: Record<string, string | number>;
  needsChoice: boolean;
  candidates: { orgId: string; name: string }[];
  chain: { fromName: string; fromShortName?: string; validTo: string | null; toName: string; duty?: string | null }[];
  reviewedAt: string | null;
}
interface Org {
  id: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

let ctx: TestContext;
let browser: Browser;
let base: string;
let api: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  base = await listen(ctx);
  browser = await launchBrowser();
  api = await ctx.login(DEMO.secretariat);
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const json = async <T>(url: string): Promise<T> => (await api.request({ method: 'GET', url })).json() as T;
async function allOrgs(): Promise<Org[]> {
  const out: Org[] = [];
  for (let page = 1; ; page++) {
    const r = await json<{ items: Org[]; total: number }>(`/api/orgs?pageSize=500&page=${page}`);
    out.push(...r.items);
    if (out.length >= r.total || !r.items.length) return out;
  }
}
const endedBy = (o: Org, day: string) => Boolean((o.validTo && o.validTo < day) || (o.validFrom && o.validFrom > day));
const reviewOf = async (id: string) => (await json<{ items: Item[] }>(`/api/plans/${id}/carry-review`)).items;
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const items = (page: Page) => page.getByTestId('carry-item');
const issued = async (year: number) => {
  const plans = await json<{ items: { id: string; yearFrom: number }[] }>('/api/plans?status=issued&scope=province');
  const found = plans.items.find((p) => p.yearFrom === year);
  expect(found, `an issued ${year} plan in the demo`).toBeDefined();
  return json<{ id: string; tasks: Task[] }>(`/api/plans/${found!.id}`);
};

async function openAsSecretariat(path: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await loginInBrowser(page, base, DEMO.secretariat);
  // A long walk on a shared machine: each step may wait longer than the default.
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}${path}`);
  return page;
}

/** "Lập kế hoạch năm sau" on the plan shown: year and date, the confirmation, the progress; the new draft's id. */
async function carryForward(page: Page, source: { id: string; tasks: Task[] }, year: number, asOf: string) {
  await page.getByRole('button', { name: 'Lập kế hoạch năm sau' }).click();
  const form = page.getByTestId('carry-form');
  await form.getByLabel('Năm của kế hoạch mới').fill(String(year));
  await form.getByLabel('Đối chiếu danh bạ tại ngày').fill(asOf);
  await form.getByRole('button', { name: 'Tiếp tục' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  expect(await dialog.getByRole('heading').textContent()).toBe(`Lập dự thảo kế hoạch năm ${year}?`);
  const points = await dialog.textContent();
  expect(points).toContain(`${source.tasks.length} nhiệm vụ được chép sang dự thảo mới`);
  expect(points).toContain(`Cơ quan theo danh bạ ngày ${Number(asOf.slice(8))}/${Number(asOf.slice(5, 7))}/${asOf.slice(0, 4)}`);
  await page.route('**/carry-forward', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await dialog.getByRole('button', { name: 'Lập dự thảo' }).click();
  await page.getByTestId('carry-progress').waitFor();
  expect(await page.getByTestId('carry-progress').textContent()).toContain(`Đang lập dự thảo kế hoạch năm ${year}`);
  // The new draft opens on its review list.
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\?tab=carry$/, { timeout: 30_000 });
  const draftId = /\/plans\/([0-9a-f-]{36})/.exec(page.url())![1];
  expect(draftId).not.toBe(source.id);
  await page.getByTestId('carry-review').waitFor();
  expect(await page.locator('.badge-draft').count()).toBe(1);
  await items(page).first().waitFor();
  return draftId;
}

/** No organisation ended on `day` is in the draft: by the API and in the task × organisation matrix. */
async function noEndedBody(page: Page, draft: { tasks: Task[] }, day: string) {
  const orgs = await allOrgs();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const used = draft.tasks.flatMap((t) => ROLES.flatMap((r) => t[r].map((e) => e.orgId))).filter((x): x is string => !!x);
  expect(used.length).toBeGreaterThan(5);
  expect(used.filter((id) => !byId.has(id) || endedBy(byId.get(id)!, day)).map((id) => byId.get(id)?.name ?? id)).toEqual([]);
  // by name on screen: a former body whose name a body of today carries (Sở VHTTDL of 2023 and of 2026) is not "gone"
  const current = new Set(orgs.filter((o) => !endedBy(o, day)).map((o) => o.name));
  const gone = new Set(orgs.filter((o) => endedBy(o, day) && !current.has(o.name)).map((o) => o.name));
  expect(gone).toContain('Sở Thông tin và Truyền thông');
  await page.getByRole('tab', { name: 'Ma trận phân công' }).click();
  await page.getByTestId('matrix').locator('thead th.vertical').first().waitFor();
  const columns = await page.getByTestId('matrix').locator('thead th.vertical').allTextContents();
  expect(columns).toContain('Sở Văn hóa, Thể thao và Du lịch');
  expect(columns.filter((n) => gone.has(n))).toEqual([]);
  // The 2023 plan's matrix does name them: the check can fail.
  const seed = await issued(2023);
  expect((await json<{ columns: { name: string }[] }>(`/api/plans/${seed.id}/matrix`)).columns.some((c) => gone.has(c.name))).toBe(true);
  await page.getByRole('tab', { name: /Rà soát thay đổi/ }).click();
}

describe('carry-forward in the browser', () => {
  it("the secretariat carries the demo's 2026 plan into 2027: no body that has ended, every change explained, the comparison exported", async () => {
    const source = await issued(2026);
    const page = await openAsSecretariat(`/plans/${source.id}`);
    // The form asks for the year (next year by default) and refuses one that is not after the plan.
    await page.getByRole('button', { name: 'Lập kế hoạch năm sau' }).click();
    const form = page.getByTestId('carry-form');
    const year = form.getByLabel('Năm của kế hoạch mới');
    expect(await year.inputValue()).toBe('2027');
    await year.fill('2026');
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(await form.getByRole('alert').textContent()).toBe('Năm của kế hoạch mới phải sau năm 2026.');
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'detached' });

    const draftId = await carryForward(page, source, 2027, AS_OF);
    const review = await reviewOf(draftId);
    const draft = await json<{ tasks: Task[] }>(`/api/plans/${draftId}`);
    expect(await items(page).count()).toBe(review.length);
    expect(await page.getByRole('tab', { name: `Rà soát thay đổi (${review.length})` }).getAttribute('aria-selected')).toBe('true');
    expect(await items(page).first().textContent()).toContain('Cơ quan được xác định theo danh bạ ngày 01/12/2026');
    expect(await page.locator('.carry-message').allTextContents()).toEqual(review.map((i) => i.message));
    // Every change explained: each moved window, each target, each organisation that is not the same.
    const old = new Map(source.tasks.map((t) => [t.code, t]));
    for (const t of draft.tasks) {
      const before = old.get(t.code)!;
      const mine = review.filter((i) => i.taskCode === t.code);
      if (JSON.stringify(before.time) !== JSON.stringify(t.time))
        expect(
          mine.map((i) => i.code),
          `task ${t.code}`,
        ).toContain('carry.window_moved');
      expect(mine.filter((i) => i.code.startsWith('carry.target_'))).toHaveLength(before.targets.length);
      for (const r of ROLES)
        if (before[r].map((e) => e.orgId ?? e.group).join() !== t[r].map((e) => e.orgId ?? e.group).join())
          expect(
            mine.some((i) => i.role === r),
            `task ${t.code} ${r}`,
          ).toBe(true);
    }
    const moved = review.filter((i) => i.code === 'carry.window_moved');
    expect(moved.length).toBeGreaterThan(0);
    // Items needing a person's decision are highlighted: here the 2027 guidance to fill in.
    const decide = review.filter((i) => i.needsChoice || i.code === 'carry.legal_placeholder');
    expect(decide.map((i) => i.message)).toContain('Cần điền văn bản hướng dẫn công tác thông tin đối ngoại năm 2027 vào phần căn cứ.');
    expect(await page.locator('.carry-item.needs-decision').count()).toBe(decide.length);
    await screenshot(page, 'carry-review-2027');

    // Filters: to decide, by kind, by words, and the empty state.
    await page.getByLabel('Tình trạng').selectOption('decide');
    expect(await items(page).count()).toBe(decide.length);
    await page.getByLabel('Tình trạng').selectOption('all');
    await page.getByLabel('Loại thay đổi').selectOption('time');
    expect(await items(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(
      moved.map(() => 'carry.window_moved'),
    );
    await page.getByLabel('Loại thay đổi').selectOption('all');
    await page.getByLabel('Tìm trong danh sách thay đổi').fill('khong co thay doi nao nhu the');
    await page.getByText('Không có mục nào khớp bộ lọc.').waitFor();
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    expect(await items(page).count()).toBe(review.length);

    // Keyboard: ↓ moves to the next change, Space marks it reviewed, / goes to the search.
    await items(page).first().focus();
    await page.keyboard.press('ArrowDown');
    expect(
      await items(page)
        .nth(1)
        .evaluate((e) => e === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Space');
    await items(page).nth(1).locator('input[type=checkbox]:checked').waitFor();
    expect((await reviewOf(draftId)).find((i) => i.id === review[1].id)!.reviewedAt).not.toBeNull();
    await page.keyboard.press('/');
    expect(await page.getByLabel('Tìm trong danh sách thay đổi').evaluate((e) => e === document.activeElement)).toBe(true);

    await noEndedBody(page, draft, AS_OF);
    await noEndedBody(page, draft, '2027-01-01');

    // The comparison of the two plans downloads as .xlsx, and reads on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất bảng so sánh (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('So-sanh-ke-hoach-2026-2027.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('So sánh')!.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Nhiệm vụ',
      'Nội dung',
      'Năm 2026',
      'Năm 2027',
      'Thay đổi',
    ]);
    expect(wb.getWorksheet('Rà soát')!.rowCount).toBe(review.length + 1);
    await page.getByText('Bảng so sánh hai kế hoạch').click();
    const first = moved[0];
    const time = page
      .getByTestId('carry-diff')
      .locator('tr', { has: page.locator(`td:text-is("${first.taskCode}")`) })
      .filter({ hasText: 'Thời gian' });
    expect(await time.locator('td').nth(3).textContent()).toBe(String(first.params.from));
    expect(await time.locator('td').nth(4).textContent()).toBe(String(first.params.to));

    // Carrying the same plan into the same year again names the draft already there; cancelling makes nothing.
    const before = (await json<{ items: unknown[] }>('/api/plans?year=2027')).items.length;
    await page.getByRole('link', { name: 'Kế hoạch năm trước' }).click();
    await page.getByRole('button', { name: 'Lập kế hoạch năm sau' }).click();
    await page.getByTestId('carry-form').getByRole('button', { name: 'Tiếp tục' }).click();
    const again = page.getByTestId('confirm-dialog');
    expect(await again.getByRole('alert').textContent()).toContain('Đã có 1 kế hoạch năm 2027 của cơ quan này');
    await again.getByRole('button', { name: 'Hủy' }).click();
    await again.waitFor({ state: 'detached' });
    expect((await json<{ items: unknown[] }>('/api/plans?year=2027')).items).toHaveLength(before);
    await page.close();
  }, 90_000);

  it('a plan of before the reorganisation (the 2023 seed) carried as of today: successors by duty with their steps, a person decides', async () => {
    const source = await issued(2023);
    const page = await openAsSecretariat(`/plans/${source.id}`);
    const draftId = await carryForward(page, source, 2024, AS_OF);
    const review = await reviewOf(draftId);
    expect(await page.locator('.carry-message').allTextContents()).toEqual(review.map((i) => i.message));
    const task1 = items(page).filter({ hasText: 'Nhiệm vụ 1: Sở TTTT' }).first();
    expect(await task1.locator('.carry-message').textContent()).toBe(
      'Nhiệm vụ 1: Sở TTTT (đến 28/02/2025) → Sở Văn hóa, Thể thao và Du lịch: nhiệm vụ TTĐN',
    );
    // A change of several steps or successors lists each of them.
    const stepped = review.find((i) => i.chain.length > 1)!;
    expect(stepped, 'a body with several successors').toBeDefined();
    const steps = items(page).filter({ hasText: stepped.message }).first().locator('.carry-chain li');
    expect(await steps.allTextContents()).toEqual(
      stepped.chain.map(
        (s) =>
          `${s.fromShortName || s.fromName} (đến ${dmy(s.validTo!)}) → ${s.toName}${s.duty && s.duty !== 'all' ? `: nhiệm vụ ${translate('vi', `duty.${s.duty}`)}` : ''}`,
      ),
    );
    const decide = review.filter((i) => i.needsChoice || i.code === 'carry.legal_placeholder');
    expect(review.some((i) => i.needsChoice)).toBe(true);
    expect(await page.locator('.carry-item.needs-decision').count()).toBe(decide.length);
    await screenshot(page, 'carry-review-2024');

    // A decision: name the replacement of a body that ended without successor, or pick among the successors.
    const ended = review.find((i) => i.code === 'carry.org_ended' && i.role);
    const choice = review.find((i) => i.candidates.length > 1 && i.role);
    let decided: { item: Item; orgId: string };
    if (ended) {
      const card = items(page).filter({ hasText: ended.message });
      await card.getByLabel('Cơ quan thay thế').fill('van hoa');
      await card.getByRole('option', { name: 'Sở Văn hóa, Thể thao và Du lịch' }).click();
      await card.getByRole('button', { name: 'Chọn' }).click();
      const orgs = await allOrgs();
      decided = { item: ended, orgId: orgs.find((o) => o.name === 'Sở Văn hóa, Thể thao và Du lịch' && !endedBy(o, AS_OF))!.id };
    } else {
      const card = items(page).filter({ hasText: choice!.message }).first();
      const pick = choice!.candidates[1];
      await card.getByLabel('Cơ quan đảm nhận').selectOption(pick.orgId);
      await card.getByRole('button', { name: 'Chọn' }).click();
      decided = { item: choice!, orgId: pick.orgId };
    }
    await items(page).filter({ hasText: decided.item.message }).first().locator('input[type=checkbox]:checked').waitFor();
    const draft = await json<{ tasks: Task[] }>(`/api/plans/${draftId}`);
    const role = decided.item.role as (typeof ROLES)[number];
    expect(draft.tasks.find((t) => t.code === decided.item.taskCode)![role].map((e) => e.orgId)).toContain(decided.orgId);

    await noEndedBody(page, draft, AS_OF);
    await page.getByText('Bảng so sánh hai kế hoạch').click();
    const lead1 = page
      .getByTestId('carry-diff')
      .locator('tr', { has: page.locator('td:text-is("1")') })
      .filter({ hasText: 'Chủ trì' });
    expect(await lead1.locator('td').nth(3).textContent()).toContain('Sở Thông tin và Truyền thông');
    expect(await lead1.locator('td').nth(4).textContent()).toContain('Sở Văn hóa, Thể thao và Du lịch');
    await page.close();
  }, 90_000);
});
