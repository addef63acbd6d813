import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../api';
import { Empty, ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ActivityNav } from './ActivityNav';
import { TargetStatus } from './FiguresTable';
import { type Target, useProvincialPlans } from './types';

/** Every target of a plan against the record; tasks at risk first. */
export function TargetsPage() {
  const { t, lang } = useI18n();
  const { data: plans } = useProvincialPlans();
  const [params] = useSearchParams();
  const [picked, setPicked] = useState(params.get('planId') ?? '');
  const planId = picked || plans?.[0]?.id || '';
  const { data, error, loading } = useLoad(
    () => (planId ? get<{ items: Target[]; atRisk: string[] }>(`/api/activities/targets?planId=${planId}`) : Promise.resolve(null)),
    [planId],
  );
  const rank = (s: Target['status']) => ['missed', 'at_risk', 'on_track', 'not_started', 'unmeasured', 'met'].indexOf(s);
  return (
    <section>
      <h1>{t('activities.targets_title')}</h1>
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
      {loading && !data ? (
        <Loading />
      ) : !data?.items.length ? (
        <Empty>{t('activities.no_targets')}</Empty>
      ) : (
        <>
          <p>{t('activities.at_risk_count', { n: data.atRisk.length })}</p>
          <div className="table-wrap">
            <table data-testid="targets">
              <thead>
                <tr>
                  <th>{t('activities.task')}</th>
                  <th>{t('activities.target')}</th>
                  <th>{t('activities.actual')}</th>
                  <th>{t('activities.window')}</th>
                  <th>{t('activities.status')}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.items]
                  .sort((a, b) => rank(a.status) - rank(b.status))
                  .map((x) => (
                    <tr key={x.targetId}>
                      <td>
                        <Link to={`/activities/tasks/${x.taskId}`}>
                          {x.code}. {x.title}
                        </Link>
                      </td>
                      <td>
                        {x.text} (≥ {x.min})
                      </td>
                      <td className="num">{x.actual}</td>
                      <td className="nowrap">
                        {formatDate(x.window.from, lang)} – {formatDate(x.window.to, lang)}
                      </td>
                      <td>
                        <TargetStatus status={x.status} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
