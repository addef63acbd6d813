import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config';
import type { Database } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { cloneTestDatabase, TEST_PASSWORD } from './db';

export interface Client {
  username: string;
  csrfToken: string;
  cookie: string;
  user: { id: string; role: string; orgId: string | null };
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  database: Database;
  app: FastifyInstance;
  config: Config;
  /** Log in (demo users share TEST_PASSWORD) and return a client carrying the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', WEB_DIST: './dist/web', ...overrides });
}

/** A fresh database cloned from the template and an app on it (not listening). */
export async function createTestContext(overrides: Record<string, string> = {}): Promise<TestContext> {
  const database = await cloneTestDatabase(inject('templateName'));
  const config = testConfig(overrides);
  const app = await buildApp({ database, config }, { logger: false });
  await app.ready();
  return {
    database,
    app,
    config,
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const body = res.json() as { csrfToken: string; user: Client['user'] };
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return {
        username,
        csrfToken: body.csrfToken,
        cookie,
        user: body.user,
        request: (opts) =>
          app.inject({
            ...opts,
            headers: { cookie, 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) },
          } as InjectOptions),
      };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const DEMO = {
  admin: 'admin',
  secretariat: 'thuongtruc',
  leader: 'lanhdao',
  officer: 'canbo.vhttdl',
  inspector: 'thanhtra',
} as const;
