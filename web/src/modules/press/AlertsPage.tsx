import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, post, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDateTime, Loading, Pager, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { isMonitor, PressTabs } from './parts';
import type { Alert, Paged } from './types';
import { AlertRules } from './AlertRules';

/** Alerts, newest first: open the article, acknowledge, or open a response case. */
export function AlertsPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const open = params.get('open') === 'true';
  const page = Number(params.get('page') ?? 1);
  const focus = params.get('focus');
  const { data, error, loading, reload } = useLoad(
    () => get<Paged<Alert>>(`/api/press/alerts${qs({ open: open ? 'true' : '', page, pageSize: 25 })}`),
    [open, page],
  );
  const [actionError, setActionError] = useState<unknown>(null);
  const act = async (f: () => Promise<void>) => {
    try {
      await f();
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      <div className="filters">
        <label className="inline">
          <input type="checkbox" checked={open} onChange={(e) => setParams(e.target.checked ? { open: 'true' } : {})} />{' '}
          {t('press.ui.only_open')}
        </label>
      </div>
      <ErrorBox error={error ?? actionError} />
      {loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('press.ui.no_alerts')}</Empty>
      ) : (
        data && (
          <>
            <ul className="press-list" data-testid="alert-list">
              {data.items.map((a) => (
                <li key={a.id} style={a.id === focus ? { background: '#fff8e1' } : undefined}>
                  <h3>{a.articleId ? <Link to={`/press/articles/${a.articleId}`}>{a.title}</Link> : a.title}</h3>
                  <div className="small muted">
                    {formatDateTime(a.createdAt, lang)} · {a.detail} {a.topicName ? `· ${a.topicName}` : ''}
                    {a.acknowledgedAt && ` · ${t('press.ui.acknowledged')}`}
                  </div>
                  <div className="actions compact">
                    {a.caseId ? (
                      <Link className="button" to={`/press/cases/${a.caseId}`}>
                        {t('press.ui.view_case')}
                      </Link>
                    ) : (
                      isMonitor(me) && (
                        <button
                          type="button"
                          className="primary"
                          onClick={() =>
                            act(async () => {
                              const c = await post<{ id: string }>('/api/press/cases', { alertId: a.id });
                              navigate(`/press/cases/${c.id}`);
                            })
                          }
                        >
                          {t('press.ui.open_case')}
                        </button>
                      )
                    )}
                    {isMonitor(me) && !a.acknowledgedAt && (
                      <button
                        type="button"
                        onClick={() =>
                          act(async () => {
                            await post(`/api/press/alerts/${a.id}/ack`);
                            reload();
                          })
                        }
                      >
                        {t('press.ui.acknowledge')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => setParams({ ...(open ? { open: 'true' } : {}), page: String(p) })}
            />
          </>
        )
      )}
      <AlertRules canEdit={isMonitor(me)} />
    </section>
  );
}
