import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { assertOrgScope, type SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { docxToPdf, signWithOrganisation } from '../signing';
import { planToDocx } from './export';
import { toParsedPlan } from './plan-store';
import { getPlan } from './plans.service';
import { issuerParentFor } from './sub-plan-draft';

/** A plan as PDF: its ND 30 .docx laid out by LibreOffice. */
export async function planPdf(db: Db, id: string, user: SessionUser, layout: 'prose' | 'table' = 'prose') {
  return pdfOf(db, await getPlan(db, id, user), layout);
}

async function pdfOf(db: Db, plan: Awaited<ReturnType<typeof getPlan>>, layout: 'prose' | 'table') {
  const issuerParent = await issuerParentFor(db, plan.document.issuer);
  const name = `Ke-hoach-${plan.document.yearFrom}`;
  const docx = await planToDocx(toParsedPlan(plan), { layout, issuerParent });
  return { plan, pdf: await docxToPdf(docx, `${name}.docx`), filename: `${name}.pdf` };
}

/**
 * An issued plan as a PDF signed with the organisation's certificate (PAdES). Only an issued plan
 * with its number is signed (`plan.not_issued`); an officer signs their own organisation's plan only.
 */
export async function signedPlanPdf(db: Db, id: string, user: SessionUser, signing: Config['signing'], actor: Actor) {
  const plan = await getPlan(db, id, user);
  if (plan.orgId) assertOrgScope(user, plan.orgId);
  if (plan.status !== 'issued' || !plan.document.numberSerial) throw new AppError('plan.not_issued', { status: plan.status });
  const { pdf, filename } = await pdfOf(db, plan, 'prose');
  const signed = await signWithOrganisation(signing, pdf, {
    reason: `${plan.document.title} (số ${plan.document.number})`,
    location: plan.document.place ?? '',
  });
  await writeAudit(db, actor, { action: 'sign', entity: 'plan', entityId: id, after: { number: plan.document.number } });
  return { pdf: signed, filename: filename.replace(/\.pdf$/, '-da-ky.pdf') };
}
