import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';

/**
 * Test databases. The global set-up migrates and seeds one template (PGlite dump, or a
 * PostgreSQL template database when TEST_DATABASE_URL is set); each test file clones it.
 */
export const TEST_PASSWORD = 'Demo-password-1';
export const TEMPLATE_FILE = '.test-cache/template.tar.gz';

export function adminUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createPgDatabase(url: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await client.end();
  }
}

export async function dropPgDatabase(url: string, name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the template database for one test file. */
export async function cloneTestDatabase(templateName: string): Promise<Database & { url?: string }> {
  const url = adminUrl();
  if (url) {
    const name = `ttdn_t_${crypto.randomBytes(5).toString('hex')}`;
    await createPgDatabase(url, name, templateName);
    const dbUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 5 });
    return {
      ...database,
      url: dbUrl,
      close: async () => {
        await database.close();
        await dropPgDatabase(url, name);
      },
    };
  }
  const blob = new Blob([fs.readFileSync(TEMPLATE_FILE)]);
  return openDatabase({ loadDataDir: blob });
}
