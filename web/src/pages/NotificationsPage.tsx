import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../api';
import { Empty, ErrorBox, formatDateTime, Loading, Pager, useLoad } from '../components/common';
import { useI18n } from '../i18n';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function NotificationsPage() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, reload } = useLoad(
    () =>
      get<{ items: Notice[]; total: number; unread: number; page: number; pageSize: number }>(
        `/api/notifications?page=${page}&pageSize=30${unreadOnly ? '&unread=true' : ''}`,
      ),
    [page, unreadOnly],
  );
  const markRead = async (ids?: string[]) => {
    await post('/api/notifications/read', ids ? { ids } : {});
    window.dispatchEvent(new Event('ttdn:notifications-read'));
    reload();
  };
  return (
    <section>
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
        <div className="actions">
          <label className="inline">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{' '}
            {t('notifications.unread_only')}
          </label>
          <button type="button" disabled={!data?.unread} onClick={() => markRead()}>
            {t('notifications.mark_all')}
          </button>
        </div>
      </div>
      <ErrorBox error={error} />
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <>
          <ul className="notices">
            {data.items.map((n) => (
              <li key={n.id} className={`card notice ${n.readAt ? '' : 'unread'}`}>
                <div className="muted small">{formatDateTime(n.createdAt, lang)}</div>
                <strong>
                  {n.link ? (
                    <Link to={n.link} onClick={() => !n.readAt && markRead([n.id])}>
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </strong>
                <p>{n.body}</p>
                {!n.readAt && (
                  <button type="button" className="link" onClick={() => markRead([n.id])}>
                    {t('notifications.mark_read')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
