import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { get, post, qs } from '../../api';
import { ErrorBox, formatDate } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';
import type { Plan, PlanSummary } from './types';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Lập kế hoạch năm sau" on an issued plan: asks for the new year and the date to read the
 * directory as of, confirms what will happen, shows progress while the draft is made, then
 * opens the new draft on its review list.
 */
export function CarryForwardAction({ plan }: { plan: Plan & { id: string } }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [confirmDialog, confirm] = useConfirm();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<{ year: number; asOf: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async (year: number, asOf: string) => {
    setOpen(false);
    const date = formatDate(asOf, lang);
    // Plans of that year already there (an earlier carry-forward, an imported plan) are named before anything is made.
    const scope = plan.parentPlanId ? 'sub' : 'province';
    const existing = await get<{ items: PlanSummary[] }>(`/api/plans${qs({ year, scope })}`)
      .then((r) => r.items.filter((p) => p.orgName === plan.orgName))
      .catch(() => []);
    const ok = await confirm({
      warning: existing.length
        ? t('carry.ui.existing', { n: existing.length, year, titles: existing.map((p) => p.title).join('; ') })
        : null,
      title: t('carry.ui.confirm_title', { year }),
      points: [
        t('carry.ui.confirm_tasks', { n: plan.tasks.length, year }),
        t('carry.ui.confirm_orgs', { date }),
        t('carry.ui.confirm_review'),
        t('carry.ui.confirm_source'),
      ],
      confirmLabel: t('carry.ui.confirm'),
    });
    if (!ok) return;
    setError(null);
    setBusy({ year, asOf });
    try {
      const r = await post<{ id: string }>(`/api/plans/${plan.id}/carry-forward`, { year, asOf });
      navigate(`/plans/${r.id}?tab=carry`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={Boolean(busy)}>
        {t('carry.ui.action')}
      </button>
      {open && <CarryForwardForm yearTo={plan.document.yearTo} onCancel={() => setOpen(false)} onSubmit={start} />}
      {confirmDialog}
      {busy && (
        <div className="carry-progress" role="status" data-testid="carry-progress">
          <progress aria-label={t('carry.ui.action')} />
          <span>{t('carry.ui.progress', { year: busy.year, n: plan.tasks.length, date: formatDate(busy.asOf, lang) })}</span>
        </div>
      )}
      <ErrorBox error={error} />
    </>
  );
}

function CarryForwardForm({
  yearTo,
  onCancel,
  onSubmit,
}: {
  yearTo: number;
  onCancel(): void;
  onSubmit(year: number, asOf: string): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [year, setYear] = useState(String(yearTo + 1));
  const [asOf, setAsOf] = useState(today());
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const y = Number(year);
    if (!Number.isInteger(y) || y <= yearTo) return setProblem(t('carry.ui.year_invalid', { yearTo }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return setProblem(t('carry.ui.as_of_missing'));
    onSubmit(y, asOf);
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="carry-form-title"
      data-testid="carry-form"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="carry-form-title">{t('carry.ui.form_title')}</h2>
        <p className="muted">{t('carry.ui.form_help')}</p>
        <label>
          {t('carry.ui.year')}
          <input type="number" value={year} min={yearTo + 1} onChange={(e) => setYear(e.target.value)} autoFocus />
        </label>
        <label>
          {t('carry.ui.as_of')}
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} aria-describedby="carry-as-of-help" />
          <span id="carry-as-of-help" className="small muted">
            {t('carry.ui.as_of_help')}
          </span>
        </label>
        {problem && (
          <p className="alert alert-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('ui.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('carry.ui.continue')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
