/**
 * Kind codes of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục III) that the register
 * numbers; each kind is its own series. `CV` (công văn) has no kind code in its number: it reads
 * `12/SVHTTDL-VP` (issuer, then the drafting unit). Labels: `register.kind.<code>` in the catalogue.
 * Plain data: the web app imports it too.
 */
export const KIND_CODES = ['BC', 'KH', 'QĐ', 'TB', 'HD', 'TTr', 'CTr', 'PA', 'CV'] as const;
export type KindCode = (typeof KIND_CODES)[number];
