import { fold } from '../../../../shared/text/fold';
import type { Line } from './lines';
import { foldAligned, isUpper, romanToInt } from './text-utils';

/**
 * Top-level sections of a plan, recognised by their words whatever their numbering
 * (`II. NỘI DUNG`, `B. NỘI DUNG`, `2. NỘI DUNG`, `NỘI DUNG`) or markdown level.
 */
export type SectionKey = 'goals' | 'objectives' | 'requirements' | 'content' | 'budget' | 'implementation' | 'reporting' | 'other';

const RULES: Array<[SectionKey, RegExp]> = [
  ['goals', /^(quan diem,? )?(muc tieu|muc dich)(,| va| -)? ?(yeu cau|nhiem vu|chi tieu)$/],
  ['objectives', /^(muc tieu|muc dich)( chung| cu the)?$/],
  ['requirements', /^yeu cau$/],
  [
    'content',
    /^(cac )?(noi dung|nhiem vu)(( va|,) (giai phap|nhiem vu|noi dung))?( (trong tam|cu the|chu yeu|thuc hien|ke hoach|hoat dong))?\b.{0,60}$/,
  ],
  ['content', /^cac hoat dong\b.{0,60}$/],
  ['budget', /^(nguon )?kinh phi( thuc hien| va nguon kinh phi)?$/],
  [
    'implementation',
    /^(to chuc thuc hien|phan cong (nhiem vu|thuc hien|trach nhiem)|trach nhiem (thuc hien|cua cac .*)|giai phap va to chuc thuc hien)$/,
  ],
  ['reporting', /^(che do (thong tin,? )?bao cao|thong tin,? bao cao|bao cao ket qua)( thuc hien)?$/],
];

const NUMBERING = /^(?:([IVXLC]+)|([A-Z])|(\d{1,2}))\s*[.)/]\s*(.*)$/u;

export interface SectionHeading {
  key: SectionKey;
  numbering: string | null;
  title: string;
}

export function detectSection(line: Line): SectionHeading | null {
  if (line.marker || line.kind === 'row') return null;
  const m = NUMBERING.exec(line.text);
  const roman = !!(m && m[1] && romanToInt(m[1]));
  const letter = !!(m && m[2]);
  const arabic = !!(m && m[3]);
  const rest = m ? m[4] : line.text;
  if (!rest) return null;
  const f = fold(rest)
    .replace(/[.:;]+$/, '')
    .trim();
  const upper = isUpper(rest);
  const strong = upper || roman || ((line.bold || line.kind === 'heading') && !arabic && !letter);
  if (!strong) return null;
  if ((arabic || letter) && !upper) return null;
  for (const [key, re] of RULES) {
    if (re.test(f)) return { key, numbering: m ? (m[1] ?? m[2] ?? m[3]) : null, title: line.text };
  }
  if (roman && upper) return { key: 'other', numbering: m![1], title: line.text };
  return null;
}

/** Sub-headings inside the goals section: `1. Mục tiêu`, `b) Yêu cầu:`, `Mục đích`. */
export function goalsSubheading(line: Line): { list: 'objectives' | 'requirements'; rest: string } | null {
  if (line.kind === 'row') return null;
  const { text, folded } = foldAligned(line.text);
  const m = /^(?:(?:\d{1,2}|[a-zđ])\s*[.)]\s*)?(muc tieu|muc dich|yeu cau)( chung| cu the)?\s*(?:[:.]\s*|$)/.exec(folded);
  if (!m) return null;
  return { list: m[1] === 'yeu cau' ? 'requirements' : 'objectives', rest: text.slice(m[0].length).trim() };
}
