import type { OrgEntry, ParsedPlan, PlanWarning } from './types';

/**
 * Fills orgId/name of every organisation entry of a parsed plan through a directory
 * the caller provides (the database in the product, an in-memory list in tests).
 */
export interface OrgResolver {
  /** Best candidates for a written name, valid on a date (YYYY-MM-DD) or any date when null; score 0..1, best first. */
  match(name: string, onDate: string | null): Promise<Array<{ orgId: string; name: string; score: number }>>;
  group(key: string, onDate: string | null): Promise<{ groupId: string | null; members: Array<{ orgId: string; name: string }> }>;
}

/**
 * An entry is resolved when the best score reaches MATCH_THRESHOLD and beats the next
 * different organisation by MATCH_MARGIN.
 * Why 0.85: exact names, short names and aliases score 1; a name written with or without
 * a generic word (`tỉnh`, `Quảng Trị`) or with different punctuation stays above 0.85 on
 * token similarity; two different departments that share the `Sở … và …` pattern score
 * under 0.6. Between 0.6 and 0.85 lie typos and partial names: those must be confirmed
 * by a person, so they are kept as suggestions with orgId null.
 * Why the margin: two candidates within 0.05 of each other (`Sở Văn hóa` alone) are
 * ambiguous; guessing would silently assign tasks to the wrong department.
 */
export const MATCH_THRESHOLD = 0.85;
export const MATCH_MARGIN = 0.05;
const MAX_SUGGESTIONS = 5;

export interface ResolveOptions {
  /** Date the organisations must be valid on; defaults to the plan's date or 1 January of its first year. */
  onDate?: string | null;
  threshold?: number;
}

export function planDate(plan: ParsedPlan): string | null {
  if (plan.document.issuedOn) return plan.document.issuedOn;
  const y = plan.document.yearFrom ?? plan.document.issuedYear;
  return y ? `${y}-01-01` : null;
}

export async function resolvePlanOrgs(plan: ParsedPlan, resolver: OrgResolver, options: ResolveOptions = {}): Promise<ParsedPlan> {
  const onDate = options.onDate !== undefined ? options.onDate : planDate(plan);
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const out: ParsedPlan = structuredClone(plan);
  const matchCache = new Map<string, ReturnType<OrgResolver['match']>>();
  const groupCache = new Map<string, ReturnType<OrgResolver['group']>>();
  const unmatched = new Set<string>();
  const warnings: PlanWarning[] = [];

  const resolveEntry = async (e: OrgEntry): Promise<void> => {
    const raw = e.raw || e.name;
    e.raw = raw;
    if (e.group) {
      if (!groupCache.has(e.group)) groupCache.set(e.group, resolver.group(e.group, onDate));
      const g = await groupCache.get(e.group)!;
      e.groupId = g.groupId;
      e.members = g.members;
      e.orgId = null;
      return;
    }
    const written = e.name;
    if (!matchCache.has(written)) matchCache.set(written, resolver.match(written, onDate));
    const candidates = (await matchCache.get(written)!).slice().sort((a, b) => b.score - a.score);
    const best = candidates[0];
    const second = candidates.find((c) => best && c.orgId !== best.orgId);
    if (
      best &&
      best.score >= threshold &&
      (!second || best.score - second.score >= MATCH_MARGIN || (best.score >= 0.999 && second.score < 0.999))
    ) {
      e.orgId = best.orgId;
      e.name = best.name;
      e.score = best.score;
      delete e.suggestions;
    } else {
      e.orgId = null;
      e.score = best?.score ?? 0;
      e.suggestions = candidates.slice(0, MAX_SUGGESTIONS);
      if (!unmatched.has(written)) {
        unmatched.add(written);
        const ambiguous = best && best.score >= threshold;
        warnings.push({ code: ambiguous ? 'plan.org_ambiguous' : 'plan.org_unmatched', details: { name: written } });
      }
    }
  };

  const all: OrgEntry[] = [];
  for (const t of out.tasks) all.push(...t.lead, ...t.advisory, ...t.coordinating);
  for (const it of out.implementation) all.push(...it.orgs);
  for (const e of all) await resolveEntry(e);
  out.warnings = [...out.warnings.filter((w) => w.code !== 'plan.org_unmatched' && w.code !== 'plan.org_ambiguous'), ...warnings];
  return out;
}
