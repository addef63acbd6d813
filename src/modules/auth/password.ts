import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum).
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs the same as a real user. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('dummy-password-for-timing'));

export function assertPasswordRules(password: string) {
  if (password.length < 10 || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw new AppError('auth.weak_password', { field: 'newPassword' });
  }
}
