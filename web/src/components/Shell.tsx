import { NavLink, Outlet, useNavigate } from 'react-router';
import { useState } from 'react';
import { canReadAudit, useAuth } from '../auth';
import { useI18n } from '../i18n';
import { NotificationBell } from './NotificationBell';

/** Header, navigation by module, language switch and the user menu. */
export function Shell() {
  const { me, logout } = useAuth();
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const links: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/plans', label: t('nav.plans'), show: true },
    { to: '/org-tasks', label: t('nav.org_tasks'), show: true },
    { to: '/reports', label: t('nav.reports'), show: true },
    { to: '/activities', label: t('nav.activities'), show: true },
    { to: '/calendar', label: t('nav.calendar'), show: true },
    { to: '/orgs', label: t('nav.orgs'), show: true },
    { to: '/org-groups', label: t('nav.groups'), show: true },
    { to: '/press', label: t('nav.press'), show: true },
    { to: '/register', label: t('nav.register'), show: true },
    { to: '/users', label: t('nav.users'), show: me?.role === 'admin' },
    { to: '/audit', label: t('nav.audit'), show: canReadAudit(me) },
  ];
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-label={t('ui.menu')} onClick={() => setOpen(!open)}>
          ☰
        </button>
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <div className="topbar-right">
          <NotificationBell />
          <button type="button" className="link" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} title={t('ui.switch_lang')}>
            {lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          <NavLink to="/account" className="user-name" data-testid="current-user">
            {me?.displayName} · {t(`role.${me?.role}`)}
          </NavLink>
          <button
            type="button"
            className="link"
            onClick={async () => {
              await logout();
              navigate('/login');
            }}
          >
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <div className="body">
        <nav className={`sidenav ${open ? 'open' : ''}`} onClick={() => setOpen(false)}>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink key={l.to} to={l.to} end={l.to === '/'}>
                {l.label}
              </NavLink>
            ))}
        </nav>
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
