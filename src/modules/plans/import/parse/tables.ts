import { fold } from '../../../../shared/text/fold';

/**
 * Tasks laid out as a table: `STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian`.
 * Header names vary; each column is recognised by the words in its header cell.
 */
export type ColumnRole = 'code' | 'title' | 'lead' | 'advisory' | 'coordinating' | 'time' | 'target' | 'budget' | 'note' | 'unknown';

const COLUMN_RULES: Array<[ColumnRole, RegExp]> = [
  ['code', /^(stt|tt|so tt|so thu tu|ma|ma nhiem vu)$/],
  ['advisory', /tham muu/],
  ['coordinating', /phoi hop/],
  ['lead', /chu tri|(co quan|don vi) thuc hien|thuc hien chinh/],
  ['time', /thoi gian|thoi han|tien do/],
  ['budget', /kinh phi|nguon von/],
  ['target', /chi tieu|san pham|ket qua/],
  ['note', /ghi chu/],
  ['title', /noi dung|nhiem vu|hoat dong|cong viec|\bten\b/],
];

export function columnRole(header: string): ColumnRole {
  const f = fold(header)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  for (const [role, re] of COLUMN_RULES) if (re.test(f)) return role;
  return 'unknown';
}

const cellText = (cell: string[] | undefined) => (cell ?? []).join(' ').trim();

/** A header row of a task table has a title column and a lead or time column. */
export function isTaskTableHeader(cells: string[][]): boolean {
  const roles = cells.map((c) => columnRole(cellText(c)));
  return roles.includes('title') && (roles.includes('lead') || roles.includes('time') || roles.includes('coordinating'));
}

/**
 * Column roles of a table from its first row, merged with a second header row when
 * the first groups columns (`Cơ quan thực hiện` over `Chủ trì | Phối hợp`).
 * Returns how many rows are header rows.
 */
export function tableColumns(rows: string[][][]): { roles: ColumnRole[]; headerRows: number } {
  const first = rows[0].map((c) => columnRole(cellText(c)));
  const second = rows[1];
  if (second && second.length >= first.length) {
    const secondRoles = second.map((c) => columnRole(cellText(c)));
    const looksHeader =
      !/^\s*[0-9IVX]+[.)]?\s*$/.test(cellText(second[0])) &&
      secondRoles.some((r) => r === 'lead' || r === 'coordinating' || r === 'advisory');
    if (looksHeader) {
      const merged = secondRoles.map((r, i) => (r !== 'unknown' ? r : (first[i] ?? 'unknown')));
      return { roles: merged, headerRows: 2 };
    }
  }
  return { roles: first, headerRows: 1 };
}
