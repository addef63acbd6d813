import { certificateFromDer } from './credentials';
import { verifyPdf, type SignatureCheck } from './verify-pdf';

/** Runs in a worker thread (shared/workers): the signatures of an uploaded PDF. */
export async function verifyPdfTask(bytes: Uint8Array, trustedDer: Uint8Array[]): Promise<SignatureCheck[]> {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return verifyPdf(pdf, trustedDer.map(certificateFromDer));
}
