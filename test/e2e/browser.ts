import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestContext } from '../context';
import { TEST_PASSWORD } from '../db';

/** Debian's chromium, driven by Playwright. scripts/test.mjs installs it or stops with a message. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run the tests with "npm test", which installs it.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Starts the app of a test context on a free loopback port; the built web app must exist. */
export async function listen(ctx: TestContext): Promise<string> {
  if (!fs.existsSync(path.join(ctx.config.webDist, 'index.html'))) {
    throw new Error(`The web app is not built in ${ctx.config.webDist}: run the tests with "npm test", which builds it.`);
  }
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ctx.app.server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

export async function loginInBrowser(page: Page, base: string, username: string, password = TEST_PASSWORD) {
  page.setDefaultTimeout(10_000);
  await page.goto(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
