import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { loadDemo } from '../src/demo/load-demo';
import { adminUrl, createPgDatabase, dropPgDatabase, TEMPLATE_FILE, TEST_PASSWORD, withDatabase } from './db';

declare module 'vitest' {
  export interface ProvidedContext {
    templateName: string;
  }
}

/** Builds the migrated, demo-seeded template once per run. TTDN_TEST_UNIT=1 skips it. */
export default async function setup(project: TestProject) {
  if (process.env.TTDN_TEST_UNIT === '1') return;
  const url = adminUrl();
  if (url) {
    const name = `ttdn_tpl_${process.pid}`;
    await createPgDatabase(url, name);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
    await migrate(database.db);
    await loadDemo(database.db, { password: TEST_PASSWORD, pressArticles: false });
    await database.close();
    project.provide('templateName', name);
    return async () => dropPgDatabase(url, name);
  }
  const database = await openDatabase({});
  await migrate(database.db);
  await loadDemo(database.db, { password: TEST_PASSWORD, pressArticles: false });
  const dump = await database.pglite!.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templateName', TEMPLATE_FILE);
}
