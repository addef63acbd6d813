import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { docxText, nd30ProblemsOf } from '../../../test/docx-check';
import { rowsOf } from '../../db/client';
import { users } from '../auth';
import { startSmtpServer } from '../../../test/smtp-server';
import { createIngestContext } from './ingest.service';
import { pollDueSources, type PollReport } from './poll.service';
import { articlePage, fixture, rss, startFeedServer, type FeedServer } from './testing/feed-server';

const NEUTRAL = [
  'Ngày 12/3, tại thành phố Đông Hà, UBND tỉnh Quảng Trị tổ chức hội nghị về công tác thông tin đối ngoại năm 2024.',
  'Hội nghị có đại diện các sở, ngành và địa phương. Các đại biểu thảo luận kế hoạch triển khai trong năm, phân công nhiệm vụ cho từng đơn vị và thống nhất lịch họp định kỳ hằng quý.',
  'Văn phòng UBND tỉnh ghi nhận các ý kiến và tổng hợp gửi các cơ quan liên quan trong tuần tới.',
];
const NEGATIVE = [
  'Một số trang mạng đã bịa đặt, xuyên tạc thông tin về tình hình tại cửa khẩu Lao Bảo, kích động người dân và chống phá chính quyền.',
  'Các thông tin này hoàn toàn sai sự thật, gây hoang mang dư luận và bôi nhọ lực lượng chức năng tại khu vực biên giới.',
  'Cơ quan chức năng đang xác minh nguồn phát tán các bài viết trên mạng xã hội.',
];
const STORY =
  'Chiều 11/3, đảo Cồn Cỏ đón đoàn công tác của tỉnh Quảng Trị đến thăm và làm việc với lực lượng vũ trang trên đảo. Đoàn đã trao quà cho cán bộ, chiến sĩ và người dân, đồng thời kiểm tra tiến độ các công trình hạ tầng phục vụ đời sống. Huyện đảo Cồn Cỏ hiện có gần 400 người sinh sống, hoạt động dịch vụ nghề cá và du lịch đang dần phát triển. Lãnh đạo tỉnh đề nghị các lực lượng tiếp tục phối hợp giữ vững chủ quyền biển đảo, bảo vệ môi trường và hỗ trợ ngư dân bám biển trong năm 2024.';

let ctx: TestContext;
let feeds: FeedServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sec: Client;
let officer: Client;
let leader: Client;
const sourceIds = new Map<string, string>();
let firstPoll: PollReport[];
let secondPoll: PollReport[];

const poll = async () => {
  const ingest = await createIngestContext(ctx.database.db, ctx.config, { info() {}, warn() {}, error() {} });
  return pollDueSources(ingest, { owner: 'test', batch: 50, timeoutMs: 800 });
};
const decodeQp = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

beforeAll(async () => {
  feeds = await startFeedServer();
  smtp = await startSmtpServer();
  ctx = await createTestContext({ PRESS_ALLOW_LOOPBACK_FETCH: 'true', SMTP_URL: smtp.url });
  sec = await ctx.login(DEMO.secretariat);
  officer = await ctx.login(DEMO.officer);
  leader = await ctx.login(DEMO.leader);
  const b = feeds.base;
  feeds.routes.set('/a.xml', {
    kind: 'feed',
    etag: '"a1"',
    body: rss('Báo A', [
      {
        title: 'Quảng Trị họp bàn công tác thông tin đối ngoại',
        link: `${b}/a/neutral.html`,
        description: 'Hội nghị về thông tin đối ngoại.',
      },
      { title: 'Bịa đặt thông tin về cửa khẩu Lao Bảo', link: `${b}/a/negative.html`, description: 'Thông tin sai sự thật.' },
      { title: 'Đoàn công tác của tỉnh thăm đảo Cồn Cỏ', link: `${b}/a/story.html`, description: 'Thăm đảo.', content: `<p>${STORY}</p>` },
    ]),
  });
  feeds.routes.set('/a/neutral.html', {
    kind: 'page',
    body: articlePage(
      'Quảng Trị họp bàn công tác thông tin đối ngoại',
      NEUTRAL,
      '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">x</a>',
    ),
  });
  feeds.routes.set('/a/negative.html', { kind: 'page', body: articlePage('Bịa đặt thông tin về cửa khẩu Lao Bảo', NEGATIVE) });
  for (const outlet of ['b', 'c']) {
    feeds.routes.set(`/${outlet}.xml`, {
      kind: 'feed',
      body: rss(`Báo ${outlet.toUpperCase()}`, [
        {
          title: 'Đoàn công tác tỉnh Quảng Trị thăm đảo Cồn Cỏ',
          link: `${b}/${outlet}/con-co.html`,
          description: 'Thăm đảo.',
          content: `<p>${STORY}</p><p>Theo Báo ${outlet.toUpperCase()}.</p>`,
        },
      ]),
    });
  }
  feeds.routes.set('/slow.xml', { kind: 'hang' });
  feeds.routes.set('/garbage.xml', {
    kind: 'raw',
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<html><body>Not a feed {{{ ]]> &&& </body></html>',
  });
  feeds.routes.set('/xxe.xml', { kind: 'raw', status: 200, headers: { 'content-type': 'application/xml' }, body: fixture('xxe.xml') });
  feeds.routes.set('/bomb.xml', {
    kind: 'raw',
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: fixture('billion-laughs.xml'),
  });
  feeds.routes.set('/redirect.xml', { kind: 'raw', status: 302, headers: { location: 'http://10.0.0.1/feed.xml' } });

  // The secretariat follows every topic and has an e-mail address.
  await ctx.database.db
    .update(users)
    .set({ email: 'thuongtruc@example.test' })
    .where(sql`${users.username} = ${DEMO.secretariat}`);
  const topics = (await sec.request({ method: 'GET', url: '/api/press/topics' })).json().items as { id: string }[];
  for (const t of topics) await sec.request({ method: 'POST', url: `/api/press/topics/${t.id}/follow`, payload: { follow: true } });

  for (const [name, path, weight] of [
    ['Báo A', '/a.xml', 4],
    ['Báo B', '/b.xml', 3],
    ['Báo C', '/c.xml', 3],
    ['Chậm', '/slow.xml', 3],
    ['Rác', '/garbage.xml', 3],
    ['XXE', '/xxe.xml', 3],
    ['Bom', '/bomb.xml', 3],
    ['Chuyển hướng', '/redirect.xml', 3],
  ] as const) {
    const res = await sec.request({
      method: 'POST',
      url: '/api/press/sources',
      payload: { name, url: `${b}${path}`, language: 'vi', country: 'VN', weight, intervalMinutes: 30 },
    });
    expect(res.statusCode, res.body).toBe(201);
    sourceIds.set(path, res.json().id);
  }
  firstPoll = await poll();
  for (const id of sourceIds.values()) await sec.request({ method: 'POST', url: `/api/press/sources/${id}/poll` });
  secondPoll = await poll();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await feeds?.close();
  await smtp?.close();
});

const reportOf = (reports: PollReport[], path: string) => reports.find((r) => r.sourceId === sourceIds.get(path))!;
const search = async (c: Client, query: string) => (await c.request({ method: 'GET', url: `/api/press/articles?${query}` })).json();

describe('ingestion from feeds served locally', () => {
  it('ingests a feed, fetching the full text of summary-only items once', () => {
    expect(reportOf(firstPoll, '/a.xml')).toMatchObject({ outcome: 'ok', created: 3 });
    expect(feeds.hits.get('/a/neutral.html')).toBe(1);
    expect(feeds.hits.get('/a/negative.html')).toBe(1);
    expect(feeds.hits.get('/a/story.html')).toBeUndefined(); // full content in the feed: no page fetch
  });

  it('sends a conditional GET on the next poll and handles 304', () => {
    expect(feeds.conditional.get('/a.xml')).toBe(1);
    expect(reportOf(secondPoll, '/a.xml')).toMatchObject({ outcome: 'not_modified', created: 0 });
    // An unchanged body without validators is recognised by its hash; known links are not fetched again.
    expect(reportOf(secondPoll, '/b.xml')).toMatchObject({ outcome: 'not_modified' });
    expect(feeds.hits.get('/a/neutral.html')).toBe(1);
  });

  it('records timeouts, garbage, entity attacks and private redirects as source errors, storing nothing', async () => {
    expect(reportOf(firstPoll, '/slow.xml')).toMatchObject({ outcome: 'error', error: 'press.fetch_timeout' });
    expect(reportOf(firstPoll, '/garbage.xml')).toMatchObject({ outcome: 'error', error: 'press.feed_invalid' });
    expect(reportOf(firstPoll, '/xxe.xml')).toMatchObject({ outcome: 'error', error: 'press.feed_unsafe' });
    expect(reportOf(firstPoll, '/bomb.xml')).toMatchObject({ outcome: 'error', error: 'press.feed_unsafe' });
    expect(reportOf(firstPoll, '/redirect.xml')).toMatchObject({ outcome: 'error', error: 'press.fetch_blocked_address' });
    const sources = (await sec.request({ method: 'GET', url: '/api/press/sources' })).json().items as {
      url: string;
      health: string;
      lastError: string | null;
      consecutiveFailures: number;
      articleCount: number;
      nextPollAt: string;
    }[];
    const redirect = sources.find((s) => s.url.endsWith('/redirect.xml'))!;
    expect(redirect.health).toBe('error');
    expect(redirect.lastError).toContain('10.0.0.1');
    expect(redirect.consecutiveFailures).toBe(2);
    expect(Date.parse(redirect.nextPollAt)).toBeGreaterThan(Date.now() + 60 * 60_000); // backoff: 30 min × 2²
    for (const bad of ['/slow.xml', '/garbage.xml', '/xxe.xml', '/bomb.xml', '/redirect.xml']) {
      expect(sources.find((s) => s.url.endsWith(bad))!.articleCount).toBe(0);
    }
    const [{ n }] = rowsOf<{ n: number }>(
      await ctx.database.db.execute(sql`select count(*)::int as n from press_articles where text ilike '%passwd%' or text ilike '%lol%'`),
    );
    expect(n).toBe(0);
  });

  it('sanitises the page HTML kept for display', async () => {
    const { items } = await search(sec, 'q=hop%20ban');
    const detail = (await sec.request({ method: 'GET', url: `/api/press/articles/${items[0].id}` })).json();
    expect(detail.html).toContain('thông tin đối ngoại');
    expect(detail.html).not.toMatch(/<script|onerror|javascript:/i);
    expect(detail.text).not.toContain('window.evil');
  });

  it('groups a story syndicated by several outlets as one story with several appearances', async () => {
    const { items } = await search(sec, `q=${encodeURIComponent('con co')}`);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i: { storyId: string }) => i.storyId)).size).toBe(1);
    const story = (await sec.request({ method: 'GET', url: `/api/press/stories/${items[0].storyId}` })).json();
    expect(story.appearances).toBe(3);
    expect(story.articles.map((a: { outlet: string }) => a.outlet).sort()).toEqual(['Báo A', 'Báo B', 'Báo C']);
  });
});

describe('search', () => {
  it('finds Quảng Trị from "quang tri", with highlights, for an officer too', async () => {
    const res = await search(officer, 'q=quang%20tri');
    expect(res.total).toBeGreaterThanOrEqual(4);
    const hit = res.items.find((i: { title: string }) => i.title.startsWith('Quảng Trị họp'));
    expect(hit.title.slice(hit.titleHighlights[0][0], hit.titleHighlights[0][1])).toBe('Quảng Trị');
  });

  it('filters by tone, outlet, topic, language and period, and pages', async () => {
    expect((await search(sec, 'tone=negative')).items.map((i: { title: string }) => i.title)).toEqual([
      'Bịa đặt thông tin về cửa khẩu Lao Bảo',
    ]);
    expect((await search(sec, `outlet=${encodeURIComponent('Báo B')}`)).total).toBe(1);
    const topics = (await sec.request({ method: 'GET', url: '/api/press/topics' })).json().items as { id: string; key: string }[];
    const gates = topics.find((t) => t.key === 'border-gates')!;
    expect((await search(sec, `topicId=${gates.id}`)).total).toBe(1);
    expect((await search(sec, 'language=en')).total).toBe(0);
    expect((await search(sec, 'from=2024-03-12&to=2024-03-12')).total).toBeGreaterThan(0);
    expect((await search(sec, 'from=2020-01-01&to=2020-01-02')).total).toBe(0);
    const page2 = await search(sec, 'pageSize=2&page=2&sort=date_asc');
    expect(page2.items).toHaveLength(2);
    expect((await search(sec, 'q=quang%20tri&sort=relevance')).items.length).toBeGreaterThan(0);
  });

  it('bounds a very common syllable and refuses an empty query', async () => {
    const res = await search(sec, 'q=va');
    expect(res.totalCapped).toBe(false);
    expect((await sec.request({ method: 'GET', url: '/api/press/articles?q=%2B%2B' })).statusCode).toBe(400);
  });
});

describe('article detail and tone', () => {
  it('shows matched terms and the words that decided the tone; a correction is kept and used', async () => {
    const [neg] = (await search(sec, 'tone=negative')).items;
    const d = (await sec.request({ method: 'GET', url: `/api/press/articles/${neg.id}` })).json();
    expect(d.tone.tone).toBe('negative');
    expect(d.tone.evidence.map((e: { term: string }) => e.term)).toContain('bịa đặt');
    expect(d.tone.rules.some((r: { id: string }) => r.id === 'threshold')).toBe(true);
    expect(d.topics.flatMap((t: { terms: string[] }) => t.terms)).toContain('Lao Bảo');
    // The tone was decided by the stance model: toward the province, with the sentence that decides it.
    const [stored] = rowsOf<{ ev: { stance: { target: string; explanation: { sentence: string } } } }>(
      await ctx.database.db.execute(sql`select tone_evidence as ev from press_articles where id = ${neg.id}`),
    );
    expect(stored.ev.stance.target).toBe('province');
    expect(stored.ev.stance.explanation.sentence).toMatch(/Bịa đặt/);
    expect(
      (await leader.request({ method: 'PUT', url: `/api/press/articles/${neg.id}/tone`, payload: { tone: 'neutral' } })).statusCode,
    ).toBe(403);
    const res = await sec.request({ method: 'PUT', url: `/api/press/articles/${neg.id}/tone`, payload: { tone: 'neutral' } });
    expect(res.statusCode).toBe(200);
    const after = (await sec.request({ method: 'GET', url: `/api/press/articles/${neg.id}` })).json();
    expect(after.tone).toMatchObject({ tone: 'neutral', scored: 'negative', corrected: true });
    const [{ n }] = rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int as n from press_tone_corrections`));
    expect(n).toBe(1);
    await sec.request({ method: 'PUT', url: `/api/press/articles/${neg.id}/tone`, payload: { tone: 'negative' } });
  });
});

describe('alerts', () => {
  it('fire for a negative article on a watched topic, not for a neutral one, in-app and by e-mail', async () => {
    const alerts = (await sec.request({ method: 'GET', url: '/api/press/alerts' })).json().items as { title: string; articleId: string }[];
    expect(alerts.map((a) => a.title)).toEqual(['Cảnh báo: Bịa đặt thông tin về cửa khẩu Lao Bảo']);
    // the demo's own notifications (2026 reports sent to the secretariat) are there too: count the press alerts
    const notes = (await sec.request({ method: 'GET', url: '/api/notifications?unread=true&pageSize=100' })).json();
    expect(notes.total).toBe(notes.unread);
    const pressNotes = notes.items.filter((n: { kind: string }) => n.kind === 'press.alert');
    expect(pressNotes).toHaveLength(1);
    expect(pressNotes[0]).toMatchObject({ kind: 'press.alert', title: alerts[0].title });
    expect(notes.items[0]).toMatchObject({ kind: 'press.alert' }); // the newest first
    const officerNotes = (await officer.request({ method: 'GET', url: '/api/notifications?pageSize=100' })).json().items;
    expect(officerNotes.filter((n: { kind: string }) => n.kind === 'press.alert')).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to).toEqual(['thuongtruc@example.test']);
    expect(decodeQp(smtp.messages[0].raw)).toContain('/press/alerts?focus=');
    const read = await sec.request({ method: 'POST', url: '/api/notifications/read', payload: {} });
    expect(read.json().updated).toBe(notes.unread);
  });
});

describe('manual entry', () => {
  it('takes pasted text and an article URL', async () => {
    const text = await sec.request({
      method: 'POST',
      url: '/api/press/articles/text',
      payload: {
        title: 'Quang Tri attracts new investment',
        text: 'Quang Tri province welcomed investors to the Southeast Economic Zone this week, officials said.',
        outlet: 'Example Times',
        language: 'en',
        country: 'US',
      },
    });
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json().status).toBe('created');
    const again = await sec.request({
      method: 'POST',
      url: '/api/press/articles/text',
      payload: {
        title: 'Quang Tri attracts new investment',
        text: 'Quang Tri province welcomed investors to the Southeast Economic Zone this week, officials said.',
      },
    });
    expect(again.json().status).toBe('duplicate');
    feeds.routes.set('/manual.html', {
      kind: 'page',
      body: articlePage('Hướng Hóa phát triển cà phê', [STORY.replace('Cồn Cỏ', 'Hướng Hóa'), NEUTRAL[1]]),
    });
    const url = await sec.request({ method: 'POST', url: '/api/press/articles/url', payload: { url: `${feeds.base}/manual.html` } });
    expect(url.statusCode, url.body).toBe(200);
    expect((await search(sec, 'q=huong%20hoa')).total).toBe(1);
  });

  it('refuses a bulk file with errors by row and column, saving nothing, and imports a valid one', async () => {
    const count = async () => rowsOf<{ n: number }>(await ctx.database.db.execute(sql`select count(*)::int as n from press_articles`))[0].n;
    const before = await count();
    const bad =
      'title,url,text,outlet,published_at,language\nBài một,https://x.test/1,Nội dung một,Báo X,12/03/2024,vi\n,https://x.test/2,Nội dung hai,Báo X,32/13/2024,vi\n';
    const res = await sec.request({
      method: 'POST',
      url: '/api/press/articles/bulk?filename=bai.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(bad),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('press.bulk_rejected');
    const errors = res.json().details.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [3, 'title'],
        [3, 'published_at'],
      ]),
    );
    expect(await count()).toBe(before);
    const good = JSON.stringify([
      {
        title: 'Bài nhập từ tệp',
        url: 'https://x.test/json/1',
        text: 'Nội dung về Gio Linh.',
        outlet: 'Báo X',
        published_at: '2024-03-10',
      },
    ]);
    const ok = await sec.request({
      method: 'POST',
      url: '/api/press/articles/bulk?filename=bai.json',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(good),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 1, created: 1 });
  });
});

describe('response cases', () => {
  it('runs from an alert to closed, scoped to the assigned organisation, audited at every step', async () => {
    const [alert] = (await sec.request({ method: 'GET', url: '/api/press/alerts' })).json().items;
    const created = await sec.request({
      method: 'POST',
      url: '/api/press/cases',
      payload: { alertId: alert.id, orgId: officer.user.orgId, deadline: '2024-03-20' },
    });
    expect(created.statusCode, created.body).toBe(201);
    let c = created.json();
    expect(c).toMatchObject({ status: 'new', title: 'Bịa đặt thông tin về cửa khẩu Lao Bảo' });
    expect((await sec.request({ method: 'GET', url: '/api/press/alerts?open=true' })).json().total).toBe(0);

    const step = async (who: Client, action: string, extra: Record<string, unknown> = {}) => {
      const r = await who.request({
        method: 'POST',
        url: `/api/press/cases/${c.id}/transition`,
        payload: { action, version: c.version, ...extra },
      });
      if (r.statusCode === 200) c = r.json();
      return r;
    };
    expect((await officer.request({ method: 'GET', url: '/api/press/cases' })).json().total).toBe(1);
    expect((await step(officer, 'verify')).statusCode).toBe(200);
    expect((await step(officer, 'draft')).json().code).toBe('press.case_argument_required');
    expect(
      (await step(officer, 'draft', { argument: 'Tài liệu lập luận: thông tin về cửa khẩu Lao Bảo là sai sự thật…' })).statusCode,
    ).toBe(200);
    expect((await step(officer, 'approve')).json().code).toBe('press.case_action_forbidden');
    expect((await step(sec, 'approve')).statusCode).toBe(200);
    expect((await step(sec, 'close')).json().code).toBe('press.case_note_required');
    expect((await step(officer, 'publish', { note: 'Đã cung cấp cho Báo Quảng Trị' })).statusCode).toBe(200);

    const comment = await officer.request({
      method: 'POST',
      url: `/api/press/cases/${c.id}/comments`,
      payload: { body: 'Đã gửi thông cáo báo chí.' },
    });
    expect(comment.statusCode).toBe(201);
    const exe = await officer.request({
      method: 'POST',
      url: `/api/press/cases/${c.id}/attachments?filename=virus.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('MZ\x90\x00'),
    });
    expect(exe.statusCode).toBe(415);
    const pdf = await officer.request({
      method: 'POST',
      url: `/api/press/cases/${c.id}/attachments?filename=${encodeURIComponent('tài liệu.pdf')}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4\n%test\n'),
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    const file = await leader.request({ method: 'GET', url: `/api/press/cases/${c.id}/attachments/${pdf.json().id}` });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toContain('%PDF-1.4');

    expect((await step(sec, 'close')).statusCode).toBe(200);
    expect(c.status).toBe('closed');
    const detail = (await leader.request({ method: 'GET', url: `/api/press/cases/${c.id}` })).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'verify', 'draft', 'approve', 'publish', 'close']);
    expect(detail.actions).toEqual([]);
    const audit = rowsOf<{ action: string }>(
      await ctx.database.db.execute(sql`select action from audit_log where entity = 'press_case' and entity_id = ${c.id} order by id`),
    );
    expect(audit.map((a) => a.action)).toEqual([
      'press.case.create',
      'press.case.verify',
      'press.case.draft',
      'press.case.approve',
      'press.case.publish',
      'press.case.comment',
      'press.case.attach',
      'press.case.close',
    ]);
  });

  it('refuses an officer a case of another organisation', async () => {
    const other = (await sec.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('Sở Ngoại vụ')}` })).json().items[0]
      .id as string;
    const c = (await sec.request({ method: 'POST', url: '/api/press/cases', payload: { title: 'Vụ việc khác', orgId: other } })).json();
    expect((await officer.request({ method: 'GET', url: `/api/press/cases/${c.id}` })).statusCode).toBe(403);
    expect(
      (
        await officer.request({
          method: 'POST',
          url: `/api/press/cases/${c.id}/transition`,
          payload: { action: 'verify', version: c.version },
        })
      ).statusCode,
    ).toBe(403);
    expect((await officer.request({ method: 'GET', url: '/api/press/cases' })).json().items.map((x: { id: string }) => x.id)).not.toContain(
      c.id,
    );
  });
});

describe('dashboard and digest', () => {
  it('gives figures over a period', async () => {
    const d = (await leader.request({ method: 'GET', url: '/api/press/dashboard?from=2024-03-01&to=2024-03-31' })).json();
    expect(d.articles).toBeGreaterThanOrEqual(6);
    expect(d.stories).toBeLessThan(d.articles);
    expect(d.tone.negative).toBe(1);
    expect(d.outlets[0]).toMatchObject({ outlet: 'Báo A', articles: 3 });
    expect(d.languages[0].language).toBe('vi');
    expect(d.volume.length).toBeGreaterThan(0);
    expect((await officer.request({ method: 'GET', url: '/api/press/dashboard' })).statusCode).toBe(403);
  });

  it('exports a daily, weekly and monthly digest as .docx', async () => {
    for (const kind of ['daily', 'weekly', 'monthly']) {
      const res = await leader.request({ method: 'GET', url: `/api/press/digest?kind=${kind}&date=2024-03-12` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('signs the digest as the secretariat department, with Vietnamese numbers and country names (ND30 checker)', async () => {
    const month = await leader.request({ method: 'GET', url: '/api/press/digest?kind=monthly&date=2024-03-31' });
    expect(await nd30ProblemsOf(month.rawPayload)).toEqual([]);
    const text = await docxText(month.rawPayload);
    for (const s of [
      'UBND TỈNH QUẢNG TRỊ',
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      'Số:       /BC-SVHTTDL',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Trần Thị Bình',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toMatch(/THƯỜNG TRỰC|TM\. ỦY BAN/);
    expect(text).toMatch(/\n\d+,\d%\n/); // a share with a decimal comma (one negative article of several)
    expect(text).not.toMatch(/\d\.\d%/);
    // The article entered by hand above is American and dated today.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const now = await docxText((await leader.request({ method: 'GET', url: `/api/press/digest?kind=monthly&date=${today}` })).rawPayload);
    expect(now).toMatch(/\+ Hoa Kỳ: \d+ bài/);
    expect(now).not.toMatch(/\bUS: /);
  });
});

describe('audit of monitoring changes', () => {
  it('records alert rules, acknowledgements and articles entered by hand', async () => {
    const inspector = await ctx.login(DEMO.inspector);
    const rule = await sec.request({
      method: 'POST',
      url: '/api/press/alert-rules',
      payload: { name: 'Mọi bài tiêu cực', tone: 'negative' },
    });
    expect(rule.statusCode).toBe(201);
    await sec.request({ method: 'DELETE', url: `/api/press/alert-rules/${rule.json().id}` });
    const entered = await sec.request({
      method: 'POST',
      url: '/api/press/articles/text',
      payload: { title: 'Bài nhập tay về Quảng Trị', text: 'Nội dung bài nhập tay về tỉnh Quảng Trị và cửa khẩu Lao Bảo.' },
    });
    expect(entered.statusCode).toBe(200);
    const actions = async (entity: string) =>
      (await inspector.request({ method: 'GET', url: `/api/audit?entity=${entity}&actorName=${DEMO.secretariat}` }))
        .json()
        .items.map((i: { action: string }) => i.action);
    expect(await actions('press_alert_rule')).toEqual(['delete', 'create']);
    expect(await actions('press_article')).toContain('enter');
  });
});
