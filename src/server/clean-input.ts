import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors';

/**
 * One check for every route, before validation: no NUL or other control character (C0 except tab,
 * line feed, vertical tab, form feed and carriage return, which pasted Word text carries; DEL) in
 * the query string, the path parameters or a JSON body. PostgreSQL refuses NUL in text, so without
 * this a NUL in a search or a name answered 500; now 400 naming the field.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/;

function findControl(value: unknown, path: string, depth = 0): { field: string; char: string } | null {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    return m ? { field: path, char: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : null;
  }
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 20) return null;
  for (const [key, v] of Object.entries(value)) {
    const keyHit = findControl(key, `${path}.${key}`, depth + 1);
    if (keyHit) return keyHit;
    const hit = findControl(v, `${path}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function registerCleanInput(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['querystring', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const hit = findControl(value, part);
      if (hit) throw new AppError('validation.control_character', hit);
    }
  });
}
