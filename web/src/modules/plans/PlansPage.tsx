import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDateTime, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { fullNumber } from '../../../../src/shared/doc-number';
import type { PlanSummary } from './types';
import { NewPlanForm } from './NewPlanForm';

export function PlansPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const status = params.get('status') ?? '';
  const scope = params.get('scope') ?? 'all';
  const q = params.get('q') ?? '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const { data, error } = useLoad(
    () => get<{ items: PlanSummary[] }>(`/api/plans${qs({ year, status, scope, q })}`),
    [year, status, scope, q],
  );
  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i);
  return (
    <section>
      <div className="page-head">
        <h1>{t('plans.title')}</h1>
        {(me?.role === 'secretariat' || me?.role === 'admin') && (
          <div className="actions">
            <Link className="button" to="/plans?new=1">
              {t('plans.new_plan')}
            </Link>
            <Link className="button primary" to="/plans/import">
              {t('plans.import')}
            </Link>
          </div>
        )}
      </div>
      <div className="filters">
        <input
          type="search"
          placeholder={t('plans.search')}
          aria-label={t('plans.search')}
          value={q}
          onChange={(e) => set('q', e.target.value)}
        />
        <select aria-label={t('plans.year')} value={year} onChange={(e) => set('year', e.target.value)}>
          <option value="">{t('plans.all_years')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <select aria-label={t('plans.status')} value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('plans.all_statuses')}</option>
          {(['draft', 'issued', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`plans.status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('plans.scope')} value={scope} onChange={(e) => set('scope', e.target.value)}>
          <option value="all">{t('plans.scope.all')}</option>
          <option value="province">{t('plans.scope.province')}</option>
          <option value="sub">{t('plans.scope.sub')}</option>
        </select>
      </div>
      <ErrorBox error={error} />
      {(me?.role === 'secretariat' || me?.role === 'admin') && params.get('new') === '1' && <NewPlanForm />}
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('plans.empty')}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="plan-table">
            <thead>
              <tr>
                <th>{t('plans.plan')}</th>
                <th>{t('plans.year')}</th>
                <th>{t('plans.status')}</th>
                <th>{t('plans.tasks')}</th>
                <th>{t('plans.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/plans/${p.id}`}>{p.title}</Link>
                    <div className="muted small">
                      {p.parentPlanId ? `${t('plans.sub_plan_of')} · ${p.orgName}` : p.orgName}
                      {p.number ? ` · ${t('plans.number')} ${fullNumber(p.number, p.numberCode)}` : ''}
                    </div>
                  </td>
                  <td>{p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}–${p.yearTo}`}</td>
                  <td>
                    <span className={`badge badge-${p.status}`}>{t(`plans.status.${p.status}`)}</span>
                  </td>
                  <td>{p.tasks}</td>
                  <td className="nowrap">{formatDateTime(p.updatedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
