import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { translate } from '../../shared/messages/catalogue';
import { notify } from '../notifications';
import { loginAttempts, users } from './auth.tables';

/**
 * Failed-login limits that a stranger cannot turn into a lock-out of the account's owner:
 * - per (account, address): LOGIN_MAX_FAILURES in the window, then that address waits the window out;
 * - per address, across accounts: 4 × LOGIN_MAX_FAILURES (password spraying);
 * - per account, across addresses: past LOGIN_MAX_FAILURES a growing delay between attempts
 *   (2, 4, 8 … 60 s) for addresses the account has not signed in from in the last 30 days. An
 *   address the owner used recently keeps signing in, whatever strangers do.
 * At 4 × LOGIN_MAX_FAILURES failures on one account in the window the admins are told.
 * Wrong current passwords on password change are recorded and limited like failed logins.
 */
export interface LimitSettings {
  loginMaxFailures: number;
  loginWindowMinutes: number;
}

export const MAX_ACCOUNT_DELAY_SECONDS = 60;
/** How long a successful sign-in makes an address known to its account. */
export const KNOWN_ADDRESS_DAYS = 30;

/** The wait an account imposes on unknown addresses after `failures` failures in the window. */
export function accountDelaySeconds(failures: number, max: number): number {
  if (failures < max) return 0;
  return Math.min(2 ** Math.min(failures - max + 1, 10), MAX_ACCOUNT_DELAY_SECONDS);
}

export async function assertLoginAllowed(db: Db, username: string, ip: string, s: LimitSettings) {
  const window = sql`now() - make_interval(mins => ${s.loginWindowMinutes})`;
  const failed = sql`${loginAttempts.success} = false and ${loginAttempts.at} > ${window}`;
  const [row] = await db
    .select({
      pair: sql<number>`count(*) filter (where ${failed} and ${loginAttempts.username} = ${username} and ${loginAttempts.ip} = ${ip})::int`,
      byIp: sql<number>`count(*) filter (where ${failed} and ${loginAttempts.ip} = ${ip})::int`,
      byUser: sql<number>`count(*) filter (where ${failed} and ${loginAttempts.username} = ${username})::int`,
      sinceLastFailure: sql<
        number | null
      >`extract(epoch from now() - max(${loginAttempts.at}) filter (where ${failed} and ${loginAttempts.username} = ${username}))::float8`,
      known: sql<boolean>`bool_or(${loginAttempts.success} and ${loginAttempts.username} = ${username} and ${loginAttempts.ip} = ${ip} and ${loginAttempts.at} > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS}))`,
    })
    .from(loginAttempts)
    .where(sql`${loginAttempts.username} = ${username} or ${loginAttempts.ip} = ${ip}`);
  if (row.pair >= s.loginMaxFailures || row.byIp >= s.loginMaxFailures * 4) {
    throw new AppError('auth.too_many_attempts', { minutes: s.loginWindowMinutes, retryAfterSeconds: s.loginWindowMinutes * 60 });
  }
  if (row.known) return;
  const delay = accountDelaySeconds(row.byUser, s.loginMaxFailures);
  const waited = Number(row.sinceLastFailure ?? Infinity);
  if (delay > 0 && waited < delay) {
    const seconds = Math.max(1, Math.ceil(delay - waited));
    throw new AppError('auth.login_delayed', { seconds, retryAfterSeconds: seconds });
  }
}

/** Record a failed attempt; tells the admins once when an account passes the sustained-attack mark. */
export async function recordFailure(db: Db, username: string, ip: string, s: LimitSettings) {
  await db.insert(loginAttempts).values({ username, ip, success: false });
  const mark = s.loginMaxFailures * 4;
  const [{ failures, addresses }] = await db
    .select({ failures: sql<number>`count(*)::int`, addresses: sql<number>`count(distinct ${loginAttempts.ip})::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        eq(loginAttempts.success, false),
        sql`${loginAttempts.at} > now() - make_interval(mins => ${s.loginWindowMinutes})`,
      ),
    );
  if (failures !== mark) return;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!account) return;
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  const params = { username, failures, addresses, minutes: s.loginWindowMinutes };
  await notify(db, {
    userIds: admins.map((a) => a.id),
    kind: 'auth.sustained_attack',
    title: translate('vi', 'auth.sustained_attack.title', params),
    body: translate('vi', 'auth.sustained_attack.body', params),
    link: '/users',
  });
}
