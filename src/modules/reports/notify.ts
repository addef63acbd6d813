import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { users } from '../auth';
import { deliverOutbox, notify, queueMail } from '../notifications';

type Log = { info(o: object, m?: string): void; warn(o: object, m?: string): void };
export interface Notifier {
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
  log: Log;
}

export interface Recipient {
  id: string;
  email: string | null;
}

export async function officersOf(db: Db, orgIds: string[]): Promise<(Recipient & { orgId: string })[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .select({ id: users.id, email: users.email, orgId: users.orgId })
    .from(users)
    .where(and(inArray(users.orgId, orgIds), eq(users.role, 'officer'), eq(users.active, true)));
  return rows.map((r) => ({ ...r, orgId: r.orgId! }));
}

export async function secretariatUsers(db: Db): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'secretariat'), eq(users.active, true)));
}

/**
 * In-app notification to every recipient and one e-mail to those with an address, written with
 * `db` (the caller's transaction, when there is one): the mail goes out after commit, by `send`.
 */
export async function tell(db: Db, to: Recipient[], msg: { kind: string; title: string; body: string; link: string }) {
  if (!to.length) return { inApp: 0, queued: false };
  const inApp = await notify(db, { userIds: to.map((r) => r.id), kind: msg.kind, title: msg.title, body: msg.body, link: msg.link });
  const emails = [...new Set(to.map((r) => r.email).filter((e): e is string => Boolean(e)))];
  const queued = emails.length ? await queueMail(db, { to: emails, subject: msg.title, text: `${msg.body}\n\n${msg.link}` }) : false;
  return { inApp, queued };
}

/** After commit: send the queued mail now (the outbox job retries whatever fails). Never throws. */
export async function send(db: Db, n: Notifier) {
  try {
    return await deliverOutbox(db, n.config, n.log);
  } catch (err) {
    n.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'mail outbox delivery deferred to the job');
    return { sent: 0, failed: 0, accepted: [] };
  }
}
