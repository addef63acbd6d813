import { messages as common } from './common.messages';
import { messages as ui } from './ui.messages';
import { messages as home } from './home.messages';
import { messages as orgs } from '../../modules/orgs/orgs.messages';
import { messages as plans } from '../../modules/plans/plans.messages';
import { messages as planScreens } from '../../modules/plans/plans-screens.messages';
import { messages as subPlan } from '../../modules/plans/sub-plan.messages';
import { messages as press } from '../../modules/press/press.messages';
import { messages as pressDigest } from '../../modules/press/digest.messages';
import { messages as reports } from '../../modules/reports/reports.messages';
import { messages as consolidatedDoc } from '../../modules/reports/consolidated.messages';
import { messages as activities } from '../../modules/activities/activities.messages';
import { messages as tools } from '../tools/tools.messages';
import { messages as planSources } from '../../modules/plans/import/source/source.messages';
import { messages as officialDoc } from '../official-doc/official-doc.messages';
import { messages as province } from '../../modules/province/province.messages';
import { messages as carryForward } from '../../modules/plans/carry-forward/carry-forward.messages';
import { messages as register } from '../../modules/register/register.messages';
import { messages as carryScreens } from '../../modules/plans/carry-forward/carry-screens.messages';
import { messages as signing } from '../../modules/signing/signing.messages';

/**
 * The message catalogue: every string a user reads, Vietnamese first.
 * Modules add their `<module>.messages.ts` here.
 */
export type Lang = 'vi' | 'en';
type Catalogue = Record<Lang, Record<string, string>>;

const parts: Catalogue[] = [
  common,
  ui,
  home,
  orgs,
  plans,
  planScreens,
  subPlan,
  press,
  pressDigest,
  reports,
  consolidatedDoc,
  activities,
  tools,
  planSources,
  officialDoc,
  province,
  carryForward,
  register,
  carryScreens,
  signing,
];

export const catalogue: Catalogue = { vi: {}, en: {} };
export function registerMessages(part: Catalogue) {
  Object.assign(catalogue.vi, part.vi);
  Object.assign(catalogue.en, part.en);
}
parts.forEach(registerMessages);

export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogue[lang][key] ?? catalogue.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}
