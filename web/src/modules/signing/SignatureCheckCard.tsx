import { useState } from 'react';
import { upload } from '../../api';
import { ErrorBox, formatDateTime } from '../../components/common';
import { useI18n } from '../../i18n';

export interface Check {
  status: 'valid' | 'altered' | 'unknown_signer' | 'malformed';
  statusLabel: string;
  signerName: string | null;
  signerOrg: string | null;
  signedAt: string | null;
  coversWholeFile: boolean;
}

/** Checks the digital signatures of a PDF: valid, changed since signing, or an unknown signer; who and when. */
export function SignatureCheckCard() {
  const { t } = useI18n();
  const [result, setResult] = useState<{ filename: string; signed: boolean; signatures: Check[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function check(file: File | undefined) {
    setError(null);
    setResult(null);
    if (!file) return;
    try {
      setResult(await upload(`/api/signatures/verify?filename=${encodeURIComponent(file.name)}`, file));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="card">
      <h2>{t('signing.ui.title')}</h2>
      <p className="muted">{t('signing.ui.intro')}</p>
      <label>
        {t('signing.ui.file')}
        <input type="file" accept="application/pdf,.pdf" onChange={(e) => void check(e.target.files?.[0])} />
      </label>
      <ErrorBox error={error} />
      {result && !result.signed && <p data-testid="signature-none">{t('signing.ui.unsigned', { filename: result.filename })}</p>}
      {result?.signatures.map((s, i) => (
        <SignatureResult key={i} check={s} />
      ))}
    </div>
  );
}

/** One signature's result: status, signer, time. */
export function SignatureResult({ check: s }: { check: Check }) {
  const { t, lang } = useI18n();
  return (
    <div className={s.status === 'valid' ? 'alert-ok' : 'alert-error'} data-testid="signature-result">
      <strong>{s.statusLabel}</strong>
      <div>
        {t('signing.ui.signer')}: {s.signerName ?? '—'}
        {s.signerOrg ? ` (${s.signerOrg})` : ''}
      </div>
      <div>
        {t('signing.ui.signed_at')}: {s.signedAt ? formatDateTime(s.signedAt, lang) : '—'}
      </div>
      {!s.coversWholeFile && <div>{t('signing.ui.added_after')}</div>}
    </div>
  );
}
