import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { JOBS } from '../../jobs/registry';
import { addDays, vnDate } from './dates';
import { reminderKind } from './reminders.job';
import { call, fillAndSave, makeOfficer, openReport } from './reports.test-helpers';

/**
 * Reminders by e-mail (to a local SMTP server started here) and in-app: seven days and one
 * day before the deadline, the day after it is missed; each once; only to organisations that
 * have not submitted. The job's clock is injected.
 */
interface Received {
  to: string[];
  subject: string;
  body: string;
}
const inbox: Received[] = [];
let smtp: SMTPServer;
let port: number;
let ctx: TestContext;
let sec: Client;
let periodId: string;
const deadline = addDays(vnDate(new Date()), 20);
const dmyDeadline = deadline.split('-').reverse().join('/');

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeHeader(subject), body: raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
  ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'ttdn <ttdn@tinh.test>' });
  sec = await ctx.login(DEMO.secretariat);
  const admin = await ctx.login(DEMO.admin);
  const a = await makeOfficer(ctx, admin, 'cb.dongha1', 'UBND thành phố Đông Hà', 'dongha1@tinh.test');
  await makeOfficer(ctx, admin, 'cb.dongha2', 'UBND thành phố Đông Hà', 'dongha2@tinh.test');
  const b = await makeOfficer(ctx, admin, 'cb.camlo', 'UBND huyện Cam Lộ', 'camlo@tinh.test');
  const c = await makeOfficer(ctx, admin, 'cb.giolinh', 'UBND huyện Gio Linh', 'giolinh@tinh.test');
  const res = await call(sec, 'POST', '/api/report-periods/ad-hoc', {
    title: 'Báo cáo đột xuất tình hình thông tin đối ngoại khu vực biên giới',
    orgIds: [a.orgId, b.orgId, c.orgId],
    questions: ['Các hoạt động đã triển khai?'],
    deadline,
  });
  expect(res.statusCode, res.body).toBe(201);
  periodId = res.json().id;
  // Gio Linh has already submitted: it gets no reminder.
  const r = await openReport(c.client, periodId, c.orgId);
  await fillAndSave(c.client, r, 'UBND huyện Gio Linh', {}, { answers: ['Đã tổ chức 2 buổi tuyên truyền.'] });
  expect((await call(c.client, 'POST', `/api/reports/${r.id}/submit`, {})).statusCode).toBe(200);
  inbox.length = 0;
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

function decodeHeader(s: string) {
  return s.replace(/\r\n[ \t]/g, ' ').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

const job = JOBS.find((j) => j.name === 'report-reminders')!;
const runAt = async (date: string) => {
  inbox.length = 0;
  await job.run({
    db: ctx.database.db,
    config: ctx.config,
    log: { info() {}, warn() {}, error() {} } as never,
    now: () => new Date(`${date}T08:00:00+07:00`),
  });
  return [...inbox].sort((x, y) => x.to.join().localeCompare(y.to.join()));
};

describe('report reminders', () => {
  it('chooses the reminder by days left', () => {
    expect(reminderKind('2023-05-18', '2023-05-25')).toBe('d7');
    expect(reminderKind('2023-05-24', '2023-05-25')).toBe('d1');
    expect(reminderKind('2023-05-26', '2023-05-25')).toBe('overdue');
    expect(reminderKind('2023-05-10', '2023-05-25')).toBeNull();
    expect(reminderKind('2023-06-25', '2023-05-25')).toBeNull();
  });

  it('nothing before the seven-day mark', async () => {
    expect(await runAt(addDays(deadline, -8))).toEqual([]);
  });

  it('seven days before: one e-mail per organisation that has not submitted, to its officers, with the deadline', async () => {
    const mails = await runAt(addDays(deadline, -7));
    expect(mails.map((m) => m.to.sort())).toEqual([['camlo@tinh.test'], ['dongha1@tinh.test', 'dongha2@tinh.test']]);
    for (const m of mails) {
      expect(m.subject).toBe(`[TTĐN] Còn 7 ngày: hạn gửi báo cáo ${dmyDeadline}`);
      expect(m.body).toContain('ttdn@tinh.test');
    }
    // sent once: the next run (same day, or the day after) sends nothing more
    expect(await runAt(addDays(deadline, -7))).toEqual([]);
    expect(await runAt(addDays(deadline, -6))).toEqual([]);
  });

  it('one day before, then the day after it is missed', async () => {
    const d1 = await runAt(addDays(deadline, -1));
    expect(d1.map((m) => m.subject)).toEqual([
      `[TTĐN] Sắp hết hạn gửi báo cáo ${dmyDeadline}`,
      `[TTĐN] Sắp hết hạn gửi báo cáo ${dmyDeadline}`,
    ]);
    expect(await runAt(deadline)).toEqual([]);
    const late = await runAt(addDays(deadline, 1));
    expect(late.map((m) => [m.to.sort().join(','), m.subject])).toEqual([
      ['camlo@tinh.test', `[TTĐN] Quá hạn gửi báo cáo ${dmyDeadline}`],
      ['dongha1@tinh.test,dongha2@tinh.test', `[TTĐN] Quá hạn gửi báo cáo ${dmyDeadline}`],
    ]);
    expect(await runAt(addDays(deadline, 2))).toEqual([]);
  });

  it('in-app notifications too, one per reminder per officer', async () => {
    const rows = (await ctx.database.db.execute(
      sql`SELECT u.username, n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind LIKE 'report.reminder%' ORDER BY u.username, n.created_at`,
    )) as unknown as { rows: { username: string; kind: string }[] };
    const camlo = rows.rows.filter((r) => r.username === 'cb.camlo').map((r) => r.kind);
    expect(camlo).toEqual(['report.reminder_d7', 'report.reminder_d1', 'report.reminder_overdue']);
    expect(rows.rows.some((r) => r.username === 'cb.giolinh')).toBe(false);
  });
});
