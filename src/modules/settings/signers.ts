import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { signerLines, type OfficialSignature } from '../../shared/official-doc';
import { orgs } from '../orgs';

/**
 * Who signs an organisation's documents by default (setting `signers`): the person's name and
 * whether they sign as the head (`GIÁM ĐỐC`) or for the head (`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC`).
 * The authority lines come from the organisation's kind and name (signerLines); an organisation
 * without an entry signs as its head, with a blank line for the name.
 */
export const signerSetting = z.object({ orgId: z.string().uuid(), name: z.string().trim().max(200), deputy: z.boolean() });
export const signersSetting = z.array(signerSetting).max(500);
export type SignerSetting = z.infer<typeof signerSetting>;

export function signerOf(settings: Record<string, unknown>, orgId: string): SignerSetting | null {
  const parsed = signersSetting.safeParse(settings.signers ?? []);
  return (parsed.success ? parsed.data : []).find((s) => s.orgId === orgId) ?? null;
}

/** The signature block of an organisation's document, from the directory and the `signers` setting. */
export async function signatureOf(db: Db, orgId: string | null, settings: Record<string, unknown>): Promise<OfficialSignature> {
  if (!orgId) return { lines: signerLines({ kind: 'other', name: '' }, false), name: null };
  const [org] = await db.select({ name: orgs.name, kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  const who = signerOf(settings, orgId);
  return { lines: signerLines({ kind: org?.kind ?? 'department', name: org?.name ?? '' }, who?.deputy ?? false), name: who?.name || null };
}
