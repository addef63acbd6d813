import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context';
import { rowsOf } from '../../db/client';
import { deliverOutbox, MAX_ATTEMPTS, queueMail } from './outbox';
import { startSmtpServer } from '../../../test/smtp-server';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const quiet = { info() {}, warn() {} };
const rows = async () =>
  rowsOf<{ subject: string; status: string; attempts: number; error: string | null; due: boolean }>(
    await ctx.database.db.execute(
      sql`SELECT subject, status, attempts, error, next_at <= now() AS due FROM mail_outbox ORDER BY created_at`,
    ),
  );

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

describe('mail outbox', () => {
  it('sends nothing for a change that rolls back, and once for one that commits', async () => {
    const db = ctx.database.db;
    await expect(
      db.transaction(async (tx) => {
        await queueMail(tx, { to: 'a@tinh.test', subject: 'rolled back', text: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.transaction(async (tx) => {
      await queueMail(tx, { to: ['b@tinh.test', 'b@tinh.test', 'c@tinh.test'], subject: 'committed', text: 'Nội dung' });
    });
    const first = await deliverOutbox(db, ctx.config, quiet);
    expect(first).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.messages.map((m) => m.to)).toEqual([['b@tinh.test', 'c@tinh.test']]);
    expect(await deliverOutbox(db, ctx.config, quiet)).toMatchObject({ sent: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect((await rows()).map((r) => [r.subject, r.status])).toEqual([['committed', 'sent']]);
  });

  it('keeps a mail the SMTP server refused and sends it on a later run; gives up after MAX_ATTEMPTS', async () => {
    const db = ctx.database.db;
    await queueMail(db, { to: 'd@tinh.test', subject: 'server down', text: 'x' });
    const down = { ...ctx.config, smtpUrl: 'smtp://127.0.0.1:9' };
    expect(await deliverOutbox(db, down, quiet)).toMatchObject({ sent: 0, failed: 1 });
    const waiting = (await rows()).find((r) => r.subject === 'server down')!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, due: false });
    expect(waiting.error).toBeTruthy();
    // Not due yet: a run now sends nothing; once due, it goes.
    expect(await deliverOutbox(db, ctx.config, quiet)).toMatchObject({ sent: 0 });
    await db.execute(sql`UPDATE mail_outbox SET next_at = now() WHERE subject = 'server down'`);
    expect(await deliverOutbox(db, ctx.config, quiet)).toMatchObject({ sent: 1 });
    expect(smtp.messages.at(-1)!.to).toEqual(['d@tinh.test']);

    await queueMail(db, { to: 'e@tinh.test', subject: 'never', text: 'x' });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await db.execute(sql`UPDATE mail_outbox SET next_at = now() WHERE subject = 'never'`);
      await deliverOutbox(db, down, quiet);
    }
    expect((await rows()).find((r) => r.subject === 'never')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('two deliverers at once send each mail once', async () => {
    const db = ctx.database.db;
    const before = smtp.messages.length;
    for (let i = 0; i < 6; i++) await queueMail(db, { to: `p${i}@tinh.test`, subject: `parallel ${i}`, text: 'x' });
    const [a, b] = await Promise.all([
      deliverOutbox(db, ctx.config, quiet, { batch: 2 }),
      deliverOutbox(db, ctx.config, quiet, { batch: 2 }),
    ]);
    expect(a.sent + b.sent).toBe(6);
    expect(smtp.messages.length - before).toBe(6);
  });
});
