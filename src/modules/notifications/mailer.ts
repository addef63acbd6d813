import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';

export interface Mail {
  to: string | string[];
  subject: string;
  text: string;
}

export interface MailResult {
  sent: boolean;
  accepted: string[];
  /** Not sent because SMTP_URL is unset (the mail went to the log). */
  skipped?: boolean;
  /** Why sending failed (the SMTP client's message, for the log and the outbox). */
  error?: string;
}

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom'>;

/**
 * Send one e-mail over SMTP (`SMTP_URL`, from `MAIL_FROM`). Without SMTP_URL the mail is
 * written to the log instead of being sent. Never throws: a mail failure must not undo the
 * change that caused it; the result says whether it went.
 */
export async function sendMail(
  config: MailConfig,
  mail: Mail,
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void } = console,
): Promise<MailResult> {
  const to = [mail.to].flat().filter(Boolean);
  if (!to.length) return { sent: false, accepted: [] };
  if (!config.smtpUrl) {
    log.info({ to, subject: mail.subject }, 'mail not sent (SMTP_URL unset)');
    return { sent: false, accepted: [], skipped: true };
  }
  try {
    const info = await transportFor(config.smtpUrl).sendMail({ from: config.mailFrom, to, subject: mail.subject, text: mail.text });
    return { sent: true, accepted: (info.accepted ?? []).map(String) };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log.warn({ err: error, to, subject: mail.subject }, 'mail failed');
    return { sent: false, accepted: [], error: error.slice(0, 300) };
  }
}
