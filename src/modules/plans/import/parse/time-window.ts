import { fold } from '../../../../shared/text/fold';
import type { TimeWindow } from '../types';
import { isoDate, lastDayOfMonth, pad2, romanToInt } from './text-utils';

/**
 * Turns a written time window into dates. The plan's years give the year when the text
 * has none. Unknown wording keeps its label with from/to null.
 *   `Cả năm 2023` → 2023-01-01..2023-12-31     `Quý I/2023` → 2023-01-01..2023-03-31
 *   `6 tháng đầu năm` → Jan–Jun of the plan year   `tháng 3/2023` → 2023-03-01..2023-03-31
 *   `từ ngày 01/3/2023 đến ngày 30/6/2023`, `trước ngày 30/6/2023` (from null), `2021 - 2025`
 */
export interface YearContext {
  yearFrom: number | null;
  yearTo: number | null;
}

const QUARTER = String.raw`\b(?:quy|q)\s*(iv|iii|ii|i|[1-4])\b`;

function quarterNo(s: string): number {
  return /^\d$/.test(s) ? Number(s) : (romanToInt(s.toUpperCase()) ?? 0);
}

const yearStart = (y: number) => `${y}-01-01`;
const yearEnd = (y: number) => `${y}-12-31`;

function defaultYear(ctx: YearContext): number | null {
  if (ctx.yearFrom && (!ctx.yearTo || ctx.yearTo === ctx.yearFrom)) return ctx.yearFrom;
  return null;
}

function dateIn(s: string, ctx: YearContext): string | null {
  const m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/.exec(s);
  if (m) {
    const year = m[3] ? Number(m[3]) : defaultYear(ctx);
    return year ? isoDate(Number(m[1]), Number(m[2]), year) : null;
  }
  const w = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?/.exec(s);
  if (w) {
    const year = w[3] ? Number(w[3]) : defaultYear(ctx);
    return year ? isoDate(Number(w[1]), Number(w[2]), year) : null;
  }
  return null;
}

export function parseTimeWindow(label: string, ctx: YearContext): TimeWindow {
  const clean = label
    .replace(/\s+/g, ' ')
    .replace(/[.;]+$/, '')
    .trim();
  const f = fold(clean);
  const result = (from: string | null, to: string | null): TimeWindow => ({ label: clean, from, to });
  const years = [...f.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  const y = years[0] ?? defaultYear(ctx);

  // explicit dates: từ ngày A đến ngày B / A - B
  const range =
    /(?:tu\s+)?(?:ngay\s+)?(\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?)\s*(?:den(?:\s+ngay)?|-|–)\s*(?:ngay\s+)?(\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?)/.exec(
      f,
    );
  if (range) {
    const toYearM = /\/(\d{4})\s*$/.exec(range[2]);
    const ctx2 = toYearM && !/\/\d{4}/.test(range[1]) ? { yearFrom: Number(toYearM[1]), yearTo: Number(toYearM[1]) } : ctx;
    return result(dateIn(range[1], ctx2), dateIn(range[2], ctx));
  }
  // before a date
  const before =
    /(?:truoc|cham nhat|han chot|hoan thanh truoc)\s+(?:ngay\s+)?(\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?|ngay\s+\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?)/.exec(
      f,
    );
  if (before) return result(null, dateIn(before[1], ctx) ?? dateIn(`ngay ${before[1]}`, ctx));
  // quarters: Quý I/2023, Quý I và II năm 2023, Quý II - III/2023
  const quarters = [...f.matchAll(new RegExp(`${QUARTER}`, 'g'))];
  if (quarters.length > 0) {
    const nums = quarters.map((q) => quarterNo(q[1]));
    const also = /quy\s+(?:iv|iii|ii|i|[1-4])((?:\s*(?:,|va|-|–|den)\s*(?:quy\s+)?(?:iv|iii|ii|i|[1-4])\b)+)/.exec(f);
    if (also) for (const m of also[1].matchAll(/(iv|iii|ii|i|[1-4])\b/g)) nums.push(quarterNo(m[1]));
    const qy = (/(?:\/|nam)\s*(\d{4})/.exec(f)?.[1] && Number(/(?:\/|nam)\s*(\d{4})/.exec(f)![1])) || y;
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    if (qy && lo >= 1 && hi <= 4) return result(`${qy}-${pad2(lo * 3 - 2)}-01`, lastDayOfMonth(qy, hi * 3));
  }
  // halves and nine months
  const half = /(6|sau)\s+thang\s+(dau|cuoi)\s+nam/.exec(f);
  if (half && y) return half[2] === 'dau' ? result(yearStart(y), `${y}-06-30`) : result(`${y}-07-01`, yearEnd(y));
  const nine = /9\s+thang\s+dau\s+nam/.exec(f);
  if (nine && y) return result(yearStart(y), `${y}-09-30`);
  // months: tháng 3/2023, tháng 3 - 5/2023, từ tháng 3 đến tháng 6 năm 2023
  const months = /thang\s+(\d{1,2})(?:\s*(?:-|–|den|va|,)\s*(?:thang\s+)?(\d{1,2}))?(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(f);
  if (months && !/ngay\s+\d/.test(f)) {
    const my = months[3] ? Number(months[3]) : y;
    const a = Number(months[1]);
    const b = months[2] ? Number(months[2]) : a;
    if (my && a >= 1 && a <= 12 && b >= a && b <= 12) return result(`${my}-${pad2(a)}-01`, lastDayOfMonth(my, b));
  }
  // a single date
  const single = dateIn(f, ctx);
  if (single && /ngay|\d{1,2}\/\d{1,2}/.test(f)) return result(single, single);
  // year ranges: giai đoạn 2021 - 2025, năm 2024 - 2025
  const yr = /(\d{4})\s*(?:-|–|den)\s*(\d{4})/.exec(f);
  if (yr) return result(yearStart(Number(yr[1])), yearEnd(Number(yr[2])));
  // a whole year: cả năm 2023, năm 2023, trong năm 2023, hằng năm, thường xuyên
  if (years.length === 1 && /(ca nam|trong nam|nam|^)\s*\d{4}/.test(f)) return result(yearStart(years[0]), yearEnd(years[0]));
  if (
    /^(ca nam|trong nam|hang nam|hàng năm|thuong xuyen|lien tuc|thuong xuyen, lien tuc|ca giai doan|trong giai doan|ca nam va thuong xuyen)\b/.test(
      f,
    ) &&
    ctx.yearFrom
  ) {
    return result(yearStart(ctx.yearFrom), yearEnd(ctx.yearTo ?? ctx.yearFrom));
  }
  return result(null, null);
}
