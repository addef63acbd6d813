import { translate } from '../messages/catalogue';

/**
 * Authority lines of a signature block (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9):
 * a collective body (ỦY BAN NHÂN DÂN of a province or district) signs `TM. ỦY BAN NHÂN DÂN`
 * then `CHỦ TỊCH`, or `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` for a vice-chairman; a body led by its
 * head (a department, board, office) signs with the head's title, `KT. GIÁM ĐỐC` /
 * `PHÓ GIÁM ĐỐC` for a deputy. Never `TM.` for a department.
 */
export interface SignerIssuer {
  /** The directory's kind: `province`, `district` are collective bodies; the rest are led by a head. */
  kind: string;
  /** The body's name as written (`Sở Văn hóa, Thể thao và Du lịch`, `Ban Quản lý Khu kinh tế tỉnh`). */
  name: string;
}

const vi = (key: string, params?: Record<string, unknown>) => translate('vi', key, params);
const COLLECTIVE = new Set(['province', 'district']);

/** The head's title of a body led by one person, from its name. */
export function headTitle(name: string): string {
  const n = name.trim().toLocaleLowerCase('vi');
  if (/^(ban|bql|ban quản lý)(?=\s|$)/u.test(n)) return vi('doc.signer.head_of_board');
  if (/^văn phòng(?=\s|$)/u.test(n)) return vi('doc.signer.chief_of_office');
  if (/^thanh tra(?=\s|$)/u.test(n)) return vi('doc.signer.chief_inspector');
  if (/^(sở|công an)(?=\s|$)/u.test(n)) return vi('doc.signer.director');
  return vi('doc.signer.head');
}

export function signerLines(issuer: SignerIssuer, deputy: boolean): string[] {
  if (COLLECTIVE.has(issuer.kind)) {
    const chair = vi('doc.signer.chairman');
    return [
      vi('doc.signer.on_behalf_committee'),
      ...(deputy ? [vi('doc.signer.for', { title: chair }), vi('doc.signer.deputy', { title: chair })] : [chair]),
    ];
  }
  const title = headTitle(issuer.name);
  return deputy ? [vi('doc.signer.for', { title }), vi('doc.signer.deputy', { title })] : [title];
}
