import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';

/** A new, empty provincial plan typed by hand. */
export function NewPlanForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const year = new Date().getFullYear() + 1;
  const [title, setTitle] = useState(`Công tác thông tin đối ngoại năm ${year}`);
  const [yearFrom, setFrom] = useState(year);
  const [yearTo, setTo] = useState(year);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const { id } = await post<{ id: string }>('/api/plans', { document: { title, yearFrom, yearTo }, tasks: [] });
      navigate(`/plans/${id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('plans.new_plan')}</h2>
      <div className="row">
        <label>
          {t('plans.doc_title')}
          <input required value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('plans.year_from')}
          <input type="number" value={yearFrom} onChange={(e) => setFrom(Number(e.target.value))} />
        </label>
        <label>
          {t('plans.year_to')}
          <input type="number" value={yearTo} onChange={(e) => setTo(Number(e.target.value))} />
        </label>
      </div>
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('plans.create')}
        </button>
      </div>
    </form>
  );
}
