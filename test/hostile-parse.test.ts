import http from 'node:http';
import type { AddressInfo } from 'node:net';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCX_PARAGRAPHS } from '../src/modules/plans/import';
import { AppError } from '../src/shared/errors';
import { closeWorkers, runInWorker } from '../src/shared/workers';
import { createTestContext, DEMO, type Client, type TestContext } from './context';

/**
 * Hostile pages and files are parsed in worker threads with time and memory limits (src/shared/workers):
 * each is refused within a bound with a clear Vietnamese error while /healthz keeps answering.
 */
let ctx: TestContext;
let base = '';
let pages: http.Server;
let pagesBase = '';
let secretariat: Client;

const ARTICLE = `<html lang="vi"><head><title>Hội chợ thương mại Việt - Lào</title></head><body><article><h1>Hội chợ thương mại Việt - Lào</h1>${'<p>Hội chợ thương mại Việt - Lào khai mạc tại thành phố Đông Hà với nhiều gian hàng của doanh nghiệp hai nước.</p>'.repeat(12)}</article></body></html>`;
const HOSTILE: Record<string, string> = {
  '/nested-div': `<html><body>${'<div>'.repeat(2000)}chữ${'</div>'.repeat(2000)}</body></html>`,
  '/nested-a': `<html><body>${'<a href="#">'.repeat(100_000)}x</body></html>`,
  '/article': ARTICLE,
};

beforeAll(async () => {
  pages = http.createServer((req, res) => {
    const body = HOSTILE[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  ctx = await createTestContext({ PRESS_ALLOW_LOOPBACK_FETCH: 'true' });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  secretariat = await ctx.login(DEMO.secretariat);
}, 60_000);
afterAll(async () => {
  await closeWorkers();
  await ctx?.close();
  await new Promise((resolve) => pages?.close(resolve));
});

/** Polls /healthz over real HTTP every 50 ms while `work` runs: the slowest answer and how long the work took. */
async function whilePolling<T>(work: () => Promise<T>) {
  const started = performance.now();
  let done = false;
  const settled = work().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  void settled.then(() => (done = true));
  const polls: number[] = [];
  do {
    const t = performance.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    polls.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  } while (!done);
  const outcome = await settled;
  return { ...outcome, slowestPoll: Math.max(...polls), polls: polls.length, tookMs: performance.now() - started };
}

// Generous bounds: a machine shared by parallel test files; the parse itself used to take 131 s or forever.
const POLL_BOUND_MS = 2_000;
const REFUSAL_BOUND_MS = 30_000;

const submit = (url: string) =>
  secretariat
    .request({ method: 'POST', url: '/api/press/articles/url', payload: { url } })
    .then((r) => ({ status: r.statusCode, body: r.json() }));

describe('article pages submitted by URL', () => {
  it('2,000 nested <div> and 100,000 nested <a> are refused with a Vietnamese error while /healthz answers', async () => {
    for (const path of ['/nested-div', '/nested-a']) {
      const run = await whilePolling(() => submit(`${pagesBase}${path}`));
      expect(run.value, path).toMatchObject({ status: 422, body: { code: 'press.page_too_complex' } });
      expect(run.value!.body.message).toMatch(/^Trang quá phức tạp để đọc/);
      expect(run.tookMs, path).toBeLessThan(REFUSAL_BOUND_MS);
      expect(run.slowestPoll, path).toBeLessThan(POLL_BOUND_MS);
    }
  }, 90_000);

  it('a real article page is still read (in a worker) and stored', async () => {
    const run = await whilePolling(() => submit(`${pagesBase}/article`));
    expect(run.value?.status).toBe(200);
    expect(run.slowestPoll).toBeLessThan(POLL_BOUND_MS);
  }, 60_000);
});

/** Short paragraphs of varied text, so the archive compresses like a real one (about 20:1, under the zip guard's ratio). */
function paragraphs(n: number) {
  let seed = 7;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    seed = (seed * 48271) % 2147483647;
    out.push(`<w:p><w:r><w:t>${seed.toString(36)} ${i.toString(36)}</w:t></w:r></w:p>`);
  }
  return out.join('');
}

describe('uploaded plan documents', () => {
  it(`a .docx of 200,000 short paragraphs is refused (cap ${MAX_DOCX_PARAGRAPHS}) naming the file, while /healthz answers`, async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs(200_000)}</w:body></w:document>`,
    );
    const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const run = await whilePolling(() =>
      secretariat.request({
        method: 'POST',
        url: '/api/plans/import?filename=ke-hoach-200k.docx',
        headers: { 'content-type': 'application/octet-stream' },
        payload: docx,
      }),
    );
    expect(run.value?.statusCode).toBe(413);
    expect(run.value?.json()).toMatchObject({
      code: 'plan.file_too_many_paragraphs',
      details: { filename: 'ke-hoach-200k.docx', paragraphs: 200_000 },
    });
    expect(run.value?.json().message).toContain('"ke-hoach-200k.docx" có 200000 đoạn văn');
    expect(run.tookMs).toBeLessThan(REFUSAL_BOUND_MS);
    expect(run.slowestPoll).toBeLessThan(POLL_BOUND_MS);
  }, 60_000);

  it('a normal plan is still read through the worker', async () => {
    const res = await secretariat.request({
      method: 'POST',
      url: '/api/plans/import?filename=ke-hoach.md',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('# KẾ HOẠCH\nThông tin đối ngoại năm 2026\n\n1. Tổ chức hội nghị\n', 'utf8'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().source.filename).toBe('ke-hoach.md');
  }, 60_000);
});

describe('the worker pool', () => {
  const job = (fn: string, timeoutMs: number) => ({
    module: new URL('./fixtures/worker-limits.task.ts', import.meta.url),
    fn,
    timeoutMs,
    tooComplex: (reason: 'time' | 'memory') => new AppError('plan.file_too_complex', { filename: 'x.docx', reason }),
  });

  it('terminates a worker past its time limit, keeps /healthz answering, and serves the next job', async () => {
    const run = await whilePolling(() => runInWorker(job('spin', 1_500)));
    expect(run.error).toMatchObject({ code: 'plan.file_too_complex', details: { reason: 'time' } });
    expect(run.polls).toBeGreaterThan(3);
    expect(run.slowestPoll).toBeLessThan(POLL_BOUND_MS);
    expect(await runInWorker(job('echo', 30_000), 'còn sống')).toBe('echo: còn sống');
  }, 60_000);

  it('terminates a worker past its memory limit (resourceLimits) with the caller’s error', async () => {
    const run = await whilePolling(() => runInWorker(job('hog', 60_000)));
    expect(run.error).toMatchObject({ code: 'plan.file_too_complex', details: { reason: 'memory' } });
    expect(run.slowestPoll).toBeLessThan(POLL_BOUND_MS);
    expect(await runInWorker(job('echo', 30_000), 'sau')).toBe('echo: sau');
  }, 90_000);
});
