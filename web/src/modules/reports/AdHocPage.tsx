import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { get, post } from '../../api';
import { ErrorBox, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';

interface PlanTask {
  id: string;
  code: string;
  title: string;
}

/** The secretariat asks chosen organisations about chosen tasks or questions, with its own deadline. */
export function AdHocPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [questions, setQuestions] = useState('');
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [taskIds, setTaskIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const { data: plan } = useLoad(async () => {
    const list = await get<{ items: { id: string; status: string }[] }>('/api/plans?scope=province');
    const current = list.items.find((p) => p.status !== 'draft');
    return current ? get<{ id: string; tasks: PlanTask[] }>(`/api/plans/${current.id}`) : null;
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const p = await post<{ id: string }>('/api/report-periods/ad-hoc', {
        title,
        deadline,
        planId: plan?.id ?? null,
        orgIds: orgs.map((o) => o.id),
        taskIds,
        questions: questions
          .split('\n')
          .map((q) => q.trim())
          .filter(Boolean),
      });
      navigate(`/reports/periods/${p.id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>{t('reports.ad_hoc_new')}</h1>
      <form className="card form" onSubmit={submit}>
        <label>
          {t('reports.request_title')} *
          <input required minLength={3} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('reports.deadline')} *
          <input type="date" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
        <OrgPicker
          label={t('reports.orgs_asked')}
          value={null}
          onChange={(o) => o && !orgs.some((x) => x.id === o.id) && setOrgs([...orgs, o])}
        />
        <div className="chips">
          {orgs.map((o) => (
            <span className="chip" key={o.id}>
              {o.name}
              <button type="button" className="link" onClick={() => setOrgs(orgs.filter((x) => x.id !== o.id))}>
                ×
              </button>
            </span>
          ))}
        </div>
        {plan && (
          <fieldset>
            <legend>{t('reports.tasks_asked')}</legend>
            {plan.tasks.map((x) => (
              <label className="inline" key={x.id}>
                <input
                  type="checkbox"
                  checked={taskIds.includes(x.id)}
                  onChange={(e) => setTaskIds(e.target.checked ? [...taskIds, x.id] : taskIds.filter((y) => y !== x.id))}
                />
                {x.code}. {x.title}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          {t('reports.questions')}
          <textarea rows={4} value={questions} onChange={(e) => setQuestions(e.target.value)} />
        </label>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('reports.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
