import { fold } from '../../../../shared/text/fold';
import type { ParsedPlan, PlanDocument, PlanWarning, SourceDoc } from '../types';
import { budgetSources } from './budget';
import { isRecipientsStart, isSignatureLine, parseEndBlock } from './end-block';
import { isKindLine, parseHeader, yearsFromTitle } from './header';
import { parseImplementation } from './implementation';
import { parseLegalBases } from './legal-bases';
import { toLines, type Line } from './lines';
import { parseReporting } from './reporting';
import { detectSection, goalsSubheading, type SectionKey } from './sections';
import { finishTasks, parseProseTasks, parseTableTasks, type Draft } from './tasks';

/**
 * Parses an extracted plan document. Pure, synchronous and deterministic: the same
 * source always gives the same plan; nothing is looked up (orgId is always null).
 * Every non-empty source line is consumed by some part or listed in `unparsed`.
 */
export function parsePlan(source: SourceDoc): ParsedPlan {
  const lines = toLines(source);
  const consumed = new Set<number>();
  const take = (is: Iterable<number>) => {
    for (const i of is) consumed.add(i);
  };
  const warnings: PlanWarning[] = [...source.warnings];

  // 1. task tables, wherever they stand
  const tableRows = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (l.kind === 'row' && l.table !== undefined) tableRows.set(l.table, [...(tableRows.get(l.table) ?? []), i]);
  });
  const flowIdx = lines.map((_, i) => i).filter((i) => lines[i].kind !== 'row');

  // 2. zones: header (before the first section), sections, end block
  const firstSection = flowIdx.find((i) => detectSection(lines[i]));
  const headerEnd = firstSection ?? flowIdx.find((i) => isRecipientsStart(lines[i]) || isSignatureLine(lines[i])) ?? lines.length;
  const headerIdx = flowIdx.filter((i) => i < headerEnd);
  const header = parseHeader(headerIdx.map((i) => lines[i]));
  take(header.consumed.map((k) => headerIdx[k]));
  const legalIdx = legalZone(lines, headerIdx.slice(header.bodyStart));
  const legal = parseLegalBases(legalIdx.map((i) => lines[i].text));
  take(legalIdx);

  const endStart = flowIdx.find((i) => i >= headerEnd && (isRecipientsStart(lines[i]) || isSignatureLine(lines[i]))) ?? lines.length;
  const sections: Array<{ key: SectionKey; heading: number; body: number[] }> = [];
  for (const i of flowIdx) {
    if (i < headerEnd || i >= endStart) continue;
    const s = detectSection(lines[i]);
    if (s) {
      sections.push({ key: s.key, heading: i, body: [] });
      continue;
    }
    sections[sections.length - 1]?.body.push(i);
  }

  // 3. years: the title's, else those the preamble gives the plan; time windows fall back on the year issued
  const titleYears = header.document.title ? yearsFromTitle(header.document.title) : null;
  const statedYears = titleYears ?? (header.document.title ? null : preambleYears(legal.preamble));
  const ctx = {
    yearFrom: statedYears?.from ?? header.document.issuedYear ?? null,
    yearTo: statedYears?.to ?? header.document.issuedYear ?? null,
  };
  // a decision or circular without years in its title covers none (`BAN HÀNH QUY CHẾ …`)
  const timeless = !statedYears && /^(QUYẾT ĐỊNH|THÔNG TƯ|NGHỊ QUYẾT|CHỈ THỊ|QUY CHẾ)$/u.test(header.document.kind ?? '');
  const yearFrom = timeless ? null : ctx.yearFrom;
  const yearTo = timeless ? null : ctx.yearTo;
  if (header.kindFromCode)
    warnings.push({ code: 'plan.warn_kind_from_number', details: { kind: header.document.kind!, code: header.document.numberCode! } });
  if (header.bareIssuer) completeIssuer(header.document, legal.preamble, warnings);
  else completeCutIssuer(header.document, [...legal.bases.map((b) => b.text), ...legal.preamble], warnings);

  const objectives: string[] = [];
  const requirements: string[] = [];
  const budgetText: string[] = [];
  const reportingText: string[] = [];
  const closing: string[] = [];
  const implementation: ParsedPlan['implementation'] = [];
  const drafts: Draft[] = [];
  let topCounter = 0;
  const nextTop = () => ++topCounter;

  for (const s of sections) {
    if (s.key !== 'other') consumed.add(s.heading);
    if (s.key === 'goals' || s.key === 'objectives' || s.key === 'requirements') {
      let list = s.key === 'requirements' ? requirements : objectives;
      for (const i of s.body) {
        const sub = goalsSubheading(lines[i]);
        if (sub && (!lines[i].marker || !sub.rest)) {
          list = sub.list === 'requirements' ? requirements : objectives;
          if (sub.rest) list.push(sub.rest);
        } else if (isClosing(lines[i])) {
          closing.push(lines[i].text);
        } else {
          list.push(lines[i].text);
        }
        consumed.add(i);
      }
    } else if (s.key === 'content') {
      const { drafts: d, consumed: c } = parseProseTasks(lines, s.body, warnings);
      drafts.push(...d);
      take(c);
    } else if (s.key === 'budget') {
      for (const i of s.body) {
        if (isClosing(lines[i])) closing.push(lines[i].text);
        else budgetText.push(lines[i].text);
        consumed.add(i);
      }
    } else if (s.key === 'implementation' || s.key === 'reporting') {
      const { items, closing: c } = parseImplementation(lines, s.body);
      if (s.key === 'implementation') implementation.push(...items);
      else reportingText.push(...items.map((it) => it.text));
      closing.push(...c.map((i) => lines[i].text));
      take(s.body);
    }
  }
  for (const d of drafts) topCounter = Math.max(topCounter, Number(d.task.code.split('.')[0]) || 0);
  for (const [, rows] of [...tableRows.entries()].sort((a, b) => a[0] - b[0])) {
    const { drafts: d, consumed: c } = parseTableTasks(lines, rows, nextTop);
    const known = new Set(drafts.map((x) => x.task.code));
    drafts.push(...d.filter((x) => !known.has(x.task.code)));
    take(c);
  }
  drafts.sort((a, b) => a.task.sourceLines[0] - b.task.sourceLines[0]);
  const tasks = finishTasks(drafts, ctx, warnings);
  if (tasks.length === 0) warnings.push({ code: 'plan.warn_no_tasks' });

  // 4. end block: recipients and signature
  const endIdx = flowIdx.filter((i) => i >= endStart);
  const end = parseEndBlock(lines, endIdx);
  take(end.consumed);
  // a closing paragraph after the sections but before the end block is already in a section;
  // one inside the end zone (rare) is taken here
  for (const i of endIdx) {
    if (!consumed.has(i) && isClosing(lines[i])) {
      closing.push(lines[i].text);
      consumed.add(i);
    }
  }

  const reporting = parseReporting([...implementation.map((x) => x.text), ...reportingText, ...closing]);
  const document = buildDocument(header.document, end, legal.preamble, yearFrom, yearTo, warnings);

  const unparsedLines = lines
    .map((l, i) => ({ l, i }))
    .filter(({ i }) => !consumed.has(i))
    .map(({ l }) => ({ line: l.src[0], text: l.kind === 'row' ? (l.cells ?? []).map((c) => c.join(' ')).join(' | ') : withMarker(l) }));
  if (unparsedLines.length > 0) warnings.push({ code: 'plan.warn_unparsed', details: { count: unparsedLines.length } });

  const budgetJoined = budgetText.join('\n');
  return {
    document,
    legalBases: legal.bases,
    preamble: legal.preamble.length ? legal.preamble.join('; ') : null,
    objectives,
    requirements,
    tasks,
    budget: { text: budgetJoined, sources: budgetSources(budgetJoined) },
    implementation,
    reporting: { ...reporting, text: reportingText },
    closing,
    recipients: end.recipients,
    unparsed: unparsedLines.map((u) => u.text),
    unparsedLines,
    warnings,
  };
}

/** `… ban hành Kế hoạch công tác đối ngoại năm 2022 như sau:` → 2022, for a document whose title the page lost. */
function preambleYears(preamble: string[]): { from: number; to: number } | null {
  const m = /\b(?:kế hoạch|chương trình)\b[^;:]*?\b((?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?)/iu.exec(preamble.join('; '));
  return m ? yearsFromTitle(m[1]) : null;
}

/**
 * A bare `ỦY BAN NHÂN DÂN` (the page lost the line naming the province): the level the enacting
 * sentence gives it (`Ủy ban nhân dân tỉnh ban hành …`) and the place of the date line.
 */
function completeIssuer(h: Partial<PlanDocument>, preamble: string[], warnings: PlanWarning[]): void {
  const level = /(?<!\p{L})(?:ủy ban nhân dân|ubnd)\s+(tỉnh|thành phố)(?!\p{L})/iu.exec(preamble.join(' '))?.[1];
  if (!level || !h.place || !h.issuer) return;
  h.issuer = `${h.issuer} ${level} ${h.place}`.toLocaleUpperCase('vi');
  warnings.push({ code: 'plan.warn_issuer_completed', details: { issuer: h.issuer } });
}

/**
 * An issuer cell the page cut after `VÀ` (`BỘ THÔNG TIN VÀ`): completed from the same name written out
 * in the text, as far as the initials then spell the code's issuer part (`…/TT-BTTTT` → BTTTT).
 */
function completeCutIssuer(h: Partial<PlanDocument>, texts: string[], warnings: PlanWarning[]): void {
  if (!h.issuer || !/\sVÀ$/u.test(h.issuer) || !h.numberCode) return;
  const code = h.numberCode.split(/[-–]/).slice(1).join('').toUpperCase();
  const initials = (ws: string[]) =>
    ws
      .filter((w) => fold(w) !== 'va')
      .map((w) => fold(w)[0]?.toUpperCase() ?? '')
      .join('');
  const head = h.issuer.split(/\s+/);
  const want = head.map((w) => fold(w));
  for (const text of texts) {
    const words = text.split(/[\s,;:()]+/).filter(Boolean);
    for (let i = 0; i + want.length <= words.length; i++) {
      if (!want.every((w, k) => fold(words[i + k]) === w)) continue;
      for (let n = 1; n <= 4 && i + want.length + n <= words.length; n++) {
        const tail = words.slice(i + want.length, i + want.length + n);
        if (initials([...head, ...tail]) === code) {
          h.issuer = [...head, ...tail].join(' ').toLocaleUpperCase('vi');
          warnings.push({ code: 'plan.warn_issuer_completed', details: { issuer: h.issuer } });
          return;
        }
      }
    }
  }
}

const isClosing = (l: Line) => /^tren day la\b/.test(l.folded);

/**
 * The legal bases run from the title to the enacting line of a decision (`QUYẾT ĐỊNH:`) or the
 * clause closing them (`… như sau:`); what follows in a document without sections is not a basis.
 */
function legalZone(lines: Line[], idx: number[]): number[] {
  const out: number[] = [];
  for (const i of idx) {
    const l = lines[i];
    if (isKindLine({ ...l, folded: l.folded.replace(/:$/, '') })) break;
    out.push(i);
    if (/nhu sau\s*:$/.test(l.folded)) break;
  }
  return out;
}
const withMarker = (l: Line) => (l.marker ? `${l.marker} ${l.text}` : l.text);

function buildDocument(
  h: Partial<PlanDocument>,
  end: { signer: string | null; signerTitle: string[] },
  preamble: string[],
  yearFrom: number | null,
  yearTo: number | null,
  warnings: PlanWarning[],
): PlanDocument {
  let issuer = h.issuer ?? null;
  let issuerSource = h.issuerSource ?? null;
  const tm = end.signerTitle.find((t) => /^TM\.\s*/u.test(t));
  if (!issuer && tm) {
    issuer = tm.replace(/^TM\.\s*/u, '');
    // "ỦY BAN NHÂN DÂN TỈNH" + the province named in the title or preamble
    const where = [h.title ?? '', ...preamble].join(' ');
    const level = /(tỉnh|huyện|thành phố|thị xã)$/iu.exec(issuer)?.[1];
    if (level) {
      const m = new RegExp(`${level}\\s+((?:\\p{Lu}[\\p{Ll}\\p{M}]*\\s?){1,3})`, 'iu').exec(where);
      const name = m?.[1]
        .trim()
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .join(' ');
      if (name) issuer = `${issuer} ${name.toLocaleUpperCase('vi')}`;
    }
    issuerSource = 'signature';
    warnings.push({ code: 'plan.warn_issuer_from_signature' });
  }
  return {
    kind: h.kind ?? null,
    number: h.number ?? null,
    numberCode: h.numberCode ?? null,
    numberSerial: h.numberSerial ?? null,
    issuer,
    issuerSource,
    issuerParent: h.issuerParent ?? null,
    place: h.place ?? null,
    issuedOn: h.issuedOn ?? null,
    issuedYear: h.issuedYear ?? null,
    title: h.title ?? null,
    subtitle: h.subtitle ?? null,
    yearFrom,
    yearTo,
    signer: end.signer,
    signerTitle: end.signerTitle,
  };
}
