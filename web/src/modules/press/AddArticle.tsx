import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../../api';
import { ErrorBox } from '../../components/common';
import { uploadRaw } from './upload';
import { useI18n } from '../../i18n';

/** Enter an article by URL, by pasting its text, or from a JSON/CSV file. */
export function AddArticle({ onAdded }: { onAdded(): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'' | 'url' | 'text' | 'file'>('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [outlet, setOutlet] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [rowErrors, setRowErrors] = useState<{ row: number; column: string | null; message: string }[]>([]);
  const finish = (msg: string) => {
    setDone(msg);
    setError(null);
    setRowErrors([]);
    onAdded();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r =
        mode === 'url'
          ? await post<{ status: string }>('/api/press/articles/url', { url })
          : await post<{ status: string }>('/api/press/articles/text', { title, text: body, outlet: outlet || null });
      finish(t(r.status === 'created' ? 'press.ui.added' : 'press.ui.duplicate'));
    } catch (err) {
      setError(err);
    }
  };
  const upload = async (file: File) => {
    try {
      const data = await uploadRaw<{ created: number; rows: number }>(
        `/api/press/articles/bulk?filename=${encodeURIComponent(file.name)}`,
        file,
      );
      finish(t('press.ui.imported', { created: data.created, rows: data.rows }));
    } catch (err) {
      setError(err);
      setRowErrors(err instanceof ApiError ? ((err.details.errors as typeof rowErrors) ?? []) : []);
    }
  };
  return (
    <div className="card">
      <div className="actions">
        {(['url', 'text', 'file'] as const).map((m) => (
          <button key={m} type="button" className={mode === m ? 'primary' : ''} onClick={() => setMode(mode === m ? '' : m)}>
            {t(`press.ui.add_${m}`)}
          </button>
        ))}
        {done && (
          <span className="alert alert-ok" role="status">
            {done}
          </span>
        )}
      </div>
      {mode && <ErrorBox error={error} />}
      {rowErrors.length > 0 && (
        <ul className="small warn">
          {rowErrors.map((r, i) => (
            <li key={i}>{r.message}</li>
          ))}
        </ul>
      )}
      {mode === 'url' && (
        <form className="form" onSubmit={submit}>
          <label>
            {t('press.ui.url')}
            <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <button className="primary" type="submit">
            {t('press.ui.add')}
          </button>
        </form>
      )}
      {mode === 'text' && (
        <form className="form" onSubmit={submit}>
          <label>
            {t('press.ui.article_title')}
            <input required value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {t('press.ui.outlet')}
            <input value={outlet} onChange={(e) => setOutlet(e.target.value)} />
          </label>
          <label>
            {t('press.ui.text')}
            <textarea required rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <button className="primary" type="submit">
            {t('press.ui.add')}
          </button>
        </form>
      )}
      {mode === 'file' && (
        <label className="dropzone">
          {t('press.ui.file_hint')}
          <input type="file" accept=".csv,.json" onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
        </label>
      )}
    </div>
  );
}
