/** Signed PDFs: .docx → PDF (LibreOffice), the organisation's PAdES signature, and checking the signatures of uploaded PDFs. */
export { signingRoutes } from './signing.routes';
export { ensureDemoCertificate, signingSetup, signWithOrganisation, SigningConfigError, verifyUploadedPdf } from './signing.service';
export { docxToPdf } from '../../shared/tools';
