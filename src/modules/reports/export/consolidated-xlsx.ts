import ExcelJS from 'exceljs';
import { REPORT_STATUSES } from '../reports.schemas';
import type { Consolidated } from '../consolidated.service';

/** The figures of a consolidated report as .xlsx: totals, figures by organisation, completeness. */
const FONT = { name: 'Times New Roman', size: 12 };

function styleHead(ws: ExcelJS.Worksheet) {
  const head = ws.getRow(1);
  head.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
  });
  head.height = 36;
}

export async function consolidatedToXlsx(c: Consolidated): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  wb.title = c.period.title;
  const all = [...c.indicators, ...c.money];

  const totals = wb.addWorksheet('Tổng hợp chỉ tiêu', { views: [{ state: 'frozen', ySplit: 1 }] });
  totals.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Mã', key: 'code', width: 24 },
    { header: 'Chỉ tiêu', key: 'label', width: 50 },
    { header: 'Đơn vị tính', key: 'unit', width: 14 },
    { header: 'Tổng số', key: 'total', width: 18 },
  ];
  all.forEach((i, n) => totals.addRow({ n: n + 1, code: i.code, label: i.label, unit: i.unit, total: i.total }));
  totals.getColumn('total').numFmt = '#,##0';
  styleHead(totals);

  const orgs = wb.addWorksheet('Theo đơn vị', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  orgs.columns = [{ header: 'Cơ quan, đơn vị', key: 'org', width: 45 }, ...all.map((i) => ({ header: i.label, key: i.code, width: 16 }))];
  for (const o of c.figuresByOrg) orgs.addRow({ org: o.orgName, ...Object.fromEntries(all.map((i) => [i.code, o.figures[i.code] ?? 0])) });
  orgs.addRow({ org: 'Tổng cộng', ...Object.fromEntries(all.map((i) => [i.code, i.total])) }).font = { ...FONT, bold: true };
  all.forEach((i) => (orgs.getColumn(i.code).numFmt = '#,##0'));
  styleHead(orgs);

  const done = wb.addWorksheet('Tình hình báo cáo', { views: [{ state: 'frozen', ySplit: 1 }] });
  done.columns = [
    { header: 'Cơ quan, đơn vị', key: 'org', width: 45 },
    { header: 'Trạng thái', key: 'status', width: 18 },
    { header: 'Gửi lần đầu', key: 'at', width: 20 },
    { header: 'Đúng hạn', key: 'onTime', width: 12 },
  ];
  for (const o of c.byOrg) {
    done.addRow({
      org: o.name,
      status: REPORT_STATUSES[o.status as keyof typeof REPORT_STATUSES]?.vi ?? o.status,
      at: o.firstSubmittedAt ? new Date(o.firstSubmittedAt) : null,
      onTime: o.onTime ? 'Đúng hạn' : o.late ? 'Trễ hạn' : 'Chưa gửi',
    });
  }
  done.getColumn('at').numFmt = 'dd/mm/yyyy hh:mm';
  styleHead(done);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
