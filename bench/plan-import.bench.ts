/**
 * Micro-benchmark of the plan importer (not a timed test).
 * Run: npx tsx bench/plan-import.bench.ts
 * Targets (issue 3): the seed in under 200 ms once warm, a plan 20 times its size in under 2 s;
 * (issue 14) a 30-page .docx (the seed in Word with automatic numbering) in under 1 s,
 * on a 2-core machine. Prints medians, the machine, and the ratio to a baseline measured in
 * the same run (splitting the text into lines and folding each line).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { extractSource } from '../src/modules/plans/import/source/extract';
import { parsePlan } from '../src/modules/plans/import/parse/parse-plan';
import { fold } from '../src/shared/text/fold';
import { seedDocx } from '../src/modules/plans/import/fixtures/generate-docx';

const seedPath = fileURLToPath(new URL('../src/modules/plans/import/fixtures/ke-hoach-ttdn-quang-tri-2023.md', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

/** The seed with its content section repeated `times` times, tasks renumbered. */
function enlarge(text: string, times: number): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('II. NỘI DUNG')) + 1;
  const end = lines.findIndex((l) => l.includes('III. KINH PHÍ'));
  const content = lines.slice(start, end);
  const out: string[] = [...lines.slice(0, start)];
  for (let k = 0; k < times; k++) {
    for (const l of content) {
      out.push(
        l.replace(
          /^(#*\s*\**)(\d{1,2})((?:\.\d+)?\.\s)/,
          (_, pre: string, top: string, rest: string) => `${pre}${k * 12 + Number(top)}${rest}`,
        ),
      );
    }
  }
  out.push(...lines.slice(end));
  return out.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const baseline = (text: string) => text.split(/\r?\n/).map(fold).length;

const large = enlarge(seed, 20);
const seedBuf = Buffer.from(seed);
const largeBuf = Buffer.from(large);
const largePlan = parsePlan(await extractSource(largeBuf, 'large.md'));

const seedSource = await extractSource(seedBuf, 'seed.md');
const seedBase = await time(50, () => baseline(seed));
const rows = [
  {
    name: 'seed: extract + parse',
    size: seedBuf.length,
    ms: await time(50, async () => parsePlan(await extractSource(seedBuf, 'seed.md'))),
    base: seedBase,
  },
  { name: 'seed: parse only', size: seedBuf.length, ms: await time(50, () => parsePlan(seedSource)), base: seedBase },
  {
    name: '20× seed: extract + parse',
    size: largeBuf.length,
    ms: await time(10, async () => parsePlan(await extractSource(largeBuf, 'large.md'))),
    base: await time(10, () => baseline(large)),
  },
];
// a 30-page .docx: the seed typed in Word with automatic numbering, its tasks section five times
const docx30 = await seedDocx('lists', { contentTimes: 5 });
const docxSource = await extractSource(docx30, 'seed-30.docx');
const docxText = docxSource.text;
const docxPlan = parsePlan(docxSource);
const rssBefore = process.memoryUsage().rss;
rows.push({
  name: '30-page .docx: extract + parse',
  size: docx30.length,
  ms: await time(10, async () => parsePlan(await extractSource(docx30, 'seed-30.docx'))),
  base: await time(10, () => baseline(docxText)),
});
const docxRssMb = Math.max(rssBefore, process.memoryUsage().rss) / 1048576;
const cpu = os.cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log(`20× plan: ${largePlan.tasks.length} tasks, ${large.split('\n').length} lines, ${largePlan.unparsed.length} unparsed`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(28)} ${(r.size / 1024).toFixed(0).padStart(5)} KB  median ${r.ms.toFixed(2).padStart(8)} ms  baseline ${r.base.toFixed(3).padStart(7)} ms  ratio ${(r.ms / Math.max(r.base, 1e-6)).toFixed(0)}×`,
  );
}
console.log(
  `30-page .docx: ${docxPlan.tasks.length} tasks, ${(docx30.length / 1024).toFixed(0)} KB, process RSS ${docxRssMb.toFixed(0)} MB after`,
);
const ok = rows[0].ms < 200 && rows[2].ms < 2000 && rows[3].ms < 1000;
console.log(`targets (seed < 200 ms, 20× < 2000 ms, 30-page .docx < 1000 ms): ${ok ? 'met' : 'NOT met'}`);
