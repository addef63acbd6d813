import { useState } from 'react';
import { get, qs } from '../../api';
import { Empty, ErrorBox, formatDateTime, Loading, Pager, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import type { Paged } from '../orgs/types';

interface Entry {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** The audit log, filtered by person, entity and date. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState({ actorName: '', entity: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const { data, error } = useLoad(() => get<Paged<Entry>>(`/api/audit${qs({ ...filters, page, pageSize: 50 })}`), [filters, page]);
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => {
    setPage(1);
    setFilters({ ...filters, [k]: e.target.value });
  };
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <div className="filters">
        <input
          type="search"
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={filters.actorName}
          onChange={set('actorName')}
        />
        <select aria-label={t('audit.entity')} value={filters.entity} onChange={set('entity')}>
          <option value="">{t('audit.all_entities')}</option>
          {['org', 'org_group', 'user', 'session', 'setting', 'plan', 'task'].map((e) => (
            <option key={e} value={e}>
              {t(`entity.${e}`)}
            </option>
          ))}
        </select>
        <label className="inline">
          {t('audit.from')}
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label className="inline">
          {t('audit.to')}
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
      </div>
      <ErrorBox error={error} />
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('audit.empty')}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('audit.at')}</th>
                  <th>{t('audit.actor')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.entity')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                    <td>{e.actorName}</td>
                    <td>{t(`action.${e.action}`)}</td>
                    <td>
                      {t(`entity.${e.entity}`)} <span className="muted small">{e.entityId}</span>
                      {open === e.id && (
                        <div className="diff">
                          <div>
                            <strong>{t('audit.before')}</strong>
                            <pre>{JSON.stringify(e.before, null, 2)}</pre>
                          </div>
                          <div>
                            <strong>{t('audit.after')}</strong>
                            <pre>{JSON.stringify(e.after, null, 2)}</pre>
                          </div>
                        </div>
                      )}
                    </td>
                    <td>
                      {(e.before !== null || e.after !== null) && (
                        <button type="button" className="link" onClick={() => setOpen(open === e.id ? null : e.id)}>
                          {open === e.id ? t('ui.hide') : t('ui.details')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
