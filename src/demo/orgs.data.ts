import type { DutyCode } from '../modules/orgs/duties';
import type { OrgKind } from '../modules/orgs/org-kinds';

/**
 * The demo province's organisation directory: Quảng Trị as named in its 2023 foreign
 * information plan (the project's own copy; nothing is read from ../shared at run time),
 * plus the 2025 reorganisation as validity dates and successors, so that old plans keep
 * the organisations as they were.
 */
export interface DemoOrg {
  key: string;
  name: string;
  shortName: string;
  kind: OrgKind;
  aliases?: string[];
  parent?: string;
  validFrom?: string;
  validTo?: string;
  /** Successor keys, or a key with the duties that moved to it (all of them when not said). */
  successors?: Array<string | { key: string; duties: DutyCode[]; since?: string }>;
  adminCode?: string;
}

const PROVINCE = 'ubnd-tinh';
const REORG_2025_03 = '2025-02-28';
const REORG_2025_07 = '2025-06-30';

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: PROVINCE,
    name: 'Ủy ban nhân dân tỉnh Quảng Trị',
    shortName: 'UBND tỉnh',
    kind: 'province',
    aliases: ['UBND tỉnh Quảng Trị', 'Ủy ban nhân dân tỉnh'],
  },
  { key: 'van-phong-ubnd', name: 'Văn phòng UBND tỉnh', shortName: 'VP UBND tỉnh', kind: 'department', parent: PROVINCE },
  {
    key: 'so-tttt',
    name: 'Sở Thông tin và Truyền thông',
    shortName: 'Sở TTTT',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Sở Thông tin và Truyền thông tỉnh', 'Sở TT&TT'],
    validTo: REORG_2025_03,
    // Thông tư 10/2025/TT-BVHTTDL: foreign information, press and publishing to culture; the rest to science and technology.
    successors: [
      { key: 'so-vhttdl', duties: ['foreign_information', 'press', 'publishing', 'broadcasting'] },
      { key: 'so-khcn', duties: ['post_telecom', 'information_technology', 'digital_transformation'] },
    ],
  },
  { key: 'so-khcn', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', kind: 'department', parent: PROVINCE, aliases: ['Sở KHCN'] },
  {
    key: 'so-ngoai-vu',
    name: 'Sở Ngoại vụ',
    shortName: 'Sở Ngoại vụ',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Sở Ngoại vụ tỉnh'],
  },
  {
    key: 'so-vhttdl',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'Sở VHTTDL',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Sở Văn hóa, Thể thao và Du lịch tỉnh', 'Sở VH-TT&DL'],
  },
  {
    key: 'so-khdt',
    name: 'Sở Kế hoạch và Đầu tư',
    shortName: 'Sở KHĐT',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Sở KH&ĐT'],
    validTo: REORG_2025_03,
    successors: ['so-tai-chinh'],
  },
  { key: 'so-cong-thuong', name: 'Sở Công Thương', shortName: 'Sở Công Thương', kind: 'department', parent: PROVINCE },
  { key: 'so-tai-chinh', name: 'Sở Tài chính', shortName: 'Sở Tài chính', kind: 'department', parent: PROVINCE },
  { key: 'so-noi-vu', name: 'Sở Nội vụ', shortName: 'Sở Nội vụ', kind: 'department', parent: PROVINCE },
  { key: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', kind: 'department', parent: PROVINCE },
  { key: 'so-tu-phap', name: 'Sở Tư pháp', shortName: 'Sở Tư pháp', kind: 'department', parent: PROVINCE },
  { key: 'so-y-te', name: 'Sở Y tế', shortName: 'Sở Y tế', kind: 'department', parent: PROVINCE },
  {
    key: 'so-nnptnt',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortName: 'Sở NN&PTNT',
    kind: 'department',
    parent: PROVINCE,
    validTo: REORG_2025_03,
    successors: ['so-nnmt'],
  },
  {
    key: 'so-tnmt',
    name: 'Sở Tài nguyên và Môi trường',
    shortName: 'Sở TN&MT',
    kind: 'department',
    parent: PROVINCE,
    validTo: REORG_2025_03,
    successors: ['so-nnmt'],
  },
  {
    key: 'so-nnmt',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'Sở NN&MT',
    kind: 'department',
    parent: PROVINCE,
    validFrom: '2025-03-01',
  },
  {
    key: 'ban-qlkkt',
    name: 'Ban Quản lý Khu kinh tế tỉnh',
    shortName: 'BQL KKT',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Ban Quản lý Khu kinh tế', 'BQL Khu kinh tế tỉnh'],
  },
  {
    key: 'ban-dan-toc',
    name: 'Ban Dân tộc tỉnh',
    shortName: 'Ban Dân tộc',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Ban Dân tộc'],
    validTo: REORG_2025_03,
    successors: ['so-dan-toc-ton-giao'],
  },
  {
    key: 'so-dan-toc-ton-giao',
    name: 'Sở Dân tộc và Tôn giáo',
    shortName: 'Sở DT&TG',
    kind: 'department',
    parent: PROVINCE,
    validFrom: '2025-03-01',
  },
  {
    key: 'ttxt',
    name: 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh',
    shortName: 'TT XTĐT-TM-DL',
    kind: 'department',
    parent: PROVINCE,
    aliases: ['Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch'],
  },
  { key: 'thanh-tra', name: 'Thanh tra tỉnh', shortName: 'Thanh tra tỉnh', kind: 'department', parent: PROVINCE },
  { key: 'cong-an', name: 'Công an tỉnh', shortName: 'Công an tỉnh', kind: 'armed_forces', aliases: ['Công an tỉnh Quảng Trị'] },
  {
    key: 'bdbp',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    shortName: 'BĐBP tỉnh',
    kind: 'armed_forces',
    aliases: ['Bộ đội Biên phòng tỉnh', 'BCH BĐBP tỉnh'],
  },
  { key: 'bchqs', name: 'Bộ Chỉ huy Quân sự tỉnh', shortName: 'BCH Quân sự tỉnh', kind: 'armed_forces' },
  { key: 'hai-quan', name: 'Cục Hải quan tỉnh', shortName: 'Cục Hải quan', kind: 'central', aliases: ['Cục Hải quan tỉnh Quảng Trị'] },
  { key: 'bo-tttt', name: 'Bộ Thông tin và Truyền thông', shortName: 'Bộ TTTT', kind: 'central', aliases: ['Bộ TT&TT'] },
  { key: 'ban-tuyen-giao', name: 'Ban Tuyên giáo Tỉnh ủy', shortName: 'Ban Tuyên giáo', kind: 'party' },
  { key: 'bao-quang-tri', name: 'Báo Quảng Trị', shortName: 'Báo Quảng Trị', kind: 'press' },
  {
    key: 'dai-ptth',
    name: 'Đài Phát thanh - Truyền hình tỉnh',
    shortName: 'Đài PT-TH',
    kind: 'press',
    aliases: ['Đài Phát thanh - Truyền hình tỉnh Quảng Trị', 'Đài Phát thanh-Truyền hình tỉnh', 'Đài PT-TH tỉnh'],
  },
  { key: 'tap-chi-cua-viet', name: 'Tạp chí Cửa Việt', shortName: 'Tạp chí Cửa Việt', kind: 'press' },
  ...[
    ['dong-ha', 'UBND thành phố Đông Hà', 'UBND TP Đông Hà'],
    ['tx-quang-tri', 'UBND thị xã Quảng Trị', 'UBND TX Quảng Trị'],
    ['vinh-linh', 'UBND huyện Vĩnh Linh', 'UBND Vĩnh Linh'],
    ['gio-linh', 'UBND huyện Gio Linh', 'UBND Gio Linh'],
    ['cam-lo', 'UBND huyện Cam Lộ', 'UBND Cam Lộ'],
    ['trieu-phong', 'UBND huyện Triệu Phong', 'UBND Triệu Phong'],
    ['hai-lang', 'UBND huyện Hải Lăng', 'UBND Hải Lăng'],
    ['huong-hoa', 'UBND huyện Hướng Hóa', 'UBND Hướng Hóa'],
    ['dakrong', 'UBND huyện Đakrông', 'UBND Đakrông'],
    ['con-co', 'UBND huyện đảo Cồn Cỏ', 'UBND Cồn Cỏ'],
  ].map(([key, name, shortName]): DemoOrg => ({
    key: `ubnd-${key}`,
    name,
    shortName,
    kind: 'district',
    parent: PROVINCE,
    validTo: REORG_2025_07,
  })),
];

/**
 * Abbreviations in document numbers (`…/KH-SVHTTDL`, Nghị định 30/2020 Phụ lục VI), as these
 * bodies write them; a body without one falls back to the initials of its short name.
 */
export const DEMO_DOC_CODES: Record<string, string> = {
  'ubnd-tinh': 'UBND',
  'van-phong-ubnd': 'VP',
  'so-tttt': 'STTTT',
  'so-khcn': 'SKHCN',
  'so-ngoai-vu': 'SNgV',
  'so-vhttdl': 'SVHTTDL',
  'so-khdt': 'SKHĐT',
  'so-cong-thuong': 'SCT',
  'so-tai-chinh': 'STC',
  'so-noi-vu': 'SNV',
  'so-gddt': 'SGDĐT',
  'so-tu-phap': 'STP',
  'so-y-te': 'SYT',
  'ban-qlkkt': 'BQLKKT',
  'ban-dan-toc': 'BDT',
  'thanh-tra': 'TTr',
  'cong-an': 'CAT',
  'cong-an-tinh': 'CAT',
};
