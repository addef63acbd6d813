import { useState } from 'react';
import { Link } from 'react-router';
import { get, put } from '../../api';
import { canManageDirectory, useAuth } from '../../auth';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ORG_KINDS, type OrgKind } from '../../../../src/modules/orgs/org-kinds';
import { OrgPicker } from './OrgPicker';

interface Group {
  id: string;
  key: string;
  name: string;
  phrases: string[];
  kinds: OrgKind[];
  open: boolean;
}
interface Resolved {
  members: { orgId: string; name: string; kind: string }[];
}

/** Group phrases used in plans, and the organisations each stands for on a chosen date. */
export function OrgGroupsPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [selected, setSelected] = useState<string | null>(null);
  const { data, error } = useLoad(() => get<{ items: Group[] }>('/api/org-groups'), []);
  const { data: resolved } = useLoad(
    () => (selected ? get<Resolved>(`/api/org-groups/${selected}/members?date=${date}`) : Promise.resolve(null)),
    [selected, date],
  );
  const { data: explicit, reload } = useLoad(
    () =>
      selected ? get<{ items: { orgId: string; name: string }[] }>(`/api/org-groups/${selected}/explicit-members`) : Promise.resolve(null),
    [selected],
  );
  const [saveError, setSaveError] = useState<unknown>(null);
  const setExplicit = async (ids: string[]) => {
    try {
      setSaveError(null);
      await put(`/api/org-groups/${selected}/explicit-members`, { orgIds: ids });
      reload();
    } catch (err) {
      setSaveError(err);
    }
  };
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return (
    <section>
      <h1>{t('groups.title')}</h1>
      <p className="muted">{t('groups.help')}</p>
      <div className="split">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('groups.name')}</th>
                <th>{t('groups.covers')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((g) => (
                <tr key={g.key} className={selected === g.key ? 'selected' : ''}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(g.key)}>
                      {g.name}
                    </button>
                    <div className="muted small">{g.phrases.join(' · ')}</div>
                  </td>
                  <td>{g.open ? t('groups.open') : g.kinds.map((k) => ORG_KINDS[k][lang]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {selected && (
          <div className="card">
            <label className="inline">
              {t('groups.on_date')}
              <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <h2>{t('groups.members', { n: resolved?.members.length ?? '…' })}</h2>
            <ul className="columns">
              {resolved?.members.map((m) => (
                <li key={m.orgId}>
                  <Link to={`/orgs/${m.orgId}`}>{m.name}</Link>
                </li>
              ))}
            </ul>
            <h2>{t('groups.explicit')}</h2>
            <ErrorBox error={saveError} />
            <ul>
              {explicit?.items.map((m) => (
                <li key={m.orgId}>
                  {m.name}{' '}
                  {canManageDirectory(me) && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setExplicit(explicit.items.filter((x) => x.orgId !== m.orgId).map((x) => x.orgId))}
                    >
                      {t('ui.remove')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {canManageDirectory(me) && (
              <OrgPicker
                label={t('groups.add_member')}
                value={null}
                onChange={(o) => o && setExplicit([...(explicit?.items.map((x) => x.orgId) ?? []), o.id])}
              />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
