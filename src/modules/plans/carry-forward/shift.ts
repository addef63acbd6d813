/** Moving a plan's dates and written years to another year (pure). */

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day `years` later; 29 February becomes 28 February in a common year, and the last day of February stays the last. */
export function shiftDate(date: string | null, years: number, end = false): string | null {
  if (!date) return date;
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !isLeap(y)) return `${y}-02-28`;
  if (end && md === '02-28' && isLeap(y) && !isLeap(y - years)) return `${y}-02-29`;
  return `${y}-${md}`;
}

/**
 * Every year from `fromYear` to `toYear` written in a text (`Quý I/2026`, `năm 2026`, `2026-2027`)
 * moved by `years`; other numbers are left as they are.
 */
export function shiftYears(text: string, fromYear: number, toYear: number, years: number): string {
  return text.replace(/(?<!\d)(\d{4})(?!\d)/g, (whole, y: string) => {
    const n = Number(y);
    return n >= fromYear && n <= toYear ? String(n + years) : whole;
  });
}
