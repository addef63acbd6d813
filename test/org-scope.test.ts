import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlan, record } from '../src/modules/activities/activities.test-helpers';
import { addDays, vnDate } from '../src/modules/reports/dates';
import { call, fillAndSave, makeOfficer, openReport } from '../src/modules/reports/reports.test-helpers';
import { createTestContext, DEMO, type Client, type TestContext } from './context';

/**
 * SECURITY.md: "an officer reads and changes only their own organisation's data". Two officers of
 * different organisations, and the province roles, walk the activity reads (list, one, files,
 * export, figures, calendar) and report drafts (content and files before the first submission).
 */
let ctx: TestContext;
let sec: Client;
let leader: Client;
let inspector: Client;
let officerA: Client; // Sở Văn hóa, Thể thao và Du lịch (demo)
let officerB: Client; // Sở Ngoại vụ (made here)
let orgA = '';
let orgB = '';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.login(DEMO.admin);
  sec = await ctx.login(DEMO.secretariat);
  leader = await ctx.login(DEMO.leader);
  inspector = await ctx.login(DEMO.inspector);
  officerA = await ctx.login(DEMO.officer);
  orgA = officerA.user.orgId!;
  // today's Sở Ngoại vụ (the directory also keeps the former province's, ended 30/6/2025)
  ({ client: officerB, orgId: orgB } = await makeOfficer(ctx, admin, 'canbo.ngoaivu', 'Sở Ngoại vụ', undefined, '2026-12-01'));
}, 60_000);
afterAll(() => ctx?.close());

const attach = async (c: Client, url: string) => {
  const res = await c.request({ method: 'POST', url, payload: PNG, headers: { 'content-type': 'application/octet-stream' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

describe('activities', () => {
  const acts: Record<'A' | 'B', { id: string; fileId: string }> = { A: { id: '', fileId: '' }, B: { id: '', fileId: '' } };

  beforeAll(async () => {
    const plan = await demoPlan(sec);
    for (const [key, c, orgId, title] of [
      ['A', officerA, orgA, 'Liên hoan văn nghệ biên giới Việt - Lào'],
      ['B', officerB, orgB, 'Đón đoàn công tác tỉnh Savannakhet'],
    ] as const) {
      const a = await record(c, {
        kind: 'event',
        title,
        orgId,
        taskIds: [plan.task['3']],
        startsOn: '2023-05-10',
        place: 'Đông Hà',
        details: { eventType: 'exhibition', visitors: 300 },
      });
      acts[key] = { id: a.id, fileId: (await attach(c, `/api/activities/${a.id}/files?filename=anh.png`)).id };
    }
  });

  it('an officer lists, opens, downloads and exports only their own organisation’s activities', async () => {
    for (const [c, own, other] of [
      [officerA, 'A', 'B'],
      [officerB, 'B', 'A'],
    ] as const) {
      const ownOrg = own === 'A' ? orgA : orgB;
      const otherOrg = own === 'A' ? orgB : orgA;
      const list = (await call(c, 'GET', '/api/activities?pageSize=100')).json();
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((i: { orgId: string }) => i.orgId === ownOrg)).toBe(true);
      expect(list.items.map((i: { id: string }) => i.id)).toContain(acts[own].id);
      for (const url of [
        `/api/activities?orgId=${otherOrg}`,
        `/api/activities/${acts[other].id}`,
        `/api/activities/${acts[other].id}/files/${acts[other].fileId}`,
        `/api/activities/export.xlsx?orgId=${otherOrg}`,
        `/api/activities/figures?orgId=${otherOrg}`,
        `/api/activities/calendar?month=2023-05&orgId=${otherOrg}`,
      ]) {
        const res = await call(c, 'GET', url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code, url).toBe('org.forbidden');
      }
      expect((await call(c, 'GET', `/api/activities/${acts[own].id}`)).statusCode).toBe(200);
      expect((await call(c, 'GET', `/api/activities/${acts[own].id}/files/${acts[own].fileId}`)).statusCode).toBe(200);

      const sheet = await call(c, 'GET', '/api/activities/export.xlsx');
      expect(sheet.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
      const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
      // by the whole titles: the demo's own 2026 activities of Sở VHTTDL also name Savannakhet
      const [mine, theirs] =
        own === 'A'
          ? ['Liên hoan văn nghệ biên giới', 'Đón đoàn công tác tỉnh Savannakhet']
          : ['Đón đoàn công tác tỉnh Savannakhet', 'Liên hoan văn nghệ biên giới'];
      expect(cells.some((v) => v.includes(mine))).toBe(true);
      expect(cells.some((v) => v.includes(theirs))).toBe(false);

      const calendar = (await call(c, 'GET', '/api/activities/calendar?month=2023-05')).json();
      const ids = JSON.stringify(calendar.items);
      expect(ids).toContain(acts[own].id);
      expect(ids).not.toContain(acts[other].id);
      const figures = JSON.stringify((await call(c, 'GET', '/api/activities/figures?from=2023-01-01&to=2023-12-31')).json());
      expect(figures).not.toContain(acts[other].id);
    }
  });

  it('the province roles read every organisation’s activities and files', async () => {
    for (const c of [sec, leader, inspector]) {
      for (const key of ['A', 'B'] as const) {
        expect((await call(c, 'GET', `/api/activities/${acts[key].id}`)).statusCode, c.username).toBe(200);
        expect((await call(c, 'GET', `/api/activities/${acts[key].id}/files/${acts[key].fileId}`)).statusCode, c.username).toBe(200);
      }
      const list = (await call(c, 'GET', '/api/activities?pageSize=100&from=2023-05-01&to=2023-05-31')).json();
      const ids = list.items.map((i: { id: string }) => i.id);
      expect(ids).toEqual(expect.arrayContaining([acts.A.id, acts.B.id]));
    }
  });
});

describe('report drafts', () => {
  it('stay inside the organisation until first submitted; then the province roles read them', async () => {
    const res = await call(sec, 'POST', '/api/report-periods/ad-hoc', {
      title: 'Báo cáo nhanh về công tác đón khách nước ngoài',
      orgIds: [orgA, orgB],
      questions: ['Số đoàn khách đã đón?'],
      deadline: addDays(vnDate(new Date()), 10),
    });
    expect(res.statusCode, res.body).toBe(201);
    const periodId = res.json().id;
    const draft = await openReport(officerA, periodId, orgA);
    const saved = await fillAndSave(officerA, draft, 'Sở VHTTDL', {}, { answers: ['Ba đoàn.'] });
    const file = await attach(officerA, `/api/reports/${draft.id}/files?filename=${encodeURIComponent('ảnh đón đoàn.png')}`);

    for (const c of [sec, leader, inspector]) {
      const read = await call(c, 'GET', `/api/reports/${draft.id}`);
      expect(read.statusCode, c.username).toBe(403);
      expect(read.json().code).toBe('report.draft_private');
      expect(read.json().message).toContain('chỉ đơn vị xem được');
      expect((await call(c, 'GET', `/api/report-files/${file.id}`)).statusCode, c.username).toBe(403);
    }
    expect((await call(officerB, 'GET', `/api/reports/${draft.id}`)).json().code).toBe('report.forbidden');
    expect((await call(officerB, 'GET', `/api/report-files/${file.id}`)).statusCode).toBe(403);
    // The province still sees that the draft exists.
    const dashboard = await call(sec, 'GET', `/api/report-periods/${periodId}/dashboard`);
    expect(dashboard.statusCode).toBe(200);
    const period = JSON.stringify(dashboard.json());
    expect(period).toContain(orgA);
    expect(period).toContain('draft');
    expect(period).not.toContain('Ba đoàn.');

    // A report received on paper, typed in by the secretariat, is the secretariat's to read while it types.
    const paper = await openReport(sec, periodId, orgB);
    expect(paper.status).toBe('draft');

    const submitted = await call(officerA, 'POST', `/api/reports/${draft.id}/submit`, { version: saved.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    for (const c of [sec, leader, inspector]) {
      const read = await call(c, 'GET', `/api/reports/${draft.id}`);
      expect(read.statusCode, c.username).toBe(200);
      expect(read.json().answers).toEqual(['Ba đoàn.']);
      expect((await call(c, 'GET', `/api/report-files/${file.id}`)).statusCode, c.username).toBe(200);
    }
  });
});
