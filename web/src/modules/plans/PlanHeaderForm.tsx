import { useState, type FormEvent } from 'react';
import { patch } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';
import type { Plan } from './types';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The plan's document parts on a draft: number, date, title, years, objectives, requirements, recipients, signer. */
export function PlanHeaderForm({ plan, onSaved }: { plan: Plan & { id: string; version: number }; onSaved(): void }) {
  const { t } = useI18n();
  const d = plan.document;
  const [f, setF] = useState({
    number: d.number ?? '',
    issuedOn: d.issuedOn ?? '',
    place: d.place ?? '',
    title: d.title,
    yearFrom: d.yearFrom,
    yearTo: d.yearTo,
    signer: d.signer ?? '',
    signerTitle: d.signerTitle.join('\n'),
    objectives: plan.objectives.join('\n'),
    requirements: plan.requirements.join('\n'),
    recipients: plan.recipients.join('\n'),
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const text = (k: keyof typeof f) => ({
    value: f[k] as string,
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await patch(`/api/plans/${plan.id}`, {
        version: plan.version,
        number: f.number || null,
        issuedOn: f.issuedOn || null,
        place: f.place || null,
        title: f.title,
        yearFrom: f.yearFrom,
        yearTo: f.yearTo,
        signer: f.signer || null,
        signerTitle: lines(f.signerTitle),
        objectives: lines(f.objectives),
        requirements: lines(f.requirements),
        recipients: lines(f.recipients),
      });
      setError(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card form" onSubmit={submit}>
      <label>
        {t('plans.doc_title')}
        <textarea rows={2} {...text('title')} />
      </label>
      <div className="row">
        <label>
          {t('plans.number')}
          <input {...text('number')} />
        </label>
        <label>
          {t('plans.place')}
          <input {...text('place')} />
        </label>
        <label>
          {t('plans.issued_on')}
          <input type="date" {...text('issuedOn')} />
        </label>
        <label>
          {t('plans.year_from')}
          <input type="number" value={f.yearFrom} onChange={(e) => setF({ ...f, yearFrom: Number(e.target.value) })} />
        </label>
        <label>
          {t('plans.year_to')}
          <input type="number" value={f.yearTo} onChange={(e) => setF({ ...f, yearTo: Number(e.target.value) })} />
        </label>
      </div>
      <label>
        {t('plans.objectives')}
        <textarea rows={4} {...text('objectives')} />
      </label>
      <label>
        {t('plans.requirements')}
        <textarea rows={4} {...text('requirements')} />
      </label>
      <label>
        {t('plans.recipients')}
        <textarea rows={4} {...text('recipients')} />
      </label>
      <div className="row">
        <label>
          {t('plans.signer_title')}
          <textarea rows={3} {...text('signerTitle')} />
        </label>
        <label>
          {t('plans.signer')}
          <input {...text('signer')} />
        </label>
      </div>
      <ErrorBox error={error} />
      {saved && <div className="alert alert-ok">{t('plans.saved')}</div>}
      <div className="actions">
        <button type="submit" className="primary">
          {t('ui.save')}
        </button>
      </div>
    </form>
  );
}
