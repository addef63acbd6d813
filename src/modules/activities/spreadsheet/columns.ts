import { fold } from '../../../shared/text/fold';
import { BUDGET_SOURCES } from '../../plans';
import { ACTIVITY_KINDS, kindFields, type ActivityKind, type FieldSpec } from '../activity-kinds';

/**
 * The columns of an activity spreadsheet (template, import, export): the shared fields, the
 * kind's own fields (activity-kinds.ts), then the money spent and its source. Headers are
 * Vietnamese; a required column's header ends with " *".
 */
export interface Column {
  key: string;
  header: string;
  type: FieldSpec['type'] | 'date' | 'tasks' | 'org' | 'links' | 'source';
  required: boolean;
  options?: Record<string, { vi: string; en: string }>;
  width: number;
  /** Part of the kind's own fields (`details`). */
  detail?: boolean;
}

const SHARED: Column[] = [
  { key: 'title', header: 'Tên hoạt động', type: 'text', required: true, width: 40 },
  { key: 'taskCodes', header: 'Nhiệm vụ (số thứ tự trong kế hoạch)', type: 'tasks', required: true, width: 16 },
  { key: 'org', header: 'Đơn vị thực hiện', type: 'org', required: true, width: 34 },
  { key: 'startsOn', header: 'Từ ngày (ngày/tháng/năm)', type: 'date', required: true, width: 16 },
  { key: 'endsOn', header: 'Đến ngày (ngày/tháng/năm)', type: 'date', required: false, width: 16 },
  { key: 'place', header: 'Địa điểm', type: 'text', required: false, width: 24 },
  { key: 'description', header: 'Mô tả', type: 'longtext', required: false, width: 40 },
  { key: 'links', header: 'Đường dẫn (mỗi dòng một đường dẫn)', type: 'links', required: false, width: 30 },
];
const MONEY: Column[] = [
  { key: 'spendingAmount', header: 'Kinh phí đã chi (đồng)', type: 'amount', required: false, width: 18 },
  { key: 'spendingSource', header: 'Nguồn kinh phí', type: 'source', required: false, width: 28, options: BUDGET_SOURCES },
];

export function columnsOf(kind: ActivityKind): Column[] {
  const own: Column[] = kindFields(kind).map((f) => ({
    key: f.key,
    header: f.label.vi,
    type: f.type,
    required: Boolean(f.required),
    options: f.options,
    width: f.type === 'longtext' ? 36 : 20,
    detail: true,
  }));
  return [...SHARED, ...own, ...MONEY];
}

export const headerText = (c: Column) => (c.required ? `${c.header} *` : c.header);
export const sameHeader = (cell: string, c: Column) => fold(cell.replace(/\*\s*$/, '')) === fold(c.header);
export const columnLetter = (index: number) => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
export const kindLabel = (kind: ActivityKind) => ACTIVITY_KINDS[kind].label.vi;
