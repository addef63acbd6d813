import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractSource, parsePlan } from './index';

// A font with Vietnamese letters: Debian's DejaVu (fonts-dejavu-core, part of the base image).
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SEED = path.join(import.meta.dirname, 'fixtures/ke-hoach-ttdn-quang-tri-2023.md');

/** The seed printed as a PDF would be: markdown marks gone, long lines wrapped at the page width. */
function seedPdf(): Promise<Buffer> {
  if (!fs.existsSync(FONT)) throw new Error(`${FONT} is missing: apt-get install fonts-dejavu-core`);
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(FONT).fontSize(12);
  for (const line of fs.readFileSync(SEED, 'utf8').split('\n')) {
    const text = line
      .replace(/\*\*|\*|^#+\s*/g, '')
      .replace(/^\s*-\s+\+/, '+')
      .trimEnd();
    doc.text(text || ' ', { align: 'left' });
  }
  doc.end();
  return done;
}

describe('PDF plans', () => {
  it("reads the text layer of a PDF and finds the seed's tasks, roles and deadlines", async () => {
    const source = await extractSource(await seedPdf(), 'ke-hoach.pdf');
    expect(source.format).toBe('pdf');
    const plan = parsePlan(source);
    expect(plan.tasks.map((t) => t.code)).toEqual([
      '1',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3',
      '4',
      '5',
      '5.1',
      '5.2',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    const t3 = plan.tasks.find((t) => t.code === '3')!;
    expect(t3.time).toMatchObject({ from: '2023-01-01', to: '2023-03-31' });
    expect(plan.tasks.find((t) => t.code === '8')!.advisory.map((e) => e.name)).toEqual(['Sở Thông tin và Truyền thông']);
    expect(plan.reporting.deadlines).toEqual([
      { day: 25, month: 5 },
      { day: 25, month: 11 },
    ]);
  });
});
