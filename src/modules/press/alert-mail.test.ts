import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/context';
import { startSmtpServer } from '../../../test/smtp-server';
import { rowsOf } from '../../db/client';
import { JOBS } from '../../jobs/registry';
import { startWorker } from '../../jobs/runner';
import { loadArticleRules, raiseArticleAlerts, type ArticleFacts } from './alerts.service';

/** An alert's e-mail goes through the outbox: never sent for a change that rolls back, never lost after a commit. */
let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sec: Client;
const quiet = pino({ level: 'silent' });

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ SMTP_URL: smtp.url });
  sec = await ctx.login('thuongtruc');
  await ctx.database.db.execute(sql`UPDATE users SET email = 'thuongtruc@example.test' WHERE id = ${sec.user.id}`);
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

const waitFor = async (ok: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !ok();) await new Promise((r) => setTimeout(r, 100));
  return ok();
};

describe('alert mail through the outbox', () => {
  it('is not sent when the alert rolls back; after a commit whose send never ran, the worker sends it once', async () => {
    const db = ctx.database.db;
    // The secretariat (with an e-mail address) follows the rule's topic; an article, neutral: no alert yet.
    const rules = (await loadArticleRules(db)).filter((r) => !r.tone || r.tone === 'negative');
    expect(rules.length).toBeGreaterThan(0);
    const topicId =
      rules.find((r) => r.topicId)?.topicId ?? rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM press_topics LIMIT 1`))[0].id;
    expect((await sec.request({ method: 'POST', url: `/api/press/topics/${topicId}/follow`, payload: { follow: true } })).statusCode).toBe(
      200,
    );
    const entry = await sec.request({
      method: 'POST',
      url: '/api/press/articles/text',
      payload: { title: 'Tin thử cho thư cảnh báo', text: 'Một bài viết trung tính để gắn cảnh báo trong kiểm thử.', outlet: 'Báo thử' },
    });
    expect(entry.statusCode, entry.body).toBe(200);
    const { id, storyId } = entry.json() as { id: string; storyId: string };
    const facts: ArticleFacts = {
      id,
      storyId,
      title: 'Tin thử cho thư cảnh báo',
      outlet: 'Báo thử',
      tone: 'negative',
      outletWeight: 100,
      topicIds: [topicId],
    };
    const before = smtp.messages.length;

    // The change fails after the alert and its mail were written: nothing is left to send.
    await expect(
      db.transaction(async (tx) => {
        expect(await raiseArticleAlerts(tx, rules, facts)).toBeGreaterThan(0);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const pending = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'pending'`))[0].n;
    expect(await pending()).toBe(0);

    // The change commits, and the process dies before its post-commit send (no deliverOutbox here).
    await db.transaction(async (tx) => {
      expect(await raiseArticleAlerts(tx, rules, facts)).toBeGreaterThan(0);
    });
    expect(await pending()).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.length).toBe(before);

    // A worker starts (the registry's jobs, as `ttdn serve --role worker` runs them): the mail goes, once.
    const worker = startWorker(
      { db, config: ctx.config, log: quiet },
      JOBS.filter((j) => j.name === 'mail.outbox'),
    );
    try {
      expect(await waitFor(() => smtp.messages.length > before, 10_000)).toBe(true);
    } finally {
      await worker.stop();
    }
    expect(smtp.messages.length).toBe(before + 1);
    expect(smtp.messages.at(-1)!.to).toEqual(['thuongtruc@example.test']);
    expect(await pending()).toBe(0);
  });
});
