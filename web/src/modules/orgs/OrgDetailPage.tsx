import { Link, useParams } from 'react-router';
import { get } from '../../api';
import { canManageDirectory, useAuth } from '../../auth';
import { ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ORG_KINDS } from '../../../../src/modules/orgs/org-kinds';
import type { OrgDetail } from './types';

export function OrgDetailPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { data: org, error } = useLoad(() => get<OrgDetail>(`/api/orgs/${id}`), [id]);
  const { data: parent } = useLoad(
    () => (org?.parentId ? get<OrgDetail>(`/api/orgs/${org.parentId}`) : Promise.resolve(null)),
    [org?.parentId],
  );
  if (error) return <ErrorBox error={error} />;
  if (!org) return <Loading />;
  const ownOrg = me?.role !== 'officer' || me.orgId === org.id;
  return (
    <section>
      <div className="page-head">
        <h1>{org.name}</h1>
        <div className="actions">
          {ownOrg && (
            <Link className="button" to={`/orgs/${org.id}/members`}>
              {t('orgs.members')}
            </Link>
          )}
          {canManageDirectory(me) && (
            <Link className="button primary" to={`/orgs/${org.id}/edit`}>
              {t('ui.edit')}
            </Link>
          )}
        </div>
      </div>
      <dl className="card props">
        <dt>{t('orgs.short_name')}</dt>
        <dd>{org.shortName}</dd>
        <dt>{t('orgs.kind')}</dt>
        <dd>{ORG_KINDS[org.kind][lang]}</dd>
        <dt>{t('orgs.aliases')}</dt>
        <dd>{org.aliases.join('; ') || '—'}</dd>
        <dt>{t('orgs.parent')}</dt>
        <dd>{parent ? <Link to={`/orgs/${parent.id}`}>{parent.name}</Link> : '—'}</dd>
        <dt>{t('orgs.validity')}</dt>
        <dd>
          {org.validFrom || org.validTo
            ? `${formatDate(org.validFrom, lang) || '…'} – ${formatDate(org.validTo, lang) || '…'}`
            : t('orgs.always_valid')}
        </dd>
        <dt>{t('orgs.contact')}</dt>
        <dd>{[org.email, org.phone].filter(Boolean).join(' · ') || '—'}</dd>
        {org.note && (
          <>
            <dt>{t('orgs.note')}</dt>
            <dd>{org.note}</dd>
          </>
        )}
      </dl>
      {(org.successors.length > 0 || org.predecessors.length > 0) && (
        <div className="card">
          <h2>{t('orgs.history')}</h2>
          <ul>
            {org.predecessors.map((p) => (
              <li key={p.id}>
                {t('orgs.took_over_from')} <Link to={`/orgs/${p.id}`}>{p.name}</Link> ({formatDate(p.since, lang)})
              </li>
            ))}
            {org.successors.map((s) => (
              <li key={s.id}>
                {t('orgs.succeeded_by')} <Link to={`/orgs/${s.id}`}>{s.name}</Link> ({formatDate(s.since, lang)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {org.children.length > 0 && (
        <div className="card">
          <h2>{t('orgs.children', { n: org.children.length })}</h2>
          <ul className="columns">
            {org.children.map((c) => (
              <li key={c.id}>
                <Link to={`/orgs/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
