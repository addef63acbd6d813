/**
 * Writes the OpenAPI document of the API as the app builds it (no server listening): the same
 * document /api/openapi.json answers. CI lints it with Redocly (`npm run lint:openapi`).
 *   node bin/run-ts.js scripts/openapi.ts [out.json]   (stdout without a file)
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { buildApp } from '../src/server/app';

const database = await openDatabase({});
try {
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' }) }, { logger: false });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  const out = process.argv[2];
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, doc);
  } else process.stdout.write(doc);
  await app.close();
} finally {
  await database.close();
}
