import { classifyDuties, dutyFit, type DutyCode } from '../../orgs';
import { ddmmyyyy } from './step-message';
import type { OrgEntry, ParsedPlan, PlanWarning, SuccessorCandidate, SuccessorStep } from './types';

export { stepMessage } from './step-message';

/** A directory organisation as the resolver sees it. */
export interface ResolverOrg {
  orgId: string;
  name: string;
  shortName?: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/** A successor link: the organisation that took over and the duties that moved to it (`all` when every one did). */
export interface ResolverLink extends ResolverOrg {
  duties: string[];
}

/**
 * Fills orgId/name of every organisation entry of a parsed plan through a directory
 * the caller provides (the database in the product, an in-memory list in tests).
 */
export interface OrgResolver {
  /** Best candidates for a written name, valid on a date (YYYY-MM-DD) or any date when null; score 0..1, best first. */
  match(name: string, onDate: string | null): Promise<Array<ResolverOrg & { score: number }>>;
  /** The organisations that took over from one that ended. Without it, ended organisations are not followed. */
  successors?(orgId: string): Promise<ResolverLink[]>;
  group(
    key: string,
    onDate: string | null,
  ): Promise<{
    groupId: string | null;
    members: Array<{ orgId: string; name: string }>;
    /** The group reached (another than `key` when `key` had ended by the date) and the steps taken. */
    key?: string;
    name?: string;
    chain?: Array<{ from: string; fromName: string; validTo: string; to: string; toName: string }>;
  }>;
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
const MAX_STEPS = 6;
const EXACT = 0.999;

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

const validAt = (o: ResolverOrg, d: string) => (!o.validFrom || o.validFrom <= d) && (!o.validTo || o.validTo >= d);
/** The best candidate when it is clear (threshold and margin), else null. */
function clearBest<T extends { orgId: string; score: number }>(candidates: T[], threshold: number): T | null {
  const best = candidates[0];
  const second = candidates.find((c) => best && c.orgId !== best.orgId);
  if (!best || best.score < threshold) return null;
  if (!second || best.score - second.score >= MATCH_MARGIN || (best.score >= EXACT && second.score < EXACT)) return best;
  return null;
}

interface Reached {
  org: ResolverOrg;
  chain: SuccessorStep[];
}

export async function resolvePlanOrgs(plan: ParsedPlan, resolver: OrgResolver, options: ResolveOptions = {}): Promise<ParsedPlan> {
  const onDate = options.onDate !== undefined ? options.onDate : planDate(plan);
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const out: ParsedPlan = structuredClone(plan);
  const matchCache = new Map<string, ReturnType<OrgResolver['match']>>();
  const linkCache = new Map<string, Promise<ResolverLink[]>>();
  const groupCache = new Map<string, ReturnType<OrgResolver['group']>>();
  const unmatched = new Set<string>();
  const warnings: PlanWarning[] = [];
  const warnOnce = (w: PlanWarning) => {
    const k = `${w.code}\n${JSON.stringify(w.details)}`;
    if (!unmatched.has(k)) {
      unmatched.add(k);
      warnings.push(w);
    }
  };

  const match = async (name: string, date: string | null) => {
    const k = `${name}\n${date ?? ''}`;
    if (!matchCache.has(k)) matchCache.set(k, resolver.match(name, date));
    return (await matchCache.get(k)!).slice().sort((a, b) => b.score - a.score);
  };
  const links = (orgId: string) => {
    if (!linkCache.has(orgId)) linkCache.set(orgId, resolver.successors ? resolver.successors(orgId) : Promise.resolve([]));
    return linkCache.get(orgId)!;
  };

  /** Follows an ended organisation's successor links to those valid on `date`, choosing links by the task's duties. */
  const follow = async (org: ResolverOrg, date: string, scores: Map<DutyCode, number>, depth = 0): Promise<Reached[]> => {
    const all = await links(org.orgId);
    if (all.length === 0 || depth >= MAX_STEPS) return [];
    const fits = all.map((l) => ({ link: l, fit: dutyFit(l.duties, scores) }));
    const top = Math.max(...fits.map((f) => f.fit.score));
    const winners = fits.filter((f) => f.fit.score === top);
    // One link, or the one that fits the task best; when the task does not tell, every link (the user chooses).
    const chosen = all.length === 1 ? fits : top > 0 && winners.length === 1 ? winners : fits;
    const reached: Reached[] = [];
    for (const { link, fit } of chosen) {
      const named = link.duties.filter((d) => d !== 'all');
      const step: SuccessorStep = {
        from: org.orgId,
        fromName: org.name,
        ...(org.shortName ? { fromShortName: org.shortName } : {}),
        validTo: org.validTo ?? null,
        to: link.orgId,
        toName: link.name,
        ...(link.shortName ? { toShortName: link.shortName } : {}),
        duty: fit.duty ?? (named.length === 1 ? named[0] : null),
      };
      if (link.validTo && link.validTo < date) {
        const further = await follow(link, date, scores, depth + 1);
        reached.push(...further.map((r) => ({ org: r.org, chain: [step, ...r.chain] })));
      } else reached.push({ org: link, chain: [step] });
    }
    return reached;
  };

  /** A written name whose organisation had ended by the date: where its successors lead, or null when it is not such a name. */
  const viaSuccessors = async (written: string, date: string, scores: Map<DutyCode, number>) => {
    if (!resolver.successors) return null;
    const any = await match(written, null);
    const best = any[0];
    if (!best || best.score < threshold) return null;
    const tops = any.filter((c) => c.score >= best.score - MATCH_MARGIN && (best.score < EXACT || c.score >= EXACT));
    if (tops.some((c) => validAt(c, date)) || !tops.every((c) => c.validTo && c.validTo < date)) return null;
    const reached = new Map<string, Reached>();
    for (const c of tops) for (const r of await follow(c, date, scores)) if (!reached.has(r.org.orgId)) reached.set(r.org.orgId, r);
    return { written: best, reached: [...reached.values()] };
  };

  const resolveEntry = async (e: OrgEntry, scores: Map<DutyCode, number>): Promise<void> => {
    const raw = e.raw || e.name;
    e.raw = raw;
    if (e.group) {
      const k = `${e.group}\n${onDate ?? ''}`;
      if (!groupCache.has(k)) groupCache.set(k, resolver.group(e.group, onDate));
      const g = await groupCache.get(k)!;
      e.groupId = g.groupId;
      e.members = g.members;
      e.orgId = null;
      if (g.chain?.length && g.key) {
        e.chain = g.chain.map((s) => ({ ...s, duty: null }));
        e.group = g.key;
        if (g.name) e.name = g.name;
      }
      return;
    }
    const written = e.name;
    const candidates = await match(written, onDate);
    const best = clearBest(candidates, threshold);
    // An exact name of an organisation that had ended beats a merely similar one still in place.
    const ended = onDate && (!best || best.score < EXACT) ? await viaSuccessors(written, onDate, scores) : null;
    if (ended && ended.reached.length === 1) {
      const [r] = ended.reached;
      Object.assign(e, { orgId: r.org.orgId, name: r.org.name, score: ended.written.score, chain: r.chain });
      delete e.suggestions;
      return;
    }
    if (ended && ended.reached.length > 1) {
      e.orgId = null;
      e.score = ended.written.score;
      e.needsChoice = true;
      e.candidates = ended.reached.map((r): SuccessorCandidate => ({ orgId: r.org.orgId, name: r.org.name, chain: r.chain }));
      delete e.suggestions;
      warnOnce({ code: 'plan.org_successor_choice', details: { name: written, validTo: ddmmyyyy(ended.written.validTo ?? null) } });
      return;
    }
    if (best) {
      e.orgId = best.orgId;
      e.name = best.name;
      e.score = best.score;
      delete e.suggestions;
      return;
    }
    e.orgId = null;
    e.score = candidates[0]?.score ?? 0;
    e.suggestions = candidates.slice(0, MAX_SUGGESTIONS).map((c) => ({ orgId: c.orgId, name: c.name, score: c.score }));
    if (ended) {
      warnOnce({ code: 'plan.org_ended', details: { name: written, validTo: ddmmyyyy(ended.written.validTo ?? null) } });
      return;
    }
    const ambiguous = candidates[0] && candidates[0].score >= threshold;
    warnOnce({ code: ambiguous ? 'plan.org_ambiguous' : 'plan.org_unmatched', details: { name: written } });
  };

  for (const t of out.tasks) {
    const scores = classifyDuties(t.title, t.content.join('\n'));
    for (const e of [...t.lead, ...t.advisory, ...t.coordinating]) await resolveEntry(e, scores);
  }
  for (const it of out.implementation) {
    const scores = classifyDuties(it.text);
    for (const e of it.orgs) await resolveEntry(e, scores);
  }
  const mine = new Set(['plan.org_unmatched', 'plan.org_ambiguous', 'plan.org_successor_choice', 'plan.org_ended']);
  out.warnings = [...out.warnings.filter((w) => !mine.has(w.code)), ...warnings];
  out.resolvedAsOf = onDate;
  return out;
}
