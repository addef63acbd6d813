import { useState, type FormEvent } from 'react';
import { get, post, put } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDateTime, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { isMonitor, LANGS, PressTabs } from './parts';
import type { Source } from './types';

const blank = { name: '', url: '', language: 'vi', country: 'VN', weight: 3, intervalMinutes: 60, active: true };

/** Feeds with their health, last error and next poll; add, edit, switch on/off, poll now. */
export function SourcesPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { data, error, loading, reload } = useLoad(() => get<{ items: Source[] }>('/api/press/sources'), []);
  const [form, setForm] = useState<typeof blank & { id?: string }>(blank);
  const [editing, setEditing] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { id, ...body } = form;
      if (id) await put(`/api/press/sources/${id}`, body);
      else await post('/api/press/sources', body);
      setEditing(false);
      setForm(blank);
      setFormError(null);
      reload();
    } catch (err) {
      setFormError(err);
    }
  };
  const monitor = isMonitor(me);
  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      <div className="page-head">
        <h2>{t('press.ui.sources')}</h2>
        {monitor && !editing && (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setForm(blank);
                setEditing(true);
              }}
            >
              {t('press.ui.add_source')}
            </button>
          </div>
        )}
      </div>
      {editing && (
        <form className="form card" onSubmit={save}>
          <ErrorBox error={formError} />
          <div className="row">
            <label>
              {t('press.ui.name')}
              <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </label>
            <label>
              {t('press.ui.feed_url')}
              <input type="url" required value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
            </label>
          </div>
          <div className="row">
            <label>
              {t('press.ui.language')}
              <select value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value })}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {t(`press.lang.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('press.ui.country')}
              <input value={form.country} maxLength={2} onChange={(e) => setForm({ ...form, country: e.target.value.toUpperCase() })} />
            </label>
            <label>
              {t('press.ui.weight')}
              <input
                type="number"
                min={1}
                max={5}
                value={form.weight}
                onChange={(e) => setForm({ ...form, weight: Number(e.target.value) })}
              />
            </label>
            <label>
              {t('press.ui.interval')}
              <input
                type="number"
                min={5}
                max={1440}
                value={form.intervalMinutes}
                onChange={(e) => setForm({ ...form, intervalMinutes: Number(e.target.value) })}
              />
            </label>
          </div>
          <label className="inline">
            <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />{' '}
            {t('press.ui.active')}
          </label>
          <div className="actions">
            <button className="primary" type="submit">
              {t('ui.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('ui.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('press.ui.no_sources')}</Empty>
      ) : (
        data && (
          <div className="table-wrap">
            <table data-testid="source-table">
              <thead>
                <tr>
                  <th>{t('press.ui.name')}</th>
                  <th>{t('press.ui.health')}</th>
                  <th className="hide-sm">{t('press.ui.last_fetched')}</th>
                  <th className="hide-sm">{t('press.ui.next_poll')}</th>
                  <th>{t('press.ui.articles')}</th>
                  {monitor && <th />}
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id} className={s.active ? '' : 'expired'}>
                    <td>
                      <strong>{s.name}</strong>
                      <div className="small muted">{s.url}</div>
                      <div className="small muted">
                        {t(`press.lang.${s.language}`)} · {s.country} · {t('press.ui.weight')} {s.weight} · {s.intervalMinutes}′
                      </div>
                    </td>
                    <td>
                      <span className={`health-${s.health}`}>{s.active ? t(`press.health.${s.health}`) : t('press.ui.inactive')}</span>
                      {s.lastError && <div className="small warn">{s.lastError}</div>}
                      {s.consecutiveFailures > 0 && (
                        <div className="small muted">{t('press.ui.failures', { n: s.consecutiveFailures })}</div>
                      )}
                    </td>
                    <td className="hide-sm nowrap">{s.lastFetchedAt ? formatDateTime(s.lastFetchedAt, lang) : '—'}</td>
                    <td className="hide-sm nowrap">{s.active && s.nextPollAt ? formatDateTime(s.nextPollAt, lang) : '—'}</td>
                    <td>{s.articleCount}</td>
                    {monitor && (
                      <td className="actions compact">
                        <button
                          type="button"
                          onClick={() => {
                            setForm({
                              id: s.id,
                              name: s.name,
                              url: s.url,
                              language: s.language,
                              country: s.country,
                              weight: s.weight,
                              intervalMinutes: s.intervalMinutes,
                              active: s.active,
                            });
                            setEditing(true);
                          }}
                        >
                          {t('ui.edit')}
                        </button>
                        {s.active && (
                          <button
                            type="button"
                            onClick={async () => {
                              await post(`/api/press/sources/${s.id}/poll`);
                              reload();
                            }}
                          >
                            {t('press.ui.poll_now')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </section>
  );
}
