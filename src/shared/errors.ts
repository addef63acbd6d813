/**
 * Domain errors: a stable code (`plan.not_found`, `report.locked`) plus details.
 * Domain code throws these and never knows it runs behind HTTP; the server maps each
 * code's prefix/status and its Vietnamese message (from the message catalogue) at one edge
 * (src/server/error-handler.ts).
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ErrorStatus = 400,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, details: Record<string, unknown> = {}) => new AppError(code, 404, details);
export const forbidden = (code = 'auth.forbidden', details: Record<string, unknown> = {}) => new AppError(code, 403, details);
export const conflict = (code: string, details: Record<string, unknown> = {}) => new AppError(code, 409, details);
export const invalid = (code: string, details: Record<string, unknown> = {}) => new AppError(code, 400, details);
