import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { PERIOD_KINDS, PERIOD_STATUSES, REPORT_STATUSES } from '../../../../src/modules/reports/reports.schemas';
import { CalendarLink } from './CalendarLink';
import type { Period } from './types';
import './reports.css';

/** Reporting periods and ad-hoc requests; the secretariat makes them, an officer sees what their organisation owes. */
export function ReportsPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { data, error: loadError, loading, reload } = useLoad(() => get<{ items: Period[] }>('/api/report-periods'), []);
  const { data: plans } = useLoad(
    () =>
      me?.role === 'secretariat'
        ? get<{ items: { id: string; title: string; status: string }[] }>('/api/plans?scope=province')
        : Promise.resolve({ items: [] }),
    [me?.role],
  );
  const [planId, setPlanId] = useState('');
  const issued = plans?.items.filter((p) => p.status !== 'draft') ?? [];

  async function generate() {
    setError(null);
    try {
      const r = await post<{ created: string[] }>('/api/report-periods/generate', { planId: planId || issued[0]?.id });
      setMessage(t('reports.generated', { count: r.created.length }));
      reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section>
      <div className="page-head">
        <h1>{t('reports.title')}</h1>
        <div className="actions">
          <Link className="button" to="/reports/indicators">
            {t('reports.indicators')}
          </Link>
          {me?.role === 'secretariat' && (
            <Link className="button primary" to="/reports/ad-hoc/new">
              {t('reports.ad_hoc_new')}
            </Link>
          )}
        </div>
      </div>
      {me?.role === 'secretariat' && issued.length > 0 && (
        <div className="filters">
          <select aria-label={t('reports.plan')} value={planId} onChange={(e) => setPlanId(e.target.value)}>
            {issued.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          <button type="button" onClick={generate}>
            {t('reports.generate')}
          </button>
        </div>
      )}
      {message && <div className="alert alert-ok">{message}</div>}
      <ErrorBox error={error ?? loadError} />
      {me?.orgId && me.role === 'officer' && <CalendarLink orgId={me.orgId} />}
      {loading && !data ? (
        <Loading />
      ) : !data?.items.length ? (
        <Empty>{t('reports.empty')}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="period-table">
            <thead>
              <tr>
                <th>{t('reports.period')}</th>
                <th>{t('reports.kind')}</th>
                <th>{t('reports.deadline')}</th>
                <th>{t('reports.status')}</th>
                <th>{me?.role === 'officer' ? t('reports.my_report') : t('reports.received')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/reports/periods/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{PERIOD_KINDS[p.kind][lang]}</td>
                  <td className="nowrap">{formatDate(p.deadline, lang)}</td>
                  <td>{PERIOD_STATUSES[p.status][lang]}</td>
                  <td>
                    {me?.role === 'officer' ? (
                      p.mine ? (
                        <Link to={`/reports/r/${p.mine.reportId}`} className={`rp-status rp-status-${p.mine.status}`}>
                          {REPORT_STATUSES[p.mine.status as keyof typeof REPORT_STATUSES][lang]}
                        </Link>
                      ) : (
                        <span className="rp-status rp-status-missing">{REPORT_STATUSES.missing[lang]}</span>
                      )
                    ) : (
                      `${(p.counts?.submitted ?? 0) + (p.counts?.accepted ?? 0)} · ${t('reports.accepted')}: ${p.counts?.accepted ?? 0}`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
