import { useState } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ActivityNav } from './ActivityNav';
import { usePlanTasks, useProvincialPlans } from './types';

interface Doc {
  id: string;
  docType: string;
  number: string;
  issuedOn: string | null;
  issuer: string;
  title: string;
  url: string | null;
  tasks: { id: string; code: string; title: string }[];
}

/** The legal and guidance documents that tasks cite; the secretariat keeps the list. */
export function LibraryPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useLoad(() => get<{ items: Doc[] }>(`/api/legal-docs?q=${encodeURIComponent(q)}`), [q]);
  const { data: plans } = useProvincialPlans();
  const { data: tasks } = usePlanTasks(plans?.[0]?.id ?? null);
  const empty = { docType: '', number: '', issuedOn: '', issuer: '', title: '', url: '', taskIds: [] as string[] };
  const [form, setForm] = useState(empty);
  const [saveError, setSaveError] = useState<unknown>(null);
  async function add(e: React.FormEvent) {
    e.preventDefault();
    setSaveError(null);
    try {
      await post('/api/legal-docs', { ...form, issuedOn: form.issuedOn || null, url: form.url || null });
      setForm(empty);
      reload();
    } catch (err) {
      setSaveError(err);
    }
  }
  const field = (key: 'docType' | 'number' | 'issuer' | 'title' | 'url', label: string) => (
    <label>
      {label}
      <input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <section>
      <h1>{t('activities.library_title')}</h1>
      <ActivityNav />
      <div className="filters">
        <input
          type="search"
          aria-label={t('activities.search')}
          placeholder={t('activities.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : !data?.items.length ? (
        <Empty>{t('activities.library_empty')}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="library">
            <thead>
              <tr>
                <th>{t('activities.doc_number')}</th>
                <th>{t('activities.doc_title')}</th>
                <th>{t('activities.tasks')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    {d.docType} {d.number}
                    <div className="muted small">{formatDate(d.issuedOn, lang)}</div>
                  </td>
                  <td>
                    {d.url ? (
                      <a href={d.url} target="_blank" rel="noreferrer noopener">
                        {d.title}
                      </a>
                    ) : (
                      d.title
                    )}
                    <div className="muted small">{d.issuer}</div>
                  </td>
                  <td>
                    {d.tasks.map((x) => (
                      <Link key={x.id} to={`/activities/tasks/${x.id}`} className="badge">
                        {x.code}
                      </Link>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {me?.role === 'secretariat' && (
        <form className="card" onSubmit={add}>
          <h2>{t('activities.add_doc')}</h2>
          <div className="row">
            {field('docType', t('activities.doc_type'))}
            {field('number', t('activities.doc_number'))}
            <label>
              {t('activities.doc_issued_on')}
              <input type="date" value={form.issuedOn} onChange={(e) => setForm({ ...form, issuedOn: e.target.value })} />
            </label>
            {field('issuer', t('activities.doc_issuer'))}
          </div>
          <div className="row">
            {field('title', t('activities.doc_title'))}
            {field('url', t('activities.links'))}
            <label>
              {t('activities.tasks')}
              <select
                multiple
                size={4}
                value={form.taskIds}
                onChange={(e) => setForm({ ...form, taskIds: [...e.target.selectedOptions].map((o) => o.value) })}
              >
                {tasks?.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.code}. {x.title.slice(0, 70)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ErrorBox error={saveError} />
          <button type="submit" className="primary">
            {t('activities.save')}
          </button>
        </form>
      )}
    </section>
  );
}
