/**
 * The plan importer on documents laid out as offices lay them out (src/modules/plans/import/source/test-layouts.ts):
 *  - a 30-page .docx (the seed as Word lays it out — header and signature as layout tables — its tasks section
 *    repeated until the PDF LibreOffice prints of it has 30 pages): extract + parse, warm, target < 1 s;
 *  - a 10-page scan (those pages rasterised at 200 dpi, rebuilt as a PDF of images only): OCR + parse, target
 *    < 60 s on 2 cores, and the time per page.
 * Each beside a baseline measured in the same run: for the .docx, opening the archive and parsing word/document.xml
 * with the same XML parser (the cost of reading the format at all); for the scan, the same two tools on the same pages
 * with the same parallelism and one OpenMP thread each, from a shell (`pdftoppm -r 300 -gray`, `tesseract -l vie --psm 4 tsv`), without our code.
 * Memory: each measurement runs in its own process; the peak is the resident memory of that process and its
 * children (pdftoppm, tesseract), sampled from /proc every 50 ms.
 *
 * Run: npx tsx bench/plan-layouts.bench.ts [--skip-ocr]   (the OCR part takes minutes: run it with nice on a busy machine)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const RUN_TS = path.join(ROOT, 'bin/run-ts.js');
const WORK = path.join(os.tmpdir(), 'ttdn-bench-layouts');
const args = process.argv.slice(2);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return xs;
}

// ---- children: one measurement each, answering JSON on stdout ----------------------------------------------------

async function child(kind: string, file: string): Promise<void> {
  const { extractSource } = await import('../src/modules/plans/import/source/extract');
  const { parsePlan } = await import('../src/modules/plans/import/parse/parse-plan');
  const buf = fs.readFileSync(file);
  const out: Record<string, unknown> = {};
  if (kind === 'docx') {
    let tasks = 0;
    const xs = await timed(10, async () => {
      tasks = parsePlan(await extractSource(buf, 'plan-30.docx')).tasks.length;
    });
    Object.assign(out, { ms: median(xs), tasks });
  } else if (kind === 'docx-baseline') {
    const { parseXml } = await import('../src/modules/plans/import/source/docx/xml');
    const xs = await timed(10, async () => {
      const zip = await JSZip.loadAsync(buf);
      parseXml(await zip.file('word/document.xml')!.async('nodebuffer'), 'word/document.xml');
    });
    out.ms = median(xs);
  } else if (kind === 'ocr') {
    const t = performance.now();
    const src = await extractSource(buf, 'scan-10.pdf');
    const plan = parsePlan(src);
    Object.assign(out, {
      ms: performance.now() - t,
      pages: src.ocr?.pages.length ?? 0,
      confidence: src.ocr?.confidence ?? null,
      tasks: plan.tasks.length,
      number: plan.document.number,
    });
  }
  out.ownPeakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out));
}

// ---- the parent: documents, processes, memory ------------------------------------------------------------------

/** Resident memory (MB) of a process and all its descendants now, from /proc. */
function treeRssMb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = fs.readFileSync(`/proc/${d}/status`, 'utf8');
      parent.set(Number(d), Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
      rss.set(Number(d), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  for (const [pid, kbs] of rss) {
    for (let p: number | undefined = pid; p; p = parent.get(p)) {
      if (p === root) {
        kb += kbs;
        break;
      }
    }
  }
  return kb / 1024;
}

/**
 * Runs a command under GNU time, sampling its process tree's memory; answers its stdout, wall time, CPU seconds
 * (user + system of it and every child it waited for: on a shared machine, steadier than the wall time) and peak.
 */
function measured(cmd: string, argv: string[]): Promise<{ stdout: string; ms: number; cpuSec: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const timeFile = path.join(WORK, `time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const p = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, cmd, ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakMb = 0;
    p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const timer = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(p.pid!))), 50);
    p.on('error', reject);
    p.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}`));
      const [user, sys] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      fs.rmSync(timeFile, { force: true });
      resolve({ stdout, ms: performance.now() - t, cpuSec: user + sys, peakMb });
    });
  });
}

interface ChildResult {
  ms: number;
  ownPeakMb: number;
  tasks: number;
  pages: number;
  confidence: number | null;
  number: string | null;
}

const runChild = async (kind: string, file: string): Promise<ChildResult & { peakMb: number; wallMs: number; cpuSec: number }> => {
  const r = await measured(process.execPath, [RUN_TS, SELF, '--child', kind, file]);
  return { ...(JSON.parse(r.stdout) as ChildResult), peakMb: r.peakMb, wallMs: r.ms, cpuSec: r.cpuSec };
};

const pdfPages = (buf: Buffer) => {
  const f = path.join(WORK, 'count.pdf');
  fs.writeFileSync(f, buf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))?.[1] ?? 0);
};

/** The seed with its tasks section (from `II. NỘI DUNG` to `III.`) written `times` times, tasks renumbered. */
function enlarge(md: string, times: number): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.includes('II. NỘI DUNG')) + 1;
  const end = lines.findIndex((l) => l.includes('III. KINH PHÍ'));
  const body = lines.slice(start, end);
  const out = lines.slice(0, start);
  for (let k = 0; k < times; k++)
    for (const l of body)
      out.push(
        l.replace(
          /^(#*\s*\**)(\d{1,2})((?:\.\d+)?\.\s)/,
          (_, pre: string, top: string, rest: string) => `${pre}${k * 12 + Number(top)}${rest}`,
        ),
      );
  return [...out, ...lines.slice(end)].join('\n');
}

/** A PDF of page images only (a scan), from PNG pages. */
function imagesPdf(pages: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const png of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const { layouts } = await import('../src/modules/plans/import/source/test-layouts');
  const seed = fs.readFileSync(path.join(ROOT, 'src/modules/plans/import/fixtures/ke-hoach-ttdn-quang-tri-2023.md'), 'utf8');
  const header = {
    left: ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ', 'Số: 27/KH-UBND'],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Trị, ngày 10 tháng 02 năm 2023'],
  };
  // grow the tasks section until the printed document has 30 pages or more
  let times = 5;
  let doc = layouts(enlarge(seed, times), header);
  let pages = pdfPages(await doc.pdf());
  while (pages < 30) {
    times = Math.ceil((times * 30) / Math.max(pages, 1)) + (pages > 25 ? 0 : 1);
    doc = layouts(enlarge(seed, times), header);
    pages = pdfPages(await doc.pdf());
  }
  const docx = await doc.docx();
  const docxFile = path.join(WORK, 'plan-30.docx');
  fs.writeFileSync(docxFile, docx);

  const cpu = os.cpus();
  const skipDocx = args.includes('--skip-docx');
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, node ${process.version}`,
  );
  if (!skipDocx) await docxPart(docxFile, pages, times, docx.length);
  if (!args.includes('--skip-ocr')) await ocrPart(doc);
}

async function docxPart(docxFile: string, pages: number, times: number, size: number) {
  const ours = await runChild('docx', docxFile);
  const base = await runChild('docx-baseline', docxFile);
  console.log(
    `.docx, ${pages} pages printed (tasks section ${times}×), ${(size / 1024).toFixed(0)} KB, ${ours.tasks} tasks: ` +
      `extract + parse median ${ours.ms.toFixed(0)} ms warm (target < 1000 ms: ${ours.ms < 1000 ? 'met' : 'NOT met'}); ` +
      `baseline (unzip + XML parse of document.xml) ${base.ms.toFixed(0)} ms; ratio ${(ours.ms / base.ms).toFixed(1)}×`,
  );
  console.log(
    `.docx memory: peak ${ours.peakMb.toFixed(0)} MB (process max RSS ${ours.ownPeakMb.toFixed(0)} MB) vs baseline ${base.peakMb.toFixed(0)} MB ` +
      `(${base.ownPeakMb.toFixed(0)} MB); ratio ${(ours.ownPeakMb / base.ownPeakMb).toFixed(2)}×`,
  );
}

async function ocrPart(doc: { pageImages(dpi?: number): Promise<Buffer[]> }) {
  // a 10-page scan: the first ten pages of that document, rasterised at 200 dpi, as images only
  const images = (await doc.pageImages(200)).slice(0, 10);
  const scanFile = path.join(WORK, 'scan-10.pdf');
  fs.writeFileSync(scanFile, await imagesPdf(images));
  const parallel = Math.max(1, Math.min(4, os.availableParallelism()));
  const ocr = await runChild('ocr', scanFile);
  // one OpenMP thread per tesseract, as the importer runs it (src/shared/tools/run.ts), pages side by side instead
  const script =
    `export OMP_THREAD_LIMIT=1; seq 1 ${images.length} | xargs -P ${parallel} -I{} sh -c ` +
    `'pdftoppm -r 300 -gray -png -f {} -l {} -singlefile "$0" "$1/b{}" && tesseract "$1/b{}.png" - -l vie --psm 4 --dpi 300 tsv > /dev/null 2>&1 && rm "$1/b{}.png"' ` +
    `"${scanFile}" "${WORK}"`;
  const bare = await measured('sh', ['-c', script]);
  console.log(
    `scan, ${ocr.pages} pages, ${parallel} pages at a time: OCR + parse ${(ocr.ms / 1000).toFixed(1)} s, ${(ocr.ms / 1000 / ocr.pages).toFixed(1)} s a page ` +
      `(target < 60 s: ${ocr.ms < 60_000 ? 'met' : 'NOT met'}), ${ocr.tasks} tasks, number ${ocr.number}, mean confidence ${Number(ocr.confidence).toFixed(0)}; ` +
      `baseline (the same tools from a shell) ${(bare.ms / 1000).toFixed(1)} s; ratio ${(ocr.ms / bare.ms).toFixed(2)}×`,
  );
  console.log(
    `scan CPU (user + system, tools included): ${ocr.cpuSec.toFixed(1)} s, ${(ocr.cpuSec / ocr.pages).toFixed(1)} s a page, vs baseline ${bare.cpuSec.toFixed(1)} s; ` +
      `ratio ${(ocr.cpuSec / bare.cpuSec).toFixed(2)}× — on 2 idle cores the wall time would be about ${(ocr.cpuSec / parallel).toFixed(0)} s`,
  );
  console.log(
    `scan memory (process tree: node + pdftoppm + tesseract): peak ${ocr.peakMb.toFixed(0)} MB (node alone ${ocr.ownPeakMb.toFixed(0)} MB) vs baseline ${bare.peakMb.toFixed(0)} MB; ratio ${(ocr.peakMb / bare.peakMb).toFixed(2)}×`,
  );
}

if (args[0] === '--child') await child(args[1], args[2]);
else await main();
