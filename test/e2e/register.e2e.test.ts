import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, DEMO, type Client, type TestContext } from '../context';
import { loadP12, makeCertificate, toP12 } from '../../src/modules/signing/credentials';
import { signPdf } from '../../src/modules/signing/sign-pdf';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

/** The register screen: the documents numbered this year, search, a number for a letter drafted elsewhere, and a signed PDF checked. */
let ctx: TestContext;
let browser: Browser;
let base: string;
let sec: Client;
let dir: string;
const SIGNER = 'Sở Văn hóa, Thể thao và Du lịch';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-register-e2e-'));
  const org = makeCertificate({ commonName: SIGNER });
  fs.writeFileSync(path.join(dir, 'org.p12'), toP12(org.key, [org.cert], 'pw-e2e'));
  ctx = await createTestContext({ SIGNING_P12: path.join(dir, 'org.p12'), SIGNING_P12_PASSWORD: 'pw-e2e' });
  sec = await ctx.login(DEMO.secretariat);
  for (const summary of ['V/v đôn đốc gửi báo cáo 6 tháng', 'V/v cung cấp thông tin báo chí']) {
    const res = await sec.request({
      method: 'POST',
      url: '/api/register/entries',
      payload: { orgId: sec.user.orgId, kindCode: 'CV', unitCode: 'VP', summary, signer: 'Lê Văn B' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // a PDF signed with the organisation's certificate, to check on the screen
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Cong van');
  const signed = await signPdf(Buffer.from(await doc.save()), await loadP12(fs.readFileSync(path.join(dir, 'org.p12')), 'pw-e2e'), {
    reason: 'Ban hành',
    location: 'Tỉnh',
  });
  fs.writeFileSync(path.join(dir, 'cong-van-da-ky.pdf'), signed);
  const altered = Buffer.from(signed);
  altered[100] ^= 0x01;
  fs.writeFileSync(path.join(dir, 'cong-van-da-sua.pdf'), altered);
  base = await listen(ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await loginInBrowser(page, base, username);
  await page.getByRole('link', { name: 'Sổ văn bản đi' }).click();
  await page.getByRole('heading', { name: 'Sổ đăng ký văn bản đi' }).waitFor();
  return page;
}

describe('the register screen', () => {
  it('lists and searches the numbered documents, numbers a new letter, and checks a signed PDF', async () => {
    const page = await open(DEMO.secretariat);
    const table = page.getByTestId('register-table');
    await table.getByText('02/SVHTTDL-VP').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Tìm theo số, trích yếu, người ký, nơi nhận').fill('don doc');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=register-table] tbody tr').length === 1);
    expect(await table.locator('tbody tr').first().textContent()).toContain('01/SVHTTDL-VP');
    await page.getByLabel('Tìm theo số, trích yếu, người ký, nơi nhận').fill('');

    const form = page.getByRole('form', { name: 'Cấp số cho văn bản soạn ngoài hệ thống' });
    await form.getByLabel('Chữ viết tắt đơn vị soạn thảo (ví dụ VP)').fill('VP');
    await form.getByLabel('Trích yếu nội dung').fill('V/v tổ chức hội nghị thông tin đối ngoại');
    await form.getByLabel('Nơi nhận (mỗi dòng một nơi)').fill('Sở Ngoại vụ\nLưu: VT');
    await form.getByRole('button', { name: 'Cấp số' }).click();
    expect(await page.getByTestId('register-given').textContent()).toBe('Đã cấp số 03/SVHTTDL-VP.');
    await table.getByText('03/SVHTTDL-VP').waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('Sở Ngoại vụ; Lưu: VT');
    const href = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/register\/export\.xlsx\?year=\d{4}$/);

    await page.getByLabel('Tệp PDF').setInputFiles(path.join(dir, 'cong-van-da-ky.pdf'));
    const result = page.getByTestId('signature-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Chữ ký hợp lệ, văn bản không bị thay đổi');
    expect(await result.textContent()).toContain(`Người ký: ${SIGNER}`);
    await screenshot(page, 'register');
    await page.getByLabel('Tệp PDF').setInputFiles(path.join(dir, 'cong-van-da-sua.pdf'));
    await page.getByText('Văn bản đã bị thay đổi sau khi ký').waitFor();
  });

  it("a signed PDF attached to a report: 'Kiểm tra chữ ký số' beside it shows the signer", async () => {
    const officer = await ctx.login(DEMO.officer);
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const period = await sec.request({
      method: 'POST',
      url: '/api/report-periods/ad-hoc',
      payload: { title: 'Báo cáo đột xuất kèm văn bản ký số', orgIds: [officer.user.orgId], deadline, questions: ['Kết quả?'] },
    });
    expect(period.statusCode, period.body).toBe(201);
    const opened = await officer.request({
      method: 'POST',
      url: `/api/report-periods/${period.json().id}/reports`,
      payload: { orgId: officer.user.orgId },
    });
    const reportId = opened.json().id as string;
    const attached = await officer.request({
      method: 'POST',
      url: `/api/reports/${reportId}/files?filename=cong-van-da-ky.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: fs.readFileSync(path.join(dir, 'cong-van-da-ky.pdf')),
    });
    expect(attached.statusCode, attached.body).toBe(201);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await loginInBrowser(page, base, DEMO.officer);
    await page.goto(`${base}/reports/r/${reportId}`);
    await page.getByRole('link', { name: 'cong-van-da-ky.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Kiểm tra chữ ký số' }).click();
    const result = page.getByTestId('signature-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Chữ ký hợp lệ, văn bản không bị thay đổi');
    expect(await result.textContent()).toContain(`Người ký: ${SIGNER}`);
  });

  it('the consolidated report: issued from its screen, then downloaded signed', async () => {
    const periods = (await sec.request({ method: 'GET', url: '/api/report-periods?year=2023' })).json().items as {
      id: string;
      kind: string;
    }[];
    const periodId = periods.find((p) => p.kind === 'six_months')!.id;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    await loginInBrowser(page, base, DEMO.secretariat);
    await page.goto(`${base}/reports/periods/${periodId}/consolidated`);
    await page.getByRole('button', { name: 'Ban hành (cấp số)' }).click();
    await page.getByTestId('consolidated-issued').waitFor();
    expect(await page.getByTestId('consolidated-issued').textContent()).toMatch(/^Đã ban hành: số 01, ngày /);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('button', { name: 'Tải PDF có chữ ký số' }).click(),
    ]);
    const file = path.join(dir, 'downloaded.pdf');
    await download.saveAs(file);
    const checked = await sec.request({
      method: 'POST',
      url: '/api/signatures/verify?filename=downloaded.pdf',
      headers: { 'content-type': 'application/pdf' },
      payload: fs.readFileSync(file),
    });
    expect(checked.json().signatures[0]).toMatchObject({ status: 'valid', signerName: SIGNER });
  }, 120_000);
});
