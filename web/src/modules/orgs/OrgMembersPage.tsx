import { Link, useParams } from 'react-router';
import { ApiError, get } from '../../api';
import { Empty, ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';

interface Member {
  id: string;
  username: string;
  displayName: string;
  role: string;
  email: string | null;
  active: boolean;
}

/** An organisation's own people: visible to its officers and to the province-wide roles only. */
export function OrgMembersPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, error } = useLoad(() => get<{ items: Member[] }>(`/api/orgs/${id}/members`), [id]);
  if (error instanceof ApiError && error.status === 403) {
    return (
      <section>
        <h1>{t('orgs.members')}</h1>
        <div className="alert alert-error" role="alert" data-testid="refused">
          {error.message}
        </div>
        <Link to="/orgs">← {t('orgs.title')}</Link>
      </section>
    );
  }
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return (
    <section>
      <h1>{t('orgs.members')}</h1>
      <Link to={`/orgs/${id}`}>← {t('ui.back')}</Link>
      {data.items.length === 0 ? (
        <Empty>{t('orgs.no_members')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('users.display_name')}</th>
              <th>{t('users.username')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.email')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((m) => (
              <tr key={m.id} className={m.active ? '' : 'expired'}>
                <td>{m.displayName}</td>
                <td>{m.username}</td>
                <td>{t(`role.${m.role}`)}</td>
                <td>{m.email ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
