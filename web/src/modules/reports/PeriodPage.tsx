import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, patch, post } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { PERIOD_KINDS, PERIOD_STATUSES } from '../../../../src/modules/reports/reports.schemas';
import { DashboardView } from './DashboardView';
import type { Dashboard, PeriodDetail } from './types';
import './reports.css';

/** One period: its dates (editable by the secretariat), who owes a report, and the completeness dashboard. */
export function PeriodPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const overseer = me?.role !== 'officer';
  const { data: period, error, reload } = useLoad(() => get<PeriodDetail>(`/api/report-periods/${id}`), [id]);
  const { data: dash, reload: reloadDash } = useLoad(
    () => (overseer ? get<Dashboard>(`/api/report-periods/${id}/dashboard`) : Promise.resolve(null)),
    [id, overseer],
  );
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ dataFrom: '', dataTo: '', opensOn: '', deadline: '' });
  const [actionError, setActionError] = useState<unknown>(null);
  if (error) return <ErrorBox error={error} />;
  if (!period) return <Loading />;
  const mine = period.expected.find((e) => e.orgId === me?.orgId);

  async function change(body: Record<string, unknown>) {
    setActionError(null);
    try {
      await patch(`/api/report-periods/${id}`, { version: period!.version, ...body });
      setEditing(false);
      reload();
      reloadDash();
    } catch (e) {
      setActionError(e);
    }
  }
  async function openMine(orgId: string) {
    try {
      const r = await post<{ id: string }>(`/api/report-periods/${id}/reports`, { orgId });
      navigate(`/reports/r/${r.id}`);
    } catch (e) {
      setActionError(e);
    }
  }

  return (
    <section>
      <p>
        <Link to="/reports">← {t('reports.title')}</Link>
      </p>
      <div className="page-head">
        <h1>{period.title}</h1>
        <div className="actions">
          {overseer && (
            <Link className="button" to={`/reports/periods/${id}/consolidated`}>
              {t('reports.consolidated')}
            </Link>
          )}
          {me?.role === 'secretariat' && (
            <>
              <button
                type="button"
                onClick={() => {
                  setForm({ dataFrom: period.dataFrom, dataTo: period.dataTo, opensOn: period.opensOn, deadline: period.deadline });
                  setEditing(!editing);
                }}
              >
                {t('reports.edit_period')}
              </button>
              <button type="button" onClick={() => change({ status: period.status === 'open' ? 'closed' : 'open' })}>
                {period.status === 'open' ? t('reports.close_period') : t('reports.reopen_period')}
              </button>
            </>
          )}
        </div>
      </div>
      <dl className="props card">
        <dt>{t('reports.kind')}</dt>
        <dd>{PERIOD_KINDS[period.kind][lang]}</dd>
        <dt>{t('reports.status')}</dt>
        <dd>{PERIOD_STATUSES[period.status][lang]}</dd>
        <dt>{t('reports.data_window')}</dt>
        <dd>
          {formatDate(period.dataFrom, lang)} – {formatDate(period.dataTo, lang)}
        </dd>
        <dt>{t('reports.opens_on')}</dt>
        <dd>{formatDate(period.opensOn, lang)}</dd>
        <dt>{t('reports.deadline')}</dt>
        <dd data-testid="period-deadline">{formatDate(period.deadline, lang)}</dd>
        {period.questions.length > 0 && (
          <>
            <dt>{t('reports.questions')}</dt>
            <dd>{period.questions.join(' · ')}</dd>
          </>
        )}
      </dl>
      {editing && (
        <form
          className="card form"
          onSubmit={(e) => {
            e.preventDefault();
            void change(form);
          }}
        >
          <div className="row">
            {(['dataFrom', 'dataTo', 'opensOn', 'deadline'] as const).map((k) => (
              <label key={k}>
                {t(k === 'deadline' ? 'reports.deadline' : k === 'opensOn' ? 'reports.opens_on' : 'reports.data_window')}
                <input type="date" name={k} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
              </label>
            ))}
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('ui.save')}
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={actionError} />
      {me?.role === 'officer' && (
        <div className="card">
          <h2>{t('reports.my_report')}</h2>
          {mine ? (
            <>
              <p>{mine.tasks.map((x) => x.code).join(', ')}</p>
              <button type="button" className="primary" onClick={() => openMine(mine.orgId)}>
                {t('reports.open_report')}
              </button>
            </>
          ) : (
            <p className="muted">{t('report.not_expected')}</p>
          )}
        </div>
      )}
      {dash && <DashboardView dash={dash} />}
    </section>
  );
}
