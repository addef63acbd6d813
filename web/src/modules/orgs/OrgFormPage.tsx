import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { get, post, put } from '../../api';
import { ErrorBox, Loading } from '../../components/common';
import { useI18n } from '../../i18n';
import { ORG_KINDS, ORG_KIND_VALUES, type OrgKind } from '../../../../src/modules/orgs/org-kinds';
import { OrgPicker } from './OrgPicker';
import type { Org, OrgDetail } from './types';

/** Create or edit an organisation; an edit carries its version so that a concurrent change is detected. */
export function OrgFormPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [org, setOrg] = useState<OrgDetail | null>(null);
  const [form, setForm] = useState({
    name: '',
    shortName: '',
    kind: 'department' as OrgKind,
    validFrom: '',
    validTo: '',
    email: '',
    phone: '',
    note: '',
    aliases: '',
  });
  const [parent, setParent] = useState<Org | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!id) return;
    get<OrgDetail>(`/api/orgs/${id}`).then(async (o) => {
      setOrg(o);
      setForm({
        name: o.name,
        shortName: o.shortName,
        kind: o.kind,
        validFrom: o.validFrom ?? '',
        validTo: o.validTo ?? '',
        email: o.email ?? '',
        phone: o.phone ?? '',
        note: o.note ?? '',
        aliases: o.aliases.join('\n'),
      });
      if (o.parentId) setParent(await get<Org>(`/api/orgs/${o.parentId}`));
    }, setError);
  }, [id]);
  if (id && !org && !error) return <Loading />;
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      name: form.name,
      shortName: form.shortName || undefined,
      kind: form.kind,
      parentId: parent?.id ?? null,
      validFrom: form.validFrom || null,
      validTo: form.validTo || null,
      email: form.email || null,
      phone: form.phone || null,
      note: form.note || null,
      aliases: form.aliases
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
    };
    try {
      const saved = id ? await put<Org>(`/api/orgs/${id}`, { ...body, version: org!.version }) : await post<Org>('/api/orgs', body);
      navigate(`/orgs/${saved.id}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>{id ? t('orgs.edit_title', { name: org?.name }) : t('orgs.new')}</h1>
      <form className="card form" onSubmit={submit}>
        <label>
          {t('orgs.name')} *
          <input required minLength={2} {...field('name')} />
        </label>
        <label>
          {t('orgs.short_name')}
          <input {...field('shortName')} />
        </label>
        <label>
          {t('orgs.kind')} *
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as OrgKind })}>
            {ORG_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {ORG_KINDS[k][lang]}
              </option>
            ))}
          </select>
        </label>
        <OrgPicker label={t('orgs.parent')} value={parent} onChange={setParent} exclude={id ? [id] : []} />
        <div className="row">
          <label>
            {t('orgs.valid_from')}
            <input type="date" {...field('validFrom')} />
          </label>
          <label>
            {t('orgs.valid_to')}
            <input type="date" {...field('validTo')} />
          </label>
        </div>
        <div className="row">
          <label>
            Email
            <input type="email" {...field('email')} />
          </label>
          <label>
            {t('orgs.phone')}
            <input {...field('phone')} />
          </label>
        </div>
        <label>
          {t('orgs.aliases_one_per_line')}
          <textarea rows={3} {...field('aliases')} />
        </label>
        <label>
          {t('orgs.note')}
          <textarea rows={2} {...field('note')} />
        </label>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" onClick={() => navigate(-1)}>
            {t('ui.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('ui.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
