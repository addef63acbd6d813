import ExcelJS from 'exceljs';
import { BUDGET_SOURCES, type BudgetSource } from '../../plans';
import type { PlanBudget } from '../budget.service';

const MONEY = '#,##0';
const label = (s: string) => BUDGET_SOURCES[s as BudgetSource]?.vi ?? s;

/** Budget vs actual as a workbook: by task, by organisation, by source (amounts in đồng). */
export async function budgetToXlsx(b: PlanBudget, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  const sheet = (name: string, head: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow(['Đơn vị tính: đồng']).font = { italic: true };
    const h = ws.addRow(head);
    h.font = { bold: true };
    h.alignment = { wrapText: true, vertical: 'middle' };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 12 : i === 1 ? 50 : 18;
      if (i >= 2) c.numFmt = MONEY;
    });
    ws.views = [{ state: 'frozen', ySplit: 3 }];
    return ws;
  };
  const srcHead = b.sources.flatMap((s) => [`Dự toán — ${label(s)}`, `Đã chi — ${label(s)}`]);
  const line = (l: { allocated: Record<string, number>; spent: Record<string, number>; allocatedTotal: number; spentTotal: number }) => [
    l.allocatedTotal,
    l.spentTotal,
    l.allocatedTotal - l.spentTotal,
    ...b.sources.flatMap((s) => [l.allocated[s] ?? 0, l.spent[s] ?? 0]),
  ];
  sheet(
    'Theo nhiệm vụ',
    ['Nhiệm vụ', 'Tên nhiệm vụ', 'Dự toán', 'Đã chi', 'Còn lại', ...srcHead],
    b.byTask.map((t) => [t.code, t.title, ...line(t)]),
  );
  sheet(
    'Theo đơn vị',
    ['STT', 'Đơn vị', 'Dự toán', 'Đã chi', 'Còn lại', ...srcHead],
    b.byOrg.map((o, i) => [i + 1, o.name, ...line(o)]),
  );
  sheet(
    'Theo nguồn',
    ['STT', 'Nguồn kinh phí', 'Dự toán', 'Đã chi', 'Còn lại'],
    [
      ...b.bySource.map((s, i) => [i + 1, label(s.source), s.allocated, s.spent, s.allocated - s.spent]),
      ['', 'Tổng cộng', b.total.allocated, b.total.spent, b.total.allocated - b.total.spent],
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
