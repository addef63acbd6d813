import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { commonNameOf } from './credentials';

/** What a signature of an uploaded PDF says. */
export type SignatureStatus = 'valid' | 'altered' | 'unknown_signer' | 'malformed';

export interface SignatureCheck {
  status: SignatureStatus;
  signerName: string | null;
  /** The signer's organisation (O) when the certificate names one. */
  signerOrg: string | null;
  /** The signing time of the signature dictionary (/M), ISO. */
  signedAt: string | null;
  /** Whether the signed bytes reach the end of the file (nothing added after the signature). */
  coversWholeFile: boolean;
}

const MAX_SIGNATURES = 20;

function attrOf(cert: pkijs.Certificate, oid: string): string | null {
  const a = cert.subject.typesAndValues.find((t) => t.type === oid);
  return a ? String(a.value.valueBlock.value) : null;
}

/** `D:20261204213000+07'00'` → ISO instant. */
function pdfDate(s: string): string | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-])?(\d{2})?'?(\d{2})?/.exec(s);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7]}${m[8] ?? '00'}:${m[9] ?? '00'}`;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const ab = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function checkOne(pdf: Buffer, range: number[], dict: string, trusted: pkijs.Certificate[]): Promise<SignatureCheck> {
  const [a, b, c, d] = range;
  const m = /\/M\s*\((D:[^)]+)\)/.exec(dict);
  const base = { signerName: null, signerOrg: null, signedAt: m ? pdfDate(m[1]) : null, coversWholeFile: c + d === pdf.length };
  if (a !== 0 || b <= 0 || c < a + b || c + d > pdf.length) return { ...base, status: 'malformed' };
  const hex = pdf
    .subarray(a + b, c)
    .toString('latin1')
    .replace(/^<|>$/g, '')
    .replace(/(00)+$/, '');
  let signedData: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(ab(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')));
    if (parsed.offset === -1) return { ...base, status: 'malformed' };
    signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  } catch {
    return { ...base, status: 'malformed' };
  }
  const data = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  let verified = false;
  let signer: pkijs.Certificate | null = null;
  try {
    const r = await signedData.verify({ signer: 0, data: ab(data), extendedMode: true, checkChain: false });
    verified = !!r.signatureVerified;
    signer = r.signerCertificate ?? null;
  } catch (err) {
    const e = err as { signatureVerified?: boolean | null; signerCertificate?: pkijs.Certificate | null };
    verified = false;
    signer = e.signerCertificate ?? null;
  }
  const named = signer ? { signerName: commonNameOf(signer) || null, signerOrg: attrOf(signer, '2.5.4.10') } : {};
  if (!verified || !signer) return { ...base, ...named, status: signer ? 'altered' : 'malformed' };
  // A certificate trusted as it is (the organisation's own, self-signed in the demo) needs no chain.
  const der = Buffer.from(signer.toSchema().toBER(false));
  if (trusted.some((t) => der.equals(Buffer.from(t.toSchema().toBER(false))))) return { ...base, ...named, status: 'valid' };
  const certs = (signedData.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  const chain = await new pkijs.CertificateChainValidationEngine({
    trustedCerts: trusted,
    certs: [signer, ...certs.filter((x) => x !== signer)],
    checkDate: base.signedAt ? new Date(base.signedAt) : new Date(),
  })
    .verify()
    .catch(() => ({ result: false }));
  return { ...base, ...named, status: chain.result ? 'valid' : 'unknown_signer' };
}

/**
 * Checks every signature of a PDF: the bytes it covers (/ByteRange) against the message digest,
 * the CMS signature with the signer's certificate, and that certificate's chain against the
 * trusted certificates (the organisation's own and the configured CAs). Unsigned: [].
 */
export async function verifyPdf(pdf: Buffer, trusted: pkijs.Certificate[]): Promise<SignatureCheck[]> {
  const text = pdf.toString('latin1');
  const found: SignatureCheck[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m && found.length < MAX_SIGNATURES; m = re.exec(text)) {
    const range = m.slice(1, 5).map(Number);
    // the signature dictionary around it (for /M)
    const dict = text.slice(Math.max(0, m.index - 600), Math.min(text.length, range[2] + 600));
    const dictNoContents = dict.replace(/\/Contents\s*<[0-9a-fA-F]*>/, '');
    found.push(await checkOne(pdf, range, dictNoContents, trusted));
  }
  return found;
}
