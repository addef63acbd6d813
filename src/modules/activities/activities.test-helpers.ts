import { expect } from 'vitest';
import type { Client, TestContext } from '../../../test/context';
import { TEST_PASSWORD } from '../../../test/db';

/** Shared steps of the activities tests (API level). */

/** A day of the 2023 plan: the directory as it was then (the former Quảng Trị's bodies). */
export const IN_2023 = '2023-06-01';

/** The demo's issued provincial plan of a year (2023: the seed, kept as history; 2026: carried forward from it). */
export async function demoPlan(c: Client, year = 2023) {
  const list = (await c.request({ method: 'GET', url: `/api/plans?year=${year}` })).json().items as {
    id: string;
    status: string;
    parentPlanId: string | null;
  }[];
  const plan = list.find((p) => p.status === 'issued' && !p.parentPlanId)!;
  const full = (await c.request({ method: 'GET', url: `/api/plans/${plan.id}` })).json() as {
    tasks: { id: string; code: string; targets: { id: string; min: number }[] }[];
  };
  const task = Object.fromEntries(full.tasks.map((t) => [t.code, t.id])) as Record<string, string>;
  return { planId: plan.id, task, tasks: full.tasks };
}

/** The organisation with exactly this name, valid on `validOn` when given; a name standing for several is refused. */
export async function orgId(c: Client, name: string, validOn?: string): Promise<string> {
  const res = await c.request({
    method: 'GET',
    url: `/api/orgs?q=${encodeURIComponent(name)}&pageSize=50${validOn ? `&validOn=${validOn}` : ''}`,
  });
  const items = (res.json().items as { id: string; name: string }[]).filter((o) => o.name === name);
  if (items.length !== 1) throw new Error(`${items.length} organisations named ${name}${validOn ? ` on ${validOn}` : ''}`);
  return items[0].id;
}

/** A new officer account of an organisation (the demo's own officer sits in today's Sở VHTTDL, formed on 1/7/2025). */
export async function officerOf(ctx: TestContext, admin: Client, username: string, orgId: string): Promise<Client> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/users',
    payload: { username, displayName: `Cán bộ ${username}`, password: TEST_PASSWORD, role: 'officer', orgId },
  });
  expect(res.statusCode, res.body).toBe(201);
  return ctx.login(username);
}

export interface NewActivity {
  kind: string;
  title: string;
  orgId: string;
  taskIds: string[];
  startsOn: string;
  endsOn?: string | null;
  place?: string;
  details: Record<string, unknown>;
  spending?: { source: string; amount: number }[];
  links?: { url: string; label: string }[];
}

export async function record(c: Client, a: NewActivity, status = 201) {
  const res = await c.request({ method: 'POST', url: '/api/activities', payload: a });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

export async function figuresOf(c: Client, query: string) {
  const res = await c.request({ method: 'GET', url: `/api/activities/figures?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().items as { code: string; value: number }[]).map((i) => [i.code, i.value])) as Record<
    string,
    number
  >;
}
