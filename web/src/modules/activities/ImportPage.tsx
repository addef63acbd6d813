import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, upload } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';
import { ACTIVITY_KINDS, ACTIVITY_KIND_VALUES, type ActivityKind } from '../../../../src/modules/activities/activity-kinds';
import { useProvincialPlans } from './types';

interface RowError {
  row: number;
  column: string;
  header: string;
  message: string;
}

/** Download a kind's template, upload it filled: every row checked; nothing saved until all are valid or the user confirms the valid rows. */
export function ImportPage() {
  const { t, lang } = useI18n();
  const { data: plans } = useProvincialPlans();
  const [kind, setKind] = useState<ActivityKind>('event');
  const [picked, setPicked] = useState('');
  const planId = picked || plans?.[0]?.id || '';
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState<{ message: string; errors: RowError[]; validRows: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function send(validOnly: boolean) {
    if (!file) return;
    setError(null);
    setDone(null);
    try {
      const r = await upload<{ imported: number; skipped: number }>(
        `/api/activities/import?kind=${kind}&planId=${planId}&validOnly=${validOnly}`,
        file,
      );
      setRejected(null);
      setDone(t('activities.imported', { n: r.imported, skipped: r.skipped }));
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details.errors)) {
        setRejected({ message: err.message, errors: err.details.errors as RowError[], validRows: Number(err.details.validRows ?? 0) });
      } else setError(err);
    }
  }
  return (
    <section>
      <h1>{t('activities.import_title')}</h1>
      <div className="card">
        <div className="row">
          <label>
            {t('activities.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
              {ACTIVITY_KIND_VALUES.map((k) => (
                <option key={k} value={k}>
                  {ACTIVITY_KINDS[k].label[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('activities.plan')}
            <select value={planId} onChange={(e) => setPicked(e.target.value)}>
              {plans?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p>
          <a className="button" href={`/api/activities/template/${kind}`} download>
            {t('activities.download_template')}
          </a>
        </p>
        <label>
          {t('activities.choose_file')}
          <input
            type="file"
            accept=".xlsx"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setRejected(null);
              setDone(null);
            }}
          />
        </label>
        <p className="muted small">{t('activities.import_help')}</p>
        <button type="button" className="primary" disabled={!file || !planId} onClick={() => send(false)}>
          {t('activities.check_and_import')}
        </button>
      </div>
      <ErrorBox error={error} />
      {done && (
        <div className="alert alert-ok">
          {done} <Link to="/activities">{t('activities.title')}</Link>
        </div>
      )}
      {rejected && (
        <div className="card" data-testid="import-errors">
          <div className="alert alert-error" role="alert">
            {rejected.message}
          </div>
          <table>
            <thead>
              <tr>
                <th>{t('activities.row')}</th>
                <th>{t('activities.column')}</th>
                <th>{t('activities.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>
                    {e.column} ({e.header})
                  </td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rejected.validRows > 0 && (
            <button type="button" onClick={() => send(true)}>
              {t('activities.import_valid_only', { n: rejected.validRows })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
