import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';

/** Roles, with their Vietnamese labels kept beside them. */
export const ROLES = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  secretariat: { vi: 'Cơ quan thường trực TTĐN', en: 'Secretariat' },
  leader: { vi: 'Lãnh đạo UBND tỉnh', en: 'Provincial leader' },
  officer: { vi: 'Cán bộ đơn vị', en: 'Organisation officer' },
  inspector: { vi: 'Thanh tra', en: 'Inspector' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_VALUES = Object.keys(ROLES) as [Role, ...Role[]];

/**
 * Every API route declares who may call it, in its `config.access`:
 * - 'public': anyone, logged in or not;
 * - 'authenticated': any logged-in user;
 * - a list of roles.
 * Finer rules (an officer acts only for their own organisation) live in the services,
 * through `assertOrgScope`.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const READ_ALL: readonly Role[] = ['admin', 'secretariat', 'leader', 'officer', 'inspector'];
export const MANAGE_DIRECTORY: readonly Role[] = ['admin', 'secretariat'];
export const AUDIT_READERS: readonly Role[] = ['admin', 'inspector'];

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  sessionId: string;
  csrfToken: string;
  /** The user as the API shows it (read with the session, so /api/auth/me needs no second query). */
  profile: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    orgId: string | null;
    email: string | null;
    active: boolean;
    lastLoginAt: string | null;
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export function isAllowed(access: Access, user: SessionUser | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'authenticated') return true;
  return access.includes(user.role);
}

export async function enforceAccess(request: FastifyRequest, _reply: FastifyReply) {
  const access = request.routeOptions.config.access;
  if (access === undefined) return; // non-API routes (static files) carry no rule
  if (access === 'public') return;
  if (!request.user) throw new AppError('auth.unauthenticated');
  if (!isAllowed(access, request.user)) throw new AppError('auth.forbidden');
}

/** Roles that see every organisation's data; officers see only their own. */
export function canSeeAllOrgs(user: SessionUser): boolean {
  return user.role !== 'officer';
}

/** An officer may act only for their own organisation. */
export function assertOrgScope(user: SessionUser, orgId: string) {
  if (user.role === 'officer' && user.orgId !== orgId) {
    throw new AppError('org.forbidden', { orgId });
  }
}
