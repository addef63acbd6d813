import type { OrgKind } from './org-kinds';

/**
 * Group phrases that plans use instead of naming organisations one by one.
 * Each is stored as a named group in the directory (seeded from this list) and
 * resolves, on a given date, to the organisations of the listed kinds valid then,
 * plus any members added by hand. `open` groups ("các đơn vị có liên quan") cannot be
 * resolved to a fixed list: they are kept as written and shown as such.
 *
 * `phrases` are matched after folding (no case, no diacritics), longest first.
 */
export interface GroupPhrase {
  key: string;
  name: string;
  phrases: string[];
  kinds: OrgKind[];
  open: boolean;
}

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
