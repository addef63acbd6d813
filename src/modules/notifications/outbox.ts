import { sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { rowsOf, type Db } from '../../db/client';
import type { JobDefinition } from '../../jobs/types';
import { sendMail, type Mail } from './mailer';
import { mailOutbox } from './notifications.tables';

type Log = Parameters<typeof sendMail>[2];
type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom'>;

export const MAX_ATTEMPTS = 10;
/** How long a claimed mail is someone's before another deliverer may try it (a crash mid-send). */
const CLAIM_SECONDS = 120;

/** Queue an e-mail in the caller's transaction: it goes out only if that transaction commits. */
export async function queueMail(db: Db, mail: Mail): Promise<boolean> {
  const to = [...new Set([mail.to].flat().filter(Boolean))];
  if (!to.length) return false;
  await db.insert(mailOutbox).values({ to, subject: mail.subject, body: mail.text });
  return true;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  accepted: string[];
}

interface Claimed {
  id: string;
  to: string[];
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Send what is due. Each mail is claimed by one conditional UPDATE (SKIP LOCKED), so the kick
 * after a commit and the job on any number of workers never send one mail twice while the claim
 * holds; a failure is retried with a growing delay (1, 2, 4 … minutes, at most 6 hours) up to
 * MAX_ATTEMPTS, then kept as `failed` for the administrator to see.
 */
export async function deliverOutbox(db: Db, config: MailConfig, log?: Log, opts: { batch?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, accepted: [] };
  for (;;) {
    const res = await db.execute(sql`
      UPDATE mail_outbox SET attempts = attempts + 1, next_at = now() + make_interval(secs => ${CLAIM_SECONDS})
      WHERE id IN (
        SELECT id FROM mail_outbox WHERE status = 'pending' AND next_at <= now()
        ORDER BY next_at LIMIT ${opts.batch ?? 20} FOR UPDATE SKIP LOCKED)
      RETURNING id, "to", subject, body, attempts`);
    const rows = rowsOf<Claimed>(res);
    if (!rows.length) return report;
    for (const m of rows) {
      const r = await sendMail(config, { to: m.to, subject: m.subject, text: m.body }, log);
      if (r.sent || r.skipped) {
        report.sent += r.sent ? 1 : 0;
        report.accepted.push(...r.accepted);
        await db.execute(
          sql`UPDATE mail_outbox SET status = ${r.sent ? 'sent' : 'skipped'}, sent_at = now(), error = NULL WHERE id = ${m.id}`,
        );
      } else {
        report.failed++;
        const gaveUp = m.attempts >= MAX_ATTEMPTS;
        const delayMinutes = Math.min(2 ** (m.attempts - 1), 360);
        await db.execute(sql`
          UPDATE mail_outbox SET status = ${gaveUp ? 'failed' : 'pending'}, error = ${r.error ?? 'unknown'},
            next_at = now() + make_interval(mins => ${delayMinutes}) WHERE id = ${m.id}`);
      }
    }
    if (rows.length < (opts.batch ?? 20)) return report;
  }
}

/** Safety net: whatever the kick after a commit did not send (a crash, the SMTP server down). */
export const mailOutboxJob: JobDefinition = {
  name: 'mail.outbox',
  everyMs: 30_000,
  async run(ctx) {
    const r = await deliverOutbox(ctx.db, ctx.config, ctx.log);
    if (r.sent || r.failed) ctx.log.info({ sent: r.sent, failed: r.failed }, 'mail outbox delivered');
  },
};
