import { useState, type FormEvent } from 'react';
import { get, post } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import type { Indicator } from './types';

/** The indicator catalogue: read by everyone, extended by the secretariat. */
export function IndicatorsPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(() => get<{ items: Indicator[] }>('/api/report-indicators'), []);
  const [form, setForm] = useState({ code: '', labelVi: '', labelEn: '', unit: '', category: 'output' });
  const [saveError, setSaveError] = useState<unknown>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setSaveError(null);
    try {
      await post('/api/report-indicators', form);
      setForm({ code: '', labelVi: '', labelEn: '', unit: '', category: 'output' });
      reload();
    } catch (err) {
      setSaveError(err);
    }
  }
  const field = (k: keyof typeof form) => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }),
  });
  return (
    <section>
      <h1>{t('reports.indicators')}</h1>
      <ErrorBox error={error} />
      {!data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('reports.indicator_code')}</th>
                <th>{t('reports.indicator_label_vi')}</th>
                <th>{t('reports.indicator_unit')}</th>
                <th>{t('reports.indicator_category')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.code}>
                  <td>
                    <code>{i.code}</code>
                  </td>
                  <td>{lang === 'en' ? i.labelEn : i.labelVi}</td>
                  <td>{i.unit}</td>
                  <td>{i.category}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {me?.role === 'secretariat' && (
        <form className="card form" onSubmit={add}>
          <h2>{t('reports.indicator_add')}</h2>
          <div className="row">
            <label>
              {t('reports.indicator_code')} *<input required pattern="[a-z][a-z0-9_]{1,49}" {...field('code')} />
            </label>
            <label>
              {t('reports.indicator_unit')} *<input required {...field('unit')} />
            </label>
            <label>
              {t('reports.indicator_category')}
              <select {...field('category')}>
                <option value="output">output</option>
                <option value="money">money</option>
              </select>
            </label>
          </div>
          <label>
            {t('reports.indicator_label_vi')} *<input required {...field('labelVi')} />
          </label>
          <label>
            {t('reports.indicator_label_en')} *<input required {...field('labelEn')} />
          </label>
          <ErrorBox error={saveError} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('reports.indicator_add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
