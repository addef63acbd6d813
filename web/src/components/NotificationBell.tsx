import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { get } from '../api';
import { useI18n } from '../i18n';

/** Unread in-app notifications (deadlines, returned reports, press alerts…), checked every minute. */
export function NotificationBell() {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const check = () =>
      get<{ unread: number }>('/api/notifications?pageSize=1')
        .then((r) => alive && setUnread(r.unread))
        .catch(() => undefined);
    check();
    const timer = setInterval(check, 60_000);
    window.addEventListener('ttdn:notifications-read', check);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('ttdn:notifications-read', check);
    };
  }, []);
  return (
    <Link to="/notifications" className="bell" aria-label={t('notifications.unread', { n: unread })} data-testid="bell">
      <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
