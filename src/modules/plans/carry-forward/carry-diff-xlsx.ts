import ExcelJS from 'exceljs';
import { translate, type Lang } from '../../../shared/messages/catalogue';
import type { DiffRow, DiffSide } from './carry-review.service';

const FONT = { name: 'Times New Roman', size: 12 };
const FIELDS = ['lead', 'advisory', 'coordinating', 'time', 'targets'] as const;
const cell = (s: DiffSide | null, f: (typeof FIELDS)[number]) => {
  if (!s) return '';
  const v = s[f];
  return Array.isArray(v) ? v.join('\n') : v;
};

/**
 * The two plans side by side, one row per task and field (Chủ trì, Tham mưu, Phối hợp, Thời gian,
 * Chỉ tiêu), changed cells marked; a second sheet with the review list.
 */
export async function carryDiffToXlsx(
  diff: { rows: DiffRow[]; fromYear: number; toYear: number },
  review: { message: string; reviewed: boolean }[],
  lang: Lang = 'vi',
): Promise<Buffer> {
  const t = (k: string, p: Record<string, unknown> = {}) => translate(lang, k, p);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  const ws = wb.addWorksheet(t('carry.diff_sheet'));
  ws.columns = [
    { header: t('carry.diff_code'), width: 8 },
    { header: t('carry.diff_title'), width: 50 },
    { header: t('carry.diff_field'), width: 14 },
    { header: t('carry.diff_old', { year: diff.fromYear }), width: 45 },
    { header: t('carry.diff_new', { year: diff.toYear }), width: 45 },
    { header: t('carry.diff_changed'), width: 10 },
  ];
  ws.getRow(1).font = { ...FONT, bold: true };
  for (const r of diff.rows)
    for (const f of FIELDS) {
      const before = cell(r.old, f);
      const after = cell(r.new, f);
      const row = ws.addRow([r.code, r.title, t(`carry.diff_${f}`), before, after, before === after ? '' : '×']);
      row.font = FONT;
      row.alignment = { wrapText: true, vertical: 'top' };
      if (before !== after) row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
    }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const rs = wb.addWorksheet(t('carry.review_sheet'));
  rs.columns = [
    { header: t('carry.diff_code'), width: 6 },
    { header: t('carry.diff_field'), width: 100 },
    { header: t('carry.review_reviewed'), width: 12 },
  ];
  rs.getRow(1).font = { ...FONT, bold: true };
  review.forEach((i, n) => {
    const row = rs.addRow([n + 1, i.message, i.reviewed ? '×' : '']);
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
