import { useState } from 'react';
import { post, postForFile } from '../../api';
import { ErrorBox, formatDate } from '../../components/common';
import { useI18n } from '../../i18n';

/** Issuing the consolidated report (the next BC number of the register) and its signed PDF. */
export function ConsolidatedIssue(props: {
  periodId: string;
  version: number;
  number: string | null;
  issuedOn: string | null;
  canIssue: boolean;
  onIssued(): void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function issue() {
    setError(null);
    try {
      await post(`/api/report-periods/${props.periodId}/consolidated/issue`, { version: props.version });
      props.onIssued();
    } catch (e) {
      setError(e);
    }
  }
  async function signed() {
    setError(null);
    setBusy(true);
    try {
      const blob = await postForFile(`/api/report-periods/${props.periodId}/consolidated/signed.pdf`);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'bao-cao-tong-hop-da-ky.pdf';
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <a className="button" href={`/api/report-periods/${props.periodId}/consolidated.pdf`} data-testid="export-pdf">
        {t('reports.export_pdf')}
      </a>
      {props.issuedOn ? (
        <>
          <span data-testid="consolidated-issued">
            {t('reports.issued_as', { number: props.number, date: formatDate(props.issuedOn, lang) })}
          </span>
          {props.canIssue && (
            <button type="button" disabled={busy} onClick={() => void signed()}>
              {t('reports.signed_pdf')}
            </button>
          )}
        </>
      ) : (
        props.canIssue && (
          <button type="button" onClick={() => void issue()}>
            {t('reports.issue')}
          </button>
        )
      )}
      <ErrorBox error={error} />
    </>
  );
}
