export { buildOfficialDoc, officialDocToBuffer } from './builder';
export { PAGE, TEXT_WIDTH, FONT, NATIONAL_NAME, MOTTO, placeAndDate, numberLine, issuerCodeOf } from './layout';
export { headTitle, signerLines, type SignerIssuer } from './signature';
export type { OfficialBlock, OfficialDocSpec, OfficialIssuer, OfficialSignature } from './types';
