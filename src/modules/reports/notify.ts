import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { users } from '../auth/auth.tables';
import { sendMail } from '../notifications/mailer';
import { notify } from '../notifications/notifications.service';

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

/** In-app notification to every recipient and one e-mail to those with an address. Mail failures never undo anything. */
export async function tell(db: Db, n: Notifier, to: Recipient[], msg: { kind: string; title: string; body: string; link: string }) {
  if (!to.length) return { inApp: 0, mailed: [] as string[] };
  const inApp = await notify(db, { userIds: to.map((r) => r.id), kind: msg.kind, title: msg.title, body: msg.body, link: msg.link });
  const emails = [...new Set(to.map((r) => r.email).filter((e): e is string => Boolean(e)))];
  const res = emails.length
    ? await sendMail(n.config, { to: emails, subject: msg.title, text: `${msg.body}\n\n${msg.link}` }, n.log)
    : { accepted: [] };
  return { inApp, mailed: res.accepted };
}
