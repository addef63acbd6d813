import crypto from 'node:crypto';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Role, SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { publicUser } from './auth.schemas';
import { loginAttempts, sessions, users } from './auth.tables';
import { assertLoginAllowed, KNOWN_ADDRESS_DAYS, recordFailure } from './login-limits';
import { assertPasswordRules, dummyHash, hashPassword, verifyPassword } from './password';

export interface AuthSettings {
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  /** The token of a session the browser already had: it is ended (rotation on login). */
  previousToken?: string;
}

export async function login(db: Db, input: LoginInput, s: AuthSettings) {
  const username = input.username.trim().toLowerCase();
  await assertLoginAllowed(db, username, input.ip, s);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false);
  if (!user || !ok) {
    await recordFailure(db, username, input.ip, s);
    throw new AppError('auth.invalid_credentials');
  }
  if (!user.active) throw new AppError('auth.account_disabled');
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + s.sessionTtlHours * 3600_000);
  await db.transaction(async (tx) => {
    if (input.previousToken) await tx.delete(sessions).where(eq(sessions.id, sha256(input.previousToken)));
    await tx.insert(sessions).values({
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await tx.insert(loginAttempts).values({ username, ip: input.ip, success: true });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(tx, { id: user.id, name: user.username, ip: input.ip }, { action: 'login', entity: 'session', entityId: user.id });
  });
  return { token, csrfToken, expiresAt, user: publicUser(user) };
}

/**
 * The session lookup runs on every request: built once per database handle as a prepared
 * statement (named on PostgreSQL, so each connection also parses and plans it once).
 */
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();
const prepareSessionQuery = (db: Db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .prepare('ttdn_session_user');

/** Resolve a session cookie to its user; slides the expiry at most once a minute. */
export async function sessionUser(db: Db, token: string, s: AuthSettings): Promise<SessionUser | null> {
  const id = sha256(token);
  let query = sessionQueries.get(db);
  if (!query) sessionQueries.set(db, (query = prepareSessionQuery(db)));
  const [row] = await query.execute({ id, now: new Date().toISOString() });
  if (!row) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + s.sessionTtlHours * 3600_000) })
      .where(eq(sessions.id, id));
  }
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role: row.user.role as Role,
    orgId: row.user.orgId,
    sessionId: id,
    csrfToken: row.session.csrfToken,
    profile: publicUser(row.user),
  };
}

export async function logout(db: Db, user: SessionUser, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, user.sessionId));
    await writeAudit(tx, actor, { action: 'logout', entity: 'session', entityId: user.id });
  });
}

/** Wrong current passwords are recorded as failed attempts of the account from that address, and limited the same way. */
export async function changePassword(db: Db, user: SessionUser, current: string, next: string, actor: Actor, s: AuthSettings) {
  const ip = actor.ip ?? 'unknown';
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  try {
    await assertLoginAllowed(db, user.username, ip, s);
  } catch (e) {
    if (e instanceof AppError && e.code === 'auth.too_many_attempts') {
      throw new AppError('auth.too_many_password_attempts', { ...e.details, field: 'currentPassword' });
    }
    if (!(e instanceof AppError && e.code === 'auth.login_delayed')) throw e;
  }
  if (!row || !(await verifyPassword(row.passwordHash, current))) {
    await recordFailure(db, user.username, ip, s);
    throw new AppError('auth.wrong_password', { field: 'currentPassword' });
  }
  assertPasswordRules(next);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever had the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)));
    await writeAudit(tx, actor, { action: 'password_change', entity: 'user', entityId: user.id });
  });
}

/** Housekeeping: expired sessions and old login attempts (successes are kept while they make an address known). */
export async function purgeExpired(db: Db) {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
  await db
    .delete(loginAttempts)
    .where(
      sql`${loginAttempts.at} < now() - interval '2 days' and (${loginAttempts.success} = false or ${loginAttempts.at} < now() - make_interval(days => ${KNOWN_ADDRESS_DAYS}))`,
    );
}
