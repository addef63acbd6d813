/** Calendar dates (YYYY-MM-DD) in the province's time zone (UTC+7, no daylight saving). */
const VN_OFFSET_MS = 7 * 3600_000;

export const vnDate = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The last instant of a date in Vietnam: a report is on time when first submitted before it. */
export const endOfVnDay = (date: string) => new Date(new Date(`${date}T23:59:59.999+07:00`).getTime());

/** Whether an instant falls on or before the end of the deadline day. */
export const onTime = (at: Date | null, deadline: string) => at !== null && at.getTime() <= endOfVnDay(deadline).getTime();

/** `19:07 26/11/2026`, Vietnam time: for messages. */
export const vnTime = (at: Date) => {
  const s = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `${s.slice(11, 16)} ${dmy(s.slice(0, 10))}`;
};

export const dmy = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
};

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
