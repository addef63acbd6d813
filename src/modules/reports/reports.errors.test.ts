import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { addDays, vnDate } from './dates';
import { registerFigureSource, unregisterFigureSource } from './indicators';
import { call, deadlineTomorrow, fillAndSave, findPeriod, IN_2023, makeOfficer, openReport, orgIdByName } from './reports.test-helpers';

/** Bad requests answer a clear 4xx naming the problem and change nothing; files, ad-hoc requests, catalogue, calendar feed. */
let ctx: TestContext;
let sec: Client;
let officer: Client;
let vhOrg: string;
let periodId: string;
let report: Awaited<ReturnType<typeof openReport>>;

beforeAll(async () => {
  ctx = await createTestContext();
  sec = await ctx.login(DEMO.secretariat);
  // The 2023 period is reported on by the 2023 Sở VHTTDL (the demo officer sits in today's, formed on 1/7/2025).
  ({ client: officer, orgId: vhOrg } = await makeOfficer(
    ctx,
    await ctx.login(DEMO.admin),
    'canbo.vhttdl2023',
    'Sở Văn hóa, Thể thao và Du lịch',
    undefined,
    IN_2023,
  ));
  periodId = (await findPeriod(sec, 'year', 2023)).id;
  await deadlineTomorrow(sec, periodId);
  report = await openReport(officer, periodId, vhOrg);
});
afterAll(() => ctx?.close());

const snapshot = async (c: Client, id: string) => {
  const r = (await call(c, 'GET', `/api/reports/${id}`)).json();
  return { status: r.status, version: r.version, entries: r.entries, submissions: r.submissions };
};

describe('refusals change nothing', () => {
  it('a malformed figure: 400 with the field at fault', async () => {
    const before = await snapshot(officer, report.id);
    const entry = { taskId: report.entries[0].taskId, status: 'in_progress', done: 'x', figures: { news_articles: { value: 'mười hai' } } };
    const res = await call(officer, 'PUT', `/api/reports/${report.id}`, { version: report.version, entries: [entry] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(res.json().details.fields[0].field).toBe('body.entries.0.figures.news_articles.value');
    const negative = await call(officer, 'PUT', `/api/reports/${report.id}`, {
      version: report.version,
      entries: [{ ...entry, figures: { news_articles: { value: -3 } } }],
    });
    expect(negative.statusCode).toBe(400);
    const unknown = await call(officer, 'PUT', `/api/reports/${report.id}`, {
      version: report.version,
      entries: [{ ...entry, figures: { tin_bai_la: { value: 3 } } }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'report.indicator_unknown', details: { field: 'body.entries.0.figures.tin_bai_la' } });
    expect(unknown.json().message).toContain('tin_bai_la');
    const foreignTask = await call(officer, 'PUT', `/api/reports/${report.id}`, {
      version: report.version,
      entries: [{ ...entry, figures: {}, taskId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(foreignTask.json().code).toBe('report.task_not_in_report');
    expect(await snapshot(officer, report.id)).toEqual(before);
  });

  it("another organisation's report: 403, for reading, saving, submitting and attaching", async () => {
    const bao = await makeOfficer(ctx, await ctx.login(DEMO.admin), 'canbo.bao2', 'Báo Quảng Trị');
    const theirs = await openReport(bao.client, periodId, bao.orgId);
    await fillAndSave(bao.client, theirs, 'Báo Quảng Trị');
    const before = await snapshot(bao.client, theirs.id);
    // an officer cannot even open another organisation's report
    expect((await call(officer, 'POST', `/api/report-periods/${periodId}/reports`, { orgId: bao.orgId })).statusCode).toBe(403);
    for (const [method, url, body] of [
      ['GET', `/api/reports/${theirs.id}`, undefined],
      ['PUT', `/api/reports/${theirs.id}`, { version: before.version, entries: [] }],
      ['POST', `/api/reports/${theirs.id}/submit`, {}],
    ] as const) {
      const res = await call(officer, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('report.forbidden');
    }
    expect(
      (
        await officer.request({
          method: 'POST',
          url: `/api/reports/${theirs.id}/files?filename=a.png`,
          headers: { 'content-type': 'application/octet-stream' },
          payload: PNG,
        })
      ).statusCode,
    ).toBe(403);
    expect(await snapshot(bao.client, theirs.id)).toEqual(before);
    // the officer may not review either
    expect((await call(officer, 'POST', `/api/reports/${report.id}/accept`, {})).statusCode).toBe(403);
  });

  it('a closed period refuses submissions and edits (409), and reopening lets them through', async () => {
    const before = await snapshot(officer, report.id);
    let p = (await call(sec, 'GET', `/api/report-periods/${periodId}`)).json();
    expect((await call(sec, 'PATCH', `/api/report-periods/${periodId}`, { version: p.version, status: 'closed' })).statusCode).toBe(200);
    const submit = await call(officer, 'POST', `/api/reports/${report.id}/submit`, {});
    expect(submit.statusCode).toBe(409);
    expect(submit.json().code).toBe('report.period_closed');
    expect(submit.json().message).toContain('khóa sổ');
    expect((await call(officer, 'PUT', `/api/reports/${report.id}`, { version: before.version, entries: [] })).json().code).toBe(
      'report.period_closed',
    );
    expect(await snapshot(officer, report.id)).toEqual(before);
    p = (await call(sec, 'GET', `/api/report-periods/${periodId}`)).json();
    expect((await call(sec, 'PATCH', `/api/report-periods/${periodId}`, { version: p.version, status: 'open' })).statusCode).toBe(200);
  });

  it('a locked (accepted) report refuses edits, resubmission and attachments (409)', async () => {
    const fresh = (await call(officer, 'GET', `/api/reports/${report.id}`)).json();
    await fillAndSave(officer, fresh, 'Sở VHTTDL');
    expect((await call(officer, 'POST', `/api/reports/${report.id}/submit`, {})).statusCode).toBe(200);
    // submitted: under review, not editable by the organisation
    expect((await call(officer, 'PUT', `/api/reports/${report.id}`, { version: fresh.version + 2, entries: [] })).json().code).toBe(
      'report.under_review',
    );
    expect((await call(sec, 'POST', `/api/reports/${report.id}/accept`, {})).statusCode).toBe(200);
    const before = await snapshot(officer, report.id);
    const edit = await call(officer, 'PUT', `/api/reports/${report.id}`, { version: before.version, entries: [] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('report.locked');
    expect((await call(officer, 'POST', `/api/reports/${report.id}/submit`, {})).json().code).toBe('report.locked');
    expect((await call(sec, 'POST', `/api/reports/${report.id}/return`, { comment: 'Xem lại' })).statusCode).toBe(409);
    expect(await snapshot(officer, report.id)).toEqual(before);
    // a return without a comment is refused by the schema
    expect((await call(sec, 'POST', `/api/reports/${report.id}/return`, {})).statusCode).toBe(400);
  });

  it('bad period edits: window backwards, deadline before opening, stale version', async () => {
    const p = (await call(sec, 'GET', `/api/report-periods/${periodId}`)).json();
    expect(
      (
        await call(sec, 'PATCH', `/api/report-periods/${periodId}`, { version: p.version, dataFrom: '2023-12-31', dataTo: '2023-01-01' })
      ).json().code,
    ).toBe('report.window_invalid');
    expect((await call(sec, 'PATCH', `/api/report-periods/${periodId}`, { version: p.version, opensOn: '2030-01-01' })).json().code).toBe(
      'report.deadline_before_opening',
    );
    expect((await call(sec, 'PATCH', `/api/report-periods/${periodId}`, { version: p.version - 1, title: 'Kỳ mới' })).statusCode).toBe(409);
    expect((await call(sec, 'PATCH', `/api/report-periods/${periodId}`, { version: p.version, deadline: '25/11/2023' })).statusCode).toBe(
      400,
    );
    expect((await call(sec, 'GET', `/api/report-periods/${periodId}`)).json()).toMatchObject({
      version: p.version,
      title: p.title,
      dataFrom: p.dataFrom,
    });
  });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

describe('attachments, ad-hoc requests, catalogue, calendar', () => {
  let adHoc: { id: string };
  let adHocReport: Awaited<ReturnType<typeof openReport>>;

  it('an ad-hoc request asks chosen organisations, about chosen tasks and questions, with its own deadline', async () => {
    const plan = (await call(sec, 'GET', '/api/plans?year=2023&scope=province')).json().items[0];
    const task = (await call(sec, 'GET', `/api/plans/${plan.id}`)).json().tasks.find((t: { code: string }) => t.code === '5.2');
    const deadline = addDays(vnDate(new Date()), 10);
    const bad = await call(sec, 'POST', '/api/report-periods/ad-hoc', {
      title: 'Báo cáo nhanh',
      orgIds: [vhOrg],
      questions: ['?'],
      deadline: '2020-01-01',
    });
    expect(bad.json().code).toBe('report.deadline_past');
    const res = await call(sec, 'POST', '/api/report-periods/ad-hoc', {
      title: 'Báo cáo đột xuất về Tuần văn hóa Việt - Lào',
      planId: plan.id,
      orgIds: [vhOrg],
      taskIds: [task.id],
      questions: ['Số lượt khách tham dự?'],
      deadline,
    });
    expect(res.statusCode, res.body).toBe(201);
    adHoc = res.json();
    const detail = (await call(officer, 'GET', `/api/report-periods/${adHoc.id}`)).json();
    expect(detail.expected.map((e: { name: string }) => e.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    adHocReport = await openReport(officer, adHoc.id, vhOrg);
    expect(adHocReport.tasks.map((t) => t.code)).toEqual(['5.2']);
    await fillAndSave(officer, adHocReport, 'Sở VHTTDL', {}, { answers: ['Khoảng 3.000 lượt khách.'] });
    const mine = (await call(officer, 'GET', '/api/report-periods')).json().items;
    expect(mine.find((p: { id: string }) => p.id === adHoc.id).mine.status).toBe('draft');
  });

  it('figures the system already knows are pre-filled through the source hook and corrected only with a reason', async () => {
    const ngoaiVu = await orgIdByName(sec, 'Sở Ngoại vụ', IN_2023);
    registerFigureSource('delegations_in', async ({ orgId }) => (orgId === ngoaiVu ? 4 : null));
    try {
      const p = await call(sec, 'POST', '/api/report-periods/ad-hoc', {
        title: 'Báo cáo nhanh về đoàn vào',
        orgIds: [ngoaiVu],
        questions: ['Số đoàn vào?'],
        deadline: addDays(vnDate(new Date()), 5),
      });
      const r = await openReport(sec, p.json().id, ngoaiVu);
      expect(r.entries).toEqual([]);
      // an ad-hoc request without tasks has no entries; a periodic report of Sở Ngoại vụ has them, pre-filled
      const yearly = await openReport(sec, periodId, ngoaiVu);
      expect(yearly.entries[0].figures.delegations_in).toEqual({ value: 4, prefilled: 4, reason: null });
      const entry = { ...yearly.entries[0], figures: { delegations_in: { value: 5 } } };
      const noReason = await call(sec, 'PUT', `/api/reports/${yearly.id}`, { version: yearly.version, entries: [entry] });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({
        code: 'report.figure_reason_required',
        details: { field: 'body.entries.0.figures.delegations_in.reason' },
      });
      const withReason = await call(sec, 'PUT', `/api/reports/${yearly.id}`, {
        version: yearly.version,
        entries: [{ ...entry, figures: { delegations_in: { value: 5, reason: 'Thêm một đoàn chưa nhập vào hệ thống.' } } }],
      });
      expect(withReason.statusCode, withReason.body).toBe(200);
      const back = (await call(sec, 'GET', `/api/reports/${yearly.id}`)).json();
      expect(back.entries[0].figures.delegations_in).toEqual({ value: 5, prefilled: 4, reason: 'Thêm một đoàn chưa nhập vào hệ thống.' });
    } finally {
      unregisterFigureSource('delegations_in');
    }
  });

  it('attachments: type and size checked, kept and read back', async () => {
    const url = `/api/reports/${adHocReport.id}/files`;
    const up = (filename: string, payload: Buffer) =>
      officer.request({
        method: 'POST',
        url: `${url}?filename=${encodeURIComponent(filename)}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload,
      });
    const exe = await up('virus.exe', Buffer.from('MZ....'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('file.type');
    const fake = await up('bao-cao.pdf', PNG);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('file.content_mismatch');
    const big = await up('anh.png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect((await call(officer, 'GET', `/api/reports/${adHocReport.id}`)).json().files).toEqual([]);
    const ok = await up('ảnh hội nghị.png', PNG);
    expect(ok.statusCode, ok.body).toBe(201);
    const files = (await call(officer, 'GET', `/api/reports/${adHocReport.id}`)).json().files;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: 'ảnh hội nghị.png', mime: 'image/png', size: PNG.length });
    // Never submitted: the draft's files stay inside the organisation.
    const early = await call(sec, 'GET', `/api/report-files/${files[0].id}`);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('report.draft_private');
    const down = await call(officer, 'GET', `/api/report-files/${files[0].id}`);
    expect(down.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(down.rawPayload, PNG)).toBe(0);
  });

  it('the indicator catalogue is data the secretariat extends', async () => {
    const add = await call(sec, 'POST', '/api/report-indicators', {
      code: 'rebroadcast_hours',
      labelVi: 'Giờ phát lại chương trình TTĐN quốc gia',
      labelEn: 'Hours of national programmes rebroadcast',
      unit: 'giờ',
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(
      (await call(sec, 'POST', '/api/report-indicators', { code: 'rebroadcast_hours', labelVi: 'Trùng', labelEn: 'Dup', unit: 'giờ' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(sec, 'POST', '/api/report-indicators', { code: 'Giờ phát', labelVi: 'x', labelEn: 'x', unit: 'giờ' })).statusCode,
    ).toBe(400);
    expect(
      (await call(officer, 'POST', '/api/report-indicators', { code: 'abc_def', labelVi: 'abc', labelEn: 'abc', unit: 'x' })).statusCode,
    ).toBe(403);
    const r = (await call(officer, 'GET', `/api/reports/${adHocReport.id}`)).json();
    expect(r.indicators.map((i: { code: string }) => i.code)).toContain('rebroadcast_hours');
    await fillAndSave(officer, r, 'Sở VHTTDL', { '5.2': { figures: { rebroadcast_hours: 12 } } });
  });

  it("an iCalendar feed of the organisation's deadlines, reached by a secret link without a cookie", async () => {
    const made = await call(officer, 'POST', `/api/orgs/${vhOrg}/calendar-token`, {});
    expect(made.statusCode).toBe(200);
    const feed = await ctx.app.inject({ method: 'GET', url: made.json().path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const ics = feed.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${addDays(vnDate(new Date()), 10).replace(/-/g, '')}`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20230525'); // the 2023 six-month deadline
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(ics).not.toContain('Tuần văn hóa Việt - Lào.'); // deadlines only, never report content
    // another organisation's link cannot be made by this officer; unknown and rotated links are 404
    const bao = await orgIdByName(sec, 'Báo Quảng Trị');
    expect((await call(officer, 'POST', `/api/orgs/${bao}/calendar-token`, {})).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' })).statusCode).toBe(
      404,
    );
    await call(officer, 'POST', `/api/orgs/${vhOrg}/calendar-token`, {});
    expect((await ctx.app.inject({ method: 'GET', url: made.json().path })).statusCode).toBe(404);
  });
});
