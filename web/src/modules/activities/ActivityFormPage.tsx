import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { get, post, put } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loading } from '../../components/common';
import { useI18n } from '../../i18n';
import { ACTIVITY_KINDS, ACTIVITY_KIND_VALUES, type ActivityKind } from '../../../../src/modules/activities/activity-kinds';
import { BUDGET_SOURCES } from '../../../../src/modules/plans/import/parse/budget';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import { KindFields } from './KindFields';
import { canWrite, type Activity, usePlanTasks, useProvincialPlans } from './types';

interface Form {
  kind: ActivityKind;
  title: string;
  org: { id: string; name: string } | null;
  taskIds: string[];
  startsOn: string;
  endsOn: string;
  place: string;
  description: string;
  links: string;
  details: Record<string, unknown>;
  spending: { source: string; amount: string }[];
}
const blank = (kind: ActivityKind): Form => ({
  kind,
  title: '',
  org: null,
  taskIds: [],
  startsOn: '',
  endsOn: '',
  place: '',
  description: '',
  links: '',
  details: {},
  spending: [],
});

/** Record or change an activity: shared fields, the kind's own fields, tasks, money spent by source, links. */
export function ActivityFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form | null>(id ? null : blank((params.get('kind') as ActivityKind) ?? 'event'));
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const { data: plans } = useProvincialPlans();
  const [planId, setPlanId] = useState<string | null>(null);
  const { data: tasks } = usePlanTasks(planId ?? plans?.[0]?.id ?? null);

  useEffect(() => {
    if (id) {
      get<Activity>(`/api/activities/${id}`)
        .then((a) => {
          setVersion(a.version);
          if (a.tasks[0]) setPlanId(a.tasks[0].planId);
          setForm({
            kind: a.kind as ActivityKind,
            title: a.title,
            org: { id: a.orgId, name: a.orgName },
            taskIds: a.tasks.map((x) => x.id),
            startsOn: a.startsOn,
            endsOn: a.endsOn ?? '',
            place: a.place ?? '',
            description: a.description,
            links: a.links.map((l) => l.url).join('\n'),
            details: a.details,
            spending: a.spending.map((s) => ({ source: s.source, amount: String(s.amount) })),
          });
        })
        .catch(setError);
    } else if (me?.role === 'officer' && me.orgId) {
      get<{ id: string; name: string }>(`/api/orgs/${me.orgId}`).then((o) =>
        setForm((f) => (f && !f.org ? { ...f, org: { id: o.id, name: o.name } } : f)),
      );
    }
  }, [id, me]);

  if (!form) return error ? <ErrorBox error={error} /> : <Loading />;
  if (!(id ? canWrite(me, form.org?.id) : canWrite(me))) {
    return (
      <div className="alert alert-error" role="alert">
        {t('activity.forbidden')}
      </div>
    );
  }
  const set = (changes: Partial<Form>) => setForm({ ...form, ...changes });
  const kind = ACTIVITY_KINDS[form.kind];

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!form) return;
    setSaving(true);
    setError(null);
    const body = {
      kind: form.kind,
      title: form.title,
      orgId: form.org?.id ?? '',
      taskIds: form.taskIds,
      startsOn: form.startsOn,
      endsOn: form.endsOn || null,
      place: form.place || null,
      description: form.description,
      links: form.links
        .split(/\s+/)
        .filter(Boolean)
        .map((url) => ({ url, label: '' })),
      details: Object.fromEntries(Object.entries(form.details).filter(([, v]) => v !== undefined && v !== '')),
      spending: form.spending.filter((s) => s.amount !== '').map((s) => ({ source: s.source, amount: Number(s.amount) })),
    };
    try {
      const saved = id ? await put<Activity>(`/api/activities/${id}`, { ...body, version }) : await post<Activity>('/api/activities', body);
      navigate(`/activities/${saved.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section>
      <h1>{id ? t('activities.edit') : t('activities.new')}</h1>
      <form className="card" onSubmit={save}>
        <div className="row">
          <label>
            {t('activities.kind')}
            <select
              name="kind"
              value={form.kind}
              disabled={Boolean(id)}
              onChange={(e) => set({ kind: e.target.value as ActivityKind, details: {} })}
            >
              {ACTIVITY_KIND_VALUES.map((k) => (
                <option key={k} value={k}>
                  {ACTIVITY_KINDS[k].label[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('activities.name')} *
            <input name="title" value={form.title} onChange={(e) => set({ title: e.target.value })} required />
          </label>
        </div>
        <div className="row">
          {me?.role === 'officer' ? (
            <label>
              {t('activities.org')}
              <input value={form.org?.name ?? ''} readOnly data-testid="own-org" />
            </label>
          ) : (
            <OrgPicker
              label={`${t('activities.org')} *`}
              value={form.org as Org | null}
              onChange={(o) => set({ org: o ? { id: o.id, name: o.name } : null })}
            />
          )}
          <label>
            {t('activities.plan')}
            <select value={planId ?? plans?.[0]?.id ?? ''} onChange={(e) => setPlanId(e.target.value)}>
              {plans?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('activities.tasks')} *
            <select
              name="taskIds"
              multiple
              size={6}
              value={form.taskIds}
              onChange={(e) => set({ taskIds: [...e.target.selectedOptions].map((o) => o.value) })}
            >
              {tasks?.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.code}. {x.title.slice(0, 90)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            {t('activities.from')} *
            <input type="date" name="startsOn" value={form.startsOn} onChange={(e) => set({ startsOn: e.target.value })} required />
          </label>
          <label>
            {t('activities.to')}
            <input type="date" name="endsOn" value={form.endsOn} onChange={(e) => set({ endsOn: e.target.value })} />
          </label>
          <label>
            {t('activities.place')}
            <input name="place" value={form.place} onChange={(e) => set({ place: e.target.value })} />
          </label>
        </div>
        <fieldset>
          <legend>{kind.label[lang]}</legend>
          <KindFields fields={kind.fields} value={form.details} onChange={(details) => set({ details })} />
        </fieldset>
        <label>
          {t('activities.description')}
          <textarea name="description" rows={3} value={form.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
        <label>
          {t('activities.links')}
          <textarea name="links" rows={2} value={form.links} onChange={(e) => set({ links: e.target.value })} />
        </label>
        <fieldset>
          <legend>{t('activities.spending')}</legend>
          {form.spending.map((s, i) => (
            <div className="row" key={i}>
              <label>
                {t('activities.source')}
                <select
                  value={s.source}
                  onChange={(e) => set({ spending: form.spending.map((x, j) => (j === i ? { ...x, source: e.target.value } : x)) })}
                >
                  {Object.entries(BUDGET_SOURCES).map(([k, o]) => (
                    <option key={k} value={k}>
                      {o[lang]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('activities.amount')}
                <input
                  type="number"
                  min={0}
                  value={s.amount}
                  onChange={(e) => set({ spending: form.spending.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)) })}
                />
              </label>
              <button type="button" className="link" onClick={() => set({ spending: form.spending.filter((_, j) => j !== i) })}>
                {t('ui.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ spending: [...form.spending, { source: 'state_budget', amount: '' }] })}>
            {t('activities.add_spending')}
          </button>
        </fieldset>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {t('activities.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
