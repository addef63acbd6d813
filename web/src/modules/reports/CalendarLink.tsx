import { useState } from 'react';
import { post } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';

/** Makes (or renews) the secret iCalendar link of an organisation's deadlines. */
export function CalendarLink({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="card">
      <h2>{t('reports.calendar')}</h2>
      <p className="muted small">{t('reports.calendar_hint')}</p>
      <button
        type="button"
        onClick={async () => {
          try {
            const r = await post<{ path: string }>(`/api/orgs/${orgId}/calendar-token`);
            setUrl(`${window.location.origin}${r.path}`);
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('reports.calendar_make')}
      </button>
      {url && (
        <input
          readOnly
          value={url}
          style={{ width: '100%', marginTop: '0.5rem' }}
          onFocus={(e) => e.target.select()}
          data-testid="calendar-url"
        />
      )}
      <ErrorBox error={error} />
    </div>
  );
}
