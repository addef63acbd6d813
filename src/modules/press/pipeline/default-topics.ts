import type { TopicDefinition } from './topics';

/**
 * The seed plan's concerns (Quảng Trị, 2023), in Vietnamese, English and, where known, Lao.
 * Terms are folded before matching, so diacritics and case do not matter; a short word whose
 * folded form is a common other word (`chùa` → `chua` = `chưa`, `nhà thờ` → `nha tho` = `nhà thơ`)
 * is written inside a longer phrase instead.
 */
export const DEFAULT_TOPICS: TopicDefinition[] = [
  {
    id: 'province',
    name: 'Tỉnh Quảng Trị',
    terms: ['Quảng Trị', 'tỉnh Quảng Trị', 'Quang Tri province', 'Quang Tri', 'ກວາງຈີ', 'ແຂວງກວາງຈີ'],
  },
  {
    id: 'districts',
    name: 'Huyện, thị xã, thành phố',
    terms: [
      'Đông Hà', 'thành phố Đông Hà', 'Dong Ha city', 'thị xã Quảng Trị', 'Quang Tri town',
      'Vĩnh Linh', 'Gio Linh', 'Cam Lộ', 'Triệu Phong', 'Hải Lăng', 'Hướng Hóa', 'Khe Sanh',
      'Đakrông', 'Đa Krông', 'Dakrong', 'Cồn Cỏ', 'Con Co island',
    ],
  },
  {
    id: 'border-gates',
    name: 'Cửa khẩu Lao Bảo, La Lay',
    terms: [
      'Lao Bảo', 'cửa khẩu Lao Bảo', 'Lao Bao border gate', 'La Lay', 'cửa khẩu La Lay', 'Lalay',
      'Densavan', 'Dansavanh', 'ແດນສະຫວັນ',
    ],
  },
  {
    id: 'cua-viet',
    name: 'Cửa Việt',
    terms: ['Cửa Việt', 'cảng Cửa Việt', 'Cua Viet port', 'Cua Viet'],
    ignoreWithin: ['tạp chí Cửa Việt', 'Cua Viet magazine'],
  },
  {
    id: 'con-co',
    name: 'Đảo Cồn Cỏ',
    terms: ['Cồn Cỏ', 'đảo Cồn Cỏ', 'huyện đảo Cồn Cỏ', 'Con Co island', 'Con Co'],
  },
  {
    id: 'sea-islands',
    name: 'Biển, đảo',
    terms: [
      'biển đảo', 'biển, đảo', 'chủ quyền biển', 'vùng biển', 'Biển Đông', 'ngư dân', 'tàu cá', 'thềm lục địa',
      'East Sea', 'South China Sea', 'maritime', 'fishermen', 'fishing vessel', 'exclusive economic zone',
      'ທະເລ',
    ],
  },
  {
    id: 'paracel-spratly',
    name: 'Hoàng Sa, Trường Sa',
    terms: ['Hoàng Sa', 'Trường Sa', 'quần đảo Hoàng Sa', 'quần đảo Trường Sa', 'Paracel', 'Paracels', 'Spratly', 'Spratlys', 'Xisha', 'Nansha'],
    ignoreWithin: ['đường Hoàng Sa', 'đường Trường Sa', 'phố Hoàng Sa', 'phố Trường Sa'],
  },
  {
    id: 'borders',
    name: 'Biên giới',
    terms: [
      'biên giới', 'đường biên', 'mốc giới', 'cột mốc', 'cửa khẩu', 'biên phòng', 'bộ đội biên phòng', 'vượt biên',
      'xuất nhập cảnh trái phép', 'buôn lậu', 'border', 'borders', 'border guard', 'border gate', 'border crossing',
      'smuggling', 'ຊາຍແດນ',
    ],
    ignoreWithin: ['không biên giới', 'Without Borders'],
  },
  {
    id: 'human-rights',
    name: 'Nhân quyền',
    terms: [
      'nhân quyền', 'quyền con người', 'tự do ngôn luận', 'tự do báo chí', 'tự do tôn giáo', 'tù nhân lương tâm',
      'Phóng viên không biên giới', 'human rights', 'human rights defender', 'freedom of expression', 'press freedom',
      'freedom of religion', 'religious freedom', 'political prisoner', 'prisoner of conscience', 'Human Rights Watch',
      'Amnesty International', 'Reporters Without Borders', 'Universal Periodic Review', 'ສິດທິມະນຸດ',
    ],
  },
  {
    id: 'ethnic',
    name: 'Dân tộc thiểu số',
    terms: [
      'dân tộc thiểu số', 'đồng bào dân tộc', 'đồng bào Vân Kiều', 'Vân Kiều', 'Bru-Vân Kiều', 'Bru - Vân Kiều', 'Pa Kô', 'Pa Cô', 'Tà Ôi',
      'vùng đồng bào', 'ethnic minority', 'ethnic minorities', 'Bru', 'Van Kieu', 'Pa Ko', 'indigenous', 'ຊົນເຜົ່າ',
    ],
  },
  {
    id: 'religion',
    name: 'Tôn giáo',
    terms: [
      'tôn giáo', 'tín ngưỡng', 'Công giáo', 'Phật giáo', 'đạo Tin Lành', 'Hội thánh Tin Lành', 'giáo xứ', 'giáo phận', 'linh mục',
      'Thánh địa La Vang', 'La Vang', 'nhà chùa', 'ngôi chùa', 'hòa thượng', 'tà đạo', 'đạo lạ', 'religion', 'religious',
      'Catholic', 'Protestant', 'Buddhist', 'parish', 'priest', 'church', 'pagoda', 'ສາສະໜາ',
    ],
  },
  {
    id: 'investment',
    name: 'Đầu tư',
    terms: [
      'đầu tư', 'nhà đầu tư', 'thu hút đầu tư', 'vốn đầu tư', 'xúc tiến đầu tư', 'FDI', 'khu kinh tế', 'Khu kinh tế Đông Nam',
      'khu công nghiệp', 'hành lang kinh tế Đông - Tây', 'hành lang kinh tế Đông Tây', 'investment', 'investor', 'investors',
      'foreign direct investment', 'economic zone', 'industrial park', 'East-West Economic Corridor', 'ການລົງທຶນ',
    ],
  },
  {
    id: 'fta',
    name: 'Hiệp định thương mại tự do',
    terms: [
      'CPTPP', 'EVFTA', 'RCEP', 'FTA', 'hiệp định thương mại tự do', 'Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương',
      'free trade agreement', 'free trade agreements', 'Comprehensive and Progressive Agreement for Trans-Pacific Partnership',
      'EU-Vietnam Free Trade Agreement', 'Regional Comprehensive Economic Partnership',
    ],
  },
];
