import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { rowsOf } from '../../db/client';
import { clearToolCache } from '../../shared/tools';
import { seedLayouts } from './import/source/test-layouts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
let ctx: TestContext;
let secretariat: Client;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-import-ocr-'));
const realPath = process.env.PATH;
beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login(DEMO.secretariat);
});
afterAll(async () => {
  process.env.PATH = realPath;
  clearToolCache();
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const upload = (buf: Buffer, filename: string) =>
  secretariat.request({
    method: 'POST',
    url: `/api/plans/import?filename=${encodeURIComponent(filename)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: buf,
  });
const count = async (table: string) =>
  rowsOf<{ n: number }>(await ctx.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

describe('importing a scan through the API', () => {
  it('reads a page image: the worker hands the scan back and OCR runs in child processes', async () => {
    const [page1] = await seedLayouts().pageImages();
    const res = await upload(page1, 'trang-1.png');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.source.format).toBe('image');
    expect(body.source.ocr.pages).toHaveLength(1);
    expect(body.source.ocr.pages[0].confidence).toBeGreaterThan(80);
    expect(body.plan.document).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', issuedOn: '2023-02-10' });
    expect(body.plan.warnings.map((w: { code: string }) => w.code)).toContain('plan.warn_ocr');
  });

  it('without tesseract on the server: 503 naming the packages and the file, nothing saved', async () => {
    const scan = await seedLayouts().scanPdf();
    const before = { plans: await count('plans'), tasks: await count('plan_tasks') };
    // this test file runs in its own process (vitest forks): the server looks for tools on this PATH
    const dir = path.join(tmp, 'bin');
    fs.mkdirSync(dir);
    fs.symlinkSync('/usr/bin/pdftoppm', path.join(dir, 'pdftoppm'));
    process.env.PATH = dir;
    clearToolCache();
    try {
      const res = await upload(scan, 'ke-hoach-scan.pdf');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        code: 'tool.missing',
        message:
          'Chưa cài Tesseract nên không đọc được tệp ke-hoach-scan.pdf: cài gói tesseract-ocr và tesseract-ocr-vie trên máy chủ rồi thử lại.',
      });
    } finally {
      process.env.PATH = realPath;
      clearToolCache();
    }
    expect({ plans: await count('plans'), tasks: await count('plan_tasks') }).toEqual(before);
  });
});
