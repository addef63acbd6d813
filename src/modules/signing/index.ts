/** Signed PDFs: .docx → PDF (LibreOffice), the organisation's PAdES signature, and checking the signatures of uploaded PDFs. */
export { signingRoutes } from './signing.routes';
export {
  ensureDemoCertificate,
  signatureAnswer,
  signingSetup,
  signWithOrganisation,
  SigningConfigError,
  verifyUploadedPdf,
} from './signing.service';
export { verifyAnswer } from './signing.schemas';
export { docxToPdf } from '../../shared/tools';
