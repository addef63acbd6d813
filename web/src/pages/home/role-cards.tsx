import { Link } from 'react-router';
import { formatDate } from '../../components/common';
import { useI18n } from '../../i18n';
import { owedReports, type PeriodItem } from './periods';

/** An officer's reports: to send, returned, overdue — each a direct link. */
export function OfficerReportsCard({ periods, today }: { periods: PeriodItem[]; today: string }) {
  const { t, lang } = useI18n();
  const owed = owedReports(periods, today);
  const groups = (['overdue', 'returned', 'due'] as const).map((state) => ({ state, items: owed.filter((o) => o.state === state) }));
  const label = { due: t('home.reports_due'), returned: t('home.reports_returned'), overdue: t('home.reports_overdue') };
  return (
    <div className="card tile home-wide" data-testid="home-my-reports">
      <h2>{t('home.my_reports')}</h2>
      <div className="home-counts">
        {groups.map((g) => (
          <div key={g.state} className={`home-count home-count-${g.state}`} data-testid={`home-reports-${g.state}`}>
            <strong>{g.items.length}</strong> {label[g.state]}
          </div>
        ))}
      </div>
      {owed.length ? (
        <ul className="compact">
          {owed.map((o) => (
            <li key={o.period.id} className={`owed-${o.state}`}>
              <Link to={o.link}>{o.period.title}</Link> — {formatDate(o.period.deadline, lang)}{' '}
              <span className={o.days < 0 ? 'badge badge-overdue' : 'muted'}>
                {o.state === 'returned'
                  ? label.returned
                  : o.days < 0
                    ? t('home.overdue_by', { days: -o.days })
                    : t('home.days_left', { days: o.days })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('home.reports_nothing')}</p>
      )}
    </div>
  );
}

/** The secretariat's queue: submitted reports awaiting review, by period. */
export function ReviewQueueCard({ periods }: { periods: PeriodItem[] }) {
  const { t } = useI18n();
  const waiting = periods.filter((p) => p.status === 'open' && p.counts.submitted > 0);
  const total = waiting.reduce((s, p) => s + p.counts.submitted, 0);
  return (
    <div className="card tile" data-testid="home-review-queue">
      <h2>{t('home.waiting_review')}</h2>
      <p className="big-number" data-testid="home-waiting">
        {total}
      </p>
      {waiting.length ? (
        <ul className="compact">
          {waiting.map((p) => (
            <li key={p.id}>
              <Link to={`/reports/periods/${p.id}`}>{p.title}</Link>: {p.counts.submitted}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('home.nothing_waiting')}</p>
      )}
    </div>
  );
}
