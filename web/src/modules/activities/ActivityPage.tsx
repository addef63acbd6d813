import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { del, get, upload } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../src/modules/activities/activity-kinds';
import { BUDGET_SOURCES, type BudgetSource } from '../../../../src/modules/plans/import/parse/budget';
import { canWrite, money, type Activity } from './types';

/** One activity: its fields, tasks, money spent, links and attachments; change or delete it when allowed. */
export function ActivityPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { data: a, error, reload } = useLoad(() => get<Activity>(`/api/activities/${id}`), [id]);
  const [actionError, setActionError] = useState<unknown>(null);
  const file = useRef<HTMLInputElement>(null);
  if (error) return <ErrorBox error={error} />;
  if (!a) return <Loading />;
  const kind = ACTIVITY_KINDS[a.kind as ActivityKind];
  const writable = canWrite(me, a.orgId);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      setActionError(null);
      await fn();
    } catch (err) {
      setActionError(err);
    }
  };
  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{a.title}</h1>
          <p className="muted">
            {kind.label[lang]} · {a.orgName} · {formatDate(a.startsOn, lang)}
            {a.endsOn && a.endsOn !== a.startsOn ? ` – ${formatDate(a.endsOn, lang)}` : ''}
            {a.place ? ` · ${a.place}` : ''}
          </p>
        </div>
        {writable && (
          <div className="actions">
            <Link className="button" to={`/activities/${a.id}/edit`}>
              {t('activities.edit')}
            </Link>
            <button
              type="button"
              onClick={() =>
                act(async () => {
                  if (!window.confirm(t('activities.confirm_delete'))) return;
                  await del(`/api/activities/${a.id}`);
                  navigate('/activities');
                })
              }
            >
              {t('activities.delete')}
            </button>
          </div>
        )}
      </div>
      <ErrorBox error={actionError} />
      <div className="card">
        <dl className="details" data-testid="activity-details">
          {kind.fields
            .filter((f) => a.details[f.key] !== undefined)
            .map((f) => (
              <div key={f.key}>
                <dt>{f.label[lang]}</dt>
                <dd>
                  {'options' in f && f.options
                    ? (f.options as Record<string, { vi: string; en: string }>)[String(a.details[f.key])]?.[lang]
                    : String(a.details[f.key])}
                </dd>
              </div>
            ))}
          <div>
            <dt>{t('activities.tasks')}</dt>
            <dd>
              {a.tasks.map((x) => (
                <div key={x.id}>
                  <Link to={`/activities/tasks/${x.id}`}>
                    {x.code}. {x.title}
                  </Link>
                </div>
              ))}
            </dd>
          </div>
          {a.spending.length > 0 && (
            <div>
              <dt>{t('activities.spending')}</dt>
              <dd>
                {a.spending.map((s, i) => (
                  <div key={i}>
                    {BUDGET_SOURCES[s.source as BudgetSource]?.[lang] ?? s.source}: {money(s.amount, lang)} đ
                  </div>
                ))}
              </dd>
            </div>
          )}
          {a.links.length > 0 && (
            <div>
              <dt>{t('activities.links')}</dt>
              <dd>
                {a.links.map((l) => (
                  <div key={l.url}>
                    <a href={l.url} target="_blank" rel="noreferrer noopener">
                      {l.label || l.url}
                    </a>
                  </div>
                ))}
              </dd>
            </div>
          )}
        </dl>
        {a.description && <p>{a.description}</p>}
      </div>
      <div className="card">
        <h2>{t('activities.files')}</h2>
        <ul>
          {a.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/activities/${a.id}/files/${f.id}`}>{f.filename}</a>{' '}
              <span className="muted small">({Math.ceil(f.size / 1024)} KB)</span>
              {writable && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    act(async () => {
                      await del(`/api/activities/${a.id}/files/${f.id}`);
                      reload();
                    })
                  }
                >
                  {t('ui.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {writable && (
          <label>
            {t('activities.attach')}
            <input
              ref={file}
              type="file"
              accept=".pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.mp4"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f)
                  act(async () => {
                    await upload(`/api/activities/${a.id}/files?filename=${encodeURIComponent(f.name)}`, f);
                    if (file.current) file.current.value = '';
                    reload();
                  });
              }}
            />
          </label>
        )}
      </div>
    </section>
  );
}
