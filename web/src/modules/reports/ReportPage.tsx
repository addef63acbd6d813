import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, post } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, formatDate, formatDateTime, Loading, useLoad } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';
import { REPORT_STATUSES } from '../../../../src/modules/reports/reports.schemas';
import { EntryEditor } from './EntryEditor';
import { ReviewPanel } from './ReviewPanel';
import type { Entry, Report } from './types';
import { uploadFile } from './upload';
import { useAutosave } from './useAutosave';
import { FileSignatures } from '../signing/FileSignatures';
import './reports.css';

interface Draft {
  entries: Entry[];
  answers: string[];
  difficulties: string;
  proposals: string;
}

/** An organisation's report: one block per task, saved as you type; submit; the secretariat returns or accepts. */
export function ReportPage() {
  const { id } = useParams();
  const { data, error, reload } = useLoad(() => get<Report>(`/api/reports/${id}`), [id]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return <ReportForm key={`${data.id}:${data.version}`} report={data} reload={reload} />;
}

function ReportForm({ report, reload }: { report: Report; reload(): void }) {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>({
    entries: report.entries,
    answers: report.period.questions.map((_, i) => report.answers[i] ?? ''),
    difficulties: report.difficulties,
    proposals: report.proposals,
  });
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirmDialog, confirm] = useConfirm();
  const saver = useAutosave<Draft>(`/api/reports/${report.id}`, report.version);
  const canWrite = (me?.role === 'secretariat' || (me?.role === 'officer' && me.orgId === report.orgId)) && report.period.status === 'open';
  const editable = canWrite && (report.status === 'draft' || report.status === 'returned');
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.state === 'dirty' || saver.state === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saver.state]);

  const update = (next: Draft) => {
    setDraft(next);
    saver.change(next);
  };
  const setEntry = (i: number, e: Entry) => update({ ...draft, entries: draft.entries.map((x, j) => (j === i ? e : x)) });

  async function submit() {
    setActionError(null);
    const empty = draft.entries.filter(isEmptyEntry).length;
    const ok = await confirm({
      title: t('reports.confirm_submit_title'),
      warning: empty ? t('reports.confirm_submit_empty', { empty, total: draft.entries.length }) : null,
      points: [t('reports.confirm_submit_point')],
      confirmLabel: report.submissions > 0 ? t('reports.resubmit') : t('reports.submit'),
    });
    if (!ok) return;
    if (!(await saver.flush())) return;
    try {
      await post(`/api/reports/${report.id}/submit`, { version: saver.version.current });
      reload();
    } catch (e) {
      setActionError(e);
    }
  }
  async function attach(file: File, taskId: string | null) {
    setActionError(null);
    try {
      await uploadFile(
        `/api/reports/${report.id}/files?filename=${encodeURIComponent(file.name)}${taskId ? `&taskId=${taskId}` : ''}`,
        file,
        lang,
      );
      reload();
    } catch (e) {
      setActionError(e);
    }
  }

  const status = REPORT_STATUSES[report.status][lang];
  return (
    <section>
      <p>
        <Link to={`/reports/periods/${report.periodId}`}>← {report.period.title}</Link>
      </p>
      <div className="page-head">
        <h1>{report.orgName}</h1>
        <span className={`rp-status rp-status-${report.status}`} data-testid="report-status">
          {status}
        </span>
      </div>
      <p className="muted">
        {report.period.title} · {t('reports.deadline')}: {formatDate(report.period.deadline, lang)}
      </p>
      {report.status === 'returned' && report.reviewComment && (
        <div className="alert alert-error" data-testid="review-comment">
          <strong>{t('reports.review_comment')}: </strong>
          {report.reviewComment}
        </div>
      )}
      {editable && (
        <div className="rp-savebar" data-testid="save-state">
          <span className="muted small">
            {saver.state === 'saving'
              ? t('reports.saving')
              : saver.state === 'dirty'
                ? t('reports.unsaved')
                : saver.savedAt
                  ? t('reports.saved_at', { time: formatDateTime(saver.savedAt, lang) })
                  : ''}
          </span>
          <button type="button" className="primary" onClick={submit} disabled={saver.state === 'conflict'}>
            {report.submissions > 0 ? t('reports.resubmit') : t('reports.submit')}
          </button>
        </div>
      )}
      {saver.state === 'conflict' && (
        <div className="alert alert-error" role="alert" data-testid="conflict">
          <strong>{t('reports.conflict_title')}. </strong>
          {saver.error instanceof Error ? saver.error.message : ''}{' '}
          <button type="button" onClick={reload}>
            {t('reports.reload')}
          </button>
        </div>
      )}
      {saver.state === 'error' && <ErrorBox error={saver.error} />}
      {!editable && <p className="muted">{t('reports.read_only')}</p>}
      <ErrorBox error={actionError} />
      {confirmDialog}
      {me?.role === 'secretariat' && report.status === 'submitted' && report.period.status === 'open' && (
        <ReviewPanel reportId={report.id} onDone={reload} />
      )}

      {report.period.questions.length > 0 && (
        <div className="card">
          <h2>{t('reports.answers')}</h2>
          {report.period.questions.map((q, i) => (
            <label key={i}>
              {q}
              <textarea
                rows={3}
                disabled={!editable}
                value={draft.answers[i] ?? ''}
                onChange={(e) => update({ ...draft, answers: draft.answers.map((a, j) => (j === i ? e.target.value : a)) })}
              />
            </label>
          ))}
        </div>
      )}
      {draft.entries.map((e, i) => {
        const task = report.tasks.find((x) => x.taskId === e.taskId);
        return (
          <EntryEditor
            key={e.taskId}
            entry={e}
            task={task}
            indicators={report.indicators}
            disabled={!editable}
            onChange={(x) => setEntry(i, x)}
            periodId={report.periodId}
            files={report.files.filter((f) => f.taskId === e.taskId)}
            onAttach={editable ? (f) => attach(f, e.taskId) : undefined}
          />
        );
      })}
      <div className="card form">
        <h2>{t('reports.general')}</h2>
        <label>
          {t('reports.difficulties')}
          <textarea
            rows={3}
            disabled={!editable}
            value={draft.difficulties}
            onChange={(e) => update({ ...draft, difficulties: e.target.value })}
          />
        </label>
        <label>
          {t('reports.proposals')}
          <textarea
            rows={3}
            disabled={!editable}
            value={draft.proposals}
            onChange={(e) => update({ ...draft, proposals: e.target.value })}
          />
        </label>
        <h2>{t('reports.files')}</h2>
        <ul>
          {report.files
            .filter((f) => !f.taskId)
            .map((f) => (
              <li key={f.id}>
                <a href={`/api/report-files/${f.id}`}>{f.filename}</a> <span className="muted small">({Math.ceil(f.size / 1024)} KB)</span>
                <FileSignatures fileId={f.id} filename={f.filename} />
              </li>
            ))}
        </ul>
        {editable && (
          <label>
            {t('reports.attach')}
            <input
              type="file"
              accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
              data-testid="attach-general"
              onChange={(e) => e.target.files?.[0] && attach(e.target.files[0], null)}
            />
          </label>
        )}
      </div>
      <div className="card">
        <h2>{t('reports.history')}</h2>
        <ul data-testid="history">
          {report.events.map((ev, i) => (
            <li key={i}>
              {formatDateTime(ev.at, lang)} · {ev.actorName} · {t(`reports.event_${ev.action}`)}
              {ev.comment ? `: ${ev.comment}` : ''}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** A task with no account, no difficulty or proposal and no figure typed. */
function isEmptyEntry(e: Entry): boolean {
  const typed = [e.done, e.difficulties, e.proposals].some((x) => x.trim());
  const figures = Object.values(e.figures ?? {}).some((f) => f && f.value !== null && f.value !== undefined);
  return !typed && !figures;
}
