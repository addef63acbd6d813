import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PLAN_FILE } from '../../src/demo/load-demo-plan';
import { createTestContext, DEMO, type TestContext } from '../context';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

let ctx: TestContext;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ctx = await createTestContext();
  base = await listen(ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe('plans in the browser', () => {
  it('imports the seed, fixes a flagged organisation, saves, and finds the plan in the timeline', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await loginInBrowser(page, base, DEMO.secretariat);
    await page.goto(`${base}/plans/import`);
    // The seed with one organisation written as the directory does not know it.
    const text = fs
      .readFileSync(DEMO_PLAN_FILE, 'utf8')
      .replace(
        'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2023',
        'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2023 (nhập thử)',
      )
      .replace('Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch\n', 'Cơ quan chủ trì: Sở Du lịch\n');
    await page
      .getByLabel('Chọn tệp kế hoạch', { exact: false })
      .setInputFiles({ name: 'ke-hoach-2023.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await page.getByText('Đã nhận dạng 18 nhiệm vụ').waitFor();
    expect(await page.getByTestId('source-text').textContent()).toContain('Hoàng Sa, Trường Sa');
    const flagged = page.locator('li.has-unmatched');
    expect(await flagged.count()).toBe(1);
    await flagged.locator('.task-head').click();
    await screenshot(page, 'plan-import');
    const pick = page.getByLabel('Chọn đơn vị cho "Sở Du lịch"');
    const value = await pick.locator('option', { hasText: 'Sở Văn hóa, Thể thao và Du lịch' }).getAttribute('value');
    await pick.selectOption(value!);
    expect(await page.locator('li.has-unmatched').count()).toBe(0);
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByRole('heading', { name: /nhập thử/ }).waitFor();
    await page.getByRole('tab', { name: 'Tiến độ' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('Tổ chức Triển lãm lưu động bản đồ');
    // Task 3 runs in Q1: three months lit.
    const row = timeline.locator('tr', { hasText: 'Tổ chức Triển lãm lưu động' });
    expect(await row.locator('td.tl-on').count()).toBe(3);
    await screenshot(page, 'plan-timeline');
    await page.getByRole('tab', { name: 'Ma trận phân công' }).click();
    await page.getByTestId('matrix').waitFor();
    const row52 = page.getByTestId('matrix').locator('tr', { hasText: 'Tổ chức và tham gia các chương trình giao lưu' });
    expect(await row52.locator('td.lead').count()).toBe(1);
    await screenshot(page, 'plan-matrix');
    // The saved plan's task 5.2 is led by the organisation picked on the import screen.
    const plans = (await page.evaluate(async () => (await fetch('/api/plans?q=nhap%20thu')).json())).items;
    const saved = await page.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).json(), plans[0].id);
    expect(saved.tasks.find((t: { code: string }) => t.code === '5.2').lead[0]).toMatchObject({
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      raw: 'Sở Du lịch',
    });
    // "Ban hành" asks first, saying what issuing does; cancelling leaves the draft as it was.
    await page.getByRole('button', { name: 'Ban hành' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain(`thấy ${saved.tasks.length} nhiệm vụ của mình`);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.badge-draft').count()).toBe(1);
    expect((await page.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).json(), plans[0].id)).status).toBe('draft');
    await page.close();
  });

  it('imports as of a date: shows each successor step and lets the user choose where the task does not tell', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await loginInBrowser(page, base, DEMO.secretariat);
    await page.goto(`${base}/plans/import`);
    const text = [
      'Số: 3/KH-UBND',
      '',
      'Quảng Trị, ngày 10 tháng 01 năm 2024',
      '',
      '**KẾ HOẠCH**',
      '**Công tác thông tin đối ngoại năm 2024 (theo ngày)**',
      '',
      '**II. NỘI DUNG**',
      '',
      '### **1. Triển khai văn bản về thông tin đối ngoại**',
      '',
      '- Nội dung: Triển khai các văn bản về thông tin đối ngoại.',
      '',
      '- Cơ quan chủ trì: Sở Thông tin và Truyền thông.',
      '',
      '### **2. Họp giao ban hằng quý**',
      '',
      '- Nội dung: Tổ chức họp giao ban.',
      '',
      '- Cơ quan chủ trì: Sở Thông tin và Truyền thông.',
      '',
    ].join('\n');
    await page.getByLabel('Đối chiếu cơ quan theo ngày').fill('2026-12-01');
    await page
      .getByLabel('Chọn tệp kế hoạch', { exact: false })
      .setInputFiles({ name: 'ke-hoach-2024.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await page.getByText('Đã nhận dạng 2 nhiệm vụ').waitFor();
    expect(await page.getByTestId('resolved-as-of').textContent()).toContain('01/12/2026');
    expect(await page.locator('li.has-unmatched').count()).toBe(1);
    await page.locator('.task-head').first().click();
    expect(await page.getByTestId('successor-chain').first().textContent()).toContain(
      'Sở TTTT (đến 28/02/2025) → Sở VHTTDL: nhiệm vụ TTĐN',
    );
    await page.locator('li.has-unmatched .task-head').click();
    const choice = page.getByTestId('successor-choice');
    const value = await choice.locator('option', { hasText: 'Sở Khoa học và Công nghệ' }).getAttribute('value');
    await choice.selectOption(value!);
    expect(await page.locator('li.has-unmatched').count()).toBe(0);
    await screenshot(page, 'plan-import-as-of');
    await page.close();
  });

  it("shows an officer their organisation's tasks", async () => {
    const page = await browser.newPage();
    await loginInBrowser(page, base, DEMO.officer);
    await page.getByRole('link', { name: 'Nhiệm vụ của đơn vị' }).click();
    await page.getByRole('link', { name: /3\. Tổ chức Triển lãm/ }).waitFor();
    expect(await page.getByText('Cơ quan chủ trì').count()).toBeGreaterThan(0);
    await screenshot(page, 'org-tasks-officer');
    await page.close();
  });
});
