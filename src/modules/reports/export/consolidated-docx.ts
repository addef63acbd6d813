import { createHash } from 'node:crypto';
import { issuerCodeOf, officialDocToBuffer, type OfficialDocSpec } from '../../../shared/official-doc';
import { translate } from '../../../shared/messages/catalogue';
import type { Consolidated } from '../consolidated.service';
import { consolidatedBody } from './consolidated-body';
import { DEFAULT_OUTLINE, type ReportOutline } from './report-outline';

/** The consolidated report as an official document (Nghị định 30/2020/NĐ-CP), kind BC, issued by the secretariat of the settings. */
const t = (key: string, params?: Record<string, unknown>) => translate('vi', key, params);

export function consolidatedToOfficialDoc(c: Consolidated, today: string, outline: ReportOutline = DEFAULT_OUTLINE): OfficialDocSpec {
  const secretariat = c.secretariat?.name ?? '';
  return {
    issuer: { parent: c.province.name ? `UBND tỉnh ${c.province.name}` : null, name: secretariat },
    number: c.number,
    kindCode: 'BC',
    issuerCode: c.secretariat?.docCode || issuerCodeOf(c.secretariat?.shortName),
    place: c.province.place,
    date: c.issuedOn ?? (c.number ? today : null),
    // A draft's date line carries the report's year, from its period (a 2023 report never says 2026).
    year: c.period.year,
    kind: t('reports.doc.kind'),
    title: c.period.title.replace(/^Báo cáo\s+/i, '').replace(/^\p{Ll}/u, (m) => m.toLocaleUpperCase('vi')),
    body: consolidatedBody(c, outline, secretariat),
    signature: { lines: c.signerTitle, name: c.signer },
    recipients: [t('reports.doc.to_province'), t('reports.doc.to_orgs'), t('reports.doc.archive')],
    meta: { title: c.period.title },
  };
}

/** Builds the .docx every time (about half a second of CPU for a province's year). */
export const buildConsolidatedDocx = (c: Consolidated, today: string) => officialDocToBuffer(consolidatedToOfficialDoc(c, today));

/**
 * Repeat downloads of unchanged data: the last few built documents, keyed by a hash of the
 * whole description they are built from (every text, figure and date printed, read afresh on
 * each request), so a hit is the document the same data builds. In memory, per process.
 */
const MEMO_ENTRIES = 4;
const built = new Map<string, Buffer>();

export async function consolidatedToDocx(c: Consolidated, today: string): Promise<Buffer> {
  const spec = consolidatedToOfficialDoc(c, today);
  const key = createHash('sha256').update(JSON.stringify(spec)).digest('base64');
  const hit = built.get(key);
  built.delete(key);
  const buf = hit ?? (await officialDocToBuffer(spec));
  built.set(key, buf);
  if (built.size > MEMO_ENTRIES) built.delete(built.keys().next().value!);
  return buf;
}
