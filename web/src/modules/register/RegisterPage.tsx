import { useState, type FormEvent } from 'react';
import { get, post, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { KIND_CODES } from '../../../../src/modules/register/kinds';
import { SignatureCheckCard } from '../signing/SignatureCheckCard';

interface Entry {
  id: string;
  orgId: string;
  orgName: string;
  number: string;
  kindCode: string;
  kindLabel: string;
  issuedOn: string;
  summary: string;
  signer: string | null;
  recipients: string[];
}

const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 4));

/** The register of outgoing documents (sổ đăng ký văn bản đi): search, the sheet, a number for a document drafted outside, signature check. */
export function RegisterPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [filters, setFilters] = useState({ year: String(thisYear()), kindCode: '', q: '' });
  const [reload, setReload] = useState(0);
  const { data, error } = useLoad(() => get<{ items: Entry[] }>(`/api/register${qs(filters)}`), [filters, reload]);
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value });
  const canNumber = !!me?.orgId && ['admin', 'secretariat', 'officer'].includes(me.role);
  return (
    <section>
      <h1>{t('register.ui.title')}</h1>
      <p className="muted">{t('register.ui.intro')}</p>
      <div className="filters">
        <label className="inline">
          {t('register.ui.year')}
          <input type="number" min={1990} max={2100} value={filters.year} onChange={set('year')} style={{ width: '6em' }} />
        </label>
        <select aria-label={t('register.col.kind')} value={filters.kindCode} onChange={set('kindCode')}>
          <option value="">{t('register.ui.all_kinds')}</option>
          {KIND_CODES.map((k) => (
            <option key={k} value={k}>
              {t(`register.kind.${k}`)}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder={t('register.ui.search')}
          aria-label={t('register.ui.search')}
          value={filters.q}
          onChange={set('q')}
        />
        <a className="button" href={`/api/register/export.xlsx${qs(filters)}`} download>
          {t('register.ui.export')}
        </a>
      </div>
      <ErrorBox error={error} />
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('register.ui.empty')}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="register-table">
            <thead>
              <tr>
                <th>{t('register.col.number')}</th>
                <th>{t('register.col.issued_on')}</th>
                <th>{t('register.col.kind')}</th>
                <th>{t('register.col.summary')}</th>
                <th>{t('register.col.signer')}</th>
                <th>{t('register.col.recipients')}</th>
                <th>{t('register.col.org')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{e.number}</td>
                  <td className="nowrap">{formatDate(e.issuedOn, lang)}</td>
                  <td>{e.kindLabel}</td>
                  <td>{e.summary}</td>
                  <td>{e.signer ?? ''}</td>
                  <td>{e.recipients.join('; ')}</td>
                  <td>{e.orgName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canNumber && <NumberForm orgId={me!.orgId!} onDone={() => setReload(reload + 1)} />}
      <SignatureCheckCard />
    </section>
  );
}

function NumberForm({ orgId, onDone }: { orgId: string; onDone(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ kindCode: 'CV', unitCode: '', summary: '', signer: '', recipients: '' });
  const [error, setError] = useState<unknown>(null);
  const [given, setGiven] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await post<{ number: string }>('/api/register/entries', {
        orgId,
        kindCode: form.kindCode,
        ...(form.kindCode === 'CV' && form.unitCode.trim() ? { unitCode: form.unitCode.trim() } : {}),
        summary: form.summary,
        signer: form.signer.trim() || null,
        recipients: form.recipients
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
      });
      setGiven(r.number);
      setForm({ ...form, summary: '', recipients: '' });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-label={t('register.ui.number_title')}>
      <h2>{t('register.ui.number_title')}</h2>
      <p className="muted">{t('register.ui.number_intro')}</p>
      <label>
        {t('register.col.kind')}
        <select value={form.kindCode} onChange={set('kindCode')}>
          {KIND_CODES.map((k) => (
            <option key={k} value={k}>
              {t(`register.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {form.kindCode === 'CV' && (
        <label>
          {t('register.ui.unit_code')}
          <input value={form.unitCode} onChange={set('unitCode')} maxLength={20} />
        </label>
      )}
      <label>
        {t('register.ui.summary')}
        <textarea required value={form.summary} onChange={set('summary')} maxLength={2000} />
      </label>
      <label>
        {t('register.col.signer')}
        <input value={form.signer} onChange={set('signer')} maxLength={200} />
      </label>
      <label>
        {t('register.ui.recipients')}
        <textarea value={form.recipients} onChange={set('recipients')} />
      </label>
      <ErrorBox error={error} />
      {given && (
        <p className="alert-ok" data-testid="register-given">
          {t('register.ui.given', { number: given })}
        </p>
      )}
      <button type="submit">{t('register.ui.number_submit')}</button>
    </form>
  );
}
