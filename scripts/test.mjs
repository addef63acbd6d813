#!/usr/bin/env node
// `npm test`: makes sure Debian's chromium is there (installs it as root, otherwise stops
// with a clear message: browser tests are never skipped), builds the web app if needed,
// then runs every test (unit, API integration, browser end-to-end) with vitest.
// DATABASE_URL=postgres://… runs the same suite on a PostgreSQL server.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!fs.existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium chưa có: đang cài gói chromium của Debian (apt-get)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(
      `Không tìm thấy Chromium tại ${chromium}. Các kiểm thử trình duyệt cần nó: ` +
        'hãy cài bằng "sudo apt-get install chromium" (hoặc đặt CHROMIUM_PATH) rồi chạy lại npm test.',
    );
    process.exit(1);
  }
}

register();
const { buildWebIfNeeded } = await import('../src/cli/web-build.ts');
buildWebIfNeeded(root, path.join(root, 'dist/web'), console.log);

const db = process.env.DATABASE_URL ? `PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')})` : 'PGlite';
console.log(`Chạy toàn bộ kiểm thử trên ${db}`);
fs.mkdirSync('test-artifacts', { recursive: true });
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-artifacts/vitest.json', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TTDN_TEST_UNIT: '' } },
);
try {
  const r = JSON.parse(fs.readFileSync('test-artifacts/vitest.json', 'utf8'));
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
} catch {
  /* vitest printed its own error */
}
process.exit(result.status ?? 1);
