import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { ConfigError, type Config } from '../../config';
import { AppError } from '../../shared/errors';
import { translate, type Lang } from '../../shared/messages/catalogue';
import { runInWorker } from '../../shared/workers';
import { certificatesFromPem, loadP12, makeCertificate, toP12, type SigningCredentials } from './credentials';
import { signPdf, type SignOptions } from './sign-pdf';
import type { SignatureCheck } from './verify-pdf';

type SigningConfig = Config['signing'];

export interface SigningSetup {
  /** The organisation's key and certificate; null when none is configured. */
  credentials: SigningCredentials | null;
  /** `file` (SIGNING_P12), `demo` (the demo's self-signed one) or null. */
  source: 'file' | 'demo' | null;
  /** Certificates a signer must chain to: the organisation's own and those of SIGNING_TRUST. */
  trusted: pkijs.Certificate[];
}

const DEMO_P12 = 'demo.p12';
const DEMO_PASSWORD = 'demo.p12.password';

/** A configuration the product cannot sign with: the sentence names the variable (the server does not start). */
export class SigningConfigError extends ConfigError {}

async function read(cfg: SigningConfig): Promise<SigningSetup> {
  let credentials: SigningCredentials | null = null;
  let source: SigningSetup['source'] = null;
  const demoP12 = path.join(cfg.demoDir, DEMO_P12);
  const where = cfg.p12Path
    ? { file: cfg.p12Path, variable: 'SIGNING_P12' }
    : fs.existsSync(demoP12)
      ? { file: demoP12, variable: null }
      : null;
  if (where) {
    const password = where.variable ? cfg.p12Password : fs.readFileSync(path.join(cfg.demoDir, DEMO_PASSWORD), 'utf8').trim();
    try {
      credentials = await loadP12(fs.readFileSync(where.file), password);
    } catch (err) {
      const reason = err instanceof AppError ? translate('vi', err.code, err.details) : (err as Error).message;
      throw new SigningConfigError(
        `Chứng thư số ${where.file}${where.variable ? ` (biến ${where.variable}, mật khẩu SIGNING_P12_PASSWORD)` : ''} không dùng được: ${reason}`,
      );
    }
    source = where.variable ? 'file' : 'demo';
  }
  const trusted = [...(credentials ? [credentials.chain[credentials.chain.length - 1], credentials.certificate] : [])];
  if (cfg.trustPath) {
    const list = certificatesFromPem(fs.readFileSync(cfg.trustPath, 'utf8'));
    if (!list.length) throw new SigningConfigError(`Biến SIGNING_TRUST: tệp ${cfg.trustPath} không có chứng thư nào (PEM).`);
    trusted.push(...list);
  }
  return { credentials, source, trusted };
}

const setups = new WeakMap<SigningConfig, Promise<SigningSetup>>();

/** The signing set-up of a configuration, read once (at boot, by the signing routes). */
export function signingSetup(cfg: SigningConfig): Promise<SigningSetup> {
  let s = setups.get(cfg);
  if (!s) {
    s = read(cfg);
    setups.set(cfg, s);
  }
  return s;
}

/**
 * The demo's organisation certificate: a self-signed .p12 made once in DATA_DIR/signing (never in
 * the repository), its random password in a file beside it readable by the owner only.
 */
export function ensureDemoCertificate(cfg: SigningConfig, commonName: string, organisation?: string): string | null {
  const file = path.join(cfg.demoDir, DEMO_P12);
  if (cfg.p12Path || fs.existsSync(file)) return null;
  fs.mkdirSync(cfg.demoDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(18).toString('base64url');
  const { key, cert } = makeCertificate({ commonName, organisation, years: 3 });
  fs.writeFileSync(path.join(cfg.demoDir, DEMO_PASSWORD), password, { mode: 0o600 });
  fs.writeFileSync(file, toP12(key, [cert], password), { mode: 0o600 });
  return file;
}

/** Signs with the organisation's certificate; `signing.no_certificate` when none is configured. */
export async function signWithOrganisation(cfg: SigningConfig, pdf: Buffer, opts: SignOptions): Promise<Buffer> {
  const { credentials } = await signingSetup(cfg);
  if (!credentials) throw new AppError('signing.no_certificate');
  return signPdf(pdf, credentials, opts);
}

export const VERIFY_TIMEOUT_MS = 20_000;

/** Checks an uploaded PDF's signatures in a worker thread (hostile input), against the trusted certificates. */
export async function verifyUploadedPdf(cfg: SigningConfig, pdf: Buffer, filename: string): Promise<SignatureCheck[]> {
  if (!pdf.length) throw new AppError('signing.file_empty');
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new AppError('signing.not_pdf', { filename });
  const { trusted } = await signingSetup(cfg);
  return runInWorker<SignatureCheck[]>(
    {
      module: new URL('./verify.task.ts', import.meta.url),
      fn: 'verifyPdfTask',
      timeoutMs: VERIFY_TIMEOUT_MS,
      tooComplex: (reason) => new AppError('signing.file_too_complex', { filename, reason }),
    },
    pdf,
    trusted.map((c) => new Uint8Array(c.toSchema().toBER(false))),
  );
}

/** The answer of a signature check, the statuses in the reader's language. */
export function signatureAnswer(filename: string, checks: SignatureCheck[], lang: Lang) {
  return {
    filename,
    signed: checks.length > 0,
    signatures: checks.map((c) => ({ ...c, statusLabel: translate(lang, `signing.status.${c.status}`) })),
  };
}
