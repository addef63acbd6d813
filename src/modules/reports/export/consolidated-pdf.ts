import type { Config } from '../../../config';
import { AppError } from '../../../shared/errors';
import { docxToPdf, signWithOrganisation } from '../../signing';
import type { Consolidated } from '../consolidated.service';
import { consolidatedToDocx } from './consolidated-docx';

const filenameOf = (c: Consolidated) => `Bao-cao-tong-hop-${c.period.year}-${c.period.kind}`;

/** The consolidated report as PDF: its .docx laid out by LibreOffice. */
export async function consolidatedToPdf(c: Consolidated, today: string): Promise<{ pdf: Buffer; filename: string }> {
  const filename = filenameOf(c);
  return { pdf: await docxToPdf(await consolidatedToDocx(c, today), `${filename}.docx`), filename: `${filename}.pdf` };
}

/**
 * The issued consolidated report as a PDF signed with the organisation's certificate (PAdES);
 * a report not yet issued has no number and date to sign: `report.consolidated_not_issued`.
 */
export async function signedConsolidatedPdf(c: Consolidated, signing: Config['signing']): Promise<{ pdf: Buffer; filename: string }> {
  if (!c.issuedOn || !c.number) throw new AppError('report.consolidated_not_issued');
  const { pdf, filename } = await consolidatedToPdf(c, c.issuedOn);
  const signed = await signWithOrganisation(signing, pdf, {
    reason: `${c.period.title} (số ${c.number})`,
    location: c.province.place || c.province.name,
  });
  return { pdf: signed, filename: filename.replace(/\.pdf$/, '-da-ky.pdf') };
}
