export { buildOfficialDoc, officialDocToBuffer } from './builder';
export { PAGE, TEXT_WIDTH, FONT, NATIONAL_NAME, MOTTO, placeAndDate, numberLine } from './layout';
export type { OfficialBlock, OfficialDocSpec, OfficialIssuer, OfficialSignature } from './types';
