import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROLE_VALUES } from '../../src/http';
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

describe('platform in the browser', () => {
  for (const role of ROLE_VALUES) {
    it(`logs in as the demo ${role} and shows the directory`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await loginInBrowser(page, base, DEMO[role]);
      await page.getByRole('link', { name: 'Danh bạ đơn vị' }).first().click();
      await page.getByTestId('org-table').waitFor();
      // the directory keeps the former bodies beside today's (sorted by name: the Ban… come first)
      await page.getByRole('link', { name: 'Ban Dân tộc tỉnh', exact: true }).waitFor();
      const rows = await page.locator('[data-testid=org-table] tbody tr').count();
      expect(rows).toBe(25);
      const file = await screenshot(page, `directory-${role}`);
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
      await page.close();
    });
  }

  it('searches the directory without diacritics', async () => {
    const page = await browser.newPage();
    await loginInBrowser(page, base, DEMO.secretariat);
    await page.goto(`${base}/orgs`);
    await page.getByRole('searchbox').first().fill('huong hoa');
    await page.getByRole('link', { name: 'UBND huyện Hướng Hóa' }).waitFor();
    expect(await page.locator('[data-testid=org-table] tbody tr').count()).toBe(1);
    await page.close();
  });

  it("refuses an officer another organisation's data, in the browser and by the API", async () => {
    const page = await browser.newPage();
    await loginInBrowser(page, base, DEMO.officer);
    const other = (await page.evaluate(async () => (await fetch('/api/orgs?q=B%C3%A1o%20Qu%E1%BA%A3ng%20Tr%E1%BB%8B')).json())).items[0]
      .id as string;
    await page.goto(`${base}/orgs/${other}/members`);
    const refused = page.getByTestId('refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Bạn chỉ được xem và sửa dữ liệu của đơn vị mình');
    await screenshot(page, 'officer-refused');
    const status = await page.evaluate(async (id) => (await fetch(`/api/orgs/${id}/members`)).status, other);
    expect(status).toBe(403);
    await page.close();
  });

  it('is usable on a phone and switches to English', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await loginInBrowser(page, base, DEMO.leader);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Overview').first().waitFor({ state: 'attached' });
    await page.goto(`${base}/orgs`);
    await page.getByTestId('org-table').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Organisation directory');
    await screenshot(page, 'directory-phone-en');
    await page.close();
  });
});
