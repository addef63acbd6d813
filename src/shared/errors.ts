/**
 * Domain errors: a stable code (`plan.not_found`, `report.locked`) plus details.
 * Domain code throws `new AppError(code, details)` and never knows it runs behind HTTP: the
 * status of each code is decided in one table (src/server/error-status.ts) and its message
 * comes from the message catalogue, both at the one edge (src/server/error-handler.ts).
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
