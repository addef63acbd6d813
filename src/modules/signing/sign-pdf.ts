import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { CadesSigner } from './cades-signer';
import type { SigningCredentials } from './credentials';

export interface SignOptions {
  /** Why it is signed (`Ban hành văn bản số 05/BC-SVHTTDL`). */
  reason: string;
  location: string;
  signingTime?: Date;
}

/**
 * Signs a PDF with the organisation's certificate: @signpdf writes a signature field and its
 * placeholder (pdf-lib), then the detached CAdES signature of the bytes around it.
 */
export async function signPdf(pdf: Buffer, credentials: SigningCredentials, opts: SignOptions): Promise<Buffer> {
  const signingTime = opts.signingTime ?? new Date();
  const doc = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: opts.reason,
    contactInfo: '',
    name: credentials.commonName,
    location: opts.location,
    signingTime,
    // the chain's certificates fit in 16 KB
    signatureLength: 16384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'ttdn',
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(withPlaceholder, new CadesSigner(credentials), signingTime);
}
