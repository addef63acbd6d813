import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestContext, DEMO, type TestContext } from '../context';
import { launchBrowser, listen, loginInBrowser, screenshot } from './browser';

let ctx: TestContext;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const sec = await ctx.login(DEMO.secretariat);
  const topics = (await sec.request({ method: 'GET', url: '/api/press/topics' })).json().items as { id: string; key: string }[];
  await sec.request({
    method: 'POST',
    url: `/api/press/topics/${topics.find((t) => t.key === 'border-gates')!.id}/follow`,
    payload: { follow: true },
  });
  for (const payload of [
    {
      title: 'Bịa đặt thông tin về cửa khẩu Lao Bảo',
      text: 'Một số trang mạng đã bịa đặt, xuyên tạc thông tin về tình hình tại cửa khẩu Lao Bảo, kích động người dân và chống phá chính quyền. Các thông tin này hoàn toàn sai sự thật, gây hoang mang dư luận.',
      outlet: 'Trang mạng X',
      url: 'https://x.example.test/lao-bao',
      publishedAt: '2024-03-12T08:00:00+07:00',
    },
    {
      title: 'Quảng Trị họp bàn công tác thông tin đối ngoại',
      text: 'Ngày 12/3, tại thành phố Đông Hà, UBND tỉnh Quảng Trị tổ chức hội nghị về công tác thông tin đối ngoại năm 2024.',
      outlet: 'Báo Quảng Trị',
      url: 'https://baoquangtri.example.test/hoi-nghi',
      publishedAt: '2024-03-12T09:00:00+07:00',
    },
  ]) {
    const res = await sec.request({ method: 'POST', url: '/api/press/articles/text', payload });
    expect(res.statusCode, res.body).toBe(200);
  }
  base = await listen(ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

describe('press monitoring in the browser', () => {
  it('searches without diacritics and highlights the hits', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginInBrowser(page, base, DEMO.secretariat);
    await page.getByRole('link', { name: 'Theo dõi báo chí' }).first().click();
    await page.getByText('Chưa có bài viết nào trong khoảng thời gian này.').waitFor();
    await page.goto(`${base}/press?from=2024-03-01&to=2024-03-31`);
    await page.getByTestId('press-dashboard').waitFor();
    await screenshot(page, 'press-dashboard');
    await page.goto(`${base}/press/articles`);
    await page.getByRole('searchbox').fill('quang tri');
    await page.locator('[data-testid=article-list] mark', { hasText: 'Quảng Trị' }).first().waitFor();
    await screenshot(page, 'press-search');
    await page.close();
  });

  it('follows an alert to a case and closes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await loginInBrowser(page, base, DEMO.secretariat);
    await page.goto(`${base}/press/alerts`);
    const alert = page.getByTestId('alert-list').locator('li', { hasText: 'Bịa đặt thông tin về cửa khẩu Lao Bảo' });
    await alert.waitFor();
    expect(await page.getByTestId('alert-list').locator('li').count()).toBe(1); // the neutral article raised none
    // The rules that raise alerts are on the same screen; the secretariat adds one.
    const rules = page.getByTestId('alert-rules');
    const before = await rules.locator('li').count();
    await rules.getByLabel('Tên quy tắc').fill('Tin tiêu cực từ báo lớn');
    await rules.getByLabel('Trọng số báo tối thiểu (1–5)').fill('4');
    await rules.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await rules.locator('li', { hasText: 'Tin tiêu cực từ báo lớn' }).waitFor();
    expect(await rules.locator('li').count()).toBe(before + 1);
    await screenshot(page, 'press-alerts');
    await alert.getByRole('button', { name: 'Mở vụ việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bịa đặt thông tin về cửa khẩu Lao Bảo' }).waitFor();

    const act = async (name: string) => {
      await page.getByTestId('case-actions').getByRole('button', { name, exact: true }).click();
      await page
        .getByTestId('case-history')
        .getByText(name === 'Lưu dự thảo lập luận' ? 'Lưu dự thảo lập luận' : name)
        .first()
        .waitFor();
    };
    await act('Xác minh');
    await page
      .getByLabel('Tài liệu lập luận')
      .fill('Thông tin về cửa khẩu Lao Bảo là sai sự thật: hoạt động thông quan diễn ra bình thường.');
    await act('Lưu dự thảo lập luận');
    await act('Phê duyệt');
    await page.getByLabel('Ghi chú / lý do').fill('Đã cung cấp cho Báo Quảng Trị và Đài PT-TH tỉnh');
    await act('Đã cung cấp cho báo chí / đăng tải');
    await screenshot(page, 'press-case-published');
    await act('Đóng vụ việc');
    await page.locator('.steps li[aria-current=step]', { hasText: 'Đã đóng' }).waitFor();
    expect(await page.getByTestId('case-actions').count()).toBe(0);
    await screenshot(page, 'press-case-closed');

    await page.goto(`${base}/press/alerts`);
    await page.getByTestId('alert-list').getByRole('link', { name: 'Xem vụ việc' }).waitFor();
    await page.close();
  });
});
