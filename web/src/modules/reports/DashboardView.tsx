import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/common';
import { useI18n } from '../../i18n';
import { REPORT_STATUSES, TASK_OUTCOMES, type TaskOutcome } from '../../../../src/modules/reports/reports.schemas';
import type { Dashboard } from './types';

const COLORS = {
  onTime: '#1e7a3d',
  late: '#d08c00',
  missing: '#b3261e',
  doneOnTime: '#1e7a3d',
  doneLate: '#7fb069',
  inProgress: '#1f5fa8',
  overdue: '#b3261e',
} as const;

function Stack({ parts, label }: { parts: { key: string; n: number; label: string }[]; label: string }) {
  const total = Math.max(
    1,
    parts.reduce((a, p) => a + p.n, 0),
  );
  return (
    <div role="img" aria-label={label}>
      <div className="rp-stack">
        {parts.map((p) => (
          <span
            key={p.key}
            title={`${p.label}: ${p.n}`}
            style={{ width: `${(p.n / total) * 100}%`, background: COLORS[p.key as keyof typeof COLORS] }}
          />
        ))}
      </div>
      <div className="rp-legend">
        {parts.map((p) => (
          <span key={p.key}>
            <i style={{ background: COLORS[p.key as keyof typeof COLORS] }} />
            {p.label}: <strong>{p.n}</strong>
          </span>
        ))}
      </div>
    </div>
  );
}

/** Completeness of a period: the counts, two charts, and tables by organisation and by task with drill-down to reports. */
export function DashboardView({ dash }: { dash: Dashboard }) {
  const { t, lang } = useI18n();
  const [openTask, setOpenTask] = useState<string | null>(null);
  const orgById = new Map(dash.byOrg.map((o) => [o.orgId, o]));
  const s = dash.totals;
  const tiles: [string, number][] = [
    ['reports.expected', s.expected],
    ['reports.received', s.received],
    ['reports.on_time', s.onTime],
    ['reports.late', s.late],
    ['reports.missing', s.missing],
    ['reports.accepted', s.accepted],
  ];
  return (
    <div data-testid="dashboard">
      <h2>{t('reports.dashboard')}</h2>
      <div className="rp-tiles">
        {tiles.map(([k, n]) => (
          <div className="rp-tile" key={k} data-testid={`tile-${k.split('.')[1]}`}>
            <span className="muted">{t(k)}</span>
            <strong>{n}</strong>
          </div>
        ))}
      </div>
      <div className="card">
        <Stack
          label={t('reports.dashboard')}
          parts={[
            { key: 'onTime', n: s.onTime, label: t('reports.on_time') },
            { key: 'late', n: s.late, label: t('reports.late') },
            { key: 'missing', n: s.missing, label: t('reports.missing') },
          ]}
        />
        <h2>{t('reports.task_outcomes')}</h2>
        <Stack
          label={t('reports.task_outcomes')}
          parts={(Object.keys(TASK_OUTCOMES) as TaskOutcome[]).map((k) => ({
            key: k,
            n: dash.taskOutcomes[k],
            label: TASK_OUTCOMES[k][lang],
          }))}
        />
      </div>
      <h2>{t('reports.by_org')}</h2>
      <div className="table-wrap">
        <table data-testid="by-org">
          <thead>
            <tr>
              <th>{t('reports.org')}</th>
              <th>{t('reports.status')}</th>
              <th>{t('reports.first_submitted')}</th>
              <th className="hide-sm">{t('reports.task')}</th>
            </tr>
          </thead>
          <tbody>
            {dash.byOrg.map((o) => (
              <tr key={o.orgId}>
                <td>
                  {o.reportId ? <Link to={`/reports/r/${o.reportId}`}>{o.name}</Link> : o.name}
                  {o.replaces.length > 0 && <div className="muted small">{t('reports.replaces', { names: o.replaces.join(', ') })}</div>}
                </td>
                <td>
                  <span className={`rp-status rp-status-${o.status}`}>
                    {REPORT_STATUSES[o.status as keyof typeof REPORT_STATUSES][lang]}
                  </span>{' '}
                  {o.received && (
                    <span className={o.onTime ? 'rp-good small' : 'rp-bad small'}>
                      {o.onTime ? t('reports.on_time') : t('reports.late')}
                    </span>
                  )}
                </td>
                <td className="nowrap">{o.firstSubmittedAt ? formatDateTime(o.firstSubmittedAt, lang) : ''}</td>
                <td className="hide-sm">{o.tasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('reports.by_task')}</h2>
      <div className="table-wrap">
        <table data-testid="by-task">
          <thead>
            <tr>
              <th>{t('reports.task')}</th>
              <th>{t('reports.expected')}</th>
              <th>{t('reports.received')}</th>
              <th>{t('reports.missing')}</th>
              <th>{t('reports.task_outcomes')}</th>
            </tr>
          </thead>
          <tbody>
            {dash.byTask.map((x) => (
              <Fragment key={x.taskId}>
                <tr>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setOpenTask(openTask === x.taskId ? null : x.taskId)}
                      aria-expanded={openTask === x.taskId}
                    >
                      <strong>{x.code}.</strong> {x.title}
                    </button>
                  </td>
                  <td>{x.expected}</td>
                  <td>{x.received}</td>
                  <td>{x.missing}</td>
                  <td>{TASK_OUTCOMES[x.outcome as TaskOutcome][lang]}</td>
                </tr>
                {openTask === x.taskId && (
                  <tr>
                    <td colSpan={5} className="small">
                      <strong>{t('reports.missing_orgs')}:</strong>{' '}
                      {x.missingOrgs
                        .map((id) => orgById.get(id)?.name)
                        .filter(Boolean)
                        .join('; ') || '—'}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
