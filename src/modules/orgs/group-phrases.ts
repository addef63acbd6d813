import type { OrgKind } from './org-kinds';

/**
 * Group phrases that plans use instead of naming organisations one by one.
 * Each is stored as a named group in the directory (seeded from this list) and
 * resolves, on a given date, to the organisations of the listed kinds valid then,
 * plus any members added by hand. `open` groups ("các đơn vị có liên quan") cannot be
 * resolved to a fixed list: they are kept as written and shown as such.
 *
 * `phrases` are matched after folding (no case, no diacritics), longest first.
 *
 * A group may end (`validTo`): on later dates its phrases stand for `successor`. District-level
 * government ended nationwide on 30 June 2025 (Luật Tổ chức chính quyền địa phương 2025, in force
 * 1 July 2025; Nghị quyết 202/2025/QH15), so an old plan's "UBND các huyện, thị xã, thành phố"
 * read for a later date stands for the communes, wards and special zones.
 */
export interface GroupPhrase {
  key: string;
  name: string;
  phrases: string[];
  kinds: OrgKind[];
  open: boolean;
  validTo?: string;
  successor?: string;
}

/** Last day of district-level government (two-level local government from 1 July 2025). */
export const DISTRICTS_ENDED = '2025-06-30';

export const GROUP_PHRASES: GroupPhrase[] = [
  {
    key: 'departments',
    name: 'Các Sở, ban, ngành',
    phrases: ['các sở, ban, ngành cấp tỉnh', 'các sở, ban, ngành', 'các sở ban ngành', 'sở, ban, ngành'],
    kinds: ['department', 'armed_forces'],
    open: false,
  },
  {
    key: 'districts',
    name: 'UBND các huyện, thị xã, thành phố',
    phrases: [
      'ubnd các huyện, thị xã, thành phố',
      'ubnd các huyện, thành phố, thị xã',
      'ủy ban nhân dân các huyện, thị xã, thành phố',
      'ubnd các huyện, thị xã',
      'các huyện, thị xã, thành phố',
      'địa phương',
    ],
    kinds: ['district'],
    open: false,
    validTo: DISTRICTS_ENDED,
    successor: 'communes',
  },
  {
    key: 'communes',
    name: 'UBND các xã, phường, đặc khu',
    phrases: [
      'ubnd các xã, phường, đặc khu',
      'ủy ban nhân dân các xã, phường, đặc khu',
      'ubnd các xã, phường',
      'ủy ban nhân dân các xã, phường',
      'ubnd cấp xã',
      'ủy ban nhân dân cấp xã',
      'các xã, phường, đặc khu',
      'các xã, phường',
    ],
    kinds: ['commune'],
    open: false,
  },
  {
    key: 'provincial_press',
    name: 'Các cơ quan báo chí của tỉnh',
    phrases: ['các cơ quan báo chí của tỉnh', 'các cơ quan báo chí trên địa bàn tỉnh', 'các cơ quan báo chí trên địa bàn'],
    kinds: ['press'],
    open: false,
  },
  {
    key: 'related_units',
    name: 'Các đơn vị có liên quan',
    phrases: ['các đơn vị có liên quan', 'các cơ quan, đơn vị có liên quan', 'các đơn vị liên quan', 'các cơ quan liên quan'],
    kinds: [],
    open: true,
  },
];
