/**
 * Numbers as Vietnamese documents write them: `.` between thousands, `,` before decimals
 * (`150.000.000`, `33,3%`), from the platform's own locale data (ICU).
 */
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export const viNumber = (n: number) => (Number.isInteger(n) ? integer.format(n) : decimal.format(n));

/** `n` of `total` as a percentage with one decimal: `33,3%`; `0%` of nothing. */
export const viPercent = (n: number, total: number) => `${decimal.format(total ? Math.round((n / total) * 1000) / 10 : 0)}%`;

const regions = new Intl.DisplayNames(['vi'], { type: 'region', fallback: 'code' });

/** A country's name in Vietnamese from its ISO 3166 code (`US` → `Hoa Kỳ`); anything else as given. */
export function viCountry(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}
