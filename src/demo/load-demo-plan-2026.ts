import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SessionUser } from '../http';
import type { Actor } from '../modules/audit/audit.service';
import { carryForward } from '../modules/plans/carry-forward/carry-forward.service';
import { carryReview, reviewCarryItem } from '../modules/plans/carry-forward/carry-review.service';
import { getPlanRow } from '../modules/plans/plan-store';
import { setPlanStatus, updatePlanHeader } from '../modules/plans/plans.service';
import { plans } from '../modules/plans/plans.tables';

/** The 2026 plan's header as the văn thư numbers it (demo values: the number and day are the demo's, not a real document's). */
export const DEMO_PLAN_2026 = { number: '15', issuedOn: '2026-01-20', signer: 'Hoàng Nam' } as const;

/**
 * Where the carry-forward kept every successor of a body and asks for one, the secretariat's
 * choice in the demo, by task: Sở TTTT's exhibition and anniversary work is foreign information
 * (Sở VHTTDL); the border-gate clusters of task 11 are at Lao Bảo (Hướng Hóa) and La Lay (Đakrông),
 * now the communes of those names.
 */
const CHOICES: Record<string, string[]> = {
  '2.2': ['Sở Văn hóa, Thể thao và Du lịch'],
  '3': ['Sở Văn hóa, Thể thao và Du lịch'],
  '11': ['UBND xã Lao Bảo', 'UBND xã La Lay'],
};

/**
 * The yearly guidance the carry-forward leaves to fill, as the secretariat types it. The demo names
 * the ministry now in charge (Nghị định 43/2025/NĐ-CP) without a number: no real letter is cited.
 */
const GUIDANCE_2026 = {
  text: 'Căn cứ hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch về công tác thông tin đối ngoại năm 2026',
  ref: null,
  kind: 'Hướng dẫn',
  date: null,
  issuer: 'Bộ Văn hóa, Thể thao và Du lịch',
  subject: 'công tác thông tin đối ngoại năm 2026',
};

/**
 * The province's 2026 plan, made as the secretariat makes it: the 2023 plan carried forward into
 * 2026 (organisations as of 1 January 2026 through their successors), each change reviewed with a
 * choice where the carry-forward asks for one, the guidance filled in, numbered, then issued by the
 * leader. Returns the plan's id.
 */
export async function loadDemoPlan2026(db: Db, plan2023Id: string, secretariat: SessionUser, leader: SessionUser): Promise<string> {
  const actor: Actor = { id: secretariat.id, name: secretariat.username };
  const { id } = await carryForward(db, plan2023Id, 2026, secretariat, actor, '2026-01-01');
  const { items } = await carryReview(db, id, secretariat);
  for (const item of items) {
    const wanted = item.needsChoice ? CHOICES[item.taskCode ?? '']?.find((n) => item.candidates.some((c) => c.name === n)) : undefined;
    const orgId = wanted ? item.candidates.find((c) => c.name === wanted)!.orgId : undefined;
    if (item.needsChoice && !orgId) throw new Error(`demo 2026 plan: no choice for "${item.message}"`);
    await reviewCarryItem(db, id, item.id, { reviewed: true, orgId }, secretariat, actor);
  }
  // The legal bases have no edit screen yet: the guidance goes in where the placeholder stood.
  const [row] = await db.select({ legalBases: plans.legalBases }).from(plans).where(eq(plans.id, id));
  const bases = (row.legalBases as Record<string, unknown>[]).map((b) => (b.placeholder ? GUIDANCE_2026 : b));
  await db.update(plans).set({ legalBases: bases }).where(eq(plans.id, id));
  const { version } = await getPlanRow(db, id);
  await updatePlanHeader(
    db,
    id,
    { version, number: DEMO_PLAN_2026.number, issuedOn: DEMO_PLAN_2026.issuedOn, signer: DEMO_PLAN_2026.signer },
    secretariat,
    actor,
  );
  await setPlanStatus(db, id, 'issued', leader, { id: leader.id, name: leader.username });
  return id;
}
