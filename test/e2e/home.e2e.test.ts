import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, DEMO, type Client, type TestContext } from '../context';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

/** Each role's home shows what to act on, with the figures the API gives for the open period (#19 item 6). */
let ctx: TestContext;
let browser: Browser;
let base: string;
let sec: Client;
let officerOrg: string;
const vnDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const OVERDUE = 'Yêu cầu báo cáo đột xuất: tình hình tổ chức sự kiện quốc tế';
const RETURNED = 'Yêu cầu báo cáo đột xuất: công tác quản lý báo chí nước ngoài';

beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
  const officer = await ctx.login(DEMO.officer);
  officerOrg = (await officer.request({ method: 'GET', url: '/api/auth/me' })).json().user.orgId;
  const adHoc = async (title: string, deadline: string) => {
    const res = await sec.request({
      method: 'POST',
      url: '/api/report-periods/ad-hoc',
      payload: { title, orgIds: [officerOrg], deadline, questions: ['Kết quả đạt được?'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  // A request whose deadline passed three days ago (the API refuses a past deadline, so the test sets it).
  const overdue = await adHoc(OVERDUE, vnDay(1));
  await ctx.database.db.execute(sql`UPDATE report_periods SET deadline = ${vnDay(-3)} WHERE id = ${overdue}`);
  const returned = await adHoc(RETURNED, vnDay(10));
  const opened = await officer.request({ method: 'POST', url: `/api/report-periods/${returned}/reports`, payload: { orgId: officerOrg } });
  expect(opened.statusCode, opened.body).toBe(200);
  const reportId = opened.json().id;
  const report = (await officer.request({ method: 'GET', url: `/api/reports/${reportId}` })).json();
  const submitted = await officer.request({ method: 'POST', url: `/api/reports/${reportId}/submit`, payload: { version: report.version } });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const back = await sec.request({
    method: 'POST',
    url: `/api/reports/${reportId}/return`,
    payload: { comment: 'Đề nghị bổ sung số liệu.' },
  });
  expect(back.statusCode, back.body).toBe(200);
  base = await listen(ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

async function home(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await loginInBrowser(page, base, username);
  await page.goto(`${base}/`);
  return page;
}

/** The period the completeness card names, and its dashboard, read from the API in the page's session. */
async function shownPeriod(page: Page) {
  const card = page.getByTestId('home-completeness');
  await card.getByTestId('home-received').waitFor();
  const heading = (await card.locator('h2').textContent())!.replace(/^Kỳ báo cáo: /, '');
  return page.evaluate(async (title) => {
    const periods = (await (await fetch('/api/report-periods')).json()).items as { id: string; title: string; status: string }[];
    const p = periods.find((x) => x.title === title && x.status === 'open')!;
    return (await (await fetch(`/api/report-periods/${p.id}/dashboard`)).json()).totals as Record<string, number>;
  }, heading);
}

describe('a home per role', () => {
  it("the leader: the open period's completeness, the press, tasks at risk, budget and deadlines", async () => {
    const page = await home(DEMO.leader);
    const totals = await shownPeriod(page);
    expect(await page.getByTestId('home-received').textContent()).toBe(`${totals.received}/${totals.expected} đơn vị đã gửi báo cáo`);
    expect(await page.getByTestId('home-missing').textContent()).toBe(String(totals.missing));
    expect(await page.getByTestId('home-on-time').textContent()).toBe(String(totals.onTime));
    const press = await page.evaluate(async () => (await fetch('/api/press/dashboard')).json());
    await page.getByTestId('home-press-negative').waitFor();
    expect(await page.getByTestId('home-press-negative').textContent()).toBe(
      `${press.tone.negative} bài tiêu cực trong ${press.articles} bài`,
    );
    for (const id of ['home-at-risk', 'home-budget', 'home-deadlines']) await page.getByTestId(id).waitFor();
    expect(await page.getByTestId('home-deadlines').textContent()).toContain(RETURNED);
    expect(await page.locator('.bars').count()).toBe(0);
    await screenshot(page, 'home-leader');
  });

  it('the officer: reports overdue, returned and to send, each a direct link', async () => {
    const page = await home(DEMO.officer);
    const card = page.getByTestId('home-my-reports');
    await card.waitFor();
    expect(Number(await card.getByTestId('home-reports-overdue').locator('strong').textContent())).toBeGreaterThanOrEqual(1);
    expect(await card.getByTestId('home-reports-returned').locator('strong').textContent()).toBe('1');
    const overdue = card.locator('li', { hasText: OVERDUE });
    expect(await overdue.textContent()).toContain('quá hạn 3 ngày');
    await card.getByRole('link', { name: RETURNED }).click();
    await page.getByTestId('review-comment').getByText('Đề nghị bổ sung số liệu.').waitFor();
    await screenshot(page, 'home-officer');
  });

  it('the secretariat: what waits for review, who is late, the alerts', async () => {
    const page = await home(DEMO.secretariat);
    const queue = page.getByTestId('home-review-queue');
    await queue.waitFor();
    const waiting = await page.evaluate(async () =>
      ((await (await fetch('/api/report-periods')).json()).items as { status: string; counts: { submitted: number } }[])
        .filter((p) => p.status === 'open')
        .reduce((s, p) => s + p.counts.submitted, 0),
    );
    expect(await queue.getByTestId('home-waiting').textContent()).toBe(String(waiting));
    const totals = await shownPeriod(page);
    expect(await page.getByTestId('home-under-review').textContent()).toBe(String(totals.underReview));
    await page.getByTestId('home-open-alerts').waitFor();
    const alerts = await page.evaluate(async () => (await (await fetch('/api/press/alerts?open=true&pageSize=1')).json()).total);
    expect(await page.getByTestId('home-open-alerts').textContent()).toBe(`Cảnh báo chưa xử lý: ${alerts}`);
    await screenshot(page, 'home-secretariat');
  });
});
