import { useState, type FormEvent } from 'react';
import { post } from '../api';
import { useAuth } from '../auth';
import { ErrorBox } from '../components/common';
import { useI18n } from '../i18n';

export function AccountPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    try {
      await post('/api/auth/password', { currentPassword, newPassword });
      setError(null);
      setDone(true);
      setCurrent('');
      setNew('');
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p>
        {me?.displayName} ({me?.username}) · {t(`role.${me?.role}`)}
      </p>
      <form className="card form" onSubmit={submit}>
        <h2>{t('account.change_password')}</h2>
        <label>
          {t('account.current')}
          <input
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          {t('account.new')}
          <input type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} required />
          <small className="muted">{t('account.rules')}</small>
        </label>
        <ErrorBox error={error} />
        {done && <div className="alert alert-ok">{t('account.changed')}</div>}
        <button type="submit" className="primary">
          {t('ui.save')}
        </button>
      </form>
    </section>
  );
}
