import { GROUP_PHRASES } from '../../../orgs';
import { fold } from '../../../../shared/text/fold';
import type { OrgEntry } from '../types';
import { foldAligned, isLetter, trimPunct } from './text-utils';

/**
 * Splits a written list of organisations into entries without breaking names that
 * contain commas or `và` (`Sở Văn hóa, Thể thao và Du lịch`), keeps group phrases whole
 * (`Các Sở, ban, ngành`, `UBND các huyện, thị xã, thành phố`, `các đơn vị có liên quan`)
 * and expands distributive forms (`UBND các huyện: Hướng Hóa và Đakrông`).
 * Pure text work: orgId is always null here.
 */

/** Words that start an organisation's name (folded). A piece that starts otherwise continues the previous name. */
const HEADS = [
  'so',
  'ban',
  'ubnd',
  'uy ban',
  'bao',
  'dai',
  'tap chi',
  'trung tam',
  'cong an',
  'bo',
  'cuc',
  'chi cuc',
  'van phong',
  'thanh tra',
  'hoi',
  'lien hiep',
  'lien doan',
  'doan',
  'tinh doan',
  'tinh uy',
  'huyen uy',
  'thanh uy',
  'thi uy',
  'mat tran',
  'ubmttq',
  'hdnd',
  'hoi dong',
  'vien',
  'truong',
  'benh vien',
  'ngan hang',
  'kho bac',
  'bao hiem',
  'cong ty',
  'tong cong ty',
  'vuon quoc gia',
  'quy',
  'phong',
  'cac',
  'dai hoc',
  'hoc vien',
  'thong tan xa',
  'hai quan',
  'chi nhanh',
  'hiep hoi',
  'cau lac bo',
  'nha xuat ban',
  'cong thong tin',
  'trang thong tin',
  'doanh nghiep',
  'to chuc',
  'lanh dao',
  'bch',
  'bchq',
  'ttxvn',
  'vtv',
  'vov',
  'huyen',
  'thi xa',
  'thanh pho',
  'thi tran',
  'luc luong',
  'cang vu',
  'co quan',
  'don vi',
  'tong cuc',
  'ubnd tinh',
  'nha van hoa',
];
const HEAD_SET = new Set(HEADS);
/** Names that contain `và` followed by another body: `Văn phòng HĐND và UBND thành phố`. */
const COMPOUND = /^Văn phòng (HĐND|Đoàn ĐBQH|Đoàn đại biểu Quốc hội|Hội đồng nhân dân)$/u;

function startsWithHead(piece: string): boolean {
  if (/^[A-ZĐ]{2,}/u.test(piece)) return true; // an abbreviation: VTV, BĐBP, TTXVN
  // a lower-case word continues a name (`Các phòng, ban, đơn vị`), except `các …`
  if (!/^\p{Lu}/u.test(piece) && !/^các\s/u.test(piece)) return false;
  const words = fold(piece)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (let n = Math.min(3, words.length); n >= 1; n--) if (HEAD_SET.has(words.slice(0, n).join(' '))) return true;
  return false;
}

interface Span {
  start: number;
  end: number;
  entries: OrgEntry[];
}

const GROUP_INDEX = GROUP_PHRASES.flatMap((g) => g.phrases.map((p) => ({ key: g.key, open: g.open, phrase: fold(p) }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

const overlaps = (spans: Span[], s: number, e: number) => spans.some((x) => s < x.end && e > x.start);

function findGroups(text: string, folded: string, taken: Span[]): Span[] {
  const found: Span[] = [];
  for (const g of GROUP_INDEX) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(g.phrase, from);
      if (at < 0) break;
      const end = at + g.phrase.length;
      from = at + 1;
      if (isLetter(folded[at - 1]) || isLetter(folded[end])) continue;
      if (overlaps(taken, at, end) || overlaps(found, at, end)) continue;
      const raw = text.slice(at, end);
      found.push({ start: at, end, entries: [{ name: raw, orgId: null, raw, group: g.key, ...(g.open ? { open: true } : {}) }] });
    }
  }
  return found;
}

const DISTRIBUTIVE =
  /(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Phòng Văn hóa và Thông tin|Ban Chỉ huy Quân sự|Công an)\s+các\s+(huyện|thị xã|thành phố|xã|phường|thị trấn)\s*(:|\(|(?=\s+\p{Lu}))\s*/gu;

function findDistributive(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(DISTRIBUTIVE)) {
    const start = m.index!;
    const listStart = start + m[0].length;
    const close = m[3] === '(' ? ')' : null;
    const rest = text.slice(listStart);
    const stop = close ? rest.indexOf(close) : rest.search(/[;)]|$/);
    const body = rest.slice(0, stop < 0 ? rest.length : stop);
    // names up to the first piece that starts a new organisation
    const pieces: Array<{ text: string; end: number }> = [];
    let last = 0;
    for (const sep of body.matchAll(/\s*,\s*|\s+và\s+/gu)) {
      pieces.push({ text: body.slice(last, sep.index), end: sep.index! });
      last = sep.index! + sep[0].length;
    }
    pieces.push({ text: body.slice(last), end: body.length });
    const names: string[] = [];
    let endPos = 0;
    for (const p of pieces) {
      const name = trimPunct(p.text);
      if (!name || (names.length > 0 && startsWithHead(name)) || !/^\p{Lu}/u.test(name)) break;
      names.push(name);
      endPos = p.end;
    }
    if (names.length === 0) continue;
    let end = listStart + endPos;
    if (close && endPos === body.length && text[end] === close) end += 1;
    const prefix = m[1];
    const unit = m[2];
    const raw = trimPunct(text.slice(start, end).trim());
    const withUnit = (n: string) => (fold(n).startsWith(fold(unit)) ? `${prefix} ${n}` : `${prefix} ${unit} ${n}`);
    spans.push({ start, end, entries: names.map((n) => ({ name: withUnit(n), orgId: null, raw })) });
  }
  return spans;
}

/** Splits a piece of text without group phrases on `,` `;` `và`, merging pieces that do not start a name. */
function splitNames(text: string): OrgEntry[] {
  const out: string[] = [];
  let depth = 0;
  let buf = '';
  const pieces: Array<{ text: string; sep: string }> = [];
  // split at top level (not inside parentheses)
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      pieces.push({ text: buf, sep: ch });
      buf = '';
      continue;
    }
    if (depth === 0 && /\s/.test(ch) && /^\s+và\s+/u.test(text.slice(i))) {
      const m = /^\s+và\s+/u.exec(text.slice(i))!;
      pieces.push({ text: buf, sep: ' và' });
      buf = '';
      i += m[0].length - 1;
      continue;
    }
    buf += ch;
  }
  pieces.push({ text: buf, sep: '' });
  let prevSep = '';
  for (const p of pieces) {
    const piece = trimPunct(p.text.trim());
    if (piece) {
      const prev = out[out.length - 1];
      const compound = prev !== undefined && prevSep === ' và' && COMPOUND.test(prev);
      if (prev !== undefined && (compound || !startsWithHead(piece)) && prevSep !== ';') out[out.length - 1] += `${prevSep} ${piece}`;
      else out.push(piece);
    }
    prevSep = p.sep;
  }
  return out.map((name) => ({ name, orgId: null, raw: name }));
}

export function splitOrgList(input: string): OrgEntry[] {
  const { text, folded } = foldAligned(
    input
      .replace(/\u200B|\u200C|\u200D|\u00AD|\uFEFF/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const distributive = findDistributive(text);
  const groups = findGroups(text, folded, distributive);
  const spans = [...distributive, ...groups].sort((a, b) => a.start - b.start);
  const entries: OrgEntry[] = [];
  let at = 0;
  for (const span of [...spans, { start: text.length, end: text.length, entries: [] }]) {
    const gap = text.slice(at, span.start);
    if (gap.replace(/[\s,;.:]|\bvà\b/gu, '').length > 0) entries.push(...splitNames(gap.replace(/^\s*(?:và\s+)/u, '')));
    entries.push(...span.entries);
    at = span.end;
  }
  return entries.filter((e) => e.name.length > 0);
}
