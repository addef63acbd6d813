import ExcelJS from 'exceljs';
import { REPORT_STATUSES } from '../reports.schemas';
import type { Consolidated } from '../consolidated.service';
import { translate } from '../../../shared/messages/catalogue';

const t = (key: string) => translate('vi', key);

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

  const totals = wb.addWorksheet(t('reports.xlsx.totals'), { views: [{ state: 'frozen', ySplit: 1 }] });
  totals.columns = [
    { header: t('reports.doc.col.no'), key: 'n', width: 6 },
    { header: t('reports.doc.col.indicator'), key: 'label', width: 50 },
    { header: t('reports.doc.col.unit'), key: 'unit', width: 14 },
    { header: t('reports.xlsx.total'), key: 'total', width: 18 },
  ];
  all.forEach((i, n) => totals.addRow({ n: n + 1, label: i.label, unit: i.unit, total: i.total }));
  totals.getColumn('total').numFmt = '#,##0';
  styleHead(totals);

  const orgs = wb.addWorksheet(t('reports.xlsx.by_org'), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  orgs.columns = [
    { header: t('reports.xlsx.org'), key: 'org', width: 45 },
    ...all.map((i) => ({ header: i.label, key: i.code, width: 16 })),
  ];
  for (const o of c.figuresByOrg) orgs.addRow({ org: o.orgName, ...Object.fromEntries(all.map((i) => [i.code, o.figures[i.code] ?? 0])) });
  orgs.addRow({ org: t('reports.doc.col.sum'), ...Object.fromEntries(all.map((i) => [i.code, i.total])) }).font = { ...FONT, bold: true };
  all.forEach((i) => (orgs.getColumn(i.code).numFmt = '#,##0'));
  styleHead(orgs);

  const done = wb.addWorksheet(t('reports.xlsx.reporting'), { views: [{ state: 'frozen', ySplit: 1 }] });
  done.columns = [
    { header: t('reports.xlsx.org'), key: 'org', width: 45 },
    { header: t('reports.xlsx.status'), key: 'status', width: 18 },
    { header: t('reports.xlsx.first_sent'), key: 'at', width: 20 },
    { header: t('reports.xlsx.on_time'), key: 'onTime', width: 12 },
  ];
  for (const o of c.byOrg) {
    done.addRow({
      org: o.name,
      status: REPORT_STATUSES[o.status as keyof typeof REPORT_STATUSES]?.vi ?? o.status,
      at: o.firstSubmittedAt ? new Date(o.firstSubmittedAt) : null,
      onTime: t(o.onTime ? 'reports.xlsx.on_time' : o.late ? 'reports.xlsx.late' : 'reports.xlsx.not_sent'),
    });
  }
  done.getColumn('at').numFmt = 'dd/mm/yyyy hh:mm';
  styleHead(done);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
