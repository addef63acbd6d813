import { fullNumber } from '../../../shared/doc-number';
import { viNumber, viPercent } from '../../../shared/format/vi-number';
import { translate } from '../../../shared/messages/catalogue';
import type { OfficialBlock } from '../../../shared/official-doc';
import type { Consolidated } from '../consolidated.service';
import { dmy } from '../dates';
import type { OutlinePart, OutlineSection, ReportOutline } from './report-outline';

/**
 * The body of the consolidated report, section by section as the outline says: results under
 * the plan's own task numbering, each task one paragraph (the lead's account first, then what the
 * coordinating organisations did, each sentence naming its organisation), figures summed with
 * units against targets and the same period last year, and an assessment drafted from the data.
 */
const t = (key: string, params?: Record<string, unknown>) => translate('vi', key, params);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const para = (text: string, extra: Partial<Extract<OfficialBlock, { type: 'paragraph' }>> = {}): OfficialBlock => ({
  type: 'paragraph',
  text,
  ...extra,
});
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const sentence = (s: string) => (/[.!?…;:]$/u.test(s) ? s.replace(/[;:]$/u, '.') : `${s}.`);

/** `Sở VHTTDL tổ chức …` stays; `Đã tổ chức …` becomes `Báo Quảng Trị đã tổ chức …`. */
export function namedSentence(orgName: string, orgShort: string, done: string): string {
  const d = done.trim();
  const starts = (n: string) => n && d.toLocaleLowerCase('vi').startsWith(n.toLocaleLowerCase('vi'));
  if (starts(orgName) || starts(orgShort) || /^(Sở|UBND|Ủy ban|Báo|Đài|Ban|Công an|Bộ|Văn phòng|Trung tâm|Tạp chí)\s/u.test(d))
    return sentence(d);
  return sentence(`${orgName} ${d.charAt(0).toLocaleLowerCase('vi')}${d.slice(1)}`);
}

type Task = Consolidated['tasks'][number];
type Contribution = Task['contributions'][number];

/**
 * Organisations that wrote the same account of a task (the usual "phối hợp triển khai trong phạm
 * vi chức năng, nhiệm vụ" of coordinators) become one sentence naming them all, as a person
 * consolidating by hand writes it: "Sở Công Thương, Sở Ngoại vụ và UBND xã Lao Bảo phối hợp …".
 * Accounts that begin with the organisation's own name are left as they are.
 */
export function mergeSame(list: Contribution[]): Contribution[] {
  const key = (x: Contribution) =>
    x.done
      ? x.done
          .trim()
          .replace(/[.;]+$/u, '')
          .toLocaleLowerCase('vi')
      : null;
  const groups = new Map<string, Contribution[]>();
  const out: (Contribution | Contribution[])[] = [];
  for (const x of list) {
    const k = key(x);
    const named = k && [x.orgName, x.orgShortName].some((n) => n && k.startsWith(n.toLocaleLowerCase('vi')));
    if (!k || named) {
      out.push(x);
      continue;
    }
    const g = groups.get(k);
    if (g) g.push(x);
    else {
      const fresh = [x];
      groups.set(k, fresh);
      out.push(fresh);
    }
  }
  return out.map((g) => {
    if (!Array.isArray(g)) return g;
    if (g.length === 1) return g[0];
    const names = g.map((x) => x.orgName);
    const orgName = t('reports.doc.and_list', { list: names.slice(0, -1).join(', '), last: names[names.length - 1] });
    return { ...g[0], orgName, orgShortName: orgName };
  });
}
type Indicator = Consolidated['indicators'][number];

function figureText(c: Consolidated, code: string, value: number): string | null {
  const i = [...c.indicators, ...c.money].find((x) => x.code === code);
  if (!i) return null;
  return `${i.label.toLocaleLowerCase('vi')}: ${t('reports.doc.figure', { value: viNumber(value), unit: i.unit })}`;
}

function taskParagraph(c: Consolidated, task: Task, leadIds: Set<string>): OfficialBlock[] {
  const lead = task.contributions.filter((x) => leadIds.has(x.orgId));
  const others = task.contributions.filter((x) => !leadIds.has(x.orgId));
  const said = (x: Task['contributions'][number]) =>
    x.done ? namedSentence(x.orgName, x.orgShortName, x.done) : sentence(`${x.orgName}: ${x.statusLabel.toLocaleLowerCase('vi')}`);
  const text = [
    ...mergeSame(lead).map(said),
    ...mergeSame(others).map((x, i) => (i === 0 && lead.length ? t('reports.doc.coordinated', { text: said(x) }) : said(x))),
  ].join(' ');
  const out: OfficialBlock[] = [para(text || t('reports.doc.no_report'))];
  const sums = new Map<string, number>();
  for (const x of task.contributions) for (const [code, v] of Object.entries(x.figures)) sums.set(code, (sums.get(code) ?? 0) + v);
  const figures = [...sums].map(([code, v]) => figureText(c, code, v)).filter((x): x is string => Boolean(x));
  if (figures.length) out.push(para(t('reports.doc.figures', { list: figures.join('; ') })));
  return out;
}

function results(c: Consolidated): OfficialBlock[] {
  const byId = new Map(c.tasks.map((x) => [x.taskId, x]));
  const out: OfficialBlock[] = [];
  const list = c.planTasks.length ? c.planTasks : c.tasks.map((x) => ({ id: x.taskId, code: x.code, title: x.title, leadOrgIds: [] }));
  for (const pt of list) {
    const depth = pt.code.split('.').length;
    out.push({ type: 'heading', level: depth === 1 ? 2 : 3, text: `${pt.code}. ${pt.title}` });
    const task = byId.get(pt.id);
    const hasChildren = list.some((x) => x.code.startsWith(`${pt.code}.`));
    if (task) out.push(...taskParagraph(c, task, new Set(pt.leadOrgIds)));
    else if (!hasChildren) out.push(para(t('reports.doc.no_report')));
  }
  return out;
}

function vsTarget(c: Consolidated, i: Indicator): string[] {
  const target = c.targets[i.code];
  const last = c.lastYear?.[i.code];
  return [
    ...(target ? [t('reports.doc.vs_target', { target: viNumber(target), share: viPercent(i.total, target) })] : []),
    ...(last !== undefined ? [t('reports.doc.vs_last_year', { value: viNumber(last) })] : []),
  ];
}

function limitations(c: Consolidated): OfficialBlock[] {
  const out: OfficialBlock[] = lines(c.narrative.limitations).map((l) => para(l));
  const late = c.late.length || c.missing.length;
  out.push(
    para(
      late
        ? t('reports.doc.late_reports', { n: c.late.length, list: c.late.join(', ') || '—', m: c.missing.length })
        : t('reports.doc.all_on_time'),
    ),
  );
  const overdue = c.tasks.filter((x) => x.outcome === 'overdue');
  if (overdue.length) out.push(para(t('reports.doc.overdue_tasks', { list: overdue.map((x) => `${x.code}. ${x.title}`).join('; ') })));
  const unmet = c.indicators.filter((i) => c.targets[i.code] && i.total < c.targets[i.code]);
  if (unmet.length)
    out.push(
      para(
        t('reports.doc.unmet_targets', {
          list: unmet
            .map((i) =>
              t('reports.doc.unmet_target', {
                label: i.label,
                value: viNumber(i.total),
                target: viNumber(c.targets[i.code]),
                unit: i.unit,
              }),
            )
            .join('; '),
        }),
      ),
    );
  const spent = c.money.reduce((a, i) => a + i.total, 0);
  if (spent) out.push(para(t('reports.doc.budget_use', { total: viNumber(spent) })));
  return out;
}

function appendix(c: Consolidated): OfficialBlock[] {
  const last = Boolean(c.lastYear);
  const hasTargets = c.indicators.some((i) => c.targets[i.code]);
  return [
    para(t('reports.doc.table_figures'), { bold: true, indent: false, align: 'center' }),
    {
      type: 'table',
      header: [
        t('reports.doc.col.no'),
        t('reports.doc.col.indicator'),
        t('reports.doc.col.unit'),
        t('reports.doc.col.total'),
        ...(hasTargets ? [t('reports.doc.col.target')] : []),
        ...(last ? [t('reports.doc.col.last_year')] : []),
      ],
      rows: c.indicators.map((i, n) => [
        String(n + 1),
        i.label,
        i.unit,
        viNumber(i.total),
        ...(hasTargets ? [c.targets[i.code] ? viNumber(c.targets[i.code]) : ''] : []),
        ...(last ? [viNumber(c.lastYear![i.code] ?? 0)] : []),
      ]),
      widths: [0.7, 4.4, 1.5, 1.4, ...(hasTargets ? [1.4] : []), ...(last ? [1.4] : [])],
    },
    para(t('reports.doc.table_money'), { bold: true, indent: false, align: 'center' }),
    {
      type: 'table',
      header: [t('reports.doc.col.no'), t('reports.doc.col.source'), t('reports.doc.col.amount')],
      rows: [
        ...c.money.map((i, n) => [
          String(n + 1),
          i.label.replace(/^Kinh phí: /, '').replace(/^\p{Ll}/u, (m) => m.toLocaleUpperCase('vi')),
          viNumber(i.total),
        ]),
        ['', t('reports.doc.col.sum'), viNumber(c.money.reduce((a, i) => a + i.total, 0))],
      ],
      widths: [0.7, 5.5, 2.4],
    },
    para(t('reports.doc.table_reporting'), { bold: true, indent: false, align: 'center' }),
    para(
      t('reports.doc.reporting_text', {
        received: c.totals.received,
        expected: c.totals.expected,
        onTime: c.totals.onTime,
        deadline: dmy(c.period.deadline),
        late: c.totals.late,
        missing: c.totals.missing,
      }),
    ),
    ...(c.late.length ? [{ type: 'bullet', text: t('reports.doc.late_list', { list: c.late.join('; ') }) } as OfficialBlock] : []),
    ...(c.missing.length ? [{ type: 'bullet', text: t('reports.doc.missing_list', { list: c.missing.join('; ') }) } as OfficialBlock] : []),
  ];
}

export function planReference(c: Consolidated): string {
  const p = c.plan;
  return p?.number && p.issuedOn
    ? t('reports.doc.plan_ref', {
        number: fullNumber(p.number, p.numberCode ?? 'KH-UBND'),
        date: dmy(p.issuedOn),
        title: p.title.replace(/^\p{Lu}/u, (m) => m.toLocaleLowerCase('vi')),
      })
    : t('reports.doc.plan_ref_nodate', { year: c.period.year });
}

function part(c: Consolidated, which: OutlinePart, secretariat: string): OfficialBlock[] {
  switch (which) {
    case 'leadership':
      return [
        para(
          t('reports.doc.leadership_text', {
            plan: planReference(c),
            secretariat,
            received: c.totals.received,
            expected: c.totals.expected,
          }),
        ),
      ];
    case 'results':
      return results(c);
    case 'strengths': {
      const saved = lines(c.narrative.assessment);
      const figures = c.indicators
        .filter((i) => i.total)
        .map((i) => [`${i.label}: ${viNumber(i.total)} ${i.unit}`, ...vsTarget(c, i)].join(', '));
      return [
        ...saved.map((l) => para(l)),
        para(t('reports.doc.strengths_text', { ...c.taskOutcomes, accepted: c.totals.accepted })),
        ...figures.map((f): OfficialBlock => ({ type: 'bullet', text: `${f}.` })),
      ];
    }
    case 'limitations':
      return limitations(c);
    case 'causes': {
      const saved = lines(c.narrative.causes);
      return saved.length ? saved.map((l) => para(l)) : [para(t('reports.doc.causes_text'))];
    }
    case 'nextTasks': {
      const saved = lines(c.narrative.nextTasks);
      if (saved.length) return saved.map((l) => para(l));
      const open = c.tasks.filter((x) => x.outcome === 'overdue' || x.outcome === 'inProgress');
      return [
        para(
          open.length
            ? t('reports.doc.next_text', { list: open.map((x) => `${x.code}. ${x.title}`).join('; ') })
            : t('reports.doc.next_none'),
        ),
      ];
    }
    case 'proposals': {
      const saved = lines(c.narrative.proposals);
      return saved.length
        ? saved.map((l) => ({ type: 'bullet', text: sentence(l) }) as OfficialBlock)
        : [para(t('reports.doc.no_proposals'))];
    }
    case 'reporting':
      return appendix(c).slice(-3);
    case 'appendix':
      return appendix(c);
  }
}

export function consolidatedBody(c: Consolidated, outline: ReportOutline, secretariat: string): OfficialBlock[] {
  const body: OfficialBlock[] = [
    para(t('reports.doc.intro', { plan: planReference(c), from: dmy(c.period.dataFrom), to: dmy(c.period.dataTo), secretariat })),
  ];
  outline.sections.forEach((s: OutlineSection, i) => {
    body.push({ type: 'heading', level: 1, text: `${ROMAN[i]}. ${t(s.heading)}` });
    if (s.drafted) body.push(para(t('reports.doc.draft_mark'), { italic: true }));
    if (s.part) body.push(...part(c, s.part, secretariat));
    s.children?.forEach((child, j) => {
      body.push({ type: 'heading', level: 2, text: `${j + 1}. ${t(child.heading)}` });
      if (child.part) body.push(...part(c, child.part, secretariat));
    });
  });
  return body;
}
