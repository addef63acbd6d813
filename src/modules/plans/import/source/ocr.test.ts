import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { translate } from '../../../../shared/messages/catalogue';
import { clearToolCache } from '../../../../shared/tools';
import { extractSource, parsePlan } from '../index';
import { expectRefused } from '../test-helpers';
import { tsvToPage } from './ocr';
import { seedLayouts } from './test-layouts';

// OCR of an 8-page scan takes ~10 s on two quiet cores, much longer on a busy machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-ocr-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const md = async () => parsePlan(await extractSource(fs.readFileSync(path.join(FIXTURES, 'ke-hoach-ttdn-quang-tri-2023.md')), 'seed.md'));
const key = (t: { code: string; time: { from: string | null; to: string | null }; lead: Array<{ name: string }> }) =>
  JSON.stringify([t.code, t.time.from, t.time.to, t.lead.map((e) => e.name)]);

/** A PATH where pdftoppm is but tesseract is not. */
function pathWithoutTesseract(): string {
  const dir = path.join(tmp, 'no-tesseract');
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync('/usr/bin/pdftoppm', path.join(dir, 'pdftoppm'));
  return dir;
}

describe('scans read by OCR', () => {
  it('reads a scanned PDF (page images only): header, number, date and at least 16 of the 18 tasks, each page with its confidence', async () => {
    const scan = await seedLayouts().scanPdf();
    const progress: string[] = [];
    const source = await extractSource(scan, 'ke-hoach-scan.pdf', { onProgress: (p) => progress.push(`${p.done}/${p.pages}`) });
    expect(source.format).toBe('pdf');
    expect(progress).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    expect(source.ocr?.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of source.ocr!.pages) {
      expect(p.confidence).toBeGreaterThan(80);
      expect(p.words).toBeGreaterThan(300);
    }
    expect(source.blocks.every((b) => b.page! >= 1)).toBe(true);
    const warn = source.warnings.find((w) => w.code === 'plan.warn_ocr')!;
    expect(translate('vi', warn.code, warn.details)).toMatch(
      /^Văn bản được đọc bằng nhận dạng chữ \(OCR\) từ 8 trang ảnh, độ tin cậy trung bình 9\d%/,
    );

    const plan = parsePlan(source);
    expect(plan.document).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
      numberCode: 'KH-UBND',
      place: 'Quảng Trị',
      issuedOn: '2023-02-10',
      kind: 'KẾ HOẠCH',
    });
    expect(plan.document.number).toMatch(/^27(\/KH-UBND)?$/);
    const expected = new Set((await md()).tasks.map(key));
    const found = plan.tasks.filter((t) => expected.has(key(t)));
    expect(found.length).toBeGreaterThanOrEqual(16);
    expect(plan.warnings.map((w) => w.code)).toContain('plan.warn_ocr');
  });

  it('reads a page image (.png and .tif) by OCR', async () => {
    const [page1] = await seedLayouts().pageImages();
    const source = await extractSource(page1, 'trang-1.png');
    expect(source.format).toBe('image');
    expect(source.ocr?.pages).toHaveLength(1);
    const plan = parsePlan(source);
    expect(plan.document).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', issuedOn: '2023-02-10', place: 'Quảng Trị' });
    // the same page as a TIFF (what many scanners write), named .tif
    const pdf = path.join(tmp, 'seed.pdf');
    fs.writeFileSync(pdf, await seedLayouts().pdf());
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-tiff', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(tmp, 'trang-1')]);
    const tif = await extractSource(fs.readFileSync(path.join(tmp, 'trang-1.tif')), 'trang-1.tif');
    expect(tif.format).toBe('image');
    expect(parsePlan(tif).document).toMatchObject({ issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', numberCode: 'KH-UBND' });
  });

  it('without tesseract: the error names the packages and the file, before any page is read', async () => {
    clearToolCache();
    const env = { PATH: pathWithoutTesseract() };
    const scan = await seedLayouts().scanPdf();
    const pages: number[] = [];
    const { error, ms } = await expectRefused(
      () => extractSource(scan, 'ke-hoach-scan.pdf', { env, onProgress: (p) => pages.push(p.done) }),
      'tool.missing',
    );
    expect(translate('vi', error.code, error.details)).toBe(
      'Chưa cài Tesseract nên không đọc được tệp ke-hoach-scan.pdf: cài gói tesseract-ocr và tesseract-ocr-vie trên máy chủ rồi thử lại.',
    );
    expect(pages).toEqual([]);
    expect(ms).toBeLessThan(10_000);
    const png = await expectRefused(async () => extractSource((await seedLayouts().pageImages())[0], 'trang.png', { env }), 'tool.missing');
    expect(png.error.details.filename).toBe('trang.png');
  });

  it('turns Tesseract TSV into positioned words on their lines, with the page confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
      '4\t1\t1\t1\t1\t0\t300\t200\t900\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t200\t200\t50\t96\tII',
      '5\t1\t1\t1\t1\t2\t520\t200\t300\t50\t90\tNỘI',
      '5\t1\t1\t1\t1\t3\t840\t205\t360\t45\t30\tDUNG',
    ].join('\n');
    const r = tsvToPage(tsv, 3, 300);
    expect(r.page.page).toBe(3);
    expect(r.page.width).toBeCloseTo(595.2, 1);
    expect(r.page.items.map((i) => i.str)).toEqual(['II.', 'NỘI', 'DUNG']);
    expect(new Set(r.page.items.map((i) => i.y)).size).toBe(1);
    expect(r.page.items[0].x).toBeCloseTo(72, 1);
    expect(r.confidence).toBeCloseTo((96 * 2 + 90 * 3 + 30 * 4) / 9, 1);
    expect(r.doubtful).toBe(1);
  });
});
