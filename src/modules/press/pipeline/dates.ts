/**
 * Date parsing for feeds and pages of Vietnamese and foreign outlets.
 * Accepts RFC 822 (`Tue, 03 May 2024 08:30:00 +0700`), ISO 8601, `dd/mm/yyyy[ hh:mm[:ss]]`
 * (also with `-` or `.`), with an optional `GMT+7`. Without a zone the default offset applies
 * (+07:00, Vietnam). Output: ISO 8601 with the offset that was used (or `Z`).
 */
export const DEFAULT_OFFSET = '+07:00';

const DMY =
  /^(?:[^\d]*?)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[^\d]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?\s*(?:(?:GMT|UTC)\s*([+-]\d{1,2})(?::?(\d{2}))?)?/i;
const ISO_NO_ZONE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)\s*$/i;

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function iso(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: string): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null; // 31/02
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

/** Format an instant in the given offset (default +07:00). */
export function formatWithOffset(date: Date, offset = DEFAULT_OFFSET): string {
  const local = new Date(date.getTime() + offsetMinutes(offset) * 60_000);
  return iso(
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    offset,
  )!;
}

export function parseDate(input: string | number | Date | null | undefined, defaultOffset = DEFAULT_OFFSET): string | null {
  if (input == null || input === '') return null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : formatWithOffset(input, defaultOffset);
  if (typeof input === 'number') return Number.isFinite(input) ? formatWithOffset(new Date(input), defaultOffset) : null;
  const s = input.trim().replace(/\s+/g, ' ');
  if (!s) return null;

  const dmy = DMY.exec(s);
  if (dmy && !/^\d{4}-/.test(s)) {
    let offset = defaultOffset;
    if (dmy[7])
      offset = `${Number(dmy[7]) < 0 || dmy[7].startsWith('-') ? '-' : '+'}${pad(Math.abs(Number(dmy[7])))}:${pad(dmy[8] ?? '00')}`;
    return iso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0), offset);
  }
  const isoNoZone = ISO_NO_ZONE.exec(s);
  if (isoNoZone) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0'] = isoNoZone;
    return iso(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), defaultOffset);
  }
  // RFC 822 / ISO with a zone: let the engine parse; RFC 822 without a zone gets the default.
  const gmt = s.replace(
    /\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*$/i,
    (_m, sign: string, h: string, m?: string) => `${sign}${pad(h)}${m ?? '00'}`,
  );
  const withZone = HAS_ZONE.test(gmt) ? gmt : `${gmt} ${defaultOffset.replace(':', '')}`;
  if (!/\b(19[7-9]\d|2[01]\d\d)\b/.test(s)) return null; // the engine accepts too much
  const t = Date.parse(withZone);
  if (Number.isNaN(t)) return null;
  const zone = /([+-])(\d{2}):?(\d{2})\s*$/.exec(withZone);
  return formatWithOffset(new Date(t), zone ? `${zone[1]}${zone[2]}:${zone[3]}` : '+00:00');
}
