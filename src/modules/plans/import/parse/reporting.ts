import { fold } from '../../../../shared/text/fold';

/**
 * Reporting deadlines (`báo cáo … trước ngày 25/5 và 25/11`) and ad-hoc reports
 * (`báo cáo đột xuất`), read from the implementation section and the closing text.
 */
export function parseReporting(texts: string[]): { deadlines: Array<{ day: number; month: number }>; adHoc: boolean } {
  const deadlines: Array<{ day: number; month: number }> = [];
  let adHoc = false;
  for (const t of texts) {
    const f = fold(t);
    if (/bao cao\s+(?:\S+\s+){0,3}dot xuat|dot xuat\s+(?:\S+\s+){0,3}bao cao|bao cao dot xuat/.test(f)) adHoc = true;
    if (!/bao cao/.test(f)) continue;
    for (const m of f.matchAll(
      /truoc ngay\s+(\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?(?:\s*(?:,|va|;|hoac)\s*(?:truoc\s+)?(?:ngay\s+)?\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?)*)/g,
    )) {
      for (const d of m[1].matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})/g)) {
        const day = Number(d[1]);
        const month = Number(d[2]);
        if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && !deadlines.some((x) => x.day === day && x.month === month)) {
          deadlines.push({ day, month });
        }
      }
    }
  }
  return { deadlines, adHoc };
}
