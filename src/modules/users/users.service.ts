import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Role } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { assertPasswordRules, hashPassword, publicUser, sessions, users } from '../auth';

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  role: Role;
  orgId?: string | null;
  email?: string | null;
  /** Demo and CLI accounts may skip the password rules (the CLI checks them itself). */
  skipPasswordRules?: boolean;
}

export async function createUser(db: Db, input: NewUser, actor: Actor) {
  const username = input.username.trim().toLowerCase();
  if (input.role === 'officer' && !input.orgId) throw new AppError('user.officer_needs_org', { field: 'orgId' });
  if (!input.skipPasswordRules) assertPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (exists) throw new AppError('user.username_taken', { username, field: 'username' });
    const [row] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName?.trim() || username,
        passwordHash,
        role: input.role,
        orgId: input.orgId ?? null,
        email: input.email ?? null,
      })
      .returning();
    const after = publicUser(row);
    await writeAudit(tx, actor, { action: 'create', entity: 'user', entityId: row.id, after });
    return after;
  });
}

export async function listUsers(db: Db, opts: { orgId?: string } = {}) {
  const rows = await db
    .select()
    .from(users)
    .where(opts.orgId ? eq(users.orgId, opts.orgId) : undefined)
    .orderBy(asc(users.username));
  return rows.map(publicUser);
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  orgId?: string | null;
  email?: string | null;
  active?: boolean;
  password?: string;
}

export async function updateUser(db: Db, id: string, patch: UserPatch, actor: Actor) {
  if (patch.password !== undefined) assertPasswordRules(patch.password);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw new AppError('user.not_found');
    const role = patch.role ?? (row.role as Role);
    const orgId = patch.orgId !== undefined ? patch.orgId : row.orgId;
    if (role === 'officer' && !orgId) throw new AppError('user.officer_needs_org', { field: 'orgId' });
    const [updated] = await tx
      .update(users)
      .set({
        displayName: patch.displayName ?? row.displayName,
        role,
        orgId,
        email: patch.email !== undefined ? patch.email : row.email,
        active: patch.active ?? row.active,
        passwordHash: passwordHash ?? row.passwordHash,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    // A change of role, organisation, password or a disabled account ends the user's sessions.
    if (passwordHash || patch.active === false || role !== row.role || orgId !== row.orgId) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: publicUser(row),
      after: { ...publicUser(updated), passwordChanged: Boolean(passwordHash) },
    });
    return publicUser(updated);
  });
}

export async function countUsers(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return n;
}
