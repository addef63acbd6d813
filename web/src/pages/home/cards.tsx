import { Link } from 'react-router';
import { get } from '../../api';
import { formatDate, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { daysFrom, type PeriodItem } from './periods';

interface Dashboard {
  totals: { expected: number; received: number; onTime: number; late: number; missing: number; underReview: number };
  byOrg: { orgId: string; name: string; received: boolean; reportId: string | null; status: string }[];
}

const percent = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
const vnNumber = (n: number, lang: string) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');

/** Completeness of one period as a stacked bar: on time, late, missing. */
export function CompletenessCard({ period, today, showLate }: { period: PeriodItem | null; today: string; showLate?: boolean }) {
  const { t, lang } = useI18n();
  const { data } = useLoad(
    () => (period ? get<Dashboard>(`/api/report-periods/${period.id}/dashboard`) : Promise.resolve(null)),
    [period?.id],
  );
  if (!period) return <div className="card tile">{t('home.no_open_period')}</div>;
  const tot = data?.totals;
  const overdue = daysFrom(today, period.deadline) < 0;
  const missingOrgs = data?.byOrg.filter((o) => !o.received) ?? [];
  return (
    <div className="card tile home-wide" data-testid="home-completeness">
      <h2>{t('home.period', { title: period.title })}</h2>
      <p className="muted">
        {t('home.period_deadline', { date: formatDate(period.deadline, lang) })}
        {overdue && <span className="badge badge-overdue"> {t('home.overdue_by', { days: -daysFrom(today, period.deadline) })}</span>}
      </p>
      {tot && (
        <>
          <p className="home-figure" data-testid="home-received">
            {t('home.completeness', { received: tot.received, expected: tot.expected })}
          </p>
          <div className="stack" role="img" aria-label={t('home.completeness_chart')}>
            {(
              [
                ['on-time', tot.onTime, t('home.on_time')],
                ['late', tot.late, t('home.late')],
                ['missing', tot.missing, overdue ? t('home.missing_overdue') : t('home.missing')],
              ] as const
            ).map(([cls, n, label]) =>
              n ? (
                <span
                  key={cls}
                  className={`stack-part stack-${cls}`}
                  style={{ width: `${percent(n, tot.expected)}%` }}
                  title={`${label}: ${n}`}
                />
              ) : null,
            )}
          </div>
          <ul className="legend">
            <li>
              <span className="dot stack-on-time" /> {t('home.on_time')}: <strong data-testid="home-on-time">{tot.onTime}</strong>
            </li>
            <li>
              <span className="dot stack-late" /> {t('home.late')}: <strong>{tot.late}</strong>
            </li>
            <li>
              <span className="dot stack-missing" /> {overdue ? t('home.missing_overdue') : t('home.missing')}:{' '}
              <strong data-testid="home-missing">{tot.missing}</strong>
            </li>
            <li>
              {t('home.under_review')}: <strong data-testid="home-under-review">{tot.underReview}</strong>
            </li>
          </ul>
          {showLate && overdue && missingOrgs.length > 0 && (
            <details>
              <summary>
                {t('home.late_orgs')} ({missingOrgs.length})
              </summary>
              <ul className="compact">
                {missingOrgs.map((o) => (
                  <li key={o.orgId}>{o.name}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <Link to={`/reports/periods/${period.id}`}>{t('home.open_period')} →</Link>
    </div>
  );
}

interface PressDashboard {
  articles: number;
  tone: { negative: number };
  volume: { day: string; articles: number; negative: number }[];
  openCases: { status: string; cases: number }[];
}

/** The last 30 days of press: negative share, a bar per day, open cases and unhandled alerts. */
export function PressCard() {
  const { t } = useI18n();
  const { data } = useLoad(() => get<PressDashboard>('/api/press/dashboard'), []);
  const { data: alerts } = useLoad(() => get<{ total: number }>('/api/press/alerts?open=true&pageSize=1'), []);
  const max = Math.max(1, ...(data?.volume.map((v) => v.articles) ?? [1]));
  const cases = data?.openCases.reduce((s, c) => s + c.cases, 0) ?? 0;
  return (
    <div className="card tile" data-testid="home-press">
      <h2>{t('home.press_30d')}</h2>
      {data && (
        <>
          <p className="home-figure" data-testid="home-press-negative">
            {t('home.press_negative', { negative: data.tone.negative, articles: data.articles })}
          </p>
          {data.articles === 0 && (
            <p className="muted">
              {t('home.press_empty')} <Link to="/press/sources">{t('home.press_sources')}</Link>
            </p>
          )}
          <div className="spark" role="img" aria-label={t('home.press_chart')} hidden={data.articles === 0}>
            {data.volume.map((v) => (
              <span key={v.day} className="spark-day" title={`${v.day}: ${v.articles}`} style={{ height: `${(v.articles / max) * 100}%` }}>
                <span className="spark-neg" style={{ height: `${v.articles ? (v.negative / v.articles) * 100 : 0}%` }} />
              </span>
            ))}
          </div>
          <p>
            <span data-testid="home-open-cases">{t('home.open_cases', { n: cases })}</span>
            {alerts && (
              <>
                {' · '}
                <Link to="/press/alerts" data-testid="home-open-alerts">
                  {t('home.open_alerts')}: {alerts.total}
                </Link>
              </>
            )}
          </p>
        </>
      )}
      <Link to="/press">{t('home.open_press')} →</Link>
    </div>
  );
}

/** Tasks whose recorded results lag their targets. */
export function TargetsCard({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { data } = useLoad(() => get<{ atRisk: string[] }>(`/api/activities/targets?planId=${planId}`), [planId]);
  return (
    <div className="card tile" data-testid="home-at-risk">
      <h2>{t('home.at_risk')}</h2>
      <p className="big-number">{data ? data.atRisk.length : '…'}</p>
      <Link to={`/activities/targets?planId=${planId}`}>{t('home.open_targets')} →</Link>
    </div>
  );
}

/** Budget allocated to the plan against spending recorded in activities. */
export function BudgetCard({ planId }: { planId: string }) {
  const { t, lang } = useI18n();
  const { data } = useLoad(() => get<{ total: { allocated: number; spent: number } }>(`/api/activities/budget?planId=${planId}`), [planId]);
  const total = data?.total;
  const share = total ? percent(total.spent, total.allocated) : 0;
  return (
    <div className="card tile" data-testid="home-budget">
      <h2>{t('home.budget')}</h2>
      {total && total.allocated > 0 ? (
        <>
          <p>
            {t('home.budget_use', {
              spent: vnNumber(total.spent, lang),
              allocated: vnNumber(total.allocated, lang),
              percent: `${vnNumber(share, lang)}%`,
            })}
          </p>
          <div className="stack" role="img" aria-label={t('home.budget')}>
            <span className="stack-part stack-on-time" style={{ width: `${Math.min(share, 100)}%` }} />
          </div>
        </>
      ) : (
        <p className="muted">{total ? t('home.budget_none') : '…'}</p>
      )}
      <Link to={`/activities/budget?planId=${planId}`}>{t('home.open_budget')} →</Link>
    </div>
  );
}

/** Open periods due in the next 60 days, nearest first. */
export function DeadlinesCard({ periods, today }: { periods: PeriodItem[]; today: string }) {
  const { t, lang } = useI18n();
  const next = periods
    .filter((p) => p.status === 'open' && daysFrom(today, p.deadline) >= 0 && daysFrom(today, p.deadline) <= 60)
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .slice(0, 5);
  return (
    <div className="card tile" data-testid="home-deadlines">
      <h2>{t('home.next_deadlines')}</h2>
      {next.length ? (
        <ul className="compact">
          {next.map((p) => (
            <li key={p.id}>
              <Link to={`/reports/periods/${p.id}`}>{p.title}</Link> — {formatDate(p.deadline, lang)} (
              {t('home.days_left', { days: daysFrom(today, p.deadline) })})
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('home.no_deadlines')}</p>
      )}
    </div>
  );
}
