import { useState } from 'react';
import { get, put } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { BUDGET_SOURCES, type BudgetSource } from '../../../../src/modules/plans/import/parse/budget';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import { ActivityNav } from './ActivityNav';
import { canWrite, money, usePlanTasks, useProvincialPlans } from './types';

interface Line {
  allocatedTotal: number;
  spentTotal: number;
}
interface Budget {
  byTask: (Line & { taskId: string; code: string; title: string })[];
  byOrg: (Line & { orgId: string; name: string })[];
  bySource: { source: string; allocated: number; spent: number }[];
  total: { allocated: number; spent: number };
}

/** Budget allocated and money spent, by task, organisation and funding source; allocations entered here; .xlsx export. */
export function BudgetPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { data: plans } = useProvincialPlans();
  const [picked, setPicked] = useState('');
  const planId = picked || plans?.[0]?.id || '';
  const { data, error, reload } = useLoad(
    () => (planId ? get<Budget>(`/api/activities/budget?planId=${planId}`) : Promise.resolve(null)),
    [planId],
  );
  const { data: tasks } = usePlanTasks(planId || null);
  const [form, setForm] = useState({ taskId: '', source: 'state_budget', amount: '' });
  const [org, setOrg] = useState<Org | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const src = (s: string) => BUDGET_SOURCES[s as BudgetSource]?.[lang] ?? s;
  const m = (n: number) => money(n, lang);
  async function allocate(e: React.FormEvent) {
    e.preventDefault();
    setSaveError(null);
    try {
      await put('/api/activities/budget/allocations', {
        taskId: form.taskId,
        orgId: me?.role === 'officer' ? me.orgId : org?.id,
        source: form.source,
        amount: Number(form.amount),
      });
      setForm({ ...form, amount: '' });
      reload();
    } catch (err) {
      setSaveError(err);
    }
  }
  const table = (title: string, head: string, rows: { key: string; label: string; allocated: number; spent: number }[], testId: string) => (
    <>
      <h2>{title}</h2>
      <div className="table-wrap">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th>{head}</th>
              <th>{t('activities.allocated')}</th>
              <th>{t('activities.spent')}</th>
              <th>{t('activities.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.label}</td>
                <td className="num">{m(r.allocated)}</td>
                <td className="num">{m(r.spent)}</td>
                <td className="num">{m(r.allocated - r.spent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
  return (
    <section>
      <div className="page-head">
        <h1>{t('activities.budget_title')}</h1>
        {planId && (
          <div className="actions">
            <a className="button" href={`/api/activities/budget.xlsx?planId=${planId}`} download>
              {t('activities.export')}
            </a>
          </div>
        )}
      </div>
      <ActivityNav />
      <div className="filters">
        <select aria-label={t('activities.plan')} value={planId} onChange={(e) => setPicked(e.target.value)}>
          {plans?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={error} />
      {canWrite(me) && (
        <form className="card" onSubmit={allocate}>
          <h2>{t('activities.allocate')}</h2>
          <div className="row">
            <label>
              {t('activities.task')}
              <select value={form.taskId} onChange={(e) => setForm({ ...form, taskId: e.target.value })} required>
                <option value="">{t('activities.choose')}</option>
                {tasks?.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.code}. {x.title.slice(0, 80)}
                  </option>
                ))}
              </select>
            </label>
            {me?.role !== 'officer' && <OrgPicker label={t('activities.org')} value={org} onChange={setOrg} />}
            <label>
              {t('activities.source')}
              <select value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })}>
                {Object.keys(BUDGET_SOURCES).map((k) => (
                  <option key={k} value={k}>
                    {src(k)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('activities.amount')}
              <input type="number" min={0} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} required />
            </label>
          </div>
          <ErrorBox error={saveError} />
          <button type="submit" className="primary">
            {t('activities.save')}
          </button>
        </form>
      )}
      {!data ? (
        <Loading />
      ) : (
        <>
          <p>
            {t('activities.allocated')}: <strong>{m(data.total.allocated)}</strong> · {t('activities.spent')}:{' '}
            <strong>{m(data.total.spent)}</strong> (đồng)
          </p>
          {table(
            t('activities.by_source'),
            t('activities.source'),
            data.bySource.map((s) => ({ key: s.source, label: src(s.source), allocated: s.allocated, spent: s.spent })),
            'budget-by-source',
          )}
          {table(
            t('activities.by_task'),
            t('activities.task'),
            data.byTask
              .filter((x) => x.allocatedTotal || x.spentTotal)
              .map((x) => ({ key: x.taskId, label: `${x.code}. ${x.title}`, allocated: x.allocatedTotal, spent: x.spentTotal })),
            'budget-by-task',
          )}
          {table(
            t('activities.by_org'),
            t('activities.org'),
            data.byOrg.map((x) => ({ key: x.orgId, label: x.name, allocated: x.allocatedTotal, spent: x.spentTotal })),
            'budget-by-org',
          )}
        </>
      )}
    </section>
  );
}
