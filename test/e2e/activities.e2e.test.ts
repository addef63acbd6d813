import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, DEMO, type TestContext } from '../context';
import { demoPlan, IN_2023, officerOf, orgId, record } from '../../src/modules/activities/activities.test-helpers';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

/** Activities through the screens: an officer records an exhibition and a press conference and sees the figures move. */
let ctx: TestContext;
let browser: Browser;
let base: string;
let page: Page;
let plan: Awaited<ReturnType<typeof demoPlan>>;
let othersActivity: string;
let othersOrg: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const sec = await ctx.login(DEMO.secretariat);
  plan = await demoPlan(sec);
  othersActivity = (
    await record(sec, {
      kind: 'press_conference',
      title: 'Họp báo của Sở TTTT',
      orgId: (othersOrg = await orgId(sec, 'Sở Thông tin và Truyền thông')),
      taskIds: [plan.task['8']],
      startsOn: '2023-03-20',
      details: { spokesperson: 'Giám đốc Sở' },
    })
  ).id;
  base = await listen(ctx);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  // the 2023 plan's work is the 2023 Sở VHTTDL's (the demo's own officer sits in today's, formed on 1/7/2025)
  const vhttdl2023 = await orgId(sec, 'Sở Văn hóa, Thể thao và Du lịch', IN_2023);
  await officerOf(ctx, await ctx.login(DEMO.admin), 'canbo.vhttdl2023', vhttdl2023);
  await loginInBrowser(page, base, 'canbo.vhttdl2023');
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const figure = (code: string) => page.getByTestId('figures').locator(`tr[data-code=${code}] td.num`);

describe('activities in the browser', () => {
  it('records an exhibition and a press conference; the task figures and the report draft show them', async () => {
    await page.goto(`${base}/activities/tasks/${plan.task['3']}`);
    expect((await figure('events').textContent())?.trim()).toMatch(/^0/);

    // The exhibition (task 3), through the form.
    await page.getByRole('link', { name: 'Hoạt động', exact: true }).click();
    await page.getByRole('link', { name: 'Ghi hoạt động' }).click();
    await expect.poll(() => page.getByTestId('own-org').inputValue()).toBe('Sở Văn hóa, Thể thao và Du lịch');
    await page.locator('select[name=kind]').selectOption('event');
    const planSelect = page.locator(`select:has(option[value="${plan.planId}"])`);
    await planSelect.selectOption(plan.planId); // the 2023 plan, not this year's
    await page.locator('input[name=title]').fill('Triển lãm bản đồ "Hoàng Sa, Trường Sa của Việt Nam"');
    await page.locator('select[name=taskIds]').selectOption(plan.task['3']);
    await page.locator('input[name=startsOn]').fill('2023-03-10');
    await page.locator('input[name=endsOn]').fill('2023-03-14');
    await page.locator('input[name=place]').fill('Thị xã Quảng Trị');
    await page.locator('select[name=eventType]').selectOption('exhibition');
    await page.locator('input[name=visitors]').fill('1500');
    await page.getByRole('button', { name: 'Thêm dòng kinh phí' }).click();
    await page.getByLabel('Số tiền (đồng)').fill('45000000');
    await screenshot(page, 'activities-1-exhibition-form');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: /Triển lãm bản đồ/ }).waitFor();
    expect(await page.getByTestId('activity-details').textContent()).toContain('Triển lãm');
    await screenshot(page, 'activities-2-exhibition-saved');

    // The press conference (task 8).
    await page.goto(`${base}/activities/new`);
    await page.locator('select[name=kind]').selectOption('press_conference');
    await planSelect.selectOption(plan.planId);
    await page.locator('input[name=title]').fill('Họp báo giới thiệu Năm Du lịch Quảng Trị');
    await page.locator('select[name=taskIds]').selectOption(plan.task['8']);
    await page.locator('input[name=startsOn]').fill('2023-04-05');
    await page.locator('input[name=spokesperson]').fill('Giám đốc Sở VHTTDL');
    await page.locator('input[name=outletsPresent]').fill('18');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: /Họp báo giới thiệu/ }).waitFor();

    // The task's figures changed, and open the activities behind them.
    await page.goto(`${base}/activities/tasks/${plan.task['3']}`);
    expect((await figure('events').textContent())?.trim()).toMatch(/^1/);
    expect((await figure('money_state_budget').textContent())?.trim()).toMatch(/^45\.000\.000/);
    await screenshot(page, 'activities-3-task-figures');
    await figure('events').getByRole('link').click();
    await page.getByTestId('activity-table').getByText('Triển lãm bản đồ').waitFor();
    // An officer's figures count their own organisation's activities only (SECURITY.md): Sở TTTT's
    // press conference on the same task is not among them.
    await page.goto(`${base}/activities/tasks/${plan.task['8']}`);
    await figure('press_conferences').waitFor();
    expect((await figure('press_conferences').textContent())?.trim()).toMatch(/^1/);

    // The report draft opens with the figures from the record.
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByRole('link', { name: 'Báo cáo kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2023' }).click();
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByTestId('entry-3').waitFor();
    expect(await page.getByTestId('entry-3').locator('[data-code=events]').inputValue()).toBe('1');
    expect(await page.getByTestId('entry-3').locator('[data-code=money_state_budget]').inputValue()).toBe('45000000');
    expect(await page.getByTestId('entry-8').locator('[data-code=press_conferences]').inputValue()).toBe('1');
    await page.getByTestId('entry-3').scrollIntoViewIfNeeded();
    await screenshot(page, 'activities-4-report-draft');
  });

  it('shows the month with the exhibition and the anniversaries', async () => {
    await page.goto(`${base}/calendar`);
    await page.getByLabel('Tháng').fill('2023-03');
    await page.getByTestId('calendar').getByText('Triển lãm bản đồ').first().waitFor();
    expect(await page.getByTestId('calendar').textContent()).toContain('50 năm thiết lập quan hệ ngoại giao Việt Nam – Italy');
    expect(await page.getByTestId('anniversary-source').textContent()).toContain('cần kiểm tra');
    await screenshot(page, 'activities-5-calendar');
  });

  it("refuses the officer another organisation's activity, on screen and through the API", async () => {
    // An officer reads and changes only their own organisation's activities (SECURITY.md).
    await page.goto(`${base}/activities/${othersActivity}`);
    await page.getByRole('alert').getByText('Bạn chỉ được xem và sửa dữ liệu của đơn vị mình.').waitFor();
    expect(await page.getByRole('heading', { name: 'Họp báo của Sở TTTT' }).count()).toBe(0);
    await page.goto(`${base}/activities/${othersActivity}/edit`);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Họp báo của Sở TTTT' }).count()).toBe(0);
    await screenshot(page, 'activities-6-officer-refused');
    const statuses = await page.evaluate(
      async ({ id, orgId, taskId }) => {
        const { csrfToken } = await (await fetch('/api/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
        const get = await fetch(`/api/activities/${id}`);
        const body = {
          kind: 'press_conference',
          title: 'Sửa trộm',
          orgId,
          taskIds: [taskId],
          startsOn: '2023-03-20',
          details: { spokesperson: 'x' },
        };
        const put = await fetch(`/api/activities/${id}`, { method: 'PUT', headers, body: JSON.stringify({ ...body, version: 1 }) });
        const del = await fetch(`/api/activities/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
        const post = await fetch('/api/activities', {
          method: 'POST',
          headers,
          body: JSON.stringify({
            kind: 'event',
            title: 'Ghi hộ',
            orgId,
            taskIds: [taskId],
            startsOn: '2023-05-01',
            details: { eventType: 'fair' },
          }),
        });
        return [get.status, put.status, del.status, post.status];
      },
      { id: othersActivity, orgId: othersOrg, taskId: plan.task['8'] },
    );
    expect(statuses).toEqual([403, 403, 403, 403]);
  });
});
