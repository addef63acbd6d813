/** System settings and who signs an organisation's documents. */
export { getSettings, putSetting } from './settings.service';
export { signatureOf } from './signers';
