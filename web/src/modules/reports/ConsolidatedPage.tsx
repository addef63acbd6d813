import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get, put } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { NARRATIVE_PARTS } from '../../../../src/modules/reports/reports.schemas';
import { ConsolidatedIssue } from './ConsolidatedIssue';
import './reports.css';

interface Consolidated {
  period: { id: string; title: string };
  narrative: Record<string, string>;
  number: string | null;
  issuedOn: string | null;
  signer: string | null;
  version: number;
  tasks: { taskId: string; code: string; title: string; contributions: { orgName: string; statusLabel: string; done: string }[] }[];
  indicators: { code: string; label: string; unit: string; total: number }[];
  money: { code: string; label: string; total: number }[];
  late: string[];
  missing: string[];
}

/** The province's consolidated report: drafted from accepted reports, narrative edited by the secretariat, exported. */
export function ConsolidatedPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(() => get<Consolidated>(`/api/report-periods/${id}/consolidated`), [id]);
  const [form, setForm] = useState<Record<string, string> | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const values = form ?? { ...data.narrative, number: data.number ?? '', signer: data.signer ?? '' };
  const editable = me?.role === 'secretariat';
  const nf = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');

  async function save() {
    setSaveError(null);
    try {
      const { number, signer, ...narrative } = values;
      await put(`/api/report-periods/${id}/consolidated`, {
        version: data!.version,
        number: number || null,
        signer: signer || null,
        narrative,
      });
      setForm(null);
      setSaved(true);
      reload();
    } catch (e) {
      setSaveError(e);
    }
  }

  return (
    <section>
      <p>
        <Link to={`/reports/periods/${id}`}>← {data.period.title}</Link>
      </p>
      <div className="page-head">
        <h1>{t('reports.consolidated')}</h1>
        <div className="actions">
          <a className="button" href={`/api/report-periods/${id}/consolidated.docx`} data-testid="export-docx">
            {t('reports.export_docx')}
          </a>
          <a className="button" href={`/api/report-periods/${id}/consolidated.xlsx`} data-testid="export-xlsx">
            {t('reports.export_xlsx')}
          </a>
          <ConsolidatedIssue
            periodId={id!}
            version={data.version}
            number={data.number}
            issuedOn={data.issuedOn}
            canIssue={editable}
            onIssued={reload}
          />
        </div>
      </div>
      <form
        className="card form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{t('reports.narrative')}</h2>
        <div className="row">
          <label>
            Số
            <input
              disabled={!editable}
              value={values.number ?? ''}
              onChange={(e) => {
                setSaved(false);
                setForm({ ...values, number: e.target.value });
              }}
            />
          </label>
          <label>
            {lang === 'en' ? 'Signer' : 'Người ký'}
            <input
              disabled={!editable}
              value={values.signer ?? ''}
              onChange={(e) => {
                setSaved(false);
                setForm({ ...values, signer: e.target.value });
              }}
            />
          </label>
        </div>
        {NARRATIVE_PARTS.map((p) => (
          <label key={p}>
            {t(`reports.narrative_${p}`)}
            <textarea
              rows={4}
              name={p}
              disabled={!editable}
              value={values[p] ?? ''}
              onChange={(e) => {
                setSaved(false);
                setForm({ ...values, [p]: e.target.value });
              }}
            />
          </label>
        ))}
        <ErrorBox error={saveError} />
        {saved && <div className="alert alert-ok">{t('ui.save')} ✓</div>}
        {editable && (
          <div className="actions">
            <button type="submit" className="primary">
              {t('ui.save')}
            </button>
          </div>
        )}
      </form>
      <div className="card">
        <h2>{t('reports.indicator_totals')}</h2>
        <table data-testid="totals">
          <tbody>
            {data.indicators.map((i) => (
              <tr key={i.code}>
                <td>{i.label}</td>
                <td>{i.unit}</td>
                <td style={{ textAlign: 'right' }}>{nf(i.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('reports.money')}</h2>
        <table>
          <tbody>
            {data.money.map((i) => (
              <tr key={i.code}>
                <td>{i.label}</td>
                <td style={{ textAlign: 'right' }}>{nf(i.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        {data.tasks.map((x) => (
          <div key={x.taskId}>
            <h2>
              {x.code}. {x.title}
            </h2>
            <ul>
              {x.contributions.map((c, i) => (
                <li key={i}>
                  <strong>{c.orgName}</strong> ({c.statusLabel}): {c.done}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {data.late.length > 0 && (
          <p>
            <strong>{t('reports.late_orgs')}:</strong> {data.late.join('; ')}
          </p>
        )}
        {data.missing.length > 0 && (
          <p>
            <strong>{t('reports.missing_orgs')}:</strong> {data.missing.join('; ')}
          </p>
        )}
      </div>
    </section>
  );
}
