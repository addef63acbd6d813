import { useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, post, upload } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';
import { TaskFields } from './TaskFields';
import { ROLES, type Plan, type Task } from './types';

interface Preview {
  plan: Plan;
  source: { filename: string; format: string; text: string };
}

const uploadFile = (file: File, asOf: string) =>
  upload<Preview>(`/api/plans/import?filename=${encodeURIComponent(file.name)}${asOf ? `&asOf=${asOf}` : ''}`, file);

const unmatchedIn = (task: Task) => ROLES.flatMap((r) => task[r]).filter((e) => !e.orgId && !e.group).length;

/** Upload a plan document, see the source beside what was understood, correct anything, save. */
export function PlanImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [asOf, setAsOf] = useState('');
  const [file, setFile] = useState<File | null>(null);

  async function read(f: File | undefined | null, date = asOf) {
    if (!f) return;
    setFile(f);
    setBusy(true);
    setError(null);
    try {
      setPreview(await uploadFile(f, date));
    } catch (err) {
      setError(err);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  }
  async function save() {
    if (!preview) return;
    try {
      const { id } = await post<{ id: string }>('/api/plans', {
        ...preview.plan,
        sourceFilename: preview.source.filename,
        sourceText: preview.source.text,
      });
      navigate(`/plans/${id}`);
    } catch (err) {
      setError(err);
    }
  }
  const plan = preview?.plan;
  const setPlan = (p: Plan) => preview && setPreview({ ...preview, plan: p });
  const setTask = (i: number, task: Task) => plan && setPlan({ ...plan, tasks: plan.tasks.map((x, j) => (j === i ? task : x)) });
  const totalUnmatched = plan ? plan.tasks.reduce((n, task) => n + unmatchedIn(task), 0) : 0;

  return (
    <section>
      <h1>{t('plans.import_title')}</h1>
      <div
        className="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e: DragEvent) => {
          e.preventDefault();
          void read(e.dataTransfer.files[0]);
        }}
      >
        <label>
          {t('plans.choose_file')}
          <input
            type="file"
            accept=".docx,.doc,.odt,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.md,.txt"
            aria-label={t('plans.choose_file')}
            onChange={(e) => void read(e.target.files?.[0])}
          />
        </label>
        <span className="muted small">{t('plans.file_help')}</span>
        <label>
          {t('plans.as_of')}
          <input
            type="date"
            value={asOf}
            aria-label={t('plans.as_of')}
            onChange={(e) => {
              setAsOf(e.target.value);
              void read(file, e.target.value);
            }}
          />
        </label>
        <span className="muted small">{t('plans.as_of_help')}</span>
      </div>
      {busy && <p className="muted">{t('plans.reading')}</p>}
      <ErrorBox error={error} />
      {plan && preview && (
        <>
          <div className="summary card">
            <strong>{t('plans.understood', { tasks: plan.tasks.length, unparsed: plan.unparsed.length })}</strong>
            {totalUnmatched > 0 && <span className="warn"> · {t('plans.unmatched_count', { n: totalUnmatched })}</span>}
            {plan.resolvedAsOf && (
              <span className="muted" data-testid="resolved-as-of">
                {' '}
                · {t('plans.resolved_as_of', { date: plan.resolvedAsOf.split('-').reverse().join('/') })}
              </span>
            )}
            <div className="actions">
              <button type="button" className="primary" onClick={save}>
                {t('plans.save_draft')}
              </button>
            </div>
          </div>
          <div className="split">
            <div className="source card">
              <h2>
                {t('plans.source')} — {preview.source.filename}
              </h2>
              <pre data-testid="source-text">
                {preview.source.text.split('\n').map((line, i) => (
                  <span key={i} className="src-line">
                    <span className="ln">{i + 1}</span>
                    {line}
                    {'\n'}
                  </span>
                ))}
              </pre>
            </div>
            <div className="extracted">
              <div className="card form">
                <h2>{t('plans.document')}</h2>
                <label>
                  {t('plans.doc_title')}
                  <textarea
                    rows={2}
                    value={plan.document.title}
                    onChange={(e) => setPlan({ ...plan, document: { ...plan.document, title: e.target.value } })}
                  />
                </label>
                <div className="row">
                  <label>
                    {t('plans.number')}
                    <input
                      value={plan.document.number ?? ''}
                      onChange={(e) => setPlan({ ...plan, document: { ...plan.document, number: e.target.value || null } })}
                    />
                  </label>
                  <label>
                    {t('plans.issued_on')}
                    <input
                      type="date"
                      value={plan.document.issuedOn ?? ''}
                      onChange={(e) => setPlan({ ...plan, document: { ...plan.document, issuedOn: e.target.value || null } })}
                    />
                  </label>
                  <label>
                    {t('plans.year_from')}
                    <input
                      type="number"
                      value={plan.document.yearFrom}
                      onChange={(e) => setPlan({ ...plan, document: { ...plan.document, yearFrom: Number(e.target.value) } })}
                    />
                  </label>
                  <label>
                    {t('plans.year_to')}
                    <input
                      type="number"
                      value={plan.document.yearTo}
                      onChange={(e) => setPlan({ ...plan, document: { ...plan.document, yearTo: Number(e.target.value) } })}
                    />
                  </label>
                </div>
                <p className="muted small">
                  {t('plans.legal_bases', { n: plan.legalBases.length })} · {t('plans.deadlines')}:{' '}
                  {plan.reporting.deadlines.map((d) => `${d.day}/${d.month}`).join(', ') || '—'}
                </p>
              </div>
              <h2>{t('plans.tasks')}</h2>
              <ol className="task-list">
                {plan.tasks.map((task, i) => (
                  <li
                    key={task.code}
                    className={unmatchedIn(task) ? 'has-unmatched' : ''}
                    style={{ marginLeft: `${(task.code.split('.').length - 1) * 1.2}rem` }}
                  >
                    <button type="button" className="task-head" onClick={() => setOpen(open === i ? null : i)} aria-expanded={open === i}>
                      <strong>{task.code}.</strong> {task.title}
                      <span className="muted small"> · {task.time.label || '—'}</span>
                      {unmatchedIn(task) > 0 && (
                        <span className="badge badge-warn">{t('plans.unmatched_count', { n: unmatchedIn(task) })}</span>
                      )}
                    </button>
                    {open === i && <TaskFields task={task} onChange={(x) => setTask(i, x)} />}
                  </li>
                ))}
              </ol>
              {plan.unparsed.length > 0 && (
                <div className="card">
                  <h2>{t('plans.unparsed')}</h2>
                  <ul>
                    {plan.unparsed.map((u, i) => (
                      <li key={i}>{u}</li>
                    ))}
                  </ul>
                </div>
              )}
              {plan.warnings && plan.warnings.length > 0 && (
                <div className="card">
                  <h2>{t('plans.warnings')}</h2>
                  <ul>
                    {plan.warnings.map((w, i) => (
                      <li key={i}>{t(w.code, w.details)}</li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          </div>
        </>
      )}
      {error instanceof ApiError && error.status >= 500 && <p className="muted">{t('plans.nothing_saved')}</p>}
    </section>
  );
}
