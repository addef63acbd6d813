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
      🔔{unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
