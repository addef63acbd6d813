import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestContext, DEMO, type TestContext } from '../context';
import { deadlineTomorrow, findPeriod, IN_2023, makeOfficer, orgIdByName } from '../../src/modules/reports/reports.test-helpers';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';
import { extractSource } from '../../src/modules/plans/import';

/** The reporting cycle through the screens: officer submits, secretariat returns, officer resubmits, secretariat accepts and exports. */
let ctx: TestContext;
let browser: Browser;
let base: string;
let officerCtx: BrowserContext;
let secCtx: BrowserContext;
let officer: Page;
let sec: Page;
let periodId: string;
let reportUrl: string;
const PERIOD = 'Báo cáo kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2023';

beforeAll(async () => {
  ctx = await createTestContext();
  const secretariat = await ctx.login(DEMO.secretariat);
  periodId = (await findPeriod(secretariat, 'six_months', 2023)).id;
  await deadlineTomorrow(secretariat, periodId);
  base = await listen(ctx);
  browser = await launchBrowser();
  officerCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  secCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  officer = await officerCtx.newPage();
  sec = await secCtx.newPage();
  // the 2023 period is reported on by the 2023 Sở VHTTDL (the demo's own officer sits in today's, formed on 1/7/2025)
  await makeOfficer(ctx, await ctx.login(DEMO.admin), 'canbo.vhttdl2023', 'Sở Văn hóa, Thể thao và Du lịch', undefined, IN_2023);
  await loginInBrowser(officer, base, 'canbo.vhttdl2023');
  await loginInBrowser(sec, base, DEMO.secretariat);
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

const status = (page: Page) => page.getByTestId('report-status');

describe('reporting cycle in the browser', () => {
  it('the officer writes the report (saved as typed) and submits it', async () => {
    await officer.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await officer.waitForURL(/\/reports$/); // the home page lists the same period (deadlines, reports to send)
    await officer.getByRole('link', { name: PERIOD }).click();
    await officer.getByRole('button', { name: 'Lập báo cáo' }).click();
    await officer.getByTestId('entry-5.2').waitFor();
    reportUrl = officer.url();
    const entry = officer.getByTestId('entry-5.2');
    await entry.locator('textarea[name=done]').fill('Sở VHTTDL tổ chức Tuần văn hóa Việt - Lào tại Đông Hà.');
    await entry.getByText(/^Số liệu/).click();
    await entry.locator('[data-code=news_articles]').fill('12');
    await entry.locator('select[name=status]').selectOption('done');
    await officer.getByText(/Đã lưu lúc/).waitFor();
    await screenshot(officer, 'reports-1-officer-draft');
    // Submitting asks first and says how many tasks are still empty; Esc cancels and nothing is sent.
    await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const dialog = officer.getByTestId('confirm-dialog');
    const warning = (await dialog.getByRole('alert').textContent()) ?? '';
    const [, empty, total] = /Còn (\d+)\/(\d+) nhiệm vụ chưa có nội dung/.exec(warning) ?? [];
    expect(Number(total)).toBeGreaterThan(1);
    expect(Number(empty)).toBeLessThan(Number(total));
    await screenshot(officer, 'reports-1b-confirm-submit');
    await officer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await status(officer).textContent()).not.toContain('Đã gửi');
    await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await officer.getByTestId('report-status').getByText('Đã gửi').waitFor();
    await screenshot(officer, 'reports-2-officer-submitted');
  });

  it('the secretariat sees it on the dashboard, opens it and returns it with a comment', async () => {
    await sec.goto(`${base}/reports/periods/${periodId}`);
    await sec.getByTestId('dashboard').waitFor();
    expect(await sec.getByTestId('tile-received').locator('strong').textContent()).toBe('1');
    expect(await sec.getByTestId('tile-expected').locator('strong').textContent()).toBe('38'); // the former Quảng Trị's bodies of 2023
    await screenshot(sec, 'reports-3-dashboard');
    await sec.getByTestId('by-org').getByRole('link', { name: 'Sở Văn hóa, Thể thao và Du lịch' }).click();
    await sec.getByTestId('review').waitFor();
    await sec.getByLabel('Ý kiến khi trả lại').fill('Đề nghị bổ sung số lượt khách tham dự.');
    await sec.getByRole('button', { name: 'Trả lại' }).click();
    await status(sec).getByText('Bị trả lại').waitFor();
    await screenshot(sec, 'reports-4-returned');
  });

  it('the officer reads the comment, corrects and resubmits', async () => {
    await officer.goto(reportUrl);
    await officer.getByTestId('review-comment').getByText('Đề nghị bổ sung số lượt khách tham dự.').waitFor();
    const done = officer.getByTestId('entry-5.2').locator('textarea[name=done]');
    await done.fill('Sở VHTTDL tổ chức Tuần văn hóa Việt - Lào tại Đông Hà, thu hút 3.000 lượt khách.');
    await officer.getByText(/Đã lưu lúc/).waitFor();
    await officer.getByRole('button', { name: 'Gửi lại báo cáo' }).click();
    await officer.getByTestId('confirm-dialog').getByRole('button', { name: 'Gửi lại báo cáo' }).click();
    await status(officer).getByText('Đã gửi').waitFor();
    await screenshot(officer, 'reports-5-resubmitted');
  });

  it('the secretariat accepts it, edits the consolidated report and exports it', async () => {
    await sec.reload();
    await sec.getByRole('button', { name: 'Chấp nhận' }).click();
    const confirmAccept = sec.getByTestId('confirm-dialog');
    expect(await confirmAccept.textContent()).toContain('Báo cáo bị khóa');
    await confirmAccept.getByRole('button', { name: 'Chấp nhận' }).press('Enter');
    await status(sec).getByText('Đã chấp nhận').waitFor();
    expect(await sec.getByTestId('history').textContent()).toContain('Gửi lại báo cáo');
    await screenshot(sec, 'reports-6-accepted');
    await sec.goto(`${base}/reports/periods/${periodId}/consolidated`);
    await sec.locator('textarea[name=assessment]').fill('Các cơ quan, đơn vị triển khai tích cực công tác thông tin đối ngoại.');
    await sec.getByRole('button', { name: 'Lưu' }).click();
    await sec.getByText('Lưu ✓').waitFor();
    await screenshot(sec, 'reports-7-consolidated');
    const [download] = await Promise.all([sec.waitForEvent('download'), sec.getByTestId('export-docx').click()]);
    const file = await download.path();
    const text = (await extractSource(fs.readFileSync(file!), 'export.docx')).text;
    expect(text).toContain('thu hút 3.000 lượt khách');
    expect(text).toContain('Các cơ quan, đơn vị triển khai tích cực công tác thông tin đối ngoại.');
    const [xlsx] = await Promise.all([sec.waitForEvent('download'), sec.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('two people editing the same draft: the second sees a clear conflict message, nothing is overwritten', async () => {
    const api = await ctx.login(DEMO.secretariat);
    const bao = await orgIdByName(api, 'Báo Quảng Trị');
    const { id } = (await api.request({ method: 'POST', url: `/api/report-periods/${periodId}/reports`, payload: { orgId: bao } })).json();
    const a = await secCtx.newPage();
    const b = await secCtx.newPage();
    for (const p of [a, b]) {
      await p.goto(`${base}/reports/r/${id}`);
      await p.getByTestId('entry-2.1').waitFor();
    }
    await a.getByTestId('entry-2.1').locator('textarea[name=done]').fill('Bản của người thứ nhất.');
    await a.getByText(/Đã lưu lúc/).waitFor();
    await b.getByTestId('entry-2.1').locator('textarea[name=done]').fill('Bản của người thứ hai.');
    await b.getByTestId('conflict').waitFor();
    expect(await b.getByTestId('conflict').textContent()).toContain('Nguyễn Thị Thường Trực');
    await screenshot(b, 'reports-8-conflict');
    const saved = (await api.request({ method: 'GET', url: `/api/reports/${id}` })).json();
    expect(saved.entries.find((e: { done: string }) => e.done.startsWith('Bản của')).done).toBe('Bản của người thứ nhất.');
  });

  it("an officer cannot open the dashboard data and gets a clear refusal on another organisation's report", async () => {
    const status403 = await officer.evaluate(async (id) => (await fetch(`/api/report-periods/${id}/dashboard`)).status, periodId);
    expect(status403).toBe(403);
  });
});
