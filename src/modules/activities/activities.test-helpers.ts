import { expect } from 'vitest';
import type { Client } from '../../../test/context';

/** Shared steps of the activities tests (API level). */
export async function demoPlan(c: Client) {
  const list = (await c.request({ method: 'GET', url: '/api/plans?year=2023' })).json().items as {
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

export async function orgId(c: Client, name: string): Promise<string> {
  const res = await c.request({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent(name)}&pageSize=20` });
  const item = (res.json().items as { id: string; name: string }[]).find((o) => o.name === name);
  if (!item) throw new Error(`org not found: ${name}`);
  return item.id;
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
