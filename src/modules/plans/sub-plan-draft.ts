import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { translate } from '../../shared/messages/catalogue';
import { issuerCodeOf, type OfficialSignature } from '../../shared/official-doc';
import { orgs } from '../orgs';
import { getSettings, signatureOf } from '../settings';
import type { ImplementationItem } from './import/types';

/** ImplementationItem as a plain object type (stored as JSON). */
type Item = { [K in keyof ImplementationItem]: ImplementationItem[K] };

/**
 * What an organisation's sub-plan starts with, as that organisation issues it (Nghị định
 * 30/2020): its own number form (`Số:      /KH-SVHTTDL`, the number left for the văn thư), its
 * head's signature block (`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` and the name from the `signers`
 * setting), budget and implementation sections, and Nơi nhận. All of it is editable after.
 */
export interface SubPlanDraft {
  numberCode: string;
  signature: OfficialSignature;
  budget: string;
  implementation: Item[];
  recipients: string[];
}

const t = (key: string, params?: Record<string, unknown>) => translate('vi', key, params);

export async function subPlanDraft(
  db: Db,
  orgId: string,
  org: { name: string; shortName: string; docCode: string | null },
): Promise<SubPlanDraft> {
  const settings = await getSettings(db);
  const secretariatId = typeof settings.secretariatOrgId === 'string' ? settings.secretariatOrgId : null;
  const [signature, [secretariat]] = await Promise.all([
    signatureOf(db, orgId, settings),
    secretariatId && secretariatId !== orgId ? db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, secretariatId)) : [],
  ]);
  const short = org.shortName || org.name;
  const item = (text: string): Item => ({ code: null, text, orgs: [] });
  return {
    numberCode: `KH-${org.docCode || issuerCodeOf(org.shortName)}`,
    signature,
    budget: t('plans.sub.budget', { org: org.name }),
    implementation: [
      item(t('plans.sub.impl.units', { org: org.name })),
      item(
        t('plans.sub.impl.focal', {
          short,
          to: secretariat ? `${t('plans.sub.to_province')}, ${secretariat.name}` : t('plans.sub.to_province'),
        }),
      ),
      item(t('plans.sub.impl.issues', { short })),
    ],
    recipients: [
      t('plans.sub.recipient.province'),
      ...(secretariat ? [t('plans.sub.recipient.secretariat', { org: secretariat.name })] : []),
      t('plans.sub.recipient.leaders', { short }),
      t('plans.sub.recipient.units', { short }),
      t('plans.sub.recipient.archive'),
    ],
  };
}

/**
 * The governing body printed above an issuer that is not itself a People's Committee or Council
 * (`UBND tỉnh Quảng Trị` above `Sở Văn hóa, Thể thao và Du lịch`), from the province setting.
 */
export async function issuerParentFor(db: Db, issuer: string | null): Promise<string | null> {
  if (!issuer || /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)(\s|$)/iu.test(issuer.trim())) return null;
  const province = (await getSettings(db)).province as { name?: string } | undefined;
  return province?.name ? `UBND tỉnh ${province.name}` : null;
}
