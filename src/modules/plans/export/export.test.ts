import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { nd30ProblemsOf } from '../../../../test/docx-check';
import { extractSource } from '../import/source/extract';
import { parsePlan } from '../import/parse/parse-plan';
import type { ParsedPlan, PlanTask } from '../import/types';
import { fixture, SEED } from '../import/test-helpers';
import { planToDocx, planToOfficialDoc } from './plan-docx';
import { taskMatrixToXlsx } from './task-matrix-xlsx';

let seed: ParsedPlan;
beforeAll(async () => {
  seed = parsePlan(await extractSource(fixture(SEED), SEED));
});

const shape = (t: PlanTask) => ({
  code: t.code,
  parent: t.parent,
  title: t.title,
  content: t.content,
  from: t.time.from,
  to: t.time.to,
  label: t.time.label,
  lead: t.lead.map((e) => e.name),
  advisory: t.advisory.map((e) => e.name),
  coordinating: t.coordinating.map((e) => [e.name, e.group ?? null]),
  targets: t.targets,
});

describe('round trip: seed → parse → planToDocx → extractSource → parsePlan', () => {
  for (const layout of ['prose', 'table'] as const) {
    it(`gives back the same tasks, roles and dates (${layout} layout)`, async () => {
      const docx = await planToDocx(seed, { layout });
      const again = parsePlan(await extractSource(docx, 'ke-hoach.docx'));
      expect(again.tasks.map(shape)).toEqual(seed.tasks.map(shape));
      expect(again.unparsed).toEqual([]);
      expect(again.legalBases.map((b) => [b.ref, b.kind, b.date])).toEqual(seed.legalBases.map((b) => [b.ref, b.kind, b.date]));
      expect(again.objectives).toEqual(seed.objectives);
      expect(again.requirements).toEqual(seed.requirements);
      expect(again.reporting).toEqual(seed.reporting);
      expect(again.recipients).toEqual(seed.recipients);
      expect(again.implementation.map((i) => i.orgs.map((o) => o.name))).toEqual(seed.implementation.map((i) => i.orgs.map((o) => o.name)));
      expect(again.document).toMatchObject({
        kind: 'KẾ HOẠCH',
        number: null,
        numberCode: 'KH-UBND',
        place: 'Quảng Trị',
        issuedOn: null,
        issuedYear: 2023,
        title: seed.document.title,
        yearFrom: 2023,
        yearTo: 2023,
        signer: 'Hoàng Nam',
        signerTitle: seed.document.signerTitle,
        issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
        issuerSource: 'header',
      });
    });
  }

  it('writes explicit dates when a task has dates but no label, and reads them back', async () => {
    const edited: ParsedPlan = structuredClone(seed);
    edited.tasks[0].time = { label: '', from: '2023-03-01', to: '2023-06-30' };
    edited.document.number = '101/KH-UBND';
    edited.document.issuedOn = '2023-03-23';
    const again = parsePlan(await extractSource(await planToDocx(edited), 'k.docx'));
    expect(again.tasks[0].time).toEqual({ label: 'Từ ngày 01/03/2023 đến ngày 30/06/2023', from: '2023-03-01', to: '2023-06-30' });
    expect(again.document).toMatchObject({ number: '101/KH-UBND', numberSerial: '101', numberCode: 'KH-UBND', issuedOn: '2023-03-23' });
  });
});

describe('planToDocx: the official format', () => {
  it('is A4 with ND30 margins, Times New Roman, motto, italic date, number and signature', async () => {
    const zip = await JSZip.loadAsync(await planToDocx(seed));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const twip = (k: string) => (Number(new RegExp(`w:${k}="(\\d+)"`).exec(margin)![1]) * 25.4) / 1440;
    const within = (k: string, lo: number, hi: number) => {
      expect(twip(k), k).toBeGreaterThanOrEqual(lo);
      expect(twip(k), k).toBeLessThanOrEqual(hi);
    };
    within('top', 20, 25);
    within('bottom', 20, 25);
    within('left', 30, 35);
    within('right', 15, 20);
    expect(styles).toContain('Times New Roman');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toMatch(/<w:i\/>[^]*?Quảng Trị, ngày {6}tháng {6}năm 2023/);
    expect(xml).toContain('Số:       /KH-UBND');
    expect(xml).toContain('Nơi nhận:');
    expect(xml).toContain('TM. ỦY BAN NHÂN DÂN TỈNH');
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toContain('<w:sz w:val="28"/>'); // 14 pt body
    expect(await nd30ProblemsOf(await planToDocx(seed))).toEqual([]);
    expect(await nd30ProblemsOf(await planToDocx(seed, { layout: 'table' }))).toEqual([]);
  });

  it('describes the plan as a plain official document (kind code and issuer code from the number)', () => {
    const spec = planToOfficialDoc(seed);
    expect(spec).toMatchObject({
      kindCode: 'KH',
      issuerCode: 'UBND',
      kind: 'KẾ HOẠCH',
      year: 2023,
      issuer: { name: 'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ' },
    });
    expect(spec.recipients).toHaveLength(10);
  });
});

describe('taskMatrixToXlsx', () => {
  it('writes the task × organisation matrix and the task list with dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await taskMatrixToXlsx(seed)) as unknown as ExcelJS.Buffer);
    const matrix = wb.getWorksheet('Ma trận')!;
    const header = (matrix.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 2)).toEqual(['Mã', 'Nhiệm vụ']);
    const col = (name: string) => header.indexOf(name) + 1;
    const rowOf = (code: string) => {
      for (let r = 2; r <= matrix.rowCount; r++) if (String(matrix.getRow(r).getCell(1).value) === code) return matrix.getRow(r);
      throw new Error(code);
    };
    expect(matrix.rowCount).toBe(1 + 18);
    expect(rowOf('8').getCell(col('UBND tỉnh')).value).toBe('Chủ trì');
    expect(rowOf('8').getCell(col('Sở Thông tin và Truyền thông')).value).toBe('Tham mưu');
    expect(rowOf('8').getCell(col('Các Sở, ban, ngành')).value).toBe('Phối hợp');
    expect(rowOf('11').getCell(col('UBND huyện Đakrông')).value).toBe('Phối hợp');

    const list = wb.getWorksheet('Nhiệm vụ')!;
    const r3 = list.getRow(8); // header + 1, 2, 2.1–2.4, then 3
    expect(r3.getCell(1).value).toBe('3');
    expect(r3.getCell(4).value).toBe('Quý I/2023');
    expect((r3.getCell(5).value as Date).toISOString().slice(0, 10)).toBe('2023-01-01');
    expect((r3.getCell(6).value as Date).toISOString().slice(0, 10)).toBe('2023-03-31');
  });
});
