/**
 * Accounts and sessions: the API's user shape, password rules, and the tables other modules
 * reference or join (read only; changes go through auth and users services).
 */
export { publicUser, userDto } from './auth.schemas';
export { sessions, users } from './auth.tables';
export { assertPasswordRules, hashPassword } from './password';
