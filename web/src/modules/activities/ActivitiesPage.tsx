import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDate, Loading, Pager, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ACTIVITY_KINDS, ACTIVITY_KIND_VALUES, type ActivityKind } from '../../../../src/modules/activities/activity-kinds';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import { ActivityNav } from './ActivityNav';
import { canWrite, type Activity } from './types';

const FILTERS = ['kind', 'orgId', 'taskId', 'planId', 'from', 'to', 'q', 'indicator'] as const;

/** The activity register: filter by kind, organisation, task, dates, words (or an indicator's drill-down), page, export. */
export function ActivitiesPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const page = Number(params.get('page') ?? 1);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const { data, error, loading } = useLoad(
    () =>
      get<{ items: Activity[]; total: number; page: number; pageSize: number }>(`/api/activities${qs({ ...filter, page, pageSize: 25 })}`),
    [params.toString()],
  );
  return (
    <section>
      <div className="page-head">
        <h1>{t('activities.title')}</h1>
        <div className="actions">
          <a className="button" href={`/api/activities/export.xlsx${qs(filter)}`} download data-testid="export-xlsx">
            {t('activities.export')}
          </a>
          {canWrite(me) && (
            <>
              <Link className="button" to="/activities/import">
                {t('activities.import')}
              </Link>
              <Link className="button primary" to="/activities/new">
                {t('activities.new')}
              </Link>
            </>
          )}
        </div>
      </div>
      <ActivityNav />
      <div className="filters">
        <input
          type="search"
          aria-label={t('activities.search')}
          placeholder={t('activities.search')}
          defaultValue={filter.q}
          onChange={(e) => set({ q: e.target.value })}
        />
        <select aria-label={t('activities.kind')} value={filter.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">{t('activities.all_kinds')}</option>
          {ACTIVITY_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {ACTIVITY_KINDS[k].label[lang]}
            </option>
          ))}
        </select>
        <OrgPicker
          label={t('activities.org')}
          value={
            filter.orgId ? ({ id: filter.orgId, name: data?.items.find((a) => a.orgId === filter.orgId)?.orgName ?? '…' } as Org) : null
          }
          onChange={(o) => set({ orgId: o?.id ?? '' })}
        />
        <label className="inline">
          {t('activities.from')}
          <input type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="inline">
          {t('activities.to')}
          <input type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {(filter.indicator || filter.taskId || filter.planId) && (
          <button type="button" className="link" onClick={() => set({ indicator: '', taskId: '', planId: '' })}>
            {t('activities.clear_drilldown')}
          </button>
        )}
      </div>
      {filter.indicator && <p className="muted">{t('activities.drilldown', { indicator: filter.indicator })}</p>}
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : !data?.items.length ? (
        <Empty>{t('activities.empty')}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table data-testid="activity-table">
              <thead>
                <tr>
                  <th>{t('activities.date')}</th>
                  <th>{t('activities.kind')}</th>
                  <th>{t('activities.name')}</th>
                  <th>{t('activities.org')}</th>
                  <th>{t('activities.tasks')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">{formatDate(a.startsOn, lang)}</td>
                    <td>{ACTIVITY_KINDS[a.kind as ActivityKind]?.label[lang] ?? a.kind}</td>
                    <td>
                      <Link to={`/activities/${a.id}`}>{a.title}</Link>
                    </td>
                    <td>{a.orgName}</td>
                    <td>{a.tasks.map((x) => x.code).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set({ page: String(p) })} />
        </>
      )}
    </section>
  );
}
