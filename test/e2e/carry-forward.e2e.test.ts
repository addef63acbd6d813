import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../../src/shared/messages/catalogue';
import { createTestContext, DEMO, type Client, type TestContext } from '../context';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

/** The demo's issued plan carried into the next year as the secretariat does it, as of the session's "today". */
const SOURCE_YEAR = 2023;
const TARGET_YEAR = 2024;
const AS_OF = '2026-12-01';
const ROLES = ['lead', 'advisory', 'coordinating'] as const;

interface Entry {
  name: string;
  orgId: string | null;
  group?: string | null;
}
type Task = { code: string } & Record<(typeof ROLES)[number], Entry[]>;
interface Item {
  id: string;
  code: string;
  taskCode: string | null;
  role: string | null;
  message: string;
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

describe('carry-forward in the browser', () => {
  it('the secretariat carries the issued plan into next year, reviews every change and exports the comparison', async () => {
    const plans = await json<{ items: { id: string; yearFrom: number }[] }>('/api/plans?status=issued&scope=province');
    const source = plans.items.find((p) => p.yearFrom === SOURCE_YEAR)!;
    expect(source, `an issued ${SOURCE_YEAR} plan in the demo`).toBeDefined();
    const sourcePlan = await json<{ tasks: Task[] }>(`/api/plans/${source.id}`);

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await loginInBrowser(page, base, DEMO.secretariat);
    // A long walk on a shared machine: each step may wait longer than the default.
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/plans/${source.id}`);
    await page.getByRole('button', { name: 'Lập kế hoạch năm sau' }).click();

    // The form asks for the year (next year by default) and the date to read the directory as of.
    const form = page.getByTestId('carry-form');
    const year = form.getByLabel('Năm của kế hoạch mới');
    expect(await year.inputValue()).toBe(String(SOURCE_YEAR + 1));
    await year.fill(String(SOURCE_YEAR));
    await form.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(await form.getByRole('alert').textContent()).toBe(`Năm của kế hoạch mới phải sau năm ${SOURCE_YEAR}.`);
    await year.fill(String(TARGET_YEAR));
    await form.getByLabel('Đối chiếu danh bạ tại ngày').fill(AS_OF);
    await form.getByRole('button', { name: 'Tiếp tục' }).click();

    // The confirmation says what will happen; the progress shows while the draft is made.
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe(`Lập dự thảo kế hoạch năm ${TARGET_YEAR}?`);
    const points = await dialog.textContent();
    expect(points).toContain(`${sourcePlan.tasks.length} nhiệm vụ được chép sang dự thảo mới`);
    expect(points).toContain('Cơ quan theo danh bạ ngày 1/12/2026');
    await page.route('**/carry-forward', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await dialog.getByRole('button', { name: 'Lập dự thảo' }).click();
    await page.getByTestId('carry-progress').waitFor();
    expect(await page.getByTestId('carry-progress').textContent()).toContain(`Đang lập dự thảo kế hoạch năm ${TARGET_YEAR}`);

    // The new draft opens on its review list.
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}\?tab=carry$/, { timeout: 30_000 });
    const draftId = /\/plans\/([0-9a-f-]{36})/.exec(page.url())![1];
    expect(draftId).not.toBe(source.id);
    await page.getByTestId('carry-review').waitFor();
    expect(await page.locator('.badge-draft').count()).toBe(1);
    const review = await reviewOf(draftId);
    await items(page).first().waitFor();
    expect(await items(page).count()).toBe(review.length);
    expect(await page.getByRole('tab', { name: `Rà soát thay đổi (${review.length})` }).getAttribute('aria-selected')).toBe('true');
    expect(await items(page).first().textContent()).toContain('Cơ quan được xác định theo danh bạ ngày 01/12/2026');
    // Every change explained, with the successor steps by duty.
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
    expect(await page.locator('.carry-message').allTextContents()).toEqual(review.map((i) => i.message));
    // Items needing a person's decision are highlighted.
    const decide = review.filter((i) => i.needsChoice || i.code === 'carry.legal_placeholder');
    expect(decide.length).toBeGreaterThan(0);
    expect(await page.locator('.carry-item.needs-decision').count()).toBe(decide.length);
    await screenshot(page, 'carry-review');

    // Filters: to decide, by kind, by words, and the empty state.
    await page.getByLabel('Tình trạng').selectOption('decide');
    expect(await items(page).count()).toBe(decide.length);
    await page.getByLabel('Tình trạng').selectOption('all');
    await page.getByLabel('Loại thay đổi').selectOption('time');
    const moved = review.filter((i) => i.code === 'carry.window_moved');
    expect(moved.length).toBeGreaterThan(0);
    expect(await items(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(
      moved.map(() => 'carry.window_moved'),
    );
    await page.getByLabel('Loại thay đổi').selectOption('all');
    await page.getByLabel('Tìm trong danh sách thay đổi').fill('khong co thay doi nao nhu the');
    await page.getByText('Không có mục nào khớp bộ lọc.').waitFor();
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    expect(await items(page).count()).toBe(review.length);

    // Keyboard: ↓ moves to the next change, Space marks it reviewed.
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
      const card = items(page).filter({ hasText: choice!.message });
      const pick = choice!.candidates[1];
      await card.getByLabel('Cơ quan đảm nhận').selectOption(pick.orgId);
      await card.getByRole('button', { name: 'Chọn' }).click();
      decided = { item: choice!, orgId: pick.orgId };
    }
    await items(page).filter({ hasText: decided.item.message }).locator('input[type=checkbox]:checked').waitFor();
    const draft = await json<{ tasks: Task[] }>(`/api/plans/${draftId}`);
    const role = decided.item.role as (typeof ROLES)[number];
    expect(draft.tasks.find((t) => t.code === decided.item.taskCode)![role].map((e) => e.orgId)).toContain(decided.orgId);

    // No organisation that has ended is in the draft: by the API and in the task × organisation matrix.
    const orgs = await allOrgs();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const used = draft.tasks.flatMap((t) => ROLES.flatMap((r) => t[r].map((e) => e.orgId))).filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !byId.has(id) || endedBy(byId.get(id)!, AS_OF)).map((id) => byId.get(id)?.name ?? id)).toEqual([]);
    // by name on screen: a former body whose name a body of today carries (Sở VHTTDL of 2023 and of 2026) is not "gone"
    const current = new Set(orgs.filter((o) => !endedBy(o, AS_OF)).map((o) => o.name));
    const gone = new Set(orgs.filter((o) => endedBy(o, AS_OF) && !current.has(o.name)).map((o) => o.name));
    expect(gone).toContain('Sở Thông tin và Truyền thông');
    await page.getByRole('tab', { name: 'Ma trận phân công' }).click();
    await page.getByTestId('matrix').locator('thead th.vertical').first().waitFor();
    const columns = await page.getByTestId('matrix').locator('thead th.vertical').allTextContents();
    expect(columns).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(columns.filter((n) => gone.has(n))).toEqual([]);
    // The source plan's matrix does name them: the check can fail.
    expect((await json<{ columns: { name: string }[] }>(`/api/plans/${source.id}/matrix`)).columns.some((c) => gone.has(c.name))).toBe(
      true,
    );

    // The comparison of the two plans downloads as .xlsx.
    await page.getByRole('tab', { name: /Rà soát thay đổi/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất bảng so sánh (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`So-sanh-ke-hoach-${SOURCE_YEAR}-${TARGET_YEAR}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('So sánh')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Nhiệm vụ',
      'Nội dung',
      `Năm ${SOURCE_YEAR}`,
      `Năm ${TARGET_YEAR}`,
      'Thay đổi',
    ]);
    expect(wb.getWorksheet('Rà soát')!.rowCount).toBe(review.length + 1);

    // The same comparison on screen: task 1's lead from last year's body to this year's.
    await page.getByText('Bảng so sánh hai kế hoạch').click();
    const lead1 = page
      .getByTestId('carry-diff')
      .locator('tr', { has: page.locator('td:text-is("1")') })
      .filter({ hasText: 'Chủ trì' });
    expect(await lead1.locator('td').nth(3).textContent()).toContain('Sở Thông tin và Truyền thông');
    expect(await lead1.locator('td').nth(4).textContent()).toContain('Sở Văn hóa, Thể thao và Du lịch');

    // Carrying the same plan into the same year again names the draft already there; cancelling makes nothing.
    const before = (await json<{ items: unknown[] }>(`/api/plans?year=${TARGET_YEAR}`)).items.length;
    await page.getByRole('link', { name: 'Kế hoạch năm trước' }).click();
    await page.getByRole('button', { name: 'Lập kế hoạch năm sau' }).click();
    await page.getByTestId('carry-form').getByRole('button', { name: 'Tiếp tục' }).click();
    const again = page.getByTestId('confirm-dialog');
    expect(await again.getByRole('alert').textContent()).toContain(`Đã có 1 kế hoạch năm ${TARGET_YEAR} của cơ quan này`);
    await again.getByRole('button', { name: 'Hủy' }).click();
    await again.waitFor({ state: 'detached' });
    expect((await json<{ items: unknown[] }>(`/api/plans?year=${TARGET_YEAR}`)).items).toHaveLength(before);
    await page.close();
  }, 90_000);
});
