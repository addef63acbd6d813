import { fold } from '../../../../shared/text/fold';
import type { PlanDocument } from '../types';
import type { Line } from './lines';
import { isLegalStart } from './legal-bases';
import { isUpper, isoDate } from './text-utils';

/**
 * The document header, everything before the legal bases: issuing body, national
 * motto, `Số: …/KH-UBND`, place and date, document kind and title.
 */
const KINDS = [
  'ke hoach',
  'chuong trinh',
  'bao cao',
  'ke hoach hanh dong',
  'chuong trinh hanh dong',
  'de an',
  'huong dan',
  'quyet dinh',
  'cong van',
  'thong bao',
  'thong tu',
  'nghi quyet',
  'chi thi',
];

/** The kind a document code stands for (Nghị định 30/2020/NĐ-CP, Phụ lục III): `KH-UBND` → KẾ HOẠCH. */
const KIND_OF_CODE: Record<string, string> = {
  kh: 'KẾ HOẠCH',
  qd: 'QUYẾT ĐỊNH',
  ctr: 'CHƯƠNG TRÌNH',
  bc: 'BÁO CÁO',
  tb: 'THÔNG BÁO',
  hd: 'HƯỚNG DẪN',
  da: 'ĐỀ ÁN',
  nq: 'NGHỊ QUYẾT',
  ct: 'CHỈ THỊ',
  tt: 'THÔNG TƯ',
  qc: 'QUY CHẾ',
};

/** `KH-UBND`, `2014/QĐ-UBND` → `KẾ HOẠCH`, `QUYẾT ĐỊNH`; null for a code it does not know. */
export function kindOfCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const first = fold(code.split('/').pop()!.split(/[-–]/)[0]);
  return KIND_OF_CODE[first] ?? null;
}

/** An issuing body's name line: `ỦY BAN NHÂN DÂN`, `UBND TỈNH …`, `SỞ …`, `BỘ …`, `TỈNH …`. */
export const isBodyName = (f: string) =>
  /^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|so |bo |ban (?!hanh\b)|tinh |thanh pho |huyen |thi xa |xa |phuong |cong an |van phong |tinh uy|thanh uy|dang uy|trung tam |dai |bao |chi cuc |cuc )/.test(
    f,
  );

export const isMotto = (f: string) => /cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]?\s*tu do\s*[-–]?\s*hanh phuc/.test(f);

const NUMBER = /^số\s*:?\s*([0-9A-Za-z.-]*)\s*\/\s*([\p{L}\p{N}\-–.&/]+)\s*$/iu;
const PLACE_DATE = /^(.{2,60}?),\s*ngày\s*(\d{1,2})?\s*(?:[./\s]*)tháng\s*(\d{1,2})?\s*(?:[./\s]*)năm\s*(\d{4})\s*\.?$/iu;

/** `Số: 44/KH-UBND` → the whole số ký hiệu `44/KH-UBND`, its serial `44` and code `KH-UBND`; a blank serial gives number null. */
export function readNumber(text: string): { number: string | null; serial: string | null; code: string } | null {
  const m = NUMBER.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const serial = m[1] ? m[1] : null;
  return { number: serial ? `${serial}/${m[2]}` : null, serial, code: m[2] };
}

export function readPlaceDate(text: string): { place: string; issuedOn: string | null; year: number } | null {
  const m = PLACE_DATE.exec(text.replace(/[\s\u00a0]+/g, ' ').trim());
  if (!m) return null;
  const year = Number(m[4]);
  const issuedOn = m[2] && m[3] ? isoDate(Number(m[2]), Number(m[3]), year) : null;
  return { place: m[1].trim(), issuedOn, year };
}

export function isKindLine(line: Line): boolean {
  return KINDS.includes(line.folded.replace(/[.:]+$/, ''));
}

/** Years covered from a title: `GIAI ĐOẠN 2021 - 2025`, `năm 2023`, `2024-2025`. */
export function yearsFromTitle(title: string): { from: number; to: number } | null {
  const f = fold(title);
  const range = /(?:giai doan|nam|tu nam)?\s*((?:19|20)\d{2})\s*(?:-|–|den|den nam)\s*((?:19|20)\d{2})/.exec(f);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  const single = /nam\s+((?:19|20)\d{2})/.exec(f) ?? /\b((?:19|20)\d{2})\b/.exec(f);
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  return null;
}

export interface HeaderResult {
  document: Partial<PlanDocument>;
  /** indexes (into the given lines) consumed by the header */
  consumed: number[];
  /** index of the first line after the title (legal bases and preamble start here) */
  bodyStart: number;
  /** The kind was not written: read from the code (`KH-UBND` → KẾ HOẠCH). */
  kindFromCode?: boolean;
  /** The issuer is a bare `ỦY BAN NHÂN DÂN` without its level and place. */
  bareIssuer?: boolean;
}

export function parseHeader(lines: Line[]): HeaderResult {
  const doc: Partial<PlanDocument> = {};
  const consumed: number[] = [];
  const issuerLines: string[] = [];
  let authority: string | null = null;
  let kindFromCode = false;
  let i = headerStart(lines);
  let kindAt = -1;
  let titleAt = -1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isLegalStart(line.folded)) break;
    if (isMotto(line.folded)) {
      consumed.push(i);
      continue;
    }
    const num = line.marker ? null : readNumber(line.text);
    if (num) {
      doc.number = num.number;
      doc.numberSerial = num.serial;
      doc.numberCode = num.code;
      consumed.push(i);
      continue;
    }
    const pd = readPlaceDate(line.text);
    if (pd) {
      doc.place = pd.place;
      doc.issuedOn = pd.issuedOn;
      doc.issuedYear = pd.year;
      consumed.push(i);
      continue;
    }
    if (isKindLine(line)) {
      doc.kind = line.text.replace(/[.:]+$/, '');
      consumed.push(i);
      kindAt = i;
      i++;
      break;
    }
    // past the number and the date, an upper-case line that names no body is the title of a
    // document whose kind line the page dropped (`BAN HÀNH QUY CHẾ …` under `Số: 06/2014/QĐ-UBND`)
    if (isUpper(line.text) && !line.marker && doc.numberCode && doc.issuedYear && issuerLines.length > 0 && !isBodyName(line.folded)) {
      titleAt = i;
      break;
    }
    if (isUpper(line.text) && !line.marker) {
      issuerLines.push(line.text);
      consumed.push(i);
      continue;
    }
    // a stray line (a page's leftover) when the number, the date or the kind still follows: left for review
    const ahead = lines.slice(i + 1, i + 4);
    if (!line.marker && line.text.length <= 80 && ahead.some((l) => readNumber(l.text) || readPlaceDate(l.text) || isKindLine(l))) continue;
    // anything else before the kind: not header material, stop here
    break;
  }
  if (kindAt >= 0 || titleAt >= 0) {
    const title: string[] = [];
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (isLegalStart(line.folded) || line.marker || line.kind === 'row') break;
      // a decision names its enacting authority under the title: `ỦY BAN NHÂN DÂN TỈNH HÀ GIANG`
      if (title.length > 0 && isUpper(line.text) && /^(chu tich )?(uy ban nhan dan|hoi dong nhan dan)\b/.test(line.folded)) {
        authority = line.text;
        consumed.push(i);
        i++;
        break;
      }
      if (/^\(.*\)$/.test(line.text) && title.length > 0) {
        doc.subtitle = line.text;
        consumed.push(i);
        continue;
      }
      if (title.length > 0 && (/^(\p{Lu}{1,4}|[IVX]+)[.)]\s/u.test(line.text) || line.text.length > 250)) break;
      if (title.length > 0 && /[.;:]$/.test(title[title.length - 1])) break;
      // a place-date or number after the title (some layouts put them below)
      const pd = readPlaceDate(line.text);
      if (pd) {
        doc.place = pd.place;
        doc.issuedOn = pd.issuedOn;
        doc.issuedYear = pd.year;
        consumed.push(i);
        continue;
      }
      title.push(line.text);
      consumed.push(i);
      if (!line.bold && !isUpper(line.text) && line.kind !== 'heading' && title.length >= 1 && /[.]$/.test(line.text)) break;
    }
    doc.title = title.join(' ').replace(/\s+/g, ' ').trim() || null;
  }
  if (!doc.kind) {
    const inferred = kindOfCode(doc.numberCode);
    if (inferred) {
      doc.kind = inferred;
      kindFromCode = true;
    }
  }
  if (issuerLines.length > 0) {
    const merged: string[] = [];
    for (const l of issuerLines) {
      const prev = merged[merged.length - 1];
      // "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ" is one name on two lines
      if (prev !== undefined && /^(uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)$/.test(fold(prev)))
        merged[merged.length - 1] = `${prev} ${l}`;
      else merged.push(l);
    }
    doc.issuer = merged[merged.length - 1];
    doc.issuerParent = merged.length > 1 ? merged.slice(0, -1).join(' ') : null;
    doc.issuerSource = 'header';
  }
  // a bare `ỦY BAN NHÂN DÂN` (the page lost the line under it) completed by the enacting authority under the title
  const bare = (s: string) => /^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/.test(fold(s));
  if (authority && /^(uy ban nhan dan|hoi dong nhan dan)\b/.test(fold(authority)) && (!doc.issuer || bare(doc.issuer))) {
    doc.issuer = authority.replace(/^CHỦ TỊCH\s+/u, '');
    doc.issuerSource = 'header';
  }
  return { document: doc, consumed, bodyStart: i, kindFromCode, bareIssuer: !!doc.issuer && bare(doc.issuer) };
}

/**
 * Where the document's header starts: lines a site puts above it (its name, a metadata block, the
 * page title) are passed over when an issuer, the motto or the number line follows within a few lines.
 */
function headerStart(lines: Line[]): number {
  const anchor = (l: Line) => !l.marker && (isMotto(l.folded) || readNumber(l.text) !== null || (isUpper(l.text) && isBodyName(l.folded)));
  const k = lines.slice(0, 15).findIndex(anchor);
  if (k <= 0) return 0;
  return lines.slice(0, k).some((l) => isLegalStart(l.folded) || isKindLine(l)) ? 0 : k;
}
