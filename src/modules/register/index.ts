/** The register of outgoing documents: numbers given at issue (`issueNumber`, inside the issuing transaction), list, sheet. */
export { registerRoutes } from './register.routes';
export { issueNumber, issuerCodeFor, serialText, vnToday, wholeNumber, type Issued, type IssueInput } from './register.service';
export { KIND_CODES, type KindCode } from './register.schemas';
