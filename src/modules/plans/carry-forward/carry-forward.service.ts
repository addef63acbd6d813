import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { SessionUser } from '../../../http';
import { AppError } from '../../../shared/errors';
import { translate } from '../../../shared/messages/catalogue';
import { fold } from '../../../shared/text/fold';
import { anniversaries, planTargets } from '../../activities';
import { writeAudit, type Actor } from '../../audit';
import { orgs } from '../../orgs';
import { dbResolver } from '../db-resolver';
import { resolvePlanOrgs, type OrgEntry, type ParsedPlan, type SuccessorStep } from '../import';
import { insertPlan, loadPlan, toParsedPlan, type StoredOrgEntry, type StoredPlan } from '../plan-store';
import { planInput, TASK_ROLE_VALUES, type PlanInput, type TaskRole } from '../plans.schemas';
import { plans, planTasks } from '../plans.tables';
import { planCarryItems } from './carry-forward.tables';
import { shiftDate, shiftYears } from './shift';

/** One change of the carry-forward, before it is stored: a catalogue code and its parameters. */
export interface CarryItemDraft {
  taskCode: string | null;
  code: string;
  params: Record<string, string | number>;
  role?: TaskRole;
  chain?: SuccessorStep[];
  candidates?: { orgId: string; name: string }[];
  needsChoice?: boolean;
}

type Entry = PlanInput['tasks'][number]['lead'][number];
const ddmmyyyy = (d: string | null | undefined) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
const validOn = (o: { validFrom: string | null; validTo: string | null }, d: string) =>
  (!o.validFrom || o.validFrom <= d) && (!o.validTo || o.validTo >= d);

/** A legal basis that is this year's guidance (a letter or guidance naming the year) is replaced by a placeholder. */
function isYearly(basis: Record<string, unknown>, year: number): boolean {
  const text = fold([basis.text, basis.kind, basis.subject].filter((x) => typeof x === 'string').join(' '));
  return /\b(cong van|huong dan)\b/.test(text) && (text.includes(String(year)) || /\bnam\b/.test(text));
}

/**
 * A draft for `year` from an issued plan: tasks and sections with their numbering and wording,
 * each role followed to the organisations valid on `asOf` (default 1 January of that year; resolvePlanOrgs,
 * choosing successors by the task's duties, keeping every candidate when it cannot tell),
 * time windows moved, targets proposed from this year's results, legal bases kept or left as a
 * placeholder for the yearly guidance, header blank, round anniversaries proposed. Every change
 * is stored as a review item. With `asOf`, this year's results are also counted up to that date
 * (otherwise up to today), and the date is kept as the plan-wide item `carry.as_of`.
 */
export async function carryForward(db: Db, planId: string, year: number, user: SessionUser, actor: Actor, asOfDate?: string) {
  if (user.role !== 'secretariat' && user.role !== 'admin') throw new AppError('plan.forbidden');
  const source = await loadPlan(db, planId);
  if (source.status !== 'issued' && source.status !== 'closed') throw new AppError('plan.carry_not_issued', { status: source.status });
  const { yearFrom, yearTo } = source.document as { yearFrom: number; yearTo: number };
  if (year <= yearTo) throw new AppError('plan.carry_year_invalid', { field: 'body.year', year, yearTo });
  const shift = year - yearFrom;
  const onDate = asOfDate ?? `${year}-01-01`;
  const asOf = asOfDate ?? new Date().toISOString().slice(0, 10);

  const { input, items } = await draftFrom(db, source, { year, shift, onDate, asOf, user });
  const checked = planInput.parse(input);
  return db.transaction(async (tx) => {
    const id = await insertPlan(tx, checked, {
      status: 'draft',
      createdBy: user.id,
      orgId: checked.orgId ?? source.orgId,
      parentPlanId: source.parentPlanId,
    });
    await tx.update(plans).set({ carriedFromId: source.id }).where(eq(plans.id, id));
    const tasks = await tx.select({ id: planTasks.id, code: planTasks.code }).from(planTasks).where(eq(planTasks.planId, id));
    const taskId = new Map(tasks.map((t) => [t.code, t.id]));
    if (items.length)
      await tx.insert(planCarryItems).values(
        items.map((it, position) => ({
          planId: id,
          sourcePlanId: source.id,
          position,
          taskId: it.taskCode ? (taskId.get(it.taskCode) ?? null) : null,
          taskCode: it.taskCode,
          code: it.code,
          params: it.params,
          role: it.role ?? null,
          chain: it.chain ?? [],
          candidates: it.candidates ?? [],
          needsChoice: it.needsChoice ?? false,
        })),
      );
    await writeAudit(tx, actor, {
      action: 'carry_forward',
      entity: 'plan',
      entityId: id,
      after: { from: source.id, year, asOf: onDate, tasks: checked.tasks.length, changes: items.length },
    });
    return { id, items: items.length, needsChoice: items.filter((i) => i.needsChoice).length };
  });
}

interface DraftContext {
  year: number;
  shift: number;
  onDate: string;
  asOf: string;
  user: SessionUser;
}

async function draftFrom(db: Db, source: StoredPlan, c: DraftContext): Promise<{ input: PlanInput; items: CarryItemDraft[] }> {
  const { yearFrom, yearTo } = source.document as { yearFrom: number; yearTo: number };
  const items: CarryItemDraft[] = [{ taskCode: null, code: 'carry.as_of', params: { date: ddmmyyyy(c.onDate), iso: c.onDate } }];
  const years = (s: string) => shiftYears(s, yearFrom, yearTo, c.shift);

  // Organisations: those still valid stay; the others are followed through their successors.
  const ids = [
    ...new Set(source.tasks.flatMap((t) => TASK_ROLE_VALUES.flatMap((r) => t[r].map((e) => e.orgId))).filter((x): x is string => !!x)),
  ];
  const known = ids.length
    ? await db
        .select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName, validFrom: orgs.validFrom, validTo: orgs.validTo })
        .from(orgs)
        .where(inArray(orgs.id, ids))
    : [];
  const orgById = new Map(known.map((o) => [o.id, o]));
  const parsed = toParsedPlan(source);
  const resolver = dbResolver(db);
  const byDuty = await resolvePlanOrgs(parsed, resolver, { onDate: c.onDate });
  // The same names without the tasks' words: every successor, for the user to pick another.
  const blank: ParsedPlan = { ...parsed, tasks: parsed.tasks.map((t) => ({ ...t, title: '', content: [] })) };
  const every = await resolvePlanOrgs(blank, resolver, { onDate: c.onDate });

  const targets = await planTargets(db, source.id, c.user, c.asOf);
  const figure = new Map(targets.items.map((i) => [i.targetId, i]));

  const anniversaryTask = source.tasks.find((t) => /\bky niem\b|\bngay le\b/.test(fold(t.title)));
  const round = anniversaries(c.year).items.filter((a) => a.years !== null);

  const tasks = source.tasks.map((t, ti) => {
    const task = t.code;
    const roleEntries = (role: TaskRole): Entry[] => {
      const out: Entry[] = [];
      const seen = new Set<string>();
      const push = (e: Entry) => {
        const k = e.orgId ? `o:${e.orgId}` : e.group ? `g:${e.group}` : `n:${e.name}`;
        if (!seen.has(k)) {
          seen.add(k);
          out.push(e);
        }
      };
      t[role].forEach((se: StoredOrgEntry, j) => {
        const re: OrgEntry = byDuty.tasks[ti][role][j];
        const all: OrgEntry = every.tasks[ti][role][j];
        if (se.group) {
          if (re.chain?.length && re.group) {
            const first = re.chain[0];
            push({ name: re.name, orgId: null, raw: re.name, group: re.group });
            items.push({
              taskCode: task,
              code: 'carry.group_replaced',
              params: { task, from: first.fromName, validTo: ddmmyyyy(first.validTo), to: re.name },
              role,
              chain: re.chain,
            });
          } else push({ name: se.raw, orgId: null, raw: se.raw, group: se.group });
          return;
        }
        const org = se.orgId ? orgById.get(se.orgId) : undefined;
        if (!se.orgId || !org || validOn(org, c.onDate)) {
          push({ name: se.name, orgId: se.orgId, raw: se.raw });
          return;
        }
        const from = org.shortName || org.name;
        const base = { task, from, validTo: ddmmyyyy(org.validTo) };
        const alternatives = all.needsChoice
          ? (all.candidates ?? []).map((x) => ({ orgId: x.orgId, name: x.name }))
          : all.orgId
            ? [{ orgId: all.orgId, name: all.name }]
            : [];
        if (re.orgId && re.orgId !== se.orgId) {
          push({ name: re.name, orgId: re.orgId, raw: re.name });
          const duty = re.chain?.find((s) => s.duty && s.duty !== 'all')?.duty;
          const candidates = alternatives.some((a) => a.orgId === re.orgId)
            ? alternatives
            : [{ orgId: re.orgId, name: re.name }, ...alternatives];
          items.push({
            taskCode: task,
            code: duty ? 'carry.org_replaced_duty' : 'carry.org_replaced',
            params: duty ? { ...base, to: re.name, duty: translate('vi', `duty.${duty}`) } : { ...base, to: re.name },
            role,
            chain: re.chain ?? [],
            candidates,
          });
        } else if (re.needsChoice && re.candidates?.length) {
          for (const cand of re.candidates) push({ name: cand.name, orgId: cand.orgId, raw: cand.name });
          items.push({
            taskCode: task,
            code: 'carry.org_choice',
            params: { ...base, count: re.candidates.length },
            role,
            chain: re.candidates.flatMap((x) => x.chain),
            candidates: re.candidates.map((x) => ({ orgId: x.orgId, name: x.name })),
            needsChoice: true,
          });
        } else {
          // Left out of the draft (an ended body is never carried); the user names the replacement.
          items.push({ taskCode: task, code: 'carry.org_ended', params: base, role, needsChoice: true });
        }
      });
      return out;
    };

    const time = { label: years(t.time.label), from: shiftDate(t.time.from, c.shift), to: shiftDate(t.time.to, c.shift, true) };
    if (time.label !== t.time.label || time.from !== t.time.from || time.to !== t.time.to)
      items.push({
        taskCode: task,
        code: 'carry.window_moved',
        params: {
          task,
          from: t.time.label || `${ddmmyyyy(t.time.from)}–${ddmmyyyy(t.time.to)}`,
          to: time.label || `${ddmmyyyy(time.from)}–${ddmmyyyy(time.to)}`,
        },
      });

    const newTargets = t.targets.map((x) => {
      const f = figure.get(x.id);
      if (f?.indicator && f.actual > x.min) {
        items.push({
          taskCode: task,
          code: 'carry.target_raised',
          params: { task, text: x.text, min: x.min, actual: f.actual, proposed: f.actual },
        });
        return { text: x.text.replace(String(x.min), String(f.actual)), min: f.actual };
      }
      items.push(
        f?.indicator
          ? { taskCode: task, code: 'carry.target_kept', params: { task, text: x.text, min: x.min, actual: f.actual } }
          : { taskCode: task, code: 'carry.target_unmeasured', params: { task, text: x.text, min: x.min } },
      );
      return { text: x.text, min: x.min };
    });

    const notes = [...t.notes];
    if (anniversaryTask?.id === t.id && round.length) {
      notes.push({
        label: translate('vi', 'carry.anniversary_note', { year: c.year }),
        text: round.map((a) => `${ddmmyyyy(a.date)}: ${a.vi}`).join('; '),
      });
      for (const a of round)
        items.push({ taskCode: task, code: 'carry.anniversary_proposed', params: { task, date: ddmmyyyy(a.date), name: a.vi } });
    }

    return {
      code: t.code,
      parent: t.parent,
      title: t.title,
      content: t.content,
      notes,
      time,
      lead: roleEntries('lead'),
      advisory: roleEntries('advisory'),
      coordinating: roleEntries('coordinating'),
      targets: newTargets,
    };
  });

  // Legal bases: the yearly guidance becomes a visible placeholder; the others are kept.
  const legalBases: Record<string, unknown>[] = [];
  let placeholder = false;
  for (const b of source.legalBases as Record<string, unknown>[]) {
    const text = String(b.text ?? '');
    if (isYearly(b, yearFrom)) {
      items.push({ taskCode: null, code: 'carry.legal_yearly_dropped', params: { text } });
      if (!placeholder) {
        placeholder = true;
        legalBases.push({ ...placeholderBasis(c.year) });
      }
    } else {
      legalBases.push(b);
      items.push({ taskCode: null, code: 'carry.legal_kept', params: { text } });
    }
  }
  if (!placeholder) legalBases.push(placeholderBasis(c.year));
  items.push({ taskCode: null, code: 'carry.legal_placeholder', params: { year: c.year } });
  items.push({ taskCode: null, code: 'carry.header_blank', params: {} });
  if (anniversaryTask && !round.length)
    items.push({ taskCode: anniversaryTask.code, code: 'carry.anniversary_none', params: { year: c.year } });

  const d = source.document;
  const input: PlanInput = {
    document: {
      kind: d.kind,
      number: null,
      numberCode: d.numberCode,
      issuer: d.issuer,
      place: d.place,
      issuedOn: null,
      title: years(d.title ?? ''),
      yearFrom: yearFrom + c.shift,
      yearTo: yearTo + c.shift,
      signer: d.signer,
      signerTitle: d.signerTitle,
    },
    legalBases,
    preamble: source.preamble ? years(source.preamble) : null,
    objectives: source.objectives,
    requirements: source.requirements,
    tasks,
    budget: source.budget,
    implementation: source.implementation as Record<string, unknown>[],
    reporting: source.reporting,
    closing: source.closing.map(years),
    recipients: source.recipients,
    unparsed: [],
    orgId: await ownerOn(db, resolver, source.orgId, c.onDate),
    sourceFilename: null,
    sourceText: null,
  };
  return { input, items };
}

/**
 * Whose plan the draft is: the source plan's owner while it is still valid on the new year's date,
 * else the one body that took the whole of it over (the committee of a merged province).
 */
async function ownerOn(db: Db, resolver: ReturnType<typeof dbResolver>, orgId: string | null, day: string): Promise<string | null> {
  let id = orgId;
  for (let step = 0; id && step < 5; step++) {
    const [o] = await db.select({ validFrom: orgs.validFrom, validTo: orgs.validTo }).from(orgs).where(eq(orgs.id, id));
    if (!o || validOn(o, day)) return id;
    const whole = ((await resolver.successors?.(id)) ?? []).filter((l) => l.duties.includes('all'));
    if (whole.length !== 1) return orgId;
    id = whole[0].orgId;
  }
  return orgId;
}

function placeholderBasis(year: number) {
  return {
    text: translate('vi', 'carry.legal_placeholder_text', { year }),
    ref: null,
    kind: null,
    date: null,
    issuer: null,
    subject: null,
    placeholder: true,
  };
}
