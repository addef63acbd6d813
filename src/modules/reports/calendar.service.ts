import crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assertOrgScope, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { orgs } from '../orgs';
import { addDays } from './dates';
import { expectedForPeriods } from './expected';
import { calendarTokens, reportPeriods } from './reports.tables';

/**
 * iCalendar feed of an organisation's report deadlines. Calendar clients carry no cookie, so
 * the feed URL holds a secret: 32 random bytes, of which only the SHA-256 is stored (a leaked
 * database does not leak feeds). The feed shows deadlines only, never report content; making a
 * new link revokes the old one, and the link can be revoked outright.
 */
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createCalendarToken(db: Db, orgId: string, user: SessionUser, actor: Actor) {
  assertOrgScope(user, orgId);
  const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw new AppError('org.not_found', { id: orgId });
  const token = crypto.randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarTokens)
      .values({ orgId, tokenHash: hash(token), createdBy: user.id })
      .onConflictDoUpdate({ target: calendarTokens.orgId, set: { tokenHash: hash(token), createdBy: user.id, createdAt: new Date() } });
    await writeAudit(tx, actor, { action: 'calendar_token', entity: 'org', entityId: orgId, after: { rotated: true } });
  });
  return { path: `/api/calendar/${token}.ics` };
}

export async function revokeCalendarToken(db: Db, orgId: string, user: SessionUser, actor: Actor) {
  assertOrgScope(user, orgId);
  await db.transaction(async (tx) => {
    await tx.delete(calendarTokens).where(eq(calendarTokens.orgId, orgId));
    await writeAudit(tx, actor, { action: 'calendar_revoke', entity: 'org', entityId: orgId });
  });
}

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (Buffer.byteLength(cur + ch) > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  out.push(cur);
  return out.join('\r\n ');
}
const ymd = (d: string) => d.replace(/-/g, '');
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export async function calendarFeed(db: Db, token: string, now = new Date()): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError('report.calendar_not_found');
  const [row] = await db
    .select({ orgId: calendarTokens.orgId, name: orgs.name })
    .from(calendarTokens)
    .innerJoin(orgs, eq(orgs.id, calendarTokens.orgId))
    .where(eq(calendarTokens.tokenHash, hash(token)));
  if (!row) throw new AppError('report.calendar_not_found');
  const periods = await db.select().from(reportPeriods).orderBy(desc(reportPeriods.deadline)).limit(200);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ttdn//Bao cao TTDN//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${esc(`Hạn báo cáo TTĐN — ${row.name}`)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  const expected = await expectedForPeriods(db, periods);
  for (const p of periods) {
    if (!expected.get(p.id)!.some((e) => e.orgId === row.orgId)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${p.id}-${row.orgId}@ttdn`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${ymd(p.deadline)}`,
      `DTEND;VALUE=DATE:${ymd(addDays(p.deadline, 1))}`,
      `SUMMARY:${esc(`Hạn gửi báo cáo: ${p.title}`)}`,
      `DESCRIPTION:${esc(`${row.name} gửi báo cáo trước hết ngày ${p.deadline.split('-').reverse().join('/')} (${p.status === 'open' ? 'đang nhận báo cáo' : 'đã khóa sổ'}).`)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${esc(`Còn 7 ngày: ${p.title}`)}`,
      'TRIGGER:-P7D',
      'END:VALARM',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${esc(`Còn 1 ngày: ${p.title}`)}`,
      'TRIGGER:-P1D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
