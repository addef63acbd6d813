import ExcelJS from 'exceljs';
import { ACTIVITY_KINDS, type ActivityKind } from '../activity-kinds';
import type { ActivityDto } from '../activities.schemas';
import { BUDGET_SOURCES, type BudgetSource } from '../../plans';
import { columnLetter, columnsOf, headerText, kindLabel, type Column } from './columns';

export const SHEET_NAME = 'Hoạt động';
const LISTS = 'Danh mục';
const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

function headerRow(ws: ExcelJS.Worksheet, cols: Column[]) {
  const row = ws.addRow(cols.map(headerText));
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.height = 36;
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (c.required) row.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A blank workbook for one kind: the header row, drop-down lists for coded columns, and instructions. */
export async function templateXlsx(kind: ActivityKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  const ws = wb.addWorksheet(SHEET_NAME);
  const cols = columnsOf(kind);
  headerRow(ws, cols);
  const lists = wb.addWorksheet(LISTS);
  let listCol = 0;
  cols.forEach((c, i) => {
    const letter = columnLetter(i);
    if (c.options) {
      const values = Object.values(c.options).map((o) => o.vi);
      const lc = columnLetter(listCol++);
      lists.getCell(`${lc}1`).value = c.header;
      values.forEach((v, j) => (lists.getCell(`${lc}${j + 2}`).value = v));
      for (let r = 2; r <= 300; r++) {
        ws.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: !c.required,
          formulae: [`'${LISTS}'!$${lc}$2:$${lc}$${values.length + 1}`],
        };
      }
    }
    if (c.type === 'date') for (let r = 2; r <= 300; r++) ws.getCell(`${letter}${r}`).numFmt = 'dd/mm/yyyy';
  });
  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 40;
  help.getColumn(2).width = 90;
  help.addRow([`Mẫu nhập hoạt động: ${kindLabel(kind)}`]).font = { bold: true, size: 13 };
  help.addRow(['Mỗi dòng của trang "Hoạt động" là một hoạt động; cột có dấu * là bắt buộc.']);
  help.addRow([
    'Ngày ghi theo dạng ngày/tháng/năm (ví dụ 15/03/2023). Nhiệm vụ ghi số thứ tự trong kế hoạch (ví dụ 3 hoặc 2.1; nhiều nhiệm vụ cách nhau bởi dấu phẩy).',
  ]);
  help.addRow(['Đơn vị ghi đúng tên trong danh bạ (không cần dấu). Số tiền ghi bằng số, không âm.']);
  help.addRow(['Khi tải lên, mọi dòng được kiểm tra; chưa có gì được lưu nếu còn lỗi, trừ khi bạn xác nhận chỉ nhập các dòng hợp lệ.']);
  help.addRow([]);
  help.addRow(['Cột', 'Giá trị']).font = { bold: true };
  for (const c of cols)
    help.addRow([
      headerText(c),
      c.options
        ? Object.values(c.options)
            .map((o) => o.vi)
            .join('; ')
        : describe(c),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function describe(c: Column): string {
  switch (c.type) {
    case 'int':
      return 'Số nguyên không âm';
    case 'amount':
      return 'Số tiền (đồng), không âm';
    case 'decimal':
      return 'Số không âm';
    case 'date':
      return 'Ngày/tháng/năm';
    case 'url':
    case 'links':
      return 'Địa chỉ bắt đầu bằng http:// hoặc https://';
    default:
      return 'Chữ';
  }
}

const cellOf = (a: ActivityDto, c: Column): ExcelJS.CellValue => {
  const total = a.spending.reduce((s, x) => s + x.amount, 0);
  switch (c.key) {
    case 'taskCodes':
      return a.tasks.map((t) => t.code).join(', ');
    case 'org':
      return a.orgName;
    case 'startsOn':
      return dmy(a.startsOn);
    case 'endsOn':
      return dmy(a.endsOn);
    case 'links':
      return a.links.map((l) => l.url).join('\n');
    case 'spendingAmount':
      return total || null;
    case 'spendingSource':
      return [...new Set(a.spending.map((s) => BUDGET_SOURCES[s.source as BudgetSource]?.vi ?? s.source))].join('; ');
    default: {
      const v = c.detail ? a.details[c.key] : (a as unknown as Record<string, unknown>)[c.key];
      if (v === undefined || v === null) return null;
      if (c.options && typeof v === 'string') return c.options[v]?.vi ?? v;
      return v as ExcelJS.CellValue;
    }
  }
};

/** A filtered list as a workbook. One kind: the template's columns (it imports back); several: shared columns and a summary. */
export async function activitiesXlsx(items: ActivityDto[], kind: ActivityKind | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  const ws = wb.addWorksheet(SHEET_NAME);
  if (kind) {
    const cols = columnsOf(kind);
    headerRow(ws, cols);
    for (const a of items) ws.addRow(cols.map((c) => cellOf(a, c)));
  } else {
    const cols = columnsOf('event').filter((c) => !c.detail && c.key !== 'spendingSource');
    headerRow(ws, [
      { key: 'kind', header: 'Loại hoạt động', type: 'text', required: false, width: 30 },
      ...cols,
      { key: 'summary', header: 'Chi tiết', type: 'longtext', required: false, width: 60 },
    ]);
    for (const a of items) {
      const fields = ACTIVITY_KINDS[a.kind].fields;
      const summary = fields
        .filter((f) => a.details[f.key] !== undefined)
        .map(
          (f) =>
            `${f.label.vi}: ${'options' in f && f.options ? ((f.options as Record<string, { vi: string }>)[String(a.details[f.key])]?.vi ?? a.details[f.key]) : a.details[f.key]}`,
        )
        .join('; ');
      ws.addRow([kindLabel(a.kind), ...cols.map((c) => cellOf(a, c)), summary]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
