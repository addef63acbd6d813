import { useState } from 'react';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { PressTabs } from './parts';

/** Press-opinion digest (daily / weekly / monthly) as an official .docx. */
export function DigestPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const [kind, setKind] = useState('daily');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      <div className="card form">
        <h2>{t('press.ui.digest')}</h2>
        <p className="muted">{t('press.ui.digest_hint')}</p>
        <div className="row">
          <label>
            {t('press.ui.digest_kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {['daily', 'weekly', 'monthly'].map((k) => (
                <option key={k} value={k}>
                  {t(`press.digest.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('press.ui.digest_date')}
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        </div>
        <a className="button primary" href={`/api/press/digest?kind=${kind}&date=${date}`} download>
          {t('press.ui.download_docx')}
        </a>
      </div>
    </section>
  );
}
