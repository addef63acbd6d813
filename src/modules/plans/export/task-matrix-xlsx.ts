import ExcelJS from 'exceljs';
import type { OrgEntry, ParsedPlan, RoleKey } from '../import/types';
import { timeLabel } from './plan-docx';

/**
 * The task × organisation matrix (`Chủ trì` / `Tham mưu` / `Phối hợp` in each cell) and a
 * sheet of tasks with their time windows, as .xlsx.
 */
export const ROLE_LABELS: Record<RoleKey, { vi: string; en: string; fill: string }> = {
  lead: { vi: 'Chủ trì', en: 'Lead', fill: 'FFF4B183' },
  advisory: { vi: 'Tham mưu', en: 'Advisory', fill: 'FFFFE699' },
  coordinating: { vi: 'Phối hợp', en: 'Coordinating', fill: 'FFC6E0B4' },
};
const ROLES: RoleKey[] = ['lead', 'advisory', 'coordinating'];
const FONT = { name: 'Times New Roman', size: 12 };

const orgKey = (e: OrgEntry) => (e.orgId ? `id:${e.orgId}` : e.group ? `group:${e.group}` : `name:${e.name}`);

function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export async function taskMatrixToXlsx(plan: ParsedPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  wb.title = plan.document.title ?? 'Kế hoạch';

  // organisations in order of first appearance
  const orgs = new Map<string, string>();
  for (const t of plan.tasks) for (const r of ROLES) for (const e of t[r]) if (!orgs.has(orgKey(e))) orgs.set(orgKey(e), e.name);
  const orgKeys = [...orgs.keys()];

  const matrix = wb.addWorksheet('Ma trận', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  matrix.columns = [
    { header: 'Mã', key: 'code', width: 7 },
    { header: 'Nhiệm vụ', key: 'title', width: 60 },
    ...orgKeys.map((k, i) => ({ header: orgs.get(k)!, key: `o${i}`, width: 12 })),
  ];
  for (const t of plan.tasks) {
    const row: Record<string, string> = { code: t.code, title: t.title };
    for (const r of ROLES) {
      for (const e of t[r]) {
        const col = `o${orgKeys.indexOf(orgKey(e))}`;
        row[col] = row[col] ? `${row[col]}, ${ROLE_LABELS[r].vi}` : ROLE_LABELS[r].vi;
      }
    }
    const added = matrix.addRow(row);
    added.eachCell((cell, n) => {
      cell.font = { ...FONT, bold: t.parent === null && n <= 2 };
      cell.alignment = { vertical: 'middle', horizontal: n <= 2 ? 'left' : 'center', wrapText: true };
      const role =
        ROLES.find((r) => cell.value === ROLE_LABELS[r].vi) ?? ROLES.find((r) => String(cell.value ?? '').startsWith(ROLE_LABELS[r].vi));
      if (n > 2 && role) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ROLE_LABELS[role].fill } };
    });
  }
  const head = matrix.getRow(1);
  head.height = 150;
  head.eachCell((cell, n) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment =
      n <= 2
        ? { vertical: 'middle', horizontal: 'center' }
        : { textRotation: 90, vertical: 'bottom', horizontal: 'center', wrapText: true };
  });
  matrix.eachRow((row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }),
  );

  const list = wb.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: 'Mã', key: 'code', width: 7 },
    { header: 'Thuộc nhiệm vụ', key: 'parent', width: 10 },
    { header: 'Nhiệm vụ', key: 'title', width: 60 },
    { header: 'Thời gian thực hiện', key: 'label', width: 22 },
    { header: 'Từ ngày', key: 'from', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Đến ngày', key: 'to', width: 12, style: { numFmt: 'dd/mm/yyyy' } },
    { header: 'Chủ trì', key: 'lead', width: 40 },
    { header: 'Tham mưu', key: 'advisory', width: 25 },
    { header: 'Phối hợp', key: 'coordinating', width: 40 },
    { header: 'Chỉ tiêu', key: 'targets', width: 30 },
  ];
  for (const t of plan.tasks) {
    const row = list.addRow({
      code: t.code,
      parent: t.parent ?? '',
      title: t.title,
      label: timeLabel(t),
      from: toDate(t.time.from),
      to: toDate(t.time.to),
      lead: t.lead.map((e) => e.name).join('; '),
      advisory: t.advisory.map((e) => e.name).join('; '),
      coordinating: t.coordinating.map((e) => e.name).join('; '),
      targets: t.targets.map((x) => `${x.text} (≥ ${x.min})`).join('; '),
    });
    row.eachCell((cell) => {
      cell.font = FONT;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  list.getRow(1).eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  list.autoFilter = { from: 'A1', to: 'J1' };

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
