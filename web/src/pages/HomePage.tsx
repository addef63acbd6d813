import { Link } from 'react-router';
import { get } from '../api';
import { useAuth } from '../auth';
import { useLoad } from '../components/common';
import { useI18n } from '../i18n';
import { ORG_KINDS, type OrgKind } from '../../../src/modules/orgs/org-kinds';

/** Overview: who I am and the directory at a glance (modules add their tiles here). */
export function HomePage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const { data } = useLoad(
    () => get<{ items: { kind: OrgKind }[]; total: number }>(`/api/orgs?validOn=${today}&pageSize=500`),
    [],
  );
  const byKind = new Map<OrgKind, number>();
  for (const o of data?.items ?? []) byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1);
  const max = Math.max(1, ...byKind.values());
  return (
    <section>
      <h1>{t('home.welcome', { name: me?.displayName })}</h1>
      <p className="muted">{t('home.role', { role: t(`role.${me?.role}`) })}</p>
      <div className="card">
        <h2>{t('home.directory_title', { total: data?.total ?? '…' })}</h2>
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
    </section>
  );
}
