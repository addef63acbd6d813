import { z } from 'zod';
import { ROLE_VALUES, type Role } from '../../http';
import type { users } from './auth.tables';

/** A user as the API answers it (no password hash). */
export const userDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_VALUES),
  orgId: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

/** The API's view of a user row. */
export function publicUser(u: typeof users.$inferSelect): z.infer<typeof userDto> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    orgId: u.orgId,
    email: u.email,
    active: u.active,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
  };
}
