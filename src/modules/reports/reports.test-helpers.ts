import { expect } from 'vitest';
import type { Client, TestContext } from '../../../test/context';
import { TEST_PASSWORD } from '../../../test/db';
import { vnDate, addDays } from './dates';

/** Shared steps of the reports tests (API level). */

/** A day of the 2023 plan: the directory as it was then (the former Quảng Trị's bodies, before the 2025 reorganisation). */
export const IN_2023 = '2023-06-01';

/**
 * The organisation with exactly this name, valid on `validOn` when given. The directory keeps
 * former bodies beside today's under the same name (Sở Ngoại vụ of 2023 and of 2026), so a name
 * that stands for more than one is refused rather than picked at random.
 */
export async function orgIdByName(c: Client, name: string, validOn?: string): Promise<string> {
  const res = await c.request({
    method: 'GET',
    url: `/api/orgs?q=${encodeURIComponent(name)}&pageSize=50${validOn ? `&validOn=${validOn}` : ''}`,
  });
  const items = (res.json().items as { id: string; name: string }[]).filter((o) => o.name === name);
  if (items.length !== 1) throw new Error(`${items.length} organisations named ${name}${validOn ? ` on ${validOn}` : ''}`);
  return items[0].id;
}

export async function makeOfficer(ctx: TestContext, admin: Client, username: string, orgName: string, email?: string, validOn?: string) {
  const orgId = await orgIdByName(admin, orgName, validOn);
  const res = await admin.request({
    method: 'POST',
    url: '/api/users',
    payload: { username, displayName: `Cán bộ ${orgName}`, password: TEST_PASSWORD, role: 'officer', orgId, email: email ?? null },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { client: await ctx.login(username), orgId };
}

export async function findPeriod(c: Client, kind: string, year: number) {
  const res = await c.request({ method: 'GET', url: `/api/report-periods?year=${year}` });
  expect(res.statusCode, res.body).toBe(200);
  const p = (res.json().items as { id: string; kind: string; version: number; deadline: string }[]).find((x) => x.kind === kind);
  if (!p) throw new Error(`no ${kind} period for ${year}`);
  return p;
}

/** Moves a period's deadline to tomorrow (Vietnam time), so that submissions made now are on time. */
export async function deadlineTomorrow(secretariat: Client, periodId: string) {
  const p = (await secretariat.request({ method: 'GET', url: `/api/report-periods/${periodId}` })).json();
  const res = await secretariat.request({
    method: 'PATCH',
    url: `/api/report-periods/${periodId}`,
    payload: { version: p.version, deadline: addDays(vnDate(new Date()), 1) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function openReport(c: Client, periodId: string, orgId: string) {
  const res = await c.request({ method: 'POST', url: `/api/report-periods/${periodId}/reports`, payload: { orgId } });
  expect(res.statusCode, res.body).toBe(200);
  const report = await c.request({ method: 'GET', url: `/api/reports/${res.json().id}` });
  return report.json() as {
    id: string;
    version: number;
    status: string;
    tasks: { taskId: string; code: string; roles: string[] }[];
    entries: {
      taskId: string;
      status: string;
      done: string;
      difficulties: string;
      proposals: string;
      figures: Record<string, { value: number }>;
    }[];
  };
}

type Report = Awaited<ReturnType<typeof openReport>>;
export interface EntryPlan {
  status?: string;
  done?: string;
  completedOn?: string;
  figures?: Record<string, number>;
  proposals?: string;
}

/** Fills every entry (`by` task code, default: in progress with a sentence) and saves the draft. */
export async function fillAndSave(
  c: Client,
  report: Report,
  orgLabel: string,
  by: Record<string, EntryPlan> = {},
  extra: Record<string, unknown> = {},
) {
  const entries = report.entries.map((e) => {
    const code = report.tasks.find((t) => t.taskId === e.taskId)!.code;
    const p = by[code] ?? {};
    return {
      taskId: e.taskId,
      status: p.status ?? 'in_progress',
      completedOn: p.completedOn ?? null,
      done: p.done ?? `${orgLabel} triển khai nhiệm vụ ${code}.`,
      difficulties: '',
      proposals: p.proposals ?? '',
      figures: Object.fromEntries(Object.entries(p.figures ?? {}).map(([k, v]) => [k, { value: v }])),
    };
  });
  const res = await c.request({ method: 'PUT', url: `/api/reports/${report.id}`, payload: { version: report.version, entries, ...extra } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number };
}

export async function call(c: Client, method: 'POST' | 'PUT' | 'GET' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return c.request({ method, url, payload: payload as never });
}
