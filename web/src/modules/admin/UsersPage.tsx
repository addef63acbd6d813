import { useState, type FormEvent } from 'react';
import { get, patch, post } from '../../api';
import { ErrorBox, formatDateTime, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';

const ROLES = ['admin', 'secretariat', 'leader', 'officer', 'inspector'] as const;
interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgId: string | null;
  active: boolean;
  lastLoginAt: string | null;
}

export function UsersPage() {
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(() => get<{ items: User[] }>('/api/users'), []);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'officer' });
  const [org, setOrg] = useState<Org | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      await post('/api/users', { ...form, orgId: org?.id ?? null });
      setForm({ username: '', displayName: '', password: '', role: 'officer' });
      setOrg(null);
      setFormError(null);
      reload();
    } catch (err) {
      setFormError(err);
    }
  }
  async function toggle(u: User) {
    await patch(`/api/users/${u.id}`, { active: !u.active });
    reload();
  }
  const shown = (data?.items ?? []).filter((u) => `${u.username} ${u.displayName}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <ErrorBox error={error} />
      <input
        type="search"
        placeholder={t('users.filter')}
        aria-label={t('users.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {!data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('users.username')}</th>
                <th>{t('users.display_name')}</th>
                <th>{t('users.role')}</th>
                <th>{t('users.last_login')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} className={u.active ? '' : 'expired'}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : '—'}</td>
                  <td>
                    <button type="button" onClick={() => toggle(u)}>
                      {u.active ? t('users.disable') : t('users.enable')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="card form" onSubmit={add}>
        <h2>{t('users.add')}</h2>
        <div className="row">
          <label>
            {t('users.username')}
            <input required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
          </label>
          <label>
            {t('users.display_name')}
            <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </label>
        </div>
        <div className="row">
          <label>
            {t('login.password')}
            <input
              required
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </label>
          <label>
            {t('users.role')}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <OrgPicker label={t('users.org')} value={org} onChange={setOrg} />
        <ErrorBox error={formError} />
        <button type="submit" className="primary">
          {t('users.add')}
        </button>
      </form>
    </section>
  );
}
