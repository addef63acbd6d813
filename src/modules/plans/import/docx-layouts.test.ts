import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';
import type { ParsedPlan } from './types';
import { fixture, SEED } from './test-helpers';
import { SEED_LAYOUTS, writeSeedDocx, type SeedLayout } from './fixtures/generate-docx';

/** The seed typed the way offices type it in Word (fixtures/generate-docx.ts), against the .md import. */
let dir: string;
let files: Record<SeedLayout, string>;
let md: ParsedPlan;
const plans = {} as Record<SeedLayout, ParsedPlan>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ttdn-seed-docx-'));
  files = await writeSeedDocx(dir);
  md = parsePlan(await extractSource(fixture(SEED), SEED));
  for (const layout of SEED_LAYOUTS)
    plans[layout] = parsePlan(await extractSource(readFileSync(files[layout]), path.basename(files[layout])));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CODES = ['1', '2', '2.1', '2.2', '2.3', '2.4', '3', '4', '5', '5.1', '5.2', '6', '7', '8', '9', '10', '11', '12'];
const names = (entries: Array<{ name: string }>) => entries.map((e) => e.name);
const comparable = (p: ParsedPlan) =>
  p.tasks.map((t) => ({
    code: t.code,
    parent: t.parent,
    title: t.title,
    content: t.content,
    time: t.time,
    lead: names(t.lead),
    advisory: names(t.advisory),
    coordinating: names(t.coordinating),
    targets: t.targets,
  }));

describe('the seed as a Word document with automatic numbering', () => {
  it('has no task number in its text: Word draws them from numbering.xml', async () => {
    const zip = await JSZip.loadAsync(readFileSync(files.lists));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('Công tác thông tin tuyên truyền, quảng bá hình ảnh của tỉnh');
    expect(text).not.toMatch(/^(2\.1\.|1\.|- |II\.)/m);
    expect(xml).toContain('<w:numPr>');
  });

  for (const layout of SEED_LAYOUTS) {
    it(`${layout}: all 18 tasks with the numbers, titles, roles, dates and targets of the .md import`, () => {
      const p = plans[layout];
      expect(p.tasks.map((t) => t.code)).toEqual(CODES);
      expect(comparable(p)).toEqual(comparable(md));
      expect(p.tasks.find((t) => t.code === '2.1')!.title).toBe('Công tác thông tin tuyên truyền, quảng bá hình ảnh của tỉnh');
      expect(names(p.tasks.find((t) => t.code === '8')!.lead)).toEqual(['UBND tỉnh']);
      expect(p.tasks.find((t) => t.code === '3')!.time).toMatchObject({ label: 'Quý I/2023', from: '2023-01-01', to: '2023-03-31' });
    });

    it(`${layout}: the header, legal bases, implementation, recipients and signature as the .md gives them`, () => {
      const p = plans[layout];
      expect(p.document).toMatchObject({
        kind: 'KẾ HOẠCH',
        numberCode: 'KH-UBND',
        issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
        place: 'Quảng Trị',
        issuedOn: null,
        issuedYear: 2023,
        title: 'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2023',
        yearFrom: 2023,
        yearTo: 2023,
        signer: 'Hoàng Nam',
        signerTitle: ['TM. ỦY BAN NHÂN DÂN TỈNH', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      });
      // the table layouts carry the issuer in the header, as the signed plan does
      expect(p.document.issuerSource).toBe(layout === 'lists' ? 'signature' : 'header');
      expect(p.legalBases.map((b) => b.ref)).toEqual(['25/2019/QĐ-UBND', '5740/BTTTT-TTĐN']);
      expect(p.legalBases).toEqual(md.legalBases);
      expect(p.objectives).toEqual(md.objectives);
      expect(p.requirements).toEqual(md.requirements);
      expect(p.implementation.map((x) => [x.code, x.text])).toEqual(md.implementation.map((x) => [x.code, x.text]));
      expect(p.implementation).toHaveLength(5);
      expect(p.recipients).toEqual(md.recipients);
      expect(p.recipients).toHaveLength(10);
      expect(p.reporting.deadlines).toEqual([
        { day: 25, month: 5 },
        { day: 25, month: 11 },
      ]);
      expect(p.unparsed).toEqual([]);
    });
  }
});
