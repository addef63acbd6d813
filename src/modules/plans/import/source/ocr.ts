import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { requireTool, runTool, type ToolEnv } from '../../../../shared/tools';
import type { PdfItem, PdfPage } from './pdf-layout';

/** Pages rasterised per inch for OCR: Tesseract reads 300 dpi best (documents note). */
export const OCR_DPI = 300;
/** A scan longer than this is refused up front: at ~2–3 s a page it would hold the server for minutes. */
export const MAX_OCR_PAGES = 60;
/** One page's rasterising or recognition may take this long. */
export const OCR_PAGE_TIMEOUT_MS = 120_000;
/** Words under this confidence (0–100) are counted as doubtful. */
export const DOUBTFUL_WORD = 60;

export interface OcrProgress {
  /** Pages finished so far, and how many there are. */
  done: number;
  pages: number;
  /** The page just finished (1-based). */
  page: number;
}

export interface OcrOptions extends ToolEnv {
  signal?: AbortSignal;
  onProgress?: (p: OcrProgress) => void;
  /** Pages read side by side; each Tesseract runs on one thread. Default: the cores, at most 4. */
  parallel?: number;
}

export interface OcrPageResult {
  page: PdfPage;
  /** Mean word confidence, 0–100 (Tesseract's TSV `conf`), weighted by word length. */
  confidence: number;
  words: number;
  doubtful: number;
}

/**
 * Reads Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height,
 * conf, text) into positioned words for pdf-layout: pixels become points at `dpi`, each word
 * sits on its line's baseline with the line's height as its size.
 */
export function tsvToPage(tsv: string, pageNo: number, dpi: number): OcrPageResult {
  const scale = 72 / dpi;
  const lines = new Map<string, { top: number; bottom: number; words: Array<{ x: number; w: number; text: string; conf: number }> }>();
  let width = 0;
  let height = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const [level, , block, par, line, , left, top, w, h, conf] = c.slice(0, 11).map(Number);
    const text = c.slice(11).join('\t').trim();
    if (level === 1) {
      width = w;
      height = h;
    }
    if (level !== 5 || !text) continue;
    const key = `${block}.${par}.${line}`;
    const l = lines.get(key) ?? { top, bottom: top + h, words: [] };
    l.top = Math.min(l.top, top);
    l.bottom = Math.max(l.bottom, top + h);
    l.words.push({ x: left, w, text, conf });
    lines.set(key, l);
  }
  const items: PdfItem[] = [];
  let weighted = 0;
  let chars = 0;
  let words = 0;
  let doubtful = 0;
  // a line's box runs from the top of its accents to the foot of its descenders (about 0.95 em in a serif face) but
  // shrinks on a line without them: lines near the page's usual height take that height
  const heights = [...lines.values()].map((l) => l.bottom - l.top).sort((a, b) => a - b);
  const usual = heights.length ? heights[Math.floor(heights.length / 2)] : 0;
  for (const l of lines.values()) {
    const h = l.bottom - l.top;
    const lineH = h > usual * 0.6 && h < usual * 1.4 ? usual : h;
    const size = (lineH / 0.95) * scale;
    const baseline = (l.bottom - h * 0.18) * scale;
    l.words.forEach((word, i) => {
      // OCR often drops the dot of a section number in bold capitals: `II NỘI DUNG` → `II. NỘI DUNG`
      const next = l.words[i + 1]?.text ?? '';
      const text = i === 0 && /^[IVX]{1,4}$/.test(word.text) && /^\p{Lu}{2,}/u.test(next) ? `${word.text}.` : word.text;
      items.push({ str: text, x: word.x * scale, y: baseline, w: word.w * scale, size, bold: false });
      const n = word.text.length;
      if (word.conf >= 0) {
        weighted += word.conf * n;
        chars += n;
      }
      words++;
      if (word.conf < DOUBTFUL_WORD) doubtful++;
    });
  }
  return {
    page: { page: pageNo, width: width * scale, height: height * scale, items, rules: [] },
    confidence: chars ? Math.round((weighted / chars) * 10) / 10 : 0,
    words,
    doubtful,
  };
}

/** Runs `work` over the items, `limit` at a time, in order of the items; stops at the first failure. */
async function inParallel<T, R>(list: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(list.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < list.length) {
      const i = next++;
      try {
        out[i] = await work(list[i]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, list.length)) }, lane));
  return out;
}

const defaultParallel = () => Math.max(1, Math.min(4, os.availableParallelism()));

async function recognise(image: string, pageNo: number, dpi: number, filename: string, opts: OcrOptions): Promise<OcrPageResult> {
  const tesseract = await requireTool('tesseract', filename, opts);
  const { stdout } = await runTool(tesseract, [image, '-', '-l', 'vie', '--psm', '4', '--dpi', String(dpi), 'tsv'], {
    timeoutMs: OCR_PAGE_TIMEOUT_MS,
    filename,
    page: pageNo,
    env: opts.env,
    signal: opts.signal,
  });
  return tsvToPage(stdout, pageNo, dpi);
}

/**
 * OCR of the given pages of a PDF: each page rasterised by `pdftoppm -r 300 -gray`, then read by
 * `tesseract -l vie` (TSV), pages side by side in child processes with time limits. Both tools
 * are checked first, so a missing one fails before any work (`tool.missing`).
 */
export async function ocrPdfPages(buf: Buffer, pageNos: number[], filename: string, opts: OcrOptions = {}): Promise<OcrPageResult[]> {
  if (pageNos.length > MAX_OCR_PAGES)
    throw new AppError('plan.ocr_too_many_pages', { filename, pages: pageNos.length, max: MAX_OCR_PAGES });
  const pdftoppm = await requireTool('pdftoppm', filename, opts);
  await requireTool('tesseract', filename, opts);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ttdn-ocr-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await fs.writeFile(input, buf);
    let done = 0;
    return await inParallel(pageNos, opts.parallel ?? defaultParallel(), async (pageNo) => {
      const base = path.join(dir, `p${pageNo}`);
      const n = String(pageNo);
      await runTool(pdftoppm, ['-r', String(OCR_DPI), '-gray', '-png', '-f', n, '-l', n, '-singlefile', input, base], {
        timeoutMs: OCR_PAGE_TIMEOUT_MS,
        filename,
        page: pageNo,
        env: opts.env,
        signal: opts.signal,
      });
      const result = await recognise(`${base}.png`, pageNo, OCR_DPI, filename, opts);
      await fs.rm(`${base}.png`, { force: true });
      opts.onProgress?.({ done: ++done, pages: pageNos.length, page: pageNo });
      return result;
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** OCR of a page image (.png, .jpg, .tif; a multi-page TIFF gives its pages). Images are taken at 300 dpi. */
export async function ocrImage(buf: Buffer, ext: string, filename: string, opts: OcrOptions = {}): Promise<OcrPageResult[]> {
  const tesseract = await requireTool('tesseract', filename, opts);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ttdn-ocr-'));
  try {
    const image = path.join(dir, `in.${ext}`);
    await fs.writeFile(image, buf);
    const { stdout } = await runTool(tesseract, [image, '-', '-l', 'vie', '--psm', '4', 'tsv'], {
      timeoutMs: OCR_PAGE_TIMEOUT_MS,
      filename,
      page: 1,
      env: opts.env,
      signal: opts.signal,
    });
    // a multi-page TIFF: the TSV numbers its pages (column 2)
    const byPage = new Map<number, string[]>();
    const [head, ...rows] = stdout.split('\n');
    for (const row of rows) {
      const p = Number(row.split('\t')[1]);
      if (!Number.isFinite(p) || p < 1) continue;
      byPage.set(p, [...(byPage.get(p) ?? []), row]);
    }
    if (byPage.size > MAX_OCR_PAGES) throw new AppError('plan.ocr_too_many_pages', { filename, pages: byPage.size, max: MAX_OCR_PAGES });
    const results = [...byPage.entries()].sort((a, b) => a[0] - b[0]).map(([p, r]) => tsvToPage([head, ...r].join('\n'), p, OCR_DPI));
    results.forEach((r, i) => opts.onProgress?.({ done: i + 1, pages: results.length, page: r.page.page }));
    return results;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
