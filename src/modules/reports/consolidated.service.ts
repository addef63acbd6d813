import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { SessionUser } from '../../http';
import { AppError } from '../../shared/errors';
import { translate } from '../../shared/messages/catalogue';
import { writeAudit, type Actor } from '../audit';
import { issueNumber } from '../register';
import { orgs } from '../orgs';
import { getSettings, signatureOf } from '../settings';
import { dashboardOf, type computeDashboard } from './dashboard.service';
import type { PeriodRow } from './expected';
import { listIndicators } from './indicators';
import { NARRATIVE_PARTS, TASK_PROGRESS, type NarrativeInput } from './reports.schemas';
import { consolidatedReports, reportPeriods, reports } from './reports.tables';
import { planTasks, plans, taskOrgs, taskTargets } from '../plans';

/**
 * The province's consolidated report of a period, drafted from the accepted reports: each
 * task with every organisation's contribution, indicator totals, money by funding source,
 * and who was late or missing. The narrative parts are the secretariat's (saved with a
 * version); until written they hold a drafted text.
 */
export type Consolidated = Awaited<ReturnType<typeof buildConsolidated>>;

export const fmt = (n: number) => n.toLocaleString('vi-VN');

const byNameVi = new Intl.Collator('vi').compare;

export async function buildConsolidated(db: Db, period: PeriodRow, now = new Date()) {
  // The dashboard's reads and the report's own, all at once: the request waits for one round of queries.
  const [dash, parts, outline] = await Promise.all([dashboardOf(db, period, now), readParts(db, period.id), readOutline(db, period)]);
  return { ...(await assemble(db, dash, parts)), ...outline };
}

function readParts(db: Db, periodId: string) {
  return Promise.all([
    db
      .select({
        orgId: reports.orgId,
        orgName: orgs.name,
        orgShortName: orgs.shortName,
        entries: reports.entries,
        difficulties: reports.difficulties,
        proposals: reports.proposals,
        answers: reports.answers,
      })
      .from(reports)
      .innerJoin(orgs, eq(orgs.id, reports.orgId))
      .where(and(eq(reports.periodId, periodId), eq(reports.status, 'accepted'))),
    listIndicators(db),
    db.select().from(consolidatedReports).where(eq(consolidatedReports.periodId, periodId)),
    getSettings(db),
  ]);
}

/**
 * The plan's own task list (every task, parents too, with the plan's numbering), who leads each,
 * the targets per indicator, and the same period of the year before (its accepted figures), when
 * there is one.
 */
async function readOutline(db: Db, period: PeriodRow) {
  const planId = period.planId;
  const [planTaskRows, leads, targets, previous, plan] = await Promise.all([
    planId
      ? db
          .select({ id: planTasks.id, code: planTasks.code, title: planTasks.title })
          .from(planTasks)
          .where(eq(planTasks.planId, planId))
          .orderBy(asc(planTasks.position))
      : [],
    planId
      ? db
          .select({ taskId: taskOrgs.taskId, orgId: taskOrgs.orgId })
          .from(taskOrgs)
          .innerJoin(planTasks, eq(planTasks.id, taskOrgs.taskId))
          .where(and(eq(planTasks.planId, planId), eq(taskOrgs.role, 'lead')))
      : [],
    planId
      ? db
          .select({ taskId: taskTargets.taskId, indicator: taskTargets.indicator, min: taskTargets.min })
          .from(taskTargets)
          .innerJoin(planTasks, eq(planTasks.id, taskTargets.taskId))
          .where(eq(planTasks.planId, planId))
      : [],
    db
      .select({ id: reportPeriods.id })
      .from(reportPeriods)
      .where(
        and(
          eq(reportPeriods.kind, period.kind),
          eq(reportPeriods.year, period.year - 1),
          sql`to_char(${reportPeriods.dataFrom}::date, 'MM-DD') = ${period.dataFrom.slice(5)}`,
          sql`to_char(${reportPeriods.dataTo}::date, 'MM-DD') = ${period.dataTo.slice(5)}`,
        ),
      )
      .limit(1),
    planId
      ? db
          .select({ number: plans.number, numberCode: plans.numberCode, issuedOn: plans.issuedOn, title: plans.title })
          .from(plans)
          .where(eq(plans.id, planId))
      : [],
  ]);
  const targetByIndicator = new Map<string, number>();
  for (const t of targets) if (t.indicator) targetByIndicator.set(t.indicator, (targetByIndicator.get(t.indicator) ?? 0) + t.min);
  const lastYear = new Map<string, number>();
  if (previous[0]) {
    const rows = await db
      .select({ entries: reports.entries })
      .from(reports)
      .where(and(eq(reports.periodId, previous[0].id), eq(reports.status, 'accepted')));
    for (const r of rows)
      for (const e of r.entries) for (const [code, f] of Object.entries(e.figures)) lastYear.set(code, (lastYear.get(code) ?? 0) + f.value);
  }
  const leadsOf = new Map<string, Set<string>>();
  for (const l of leads) if (l.orgId) (leadsOf.get(l.taskId) ?? leadsOf.set(l.taskId, new Set()).get(l.taskId)!).add(l.orgId);
  return {
    planTasks: planTaskRows.map((t) => ({ ...t, leadOrgIds: [...(leadsOf.get(t.id) ?? [])] })),
    targets: Object.fromEntries(targetByIndicator),
    lastYear: previous[0] ? Object.fromEntries(lastYear) : null,
    plan: plan[0] ?? null,
  };
}

async function assemble(
  db: Db,
  dash: ReturnType<typeof computeDashboard>,
  [accepted, indicators, [saved], settings]: Awaited<ReturnType<typeof readParts>>,
) {
  accepted.sort((a, b) => byNameVi(a.orgName, b.orgName));
  // Each report's entry for a task (the first, as the report lists them).
  const entryOf = accepted.map((r) => {
    const m = new Map<string, (typeof r.entries)[number]>();
    for (const e of r.entries) if (!m.has(e.taskId)) m.set(e.taskId, e);
    return m;
  });
  const totals = new Map<string, number>();
  const byOrg = new Map<string, Record<string, number>>();
  for (const r of accepted) {
    const mine: Record<string, number> = {};
    for (const e of r.entries)
      for (const [code, f] of Object.entries(e.figures)) {
        totals.set(code, (totals.get(code) ?? 0) + f.value);
        mine[code] = (mine[code] ?? 0) + f.value;
      }
    byOrg.set(r.orgName, mine);
  }
  const indicatorRows = indicators.map((i) => ({
    code: i.code,
    label: i.labelVi,
    unit: i.unit,
    category: i.category,
    total: totals.get(i.code) ?? 0,
  }));
  const tasks = dash.byTask.map((t) => ({
    taskId: t.taskId,
    code: t.code,
    title: t.title,
    outcome: t.outcome,
    contributions: accepted.flatMap((r, i) => {
      const e = entryOf[i].get(t.taskId);
      return e && (e.done.trim() || e.status !== 'not_started')
        ? [
            {
              orgId: r.orgId,
              orgName: r.orgName,
              orgShortName: r.orgShortName,
              status: e.status,
              statusLabel: TASK_PROGRESS[e.status].vi,
              done: e.done.trim(),
              figures: Object.fromEntries(Object.entries(e.figures).map(([code, f]) => [code, f.value])),
            },
          ]
        : [];
    }),
  }));
  const nameOf = new Map(dash.byOrg.map((o) => [o.orgId, o.name]));
  const late = dash.byOrg.filter((o) => o.late).map((o) => o.name);
  const missing = dash.byOrg.filter((o) => !o.received).map((o) => o.name);
  const t = dash.totals;
  const drafted: Record<(typeof NARRATIVE_PARTS)[number], string> = {
    assessment: `Trong kỳ báo cáo, ${t.received}/${t.expected} cơ quan, đơn vị đã gửi báo cáo (${t.onTime} đúng hạn, ${t.late} trễ hạn); ${t.accepted} báo cáo đã được chấp nhận và tổng hợp. Các nhiệm vụ: ${dash.taskOutcomes.doneOnTime} hoàn thành đúng hạn, ${dash.taskOutcomes.doneLate} hoàn thành quá hạn, ${dash.taskOutcomes.inProgress} đang thực hiện trong hạn, ${dash.taskOutcomes.overdue} quá hạn.`,
    limitations:
      accepted
        .filter((r) => r.difficulties.trim())
        .map((r) => `${r.orgName}: ${r.difficulties.trim()}`)
        .join('\n') ||
      accepted
        .flatMap((r) => r.entries.filter((e) => e.difficulties.trim()).map((e) => `${r.orgName}: ${e.difficulties.trim()}`))
        .join('\n'),
    causes: '',
    nextTasks: '',
    proposals: [
      ...accepted.filter((r) => r.proposals.trim()).map((r) => `${r.orgName}: ${r.proposals.trim()}`),
      ...accepted.flatMap((r) => r.entries.filter((e) => e.proposals.trim()).map((e) => `${r.orgName}: ${e.proposals.trim()}`)),
    ].join('\n'),
  };
  const narrative = Object.fromEntries(NARRATIVE_PARTS.map((p) => [p, saved?.narrative[p] ?? drafted[p]])) as typeof drafted;
  const province = (settings.province ?? {}) as { name?: string; issuer?: string; place?: string };
  const secretariatId = typeof settings.secretariatOrgId === 'string' ? settings.secretariatOrgId : null;
  const [[secretariat], signature] = await Promise.all([
    secretariatId
      ? db.select({ name: orgs.name, shortName: orgs.shortName, docCode: orgs.docCode }).from(orgs).where(eq(orgs.id, secretariatId))
      : [],
    signatureOf(db, secretariatId, settings),
  ]);
  return {
    period: dash.period,
    totals: dash.totals,
    taskOutcomes: dash.taskOutcomes,
    narrative,
    drafted,
    number: saved?.number ?? null,
    issuedOn: saved?.issuedOn ?? null,
    // The secretariat's signer by default (settings `signers`): its head, or a deputy for the head.
    signer: saved?.signer ?? signature.name,
    signerTitle: saved?.signerTitle?.length ? saved.signerTitle : signature.lines,
    version: saved?.version ?? 0,
    tasks,
    indicators: indicatorRows.filter((i) => i.category !== 'money'),
    money: indicatorRows.filter((i) => i.category === 'money'),
    figuresByOrg: [...byOrg.entries()].map(([orgName, figures]) => ({ orgName, figures })),
    late,
    missing,
    acceptedOrgs: accepted.map((r) => r.orgName),
    byOrg: dash.byOrg.map((o) => ({
      name: o.name,
      status: o.status,
      onTime: o.onTime,
      late: o.late,
      firstSubmittedAt: o.firstSubmittedAt,
    })),
    notAccepted: dash.byOrg.filter((o) => o.received && o.status !== 'accepted').map((o) => nameOf.get(o.orgId)!),
    province: { name: province.name ?? '', place: province.place ?? province.name ?? '' },
    secretariat: secretariat ?? null,
  };
}

export async function saveNarrative(db: Db, periodId: string, input: NarrativeInput, user: SessionUser, actor: Actor) {
  if (user.role !== 'secretariat') throw new AppError('report.forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(consolidatedReports).where(eq(consolidatedReports.periodId, periodId));
    const current = row?.version ?? 0;
    if (row?.issuedOn) throw new AppError('report.consolidated_issued', { number: row.number, issuedOn: row.issuedOn });
    if (input.version !== current) throw new AppError('report.consolidated_version_conflict', { version: current });
    const values = {
      narrative: { ...(row?.narrative ?? {}), ...input.narrative } as Record<string, string>,
      number: input.number === undefined ? (row?.number ?? null) : input.number,
      signer: input.signer === undefined ? (row?.signer ?? null) : input.signer,
      signerTitle: input.signerTitle ?? row?.signerTitle ?? [],
      version: current + 1,
      updatedBy: user.id,
      updatedAt: new Date(),
    };
    if (row) {
      const [u] = await tx
        .update(consolidatedReports)
        .set(values)
        .where(and(eq(consolidatedReports.periodId, periodId), eq(consolidatedReports.version, current)))
        .returning();
      if (!u) throw new AppError('report.consolidated_version_conflict', { version: current });
    } else {
      await tx.insert(consolidatedReports).values({ periodId, ...values });
    }
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'consolidated_report',
      entityId: periodId,
      before: row ? { narrative: row.narrative, version: current } : null,
      after: { narrative: input.narrative, version: current + 1 },
    });
    return { version: current + 1 };
  });
}

/**
 * Issues the consolidated report: the next BC number of the secretariat's register this year,
 * given in the same transaction that freezes the report (the version read must be the one issued).
 */
export async function issueConsolidated(db: Db, period: PeriodRow, version: number, user: SessionUser, actor: Actor) {
  if (user.role !== 'secretariat') throw new AppError('report.forbidden');
  const c = await buildConsolidated(db, period);
  const secretariatId = (await getSettings(db)).secretariatOrgId;
  if (typeof secretariatId !== 'string') throw new AppError('report.consolidated_no_issuer');
  return db.transaction(async (tx) => {
    // The row exists and is held for this transaction: two issues of one report queue here.
    await tx.insert(consolidatedReports).values({ periodId: period.id, version: 0 }).onConflictDoNothing();
    const [row] = await tx.select().from(consolidatedReports).where(eq(consolidatedReports.periodId, period.id)).for('update');
    if (row.issuedOn) throw new AppError('report.consolidated_issued', { number: row.number, issuedOn: row.issuedOn });
    if (row.version !== version) throw new AppError('report.consolidated_version_conflict', { version: row.version });
    const issued = await issueNumber(tx, {
      orgId: secretariatId,
      kindCode: 'BC',
      issuerCode: c.secretariat?.docCode || undefined,
      summary: period.title,
      signer: c.signer,
      recipients: [
        translate('vi', 'reports.doc.to_province'),
        translate('vi', 'reports.doc.to_orgs'),
        translate('vi', 'reports.doc.archive'),
      ],
      docType: 'consolidated_report',
      docId: period.id,
      userId: user.id,
    });
    const [u] = await tx
      .update(consolidatedReports)
      .set({ number: issued.serialText, issuedOn: issued.issuedOn, version: row.version + 1, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(consolidatedReports.periodId, period.id))
      .returning({ version: consolidatedReports.version });
    await writeAudit(tx, actor, {
      action: 'issue',
      entity: 'consolidated_report',
      entityId: period.id,
      before: { number: row.number },
      after: { number: issued.number, issuedOn: issued.issuedOn },
    });
    return { number: issued.number, serial: issued.serial, issuedOn: issued.issuedOn, version: u.version };
  });
}
