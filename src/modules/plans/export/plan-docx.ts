import { officialDocToBuffer, signerLines, type OfficialBlock, type OfficialDocSpec } from '../../../shared/official-doc';
import { numberCodeOf, numberSerial } from '../../../shared/doc-number';
import { splitOrgList } from '../import/parse/org-list';
import type { OrgEntry, ParsedPlan, PlanTask } from '../import/types';

/**
 * A parsed (and possibly edited) plan written back as an official document (Nghị định
 * 30/2020/NĐ-CP). The body follows the layout the importer reads, so export then import
 * gives back the same tasks, roles and dates.
 */
export interface PlanDocxOptions {
  /** Tasks as numbered paragraphs (default) or as one table. */
  layout?: 'prose' | 'table';
  fontSizePt?: 13 | 14;
  /** The body above the issuer when the plan does not say (`UBND tỉnh Quảng Trị` above a department). */
  issuerParent?: string | null;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

export function timeLabel(t: PlanTask): string {
  if (t.time.label) return t.time.label;
  if (t.time.from && t.time.to) return `Từ ngày ${dmy(t.time.from)} đến ngày ${dmy(t.time.to)}`;
  if (t.time.to) return `Trước ngày ${dmy(t.time.to)}`;
  return '';
}

/** Names joined so that the importer splits them back the same way (`;` when a comma would be ambiguous). */
export function joinOrgs(entries: OrgEntry[]): string {
  const names = entries.map((e) => e.name);
  const commas = names.join(', ');
  const back = splitOrgList(commas).map((e) => e.name);
  return back.length === names.length && back.every((n, i) => n === names[i]) ? commas : names.join('; ');
}

function splitIssuer(issuer: string | null): string {
  const name = (issuer ?? 'ỦY BAN NHÂN DÂN').toLocaleUpperCase('vi');
  const m = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(name);
  return m ? `${m[1]}\n${m[2]}` : name;
}

function taskBlocks(t: PlanTask): OfficialBlock[] {
  const depth = t.code.split('.').length;
  const blocks: OfficialBlock[] = [{ type: 'heading', level: depth === 1 ? 2 : 3, text: `${t.code}. ${t.title}` }];
  if (t.content.length === 1) blocks.push({ type: 'bullet', marker: '-', text: `Nội dung: ${t.content[0]}` });
  else if (t.content.length > 1) {
    blocks.push({ type: 'bullet', marker: '-', text: 'Nội dung:' });
    for (const c of t.content) blocks.push({ type: 'bullet', marker: '+', level: 2, text: c });
  }
  const time = timeLabel(t);
  if (time) blocks.push({ type: 'bullet', marker: '-', text: `Thời gian thực hiện: ${time}.` });
  if (t.lead.length) blocks.push({ type: 'bullet', marker: '-', text: `Cơ quan chủ trì: ${joinOrgs(t.lead)}.` });
  if (t.advisory.length) blocks.push({ type: 'bullet', marker: '-', text: `Cơ quan tham mưu: ${joinOrgs(t.advisory)}.` });
  if (t.coordinating.length) blocks.push({ type: 'bullet', marker: '-', text: `Cơ quan phối hợp: ${joinOrgs(t.coordinating)}.` });
  for (const n of t.notes ?? []) blocks.push({ type: 'bullet', marker: '-', text: `${n.label}: ${n.text}` });
  return blocks;
}

function taskTable(tasks: PlanTask[]): OfficialBlock {
  const advisory = tasks.some((t) => t.advisory.length > 0);
  const header = [
    'STT',
    'Nội dung',
    'Cơ quan chủ trì',
    ...(advisory ? ['Cơ quan tham mưu'] : []),
    'Cơ quan phối hợp',
    'Thời gian thực hiện',
  ];
  const widths = [0.7, 4.5, 2, ...(advisory ? [1.6] : []), 2, 1.4];
  const rows = tasks.map((t) => [
    t.code,
    [t.title, ...t.content.map((c) => `- ${c}`)].join('\n'),
    joinOrgs(t.lead),
    ...(advisory ? [joinOrgs(t.advisory)] : []),
    joinOrgs(t.coordinating),
    timeLabel(t),
  ]);
  return { type: 'table', header, rows, widths, fontSizePt: 12 };
}

export function planToOfficialDoc(plan: ParsedPlan, options: PlanDocxOptions = {}): OfficialDocSpec {
  const d = plan.document;
  const [kindCode, ...rest] = (d.numberCode ?? numberCodeOf(d.number) ?? 'KH-UBND').split('-');
  const body: OfficialBlock[] = [];
  for (const b of plan.legalBases) {
    const text = /^(căn cứ|thực hiện)\s/iu.test(b.text) ? b.text : `Căn cứ ${b.text}`;
    body.push({ type: 'paragraph', text: `${text};` });
  }
  if (plan.preamble) body.push({ type: 'paragraph', text: plan.preamble });

  let section = 0;
  const heading = (text: string) => body.push({ type: 'heading', level: 1, text: `${ROMAN[section++]}. ${text}` });
  if (plan.objectives.length || plan.requirements.length) {
    heading('MỤC TIÊU, YÊU CẦU');
    if (plan.objectives.length) {
      body.push({ type: 'heading', level: 2, text: '1. Mục tiêu' });
      for (const o of plan.objectives) body.push({ type: 'bullet', text: o });
    }
    if (plan.requirements.length) {
      body.push({ type: 'heading', level: 2, text: `${plan.objectives.length ? 2 : 1}. Yêu cầu` });
      for (const r of plan.requirements) body.push({ type: 'bullet', text: r });
    }
  }
  heading('NỘI DUNG');
  if (options.layout === 'table') body.push(taskTable(plan.tasks));
  else for (const t of plan.tasks) body.push(...taskBlocks(t));
  if (plan.budget.text) {
    heading('KINH PHÍ');
    for (const p of plan.budget.text.split('\n')) body.push({ type: 'paragraph', text: p });
  }
  if (plan.implementation.length) {
    heading('TỔ CHỨC THỰC HIỆN');
    for (const it of plan.implementation) for (const p of it.text.split('\n')) body.push({ type: 'paragraph', text: p });
  }
  if (plan.reporting.text?.length) {
    heading('CHẾ ĐỘ BÁO CÁO');
    for (const p of plan.reporting.text) body.push({ type: 'paragraph', text: p });
  }
  for (const c of plan.closing) body.push({ type: 'paragraph', text: c });

  const parent = d.issuerParent ?? options.issuerParent ?? null;
  return {
    issuer: { parent, name: splitIssuer(d.issuer) },
    number: numberSerial(d.number),
    kindCode: kindCode || 'KH',
    issuerCode: rest.join('-') || 'UBND',
    place: d.place ?? '',
    date: d.issuedOn,
    year: d.issuedYear ?? d.yearFrom,
    kind: d.kind ?? 'KẾ HOẠCH',
    title: d.title ?? '',
    subtitle: d.subtitle ?? null,
    body,
    signature: {
      lines: d.signerTitle?.length ? d.signerTitle : signerLines({ kind: parent ? 'department' : 'province', name: d.issuer ?? '' }, false),
      name: d.signer,
    },
    recipients: plan.recipients,
    fontSizePt: options.fontSizePt ?? 14,
    meta: { title: [d.kind ?? 'KẾ HOẠCH', d.title ?? ''].join(' ').trim() },
  };
}

export async function planToDocx(plan: ParsedPlan, options: PlanDocxOptions = {}): Promise<Buffer> {
  return officialDocToBuffer(planToOfficialDoc(plan, options));
}
