import { useState } from 'react';
import { get } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';
import { SignatureResult, type Check } from './SignatureCheckCard';

/** Beside an attached PDF: checks its digital signatures on request (signer, time, changed since signing). */
export function FileSignatures({ fileId, filename }: { fileId: string; filename: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState<{ signed: boolean; signatures: Check[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!/\.pdf$/i.test(filename)) return null;
  async function check() {
    setError(null);
    try {
      setResult(await get(`/api/report-files/${fileId}/signatures`));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <>
      {' '}
      <button type="button" className="link" onClick={() => void check()}>
        {t('signing.ui.check')}
      </button>
      <ErrorBox error={error} />
      {result && !result.signed && <div className="muted small">{t('signing.ui.unsigned', { filename })}</div>}
      {result?.signatures.map((s, i) => (
        <SignatureResult key={i} check={s} />
      ))}
    </>
  );
}
