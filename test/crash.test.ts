import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CRASH_OPS, httpLogin, storm } from './crash-harness';
import { adminUrl, createPgDatabase, dropPgDatabase, TEST_PASSWORD, withDatabase } from './db';
import { startServer } from './processes';

/**
 * Crash safety (issue 7): many concurrent state-changing requests, SIGKILL of the server in
 * the middle, restart on the same database: everything acknowledged is there and whole,
 * nothing is half-written.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-crash-'));
let pgName: string | undefined;
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (pgName) await dropPgDatabase(adminUrl()!, pgName);
});

async function environment(): Promise<Record<string, string>> {
  if (adminUrl()) {
    pgName = `ttdn_crash_${crypto.randomBytes(4).toString('hex')}`;
    await createPgDatabase(adminUrl()!, pgName, inject('templateName'));
    return { DATABASE_URL: withDatabase(adminUrl()!, pgName), DEMO_DATA: 'false' };
  }
  return { DATA_DIR: path.join(tmp, 'data'), DEMO_PASSWORD: TEST_PASSWORD };
}

describe(`crash safety (${adminUrl() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps every acknowledged change, whole, across a SIGKILL in the middle of concurrent writes', async () => {
    const env = await environment();
    const run = `Crash${crypto.randomBytes(2).toString('hex')}`;
    const first = await startServer(env);
    let s: ReturnType<typeof storm> | undefined;
    try {
      const admin = await httpLogin(first.url, 'admin', TEST_PASSWORD);
      for (const op of CRASH_OPS) await op.prepare?.(admin, run);
      s = storm(admin, run, CRASH_OPS, 16, 60);
      await Promise.race([s.reached, new Promise((_, rej) => setTimeout(() => rej(new Error('no acknowledgements in 30 s')), 30_000))]);
      await first.stop('SIGKILL');
    } finally {
      await s?.stop();
      // (Server.stop waits for an exit that already happened once the child died of a signal.)
      if (first.child.exitCode === null && first.child.signalCode === null) await first.stop('SIGKILL');
    }
    expect(first.child.signalCode).toBe('SIGKILL');
    const second = await startServer(env);
    try {
      const admin = await httpLogin(second.url, 'admin', TEST_PASSWORD);
      const problems: string[] = [];
      for (const op of CRASH_OPS) problems.push(...(await op.check(admin, run, s!.acks.get(op)!)).map((p) => `${op.name}: ${p}`));
      console.log(
        `crash: ${s!.sent} sent, ${s!.acknowledged} acknowledged (${CRASH_OPS.map((o) => `${o.name} ${s!.acks.get(o)!.length}`).join(', ')}) before SIGKILL`,
      );
      expect(problems).toEqual([]);
      // The storm was real: acknowledged writes of every kind, and requests cut off by the kill.
      for (const op of CRASH_OPS) expect(s!.acks.get(op)!.length, op.name).toBeGreaterThan(0);
      expect(s!.sent).toBeGreaterThan(s!.acknowledged);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
