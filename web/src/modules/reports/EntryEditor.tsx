import { useState } from 'react';
import { get } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';
import { REPORT_STATUSES, TASK_PROGRESS, TASK_PROGRESS_VALUES } from '../../../../src/modules/reports/reports.schemas';
import { FileSignatures } from '../signing/FileSignatures';
import type { Entry, ExpectedTask, Figure, Indicator, Report } from './types';

interface Contribution {
  orgId: string;
  orgName: string;
  roles: string[];
  status: string | null;
  entry: Entry | null;
}

/** One task of a report: status, what was done, figures from the catalogue (pre-filled ones correctable with a reason), difficulties, proposals, files. */
export function EntryEditor(props: {
  entry: Entry;
  task: ExpectedTask | undefined;
  indicators: Indicator[];
  disabled: boolean;
  periodId: string;
  files: Report['files'];
  onChange(e: Entry): void;
  onAttach?: (f: File) => void;
}) {
  const { entry, task, indicators, disabled, onChange } = props;
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [contrib, setContrib] = useState<Contribution[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<Entry>) => onChange({ ...entry, ...patch });
  const setFigure = (code: string, raw: string, reason?: string) => {
    const figures = { ...entry.figures };
    const old = figures[code];
    if (raw === '' && !old?.prefilled) delete figures[code];
    else
      figures[code] = {
        value: raw === '' ? 0 : Number(raw),
        prefilled: old?.prefilled ?? null,
        reason: reason ?? old?.reason ?? null,
      } as Figure;
    set({ figures });
  };
  const isLead = task?.roles.includes('lead');
  const showContrib = isLead || me?.role !== 'officer';
  const roleLabel = (r: string) => t(`reports.role_${r}`);
  const testId = `entry-${task?.code ?? entry.taskId}`;

  return (
    <div className="card form rp-entry" data-testid={testId}>
      <h2>
        {task?.code}. {task?.title}
      </h2>
      <p className="muted small">
        {t('reports.roles')}: {task?.roles.map(roleLabel).join(', ')}
      </p>
      <div className="row">
        <label>
          {t('reports.task_status')}
          <select
            disabled={disabled}
            value={entry.status}
            onChange={(e) => set({ status: e.target.value as Entry['status'] })}
            name="status"
          >
            {TASK_PROGRESS_VALUES.map((s) => (
              <option key={s} value={s}>
                {TASK_PROGRESS[s][lang]}
              </option>
            ))}
          </select>
        </label>
        {entry.status === 'done' && (
          <label>
            {t('reports.completed_on')}
            <input
              type="date"
              disabled={disabled}
              value={entry.completedOn ?? ''}
              onChange={(e) => set({ completedOn: e.target.value || null })}
            />
          </label>
        )}
      </div>
      <label>
        {t('reports.done')}
        <textarea rows={4} disabled={disabled} value={entry.done} onChange={(e) => set({ done: e.target.value })} name="done" />
      </label>
      <details open={Object.keys(entry.figures).length > 0 || undefined}>
        <summary>
          {t('reports.figures')} ({Object.keys(entry.figures).length})
        </summary>
        <div className="rp-figures">
          {indicators.map((i) => {
            const f = entry.figures[i.code];
            const changed = f?.prefilled != null && f.value !== f.prefilled;
            return (
              <div key={i.code}>
                <label>
                  {lang === 'en' ? i.labelEn : i.labelVi} ({i.unit})
                  <input
                    type="number"
                    min={0}
                    step="any"
                    disabled={disabled}
                    value={f ? String(f.value) : ''}
                    onChange={(e) => setFigure(i.code, e.target.value)}
                    data-code={i.code}
                  />
                </label>
                {f?.prefilled != null && <span className="muted small">{t('reports.prefilled', { value: f.prefilled })}</span>}
                {changed && (
                  <input
                    placeholder={t('reports.reason')}
                    aria-label={t('reports.reason')}
                    disabled={disabled}
                    value={f.reason ?? ''}
                    onChange={(e) => setFigure(i.code, String(f.value), e.target.value)}
                  />
                )}
              </div>
            );
          })}
        </div>
      </details>
      <div className="row">
        <label>
          {t('reports.difficulties')}
          <textarea rows={2} disabled={disabled} value={entry.difficulties} onChange={(e) => set({ difficulties: e.target.value })} />
        </label>
        <label>
          {t('reports.proposals')}
          <textarea rows={2} disabled={disabled} value={entry.proposals} onChange={(e) => set({ proposals: e.target.value })} />
        </label>
      </div>
      {(props.files.length > 0 || props.onAttach) && (
        <div>
          <strong>{t('reports.files')}</strong>
          <ul>
            {props.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/report-files/${f.id}`}>{f.filename}</a> <span className="muted small">({Math.ceil(f.size / 1024)} KB)</span>
                <FileSignatures fileId={f.id} filename={f.filename} />
              </li>
            ))}
          </ul>
          {props.onAttach && (
            <input
              type="file"
              aria-label={t('reports.attach')}
              accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
              onChange={(e) => e.target.files?.[0] && props.onAttach!(e.target.files[0])}
            />
          )}
        </div>
      )}
      {showContrib && (
        <div>
          <button
            type="button"
            className="link"
            onClick={async () => {
              try {
                setContrib(
                  contrib
                    ? null
                    : (await get<{ items: Contribution[] }>(`/api/report-periods/${props.periodId}/tasks/${entry.taskId}/contributions`))
                        .items,
                );
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t('reports.show_contributions')}
          </button>
          <ErrorBox error={error} />
          {contrib && (
            <table className="small" data-testid={`contrib-${task?.code}`}>
              <tbody>
                {contrib.map((c) => (
                  <tr key={c.orgId}>
                    <td>{c.orgName}</td>
                    <td>{c.status ? REPORT_STATUSES[c.status as keyof typeof REPORT_STATUSES][lang] : t('reports.no_contribution')}</td>
                    <td>{c.entry ? `${TASK_PROGRESS[c.entry.status][lang]} — ${c.entry.done}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
