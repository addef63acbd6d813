import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, post, put } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, formatDate, formatDateTime, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import { CASE_FLOW } from './CasesPage';
import { isMonitor, PressTabs } from './parts';
import type { CaseDetail } from './types';
import { uploadRaw } from './upload';

/** One case: the workflow steps, the argument document, assignment, comments, attachments, history. */
export function CasePage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { data: c, error, reload } = useLoad(() => get<CaseDetail>(`/api/press/cases/${id}`), [id]);
  const [note, setNote] = useState('');
  const [argument, setArgument] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [org, setOrg] = useState<Org | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  if (error) return <ErrorBox error={error} />;
  if (!c) return <Loading />;
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      setActionError(null);
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const step = (action: string) =>
    run(async () => {
      await post(`/api/press/cases/${c.id}/transition`, {
        action,
        note,
        version: c.version,
        ...(action === 'draft' ? { argument: argument ?? c.argument } : {}),
      });
      setNote('');
    });
  const reached = CASE_FLOW.indexOf(c.status);
  const canDraft = c.actions.includes('draft' as never);
  return (
    <section>
      <PressTabs me={me} />
      <div className="page-head">
        <h1>{c.title}</h1>
      </div>
      <ol className="steps" aria-label={t('press.ui.status')}>
        {CASE_FLOW.map((s, i) => (
          <li key={s} className={i < reached ? 'done' : i === reached ? 'current' : ''} aria-current={i === reached ? 'step' : undefined}>
            {t(`press.case.${s}`)}
          </li>
        ))}
      </ol>
      <ErrorBox error={actionError} />
      <div className="press-grid">
        <div className="card">
          <dl className="props">
            <dt>{t('press.ui.assigned_org')}</dt>
            <dd>{c.orgName ?? '—'}</dd>
            <dt>{t('press.ui.deadline')}</dt>
            <dd>{formatDate(c.deadline, lang) || '—'}</dd>
            <dt>{t('press.ui.subject')}</dt>
            <dd>
              {c.articleId && <Link to={`/press/articles/${c.articleId}`}>{t('press.ui.article')}</Link>}
              {c.storyId && (
                <>
                  {' '}
                  · <Link to={`/press/articles?storyId=${c.storyId}`}>{t('press.ui.story')}</Link>
                </>
              )}
            </dd>
          </dl>
          {isMonitor(me) && c.status !== 'closed' && (
            <div className="form">
              <OrgPicker label={t('press.ui.assigned_org')} value={org} onChange={setOrg} />
              <label>
                {t('press.ui.deadline')}
                <input type="date" value={deadline ?? c.deadline ?? ''} onChange={(e) => setDeadline(e.target.value)} />
              </label>
              <button
                type="button"
                onClick={() =>
                  run(() =>
                    put(`/api/press/cases/${c.id}`, { orgId: org?.id ?? c.orgId, deadline: deadline ?? c.deadline, version: c.version }),
                  )
                }
              >
                {t('press.ui.assign')}
              </button>
            </div>
          )}
        </div>
        <div className="card">
          <h2>{t('press.ui.argument')}</h2>
          {canDraft ? (
            <textarea
              aria-label={t('press.ui.argument')}
              rows={10}
              style={{ width: '100%' }}
              value={argument ?? c.argument}
              onChange={(e) => setArgument(e.target.value)}
            />
          ) : c.argument ? (
            <div className="article-body">
              {c.argument.split('\n').map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          ) : (
            <p className="muted">{t('press.ui.no_argument')}</p>
          )}
          {c.actions.length > 0 && (
            <div className="form">
              <label>
                {t('press.ui.note')}
                <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <div className="actions" data-testid="case-actions">
                {c.actions.map((a) => (
                  <button key={a} type="button" className={a === 'return' ? '' : 'primary'} onClick={() => step(a)}>
                    {t(`press.action.${a}`)}
                  </button>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
      <div className="press-grid">
        <div className="card">
          <h2>{t('press.ui.comments')}</h2>
          {c.comments.length === 0 && <p className="muted">{t('press.ui.no_comments')}</p>}
          <ul className="press-list">
            {c.comments.map((m) => (
              <li key={m.id}>
                <strong>{m.authorName}</strong> <span className="small muted">{formatDateTime(m.createdAt, lang)}</span>
                <div>{m.body}</div>
              </li>
            ))}
          </ul>
          {c.actions.length > 0 || isMonitor(me) || me?.role === 'officer' ? (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await post(`/api/press/cases/${c.id}/comments`, { body: comment });
                  setComment('');
                });
              }}
            >
              <textarea
                aria-label={t('press.ui.add_comment')}
                rows={2}
                required
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <button type="submit">{t('press.ui.add_comment')}</button>
            </form>
          ) : null}
        </div>
        <div className="card">
          <h2>{t('press.ui.attachments')}</h2>
          <ul>
            {c.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/press/cases/${c.id}/attachments/${a.id}`}>{a.filename}</a>{' '}
                <span className="small muted">({Math.ceil(a.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
          {(isMonitor(me) || me?.role === 'officer') && (
            <label className="dropzone">
              {t('press.ui.attach_hint')}
              <input
                type="file"
                accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg,.txt"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void run(() => uploadRaw(`/api/press/cases/${c.id}/attachments?filename=${encodeURIComponent(f.name)}`, f));
                }}
              />
            </label>
          )}
        </div>
      </div>
      <div className="card">
        <h2>{t('press.ui.history')}</h2>
        <table data-testid="case-history">
          <tbody>
            {c.events.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                <td>{t(`press.action.${e.action}`)}</td>
                <td>{t(`press.case.${e.toStatus}`)}</td>
                <td>{e.actorName}</td>
                <td className="small">{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
