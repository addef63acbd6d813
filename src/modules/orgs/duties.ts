import { fold } from '../../shared/text/fold';

/**
 * Duties (state management areas) that move between organisations when they are merged or
 * split. A successor link carries the codes of the duties that moved along it (`all` when the
 * whole organisation did); a task's text is classified into the same codes to choose the link.
 */
export const DUTY_CODES = [
  'all',
  'foreign_information',
  'press',
  'publishing',
  'post_telecom',
  'information_technology',
  'digital_transformation',
  'planning_investment',
  'finance',
  'labour',
  'social_protection',
  'vocational_training',
  'agriculture',
  'natural_resources',
  'environment',
  'transport',
  'construction',
  'ethnic_affairs',
  'religion',
  'home_affairs',
  'health',
  'education',
  'culture',
  'tourism',
  'sport',
  'foreign_affairs',
  'border',
  'defence',
  'police',
  'customs',
  'broadcasting',
] as const;
export type DutyCode = (typeof DUTY_CODES)[number];

/**
 * Words that show a task belongs to a duty, as written in plans (matched after folding, as whole
 * words). Kept short on purpose: a word here that is common to many tasks would make every task
 * look the same and the choice between successors would be a guess.
 */
export const DUTY_KEYWORDS: Record<Exclude<DutyCode, 'all'>, string[]> = {
  foreign_information: ['thông tin đối ngoại', 'TTĐN', 'quảng bá hình ảnh', 'thông tin tuyên truyền đối ngoại'],
  press: ['báo chí', 'phóng viên', 'nhà báo', 'cơ quan báo chí', 'họp báo', 'dư luận báo chí'],
  publishing: ['xuất bản', 'ấn phẩm', 'in ấn', 'phát hành'],
  post_telecom: ['bưu chính', 'viễn thông', 'internet', 'tần số vô tuyến'],
  information_technology: ['công nghệ thông tin', 'phần mềm', 'an toàn thông tin', 'cơ sở dữ liệu'],
  digital_transformation: ['chuyển đổi số', 'chính quyền số', 'kinh tế số', 'nền tảng số'],
  planning_investment: ['xúc tiến đầu tư', 'kế hoạch và đầu tư', 'thu hút đầu tư', 'vốn đầu tư'],
  finance: ['tài chính', 'ngân sách', 'kinh phí', 'dự toán'],
  labour: ['lao động', 'việc làm', 'xuất khẩu lao động'],
  social_protection: ['bảo trợ xã hội', 'người có công', 'trẻ em', 'bình đẳng giới'],
  vocational_training: ['giáo dục nghề nghiệp', 'dạy nghề', 'đào tạo nghề'],
  agriculture: ['nông nghiệp', 'nông thôn', 'thủy sản', 'lâm nghiệp'],
  natural_resources: ['tài nguyên', 'đất đai', 'khoáng sản', 'biển, đảo', 'biển đảo'],
  environment: ['môi trường', 'biến đổi khí hậu'],
  transport: ['giao thông', 'vận tải'],
  construction: ['xây dựng cơ bản', 'quy hoạch đô thị', 'nhà ở'],
  ethnic_affairs: ['dân tộc thiểu số', 'đồng bào dân tộc', 'công tác dân tộc', 'miền núi'],
  religion: ['tôn giáo', 'tín ngưỡng'],
  home_affairs: ['nội vụ', 'tổ chức bộ máy', 'cán bộ, công chức', 'thi đua, khen thưởng'],
  health: ['y tế', 'khám chữa bệnh', 'dịch bệnh'],
  education: ['giáo dục', 'trường học', 'học sinh', 'sinh viên'],
  culture: ['văn hóa', 'di tích', 'lễ hội', 'nghệ thuật', 'triển lãm'],
  tourism: ['du lịch'],
  sport: ['thể thao', 'thể dục'],
  foreign_affairs: [
    'công tác đối ngoại',
    'ngoại giao',
    'hợp tác quốc tế',
    'đoàn vào',
    'đoàn ra',
    'người Việt Nam ở nước ngoài',
    'kiều bào',
  ],
  border: ['biên giới', 'cửa khẩu', 'phân giới cắm mốc', 'biên phòng'],
  defence: ['quốc phòng', 'quân sự'],
  police: ['an ninh', 'trật tự', 'công an'],
  customs: ['hải quan'],
  broadcasting: ['phát thanh', 'truyền hình', 'thông tin cơ sở'],
};

const INDEX = Object.entries(DUTY_KEYWORDS).flatMap(([duty, words]) =>
  words.map((w) => ({ duty: duty as DutyCode, re: new RegExp(`(^|[^a-z0-9])${escape(fold(w))}(?=$|[^a-z0-9])`, 'g') })),
);

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How strongly a text speaks of each duty: keyword hits, title hits counted three times. */
export function classifyDuties(title: string, body = ''): Map<DutyCode, number> {
  const scores = new Map<DutyCode, number>();
  for (const [text, weight] of [
    [fold(title), 3],
    [fold(body), 1],
  ] as const) {
    if (!text) continue;
    for (const { duty, re } of INDEX) {
      const hits = text.match(re)?.length ?? 0;
      if (hits) scores.set(duty, (scores.get(duty) ?? 0) + hits * weight);
    }
  }
  return scores;
}

/** How well a successor link's duties fit a task: the best score among them (`all` fits any task a little). */
export function dutyFit(linkDuties: readonly string[], scores: Map<DutyCode, number>): { score: number; duty: DutyCode | null } {
  let best: { score: number; duty: DutyCode | null } = { score: 0, duty: null };
  for (const d of linkDuties) {
    const s = d === 'all' ? 0 : (scores.get(d as DutyCode) ?? 0);
    if (s > best.score) best = { score: s, duty: d as DutyCode };
  }
  return best;
}
