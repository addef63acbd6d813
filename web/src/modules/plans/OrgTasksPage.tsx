import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import type { OrgTasks } from '../../../../src/modules/plans/plans.answers';

type Item = OrgTasks['items'][number];

/** "Our organisation's tasks": what the provincial plans of a year ask of one organisation. */
export function OrgTasksPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [org, setOrg] = useState<Org | null>(null);
  const orgId = org?.id ?? me?.orgId ?? null;
  const { data, error, loading } = useLoad(
    () => (orgId ? get<{ items: Item[] }>(`/api/orgs/${orgId}/tasks?year=${year}`) : Promise.resolve({ items: [] })),
    [orgId, year],
  );
  return (
    <section>
      <h1>{t('plans.org_tasks_title')}</h1>
      <div className="filters">
        {me?.role !== 'officer' && <OrgPicker label={t('users.org')} value={org} onChange={setOrg} />}
        <label className="inline">
          {t('plans.year')}
          <input type="number" value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
      </div>
      <ErrorBox error={error} />
      {!orgId ? (
        <Empty>{t('plans.pick_org')}</Empty>
      ) : loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('plans.no_org_tasks')}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('plans.task')}</th>
                <th>{t('plans.role')}</th>
                <th>{t('plans.time_label')}</th>
              </tr>
            </thead>
            <tbody>
              {data?.items.map((i) => (
                <tr key={i.task.id}>
                  <td>
                    <Link to={`/plans/${i.planId}`}>
                      {i.task.code}. {i.task.title}
                    </Link>
                  </td>
                  <td>{i.roles.map((r) => `${t(`plans.role.${r.role}`)}${r.via ? ` (${t('plans.via')} ${r.via})` : ''}`).join('; ')}</td>
                  <td>{i.task.time.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
