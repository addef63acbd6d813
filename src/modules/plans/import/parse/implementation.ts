import { fold } from '../../../../shared/text/fold';
import type { ImplementationItem, OrgEntry } from '../types';
import type { Line } from './lines';
import { splitOrgList } from './org-list';
import { foldAligned } from './text-utils';

/**
 * `TỔ CHỨC THỰC HIỆN`: one item per numbered paragraph (or per paragraph when
 * unnumbered), with the organisations it charges: the subject of its first sentence
 * (`Sở Tài chính căn cứ …` → Sở Tài chính; `Đề nghị Ban Tuyên giáo Tỉnh ủy hướng dẫn …`).
 */
const VERBS = [
  'chu tri',
  'phoi hop',
  'can cu',
  'xay dung',
  'tuyen truyen',
  'huong dan',
  'tham muu',
  'thuc hien',
  'trien khai',
  'co trach nhiem',
  'to chuc',
  'chi dao',
  'theo doi',
  'bo tri',
  'day manh',
  'tang cuong',
  'dinh ky',
  'la co quan',
  'chu dong',
  'cung cap',
  'ra soat',
  'quan ly',
  'tiep tuc',
  'dang tai',
  'phat song',
  'bao cao',
  'nghien cuu',
  'lam dau moi',
  'dam bao',
  'kiem tra',
  'giam sat',
  'tong hop',
  'dinh huong',
  'phan cong',
  'uu tien',
  'phat lai',
  'lua chon',
  'hoan thanh',
  'duy tri',
  'dua tin',
  'nang cao',
  'khan truong',
  'ban hanh',
  'van dong',
  'quan tam',
];
const VERB_RE = new RegExp(`(^|[\\s,;])(${VERBS.join('|')})(?=$|[\\s,;:.])`, 'g');
const NAME_HEADS_BEFORE = /(ban|so|trung tam|phong|hoi|cuc|vu|vien)\s*$/;

export function subjectOrgs(text: string): OrgEntry[] {
  const body = text.replace(/^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s*/u, '').replace(/^(đề nghị|giao|yêu cầu)\s+/iu, '');
  const { text: t, folded } = foldAligned(body);
  let cut = -1;
  for (const m of folded.matchAll(VERB_RE)) {
    const at = m.index! + m[1].length;
    const original = t.slice(at, at + m[2].length);
    const capital = original[0] !== original[0].toLowerCase();
    if (capital && NAME_HEADS_BEFORE.test(folded.slice(0, at).trimEnd())) continue; // `Ban Chỉ đạo …` is a name
    if (at === 0) break;
    cut = at;
    break;
  }
  let subject: string;
  if (cut > 0) subject = t.slice(0, cut);
  else if (/:\s*$/.test(t) || t.split(/\s+/).length <= 12) subject = t.replace(/:\s*$/, '');
  else return [];
  subject = subject.replace(/[\s,;:]+$/u, '');
  if (!subject || subject.split(/\s+/).length > 40) return [];
  return splitOrgList(subject);
}

export function parseImplementation(lines: Line[], indexes: number[]): { items: ImplementationItem[]; closing: number[] } {
  const items: ImplementationItem[] = [];
  const closing: number[] = [];
  let headingItem = false;
  let inClosing = false;
  for (const i of indexes) {
    const line = lines[i];
    if (inClosing || /^tren day la\b/.test(line.folded)) {
      inClosing = true;
      closing.push(i);
      continue;
    }
    const numbered = /^(\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+/u.exec(line.text);
    const current = items[items.length - 1];
    if (numbered && !line.marker) {
      const isHeading = /:\s*$/.test(line.text) || line.text.split(/\s+/).length <= 10;
      items.push({ code: numbered[1], text: line.text, orgs: subjectOrgs(line.text) });
      headingItem = isHeading;
      continue;
    }
    if (current && (headingItem || line.marker.includes('+'))) {
      current.text += `\n${line.marker ? `${line.marker} ` : ''}${line.text}`;
      continue;
    }
    items.push({ code: null, text: line.text, orgs: subjectOrgs(line.text) });
    headingItem = false;
  }
  return { items, closing };
}

export const isClosingStart = (line: Line) => /^tren day la\b/.test(fold(line.text));
