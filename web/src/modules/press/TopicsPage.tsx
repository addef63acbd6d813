import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { get, post, put } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { isMonitor, PressTabs } from './parts';
import type { Topic } from './types';

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Watch lists: terms, exclusions; follow a topic to receive its alerts. */
export function TopicsPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const { data, error, loading, reload } = useLoad(() => get<{ items: Topic[] }>('/api/press/topics'), []);
  const [edit, setEdit] = useState<{ id?: string; version?: number; name: string; terms: string; exclude: string; active: boolean } | null>(
    null,
  );
  const [formError, setFormError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!edit) return;
    const body = { name: edit.name, terms: lines(edit.terms), exclude: lines(edit.exclude), ignoreWithin: [], active: edit.active };
    try {
      if (edit.id) await put(`/api/press/topics/${edit.id}`, { ...body, version: edit.version });
      else await post('/api/press/topics', body);
      setEdit(null);
      reload();
    } catch (err) {
      setFormError(err);
    }
  };
  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      <div className="page-head">
        <h2>{t('press.ui.topics')}</h2>
        {isMonitor(me) && !edit && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEdit({ name: '', terms: '', exclude: '', active: true })}>
              {t('press.ui.add_topic')}
            </button>
          </div>
        )}
      </div>
      {edit && (
        <form className="form card" onSubmit={save}>
          <ErrorBox error={formError} />
          <label>
            {t('press.ui.name')}
            <input required value={edit.name} onChange={(e) => setEdit({ ...edit, name: e.target.value })} />
          </label>
          <div className="row">
            <label>
              {t('press.ui.terms')}
              <textarea rows={8} required value={edit.terms} onChange={(e) => setEdit({ ...edit, terms: e.target.value })} />
            </label>
            <label>
              {t('press.ui.exclude')}
              <textarea rows={8} value={edit.exclude} onChange={(e) => setEdit({ ...edit, exclude: e.target.value })} />
            </label>
          </div>
          <p className="small muted">{t('press.ui.terms_hint')}</p>
          <label className="inline">
            <input type="checkbox" checked={edit.active} onChange={(e) => setEdit({ ...edit, active: e.target.checked })} />{' '}
            {t('press.ui.active')}
          </label>
          <div className="actions">
            <button className="primary" type="submit">
              {t('ui.save')}
            </button>
            <button type="button" onClick={() => setEdit(null)}>
              {t('ui.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('press.ui.no_topics')}</Empty>
      ) : (
        data && (
          <div className="table-wrap">
            <table data-testid="topic-table">
              <thead>
                <tr>
                  <th>{t('press.ui.name')}</th>
                  <th>{t('press.ui.terms')}</th>
                  <th>{t('press.ui.articles')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.items.map((tp) => (
                  <tr key={tp.id} className={tp.active ? '' : 'expired'}>
                    <td>
                      <Link to={`/press/articles?topicId=${tp.id}`}>{tp.name}</Link>
                    </td>
                    <td className="small">
                      {tp.terms.slice(0, 12).join(', ')}
                      {tp.terms.length > 12 ? ` … (+${tp.terms.length - 12})` : ''}
                      {tp.exclude.length > 0 && (
                        <div className="muted">
                          {t('press.ui.exclude')}: {tp.exclude.join(', ')}
                        </div>
                      )}
                    </td>
                    <td>{tp.articles}</td>
                    <td className="actions compact">
                      <button
                        type="button"
                        aria-pressed={tp.following}
                        onClick={async () => {
                          await post(`/api/press/topics/${tp.id}/follow`, { follow: !tp.following });
                          reload();
                        }}
                      >
                        {tp.following ? t('press.ui.unfollow') : t('press.ui.follow')}
                      </button>
                      {isMonitor(me) && (
                        <button
                          type="button"
                          onClick={() =>
                            setEdit({
                              id: tp.id,
                              version: tp.version,
                              name: tp.name,
                              terms: tp.terms.join('\n'),
                              exclude: tp.exclude.join('\n'),
                              active: tp.active,
                            })
                          }
                        >
                          {t('ui.edit')}
                        </button>
                      )}
                    </td>
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
