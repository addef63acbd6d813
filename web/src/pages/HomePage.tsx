import { Link } from 'react-router';
import { get } from '../api';
import { useAuth } from '../auth';
import { useLoad } from '../components/common';
import { useI18n } from '../i18n';
import { ORG_KINDS, type OrgKind } from '../../../src/modules/orgs/org-kinds';
import type { PlanSummary } from '../modules/plans/types';
import { BudgetCard, CompletenessCard, DeadlinesCard, PressCard, TargetsCard } from './home/cards';
import { currentPeriod, vnToday, type PeriodItem } from './home/periods';
import { OfficerReportsCard, ReviewQueueCard } from './home/role-cards';
import { FirstRunNotice } from '../modules/province/ProvinceSetupPage';

/**
 * A home per role, each card a link to act on: the leader sees the open period's completeness,
 * tasks at risk, the press and open cases, budget use and the next deadlines; an officer the
 * reports to send, returned or overdue and their tasks; the secretariat what waits for review,
 * who is late and the alerts. The directory at a glance stays for the administrator.
 */
export function HomePage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const today = vnToday();
  const role = me?.role;
  const { data: periods } = useLoad(() => get<{ items: PeriodItem[] }>('/api/report-periods'), []);
  const period = periods ? currentPeriod(periods.items, today) : null;
  const pressReader = role === 'leader' || role === 'secretariat' || role === 'admin' || role === 'inspector';
  const { data: orgs } = useLoad(() => get<{ items: { kind: OrgKind }[]; total: number }>(`/api/orgs?validOn=${today}&pageSize=500`), []);
  const { data: plans } = useLoad(() => get<{ items: PlanSummary[] }>('/api/plans?scope=province'), []);
  const current = plans?.items.find((p) => p.status !== 'draft') ?? plans?.items[0];
  const { data: mine } = useLoad(
    () =>
      me?.orgId && current
        ? get<{ items: { roles: { role: string }[] }[] }>(`/api/orgs/${me.orgId}/tasks?year=${current.yearFrom}`)
        : Promise.resolve(null),
    [me?.orgId, current?.id],
  );
  const byKind = new Map<OrgKind, number>();
  for (const o of orgs?.items ?? []) byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1);
  const max = Math.max(1, ...byKind.values());
  const leads = mine?.items.filter((i) => i.roles.some((r) => r.role === 'lead')).length ?? 0;
  return (
    <section>
      <h1>{t('home.welcome', { name: me?.displayName })}</h1>
      <p className="muted">{t('home.role', { role: t(`role.${me?.role}`) })}</p>
      {role === 'admin' && <FirstRunNotice />}
      {periods && (
        <div className="tiles" data-testid={`home-${role}`}>
          {role === 'officer' && <OfficerReportsCard periods={periods.items} today={today} />}
          {role !== 'officer' && <CompletenessCard period={period} today={today} showLate={role === 'secretariat'} />}
          {role === 'secretariat' && <ReviewQueueCard periods={periods.items} />}
          {pressReader && role !== 'admin' && <PressCard />}
          {(role === 'leader' || role === 'secretariat') && current && current.status !== 'draft' && <TargetsCard planId={current.id} />}
          {role === 'leader' && current && current.status !== 'draft' && <BudgetCard planId={current.id} />}
          <DeadlinesCard periods={periods.items} today={today} />
        </div>
      )}
      <div className="tiles">
        <div className="card tile">
          <h2>{t('home.current_plan')}</h2>
          {current ? (
            <>
              <Link to={`/plans/${current.id}`}>{current.title}</Link>
              <p className="muted">
                <span className={`badge badge-${current.status}`}>{t(`plans.status.${current.status}`)}</span> ·{' '}
                {t('home.tasks', { n: current.tasks })}
              </p>
            </>
          ) : (
            <p className="muted">
              {t('home.no_plan')} <Link to="/plans/import">{t('plans.import')}</Link>
            </p>
          )}
        </div>
        {me?.orgId && mine && (
          <div className="card tile">
            <h2>{t('home.my_tasks')}</h2>
            <p className="big-number">{mine.items.length}</p>
            <p className="muted">{t('home.my_tasks_detail', { lead: leads, other: mine.items.length - leads })}</p>
            <Link to="/org-tasks">{t('home.open_my_tasks')} →</Link>
          </div>
        )}
      </div>
      {role === 'admin' && (
        <div className="card">
          <h2>{t('home.directory_title', { total: orgs?.total ?? '…' })}</h2>
          <div className="bars" role="img" aria-label={t('home.directory_chart')}>
            {[...byKind.entries()].map(([kind, n]) => (
              <div className="bar-row" key={kind}>
                <span className="bar-label">{ORG_KINDS[kind][lang]}</span>
                <span className="bar" style={{ width: `${(n / max) * 100}%` }} />
                <span className="bar-value">{n}</span>
              </div>
            ))}
          </div>
          <Link to="/orgs">{t('home.open_directory')} →</Link>
        </div>
      )}
    </section>
  );
}
