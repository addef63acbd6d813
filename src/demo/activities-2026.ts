import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SessionUser } from '../http';
import { activityInput } from '../modules/activities/activities.schemas';
import { createActivity } from '../modules/activities/activities.service';
import { planTasks } from '../modules/plans';

/**
 * A year of recorded work on the demo's 2026 plan, by several organisations, spread over 2026.
 * Written for the demo: the events, people and figures are invented in the manner of a province's
 * foreign-information year (no real event is claimed); links use `.example` addresses.
 * `org` is a directory key (departments.json, communes by official code); `tasks` are task codes.
 */
interface DemoActivity {
  kind: string;
  title: string;
  org: string;
  tasks: string[];
  startsOn: string;
  endsOn?: string;
  place?: string;
  description?: string;
  details: Record<string, unknown>;
  spending?: { source: string; amount: number }[];
}

export const ACTIVITIES_2026: DemoActivity[] = [
  {
    kind: 'event',
    title: 'Hội nghị triển khai Kế hoạch công tác thông tin đối ngoại năm 2026',
    org: 'so-vhttdl',
    tasks: ['1'],
    startsOn: '2026-02-05',
    place: 'Đồng Hới',
    details: { eventType: 'conference', visitors: 120 },
  },
  {
    kind: 'delegation',
    title: 'Đón đoàn công tác tỉnh Savannakhet (Lào) chúc Tết cổ truyền',
    org: 'so-ngoai-vu',
    tasks: ['2.3'],
    startsOn: '2026-02-10',
    endsOn: '2026-02-11',
    place: 'Đông Hà',
    details: { direction: 'in', country: 'Lào', size: 14, purpose: 'Chúc Tết, trao đổi kết quả hợp tác năm 2025' },
  },
  {
    kind: 'content',
    title: 'Chuyên mục "Quảng Trị - Hội nhập và phát triển" số đầu năm',
    org: 'bao-ptth-quang-tri',
    tasks: ['2.1'],
    startsOn: '2026-02-20',
    details: {
      contentType: 'broadcast',
      outlet: 'Báo và Phát thanh - Truyền hình Quảng Trị',
      language: 'vi',
      theme: 'Hình ảnh tỉnh sau hợp nhất',
    },
  },
  {
    kind: 'event',
    title: 'Triển lãm bản đồ và trưng bày tư liệu "Hoàng Sa, Trường Sa của Việt Nam - Những bằng chứng lịch sử và pháp lý"',
    org: 'so-vhttdl',
    tasks: ['3'],
    startsOn: '2026-03-09',
    endsOn: '2026-03-13',
    place: 'Quảng trường Hồ Chí Minh, phường Đồng Hới',
    details: { eventType: 'exhibition', visitors: 4200, partners: 'Bộ Văn hóa, Thể thao và Du lịch' },
    spending: [{ source: 'state_budget', amount: 180_000_000 }],
  },
  {
    kind: 'contract',
    title: 'Đặt hàng tuyên truyền thông tin đối ngoại về tỉnh với Thông tấn xã Việt Nam',
    org: 'so-vhttdl',
    tasks: ['9'],
    startsOn: '2026-03-20',
    details: {
      partner: 'Thông tấn xã Việt Nam',
      value: 350_000_000,
      deliverables: '24 tin, bài, ảnh tiếng Việt, tiếng Anh, tiếng Lào về tỉnh',
      status: 'completed',
    },
    spending: [{ source: 'state_budget', amount: 350_000_000 }],
  },
  {
    kind: 'press_conference',
    title: 'Họp báo định kỳ quý I/2026 về tình hình kinh tế - xã hội của tỉnh',
    org: 'so-vhttdl',
    tasks: ['8'],
    startsOn: '2026-04-08',
    place: 'Đồng Hới',
    details: { spokesperson: 'Phó Chủ tịch UBND tỉnh', outletsPresent: 32, questionsAnswered: 14 },
  },
  {
    kind: 'contract',
    title: 'Đặt hàng chương trình giới thiệu tỉnh trên kênh VOV5 của Đài Tiếng nói Việt Nam',
    org: 'so-vhttdl',
    tasks: ['9'],
    startsOn: '2026-04-15',
    details: {
      partner: 'Đài Tiếng nói Việt Nam',
      value: 280_000_000,
      deliverables: '12 chương trình phát thanh đối ngoại',
      status: 'in_progress',
    },
    spending: [{ source: 'state_budget', amount: 140_000_000 }],
  },
  {
    kind: 'site_inspection',
    title: 'Kiểm tra Cụm thông tin đối ngoại Cửa khẩu Quốc tế Lao Bảo',
    org: 'so-vhttdl',
    tasks: ['11'],
    startsOn: '2026-04-22',
    place: 'Xã Lao Bảo',
    details: { site: 'lao_bao', equipmentState: 'good' },
  },
  {
    kind: 'delegation',
    title: 'Đoàn doanh nghiệp Nhật Bản khảo sát đầu tư tại Khu kinh tế Đông Nam',
    org: 'ban-qlkkt',
    tasks: ['5.1'],
    startsOn: '2026-05-12',
    place: 'Khu kinh tế Đông Nam Quảng Trị',
    details: { direction: 'in', country: 'Nhật Bản', size: 12, purpose: 'Khảo sát hạ tầng, đất công nghiệp' },
  },
  {
    kind: 'event',
    title: 'Tuyên truyền chính sách dân tộc, tôn giáo và pháp luật biên giới cho đồng bào xã Hướng Phùng',
    org: 'so-dan-toc-ton-giao',
    tasks: ['10'],
    startsOn: '2026-05-20',
    place: 'Xã Hướng Phùng',
    details: { eventType: 'conference', visitors: 230 },
    spending: [{ source: 'state_budget', amount: 45_000_000 }],
  },
  {
    kind: 'publication',
    title: 'Tờ gấp "Quảng Trị - Điểm đến của di sản và thiên nhiên" (tiếng Anh, tiếng Lào)',
    org: 'ttxt',
    tasks: ['6'],
    startsOn: '2026-05-28',
    details: { publicationType: 'brochure', language: 'multi', copies: 5000, distribution: 'Cửa khẩu, sân bay Đồng Hới, hội chợ' },
    spending: [{ source: 'state_budget', amount: 60_000_000 }],
  },
  {
    kind: 'training',
    title: 'Tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ cấp xã năm 2026',
    org: 'so-vhttdl',
    tasks: ['7'],
    startsOn: '2026-06-04',
    endsOn: '2026-06-05',
    place: 'Đông Hà',
    details: { trainees: 156, days: 2, materials: 'Bộ tài liệu nghiệp vụ TTĐN cấp xã' },
    spending: [{ source: 'state_budget', amount: 95_000_000 }],
  },
  {
    kind: 'delegation',
    title: 'Đoàn công tác của tỉnh thăm, làm việc tại tỉnh Salavan (Lào)',
    org: 'so-ngoai-vu',
    tasks: ['2.3', '5.2'],
    startsOn: '2026-06-16',
    endsOn: '2026-06-18',
    place: 'Tỉnh Salavan, Lào',
    details: { direction: 'out', country: 'Lào', size: 11, purpose: 'Ký biên bản hợp tác giai đoạn 2026-2030' },
  },
  {
    kind: 'publication',
    title: 'Video clip quảng bá hình ảnh tỉnh Quảng Trị sau hợp nhất',
    org: 'so-vhttdl',
    tasks: ['6'],
    startsOn: '2026-07-01',
    details: { publicationType: 'video', language: 'multi', distribution: 'Cổng thông tin điện tử tỉnh, mạng xã hội' },
    spending: [{ source: 'state_budget', amount: 120_000_000 }],
  },
  {
    kind: 'press_conference',
    title: 'Họp báo định kỳ 6 tháng đầu năm 2026',
    org: 'so-vhttdl',
    tasks: ['8'],
    startsOn: '2026-07-09',
    place: 'Đồng Hới',
    details: { spokesperson: 'Phó Chủ tịch UBND tỉnh', outletsPresent: 35, questionsAnswered: 17 },
  },
  {
    kind: 'event',
    title: 'Gặp mặt kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Thái Lan (6/8/1976 - 6/8/2026)',
    org: 'so-ngoai-vu',
    tasks: ['2.2'],
    startsOn: '2026-08-06',
    place: 'Đông Hà',
    details: { eventType: 'cultural_exchange', visitors: 180, partners: 'Tổng Lãnh sự quán Thái Lan tại Đà Nẵng' },
  },
  {
    kind: 'event',
    title: 'Hội chợ Thương mại quốc tế hành lang kinh tế Đông - Tây năm 2026',
    org: 'so-cong-thuong',
    tasks: ['5.1'],
    startsOn: '2026-08-20',
    endsOn: '2026-08-24',
    place: 'Phường Đông Hà',
    details: { eventType: 'fair', visitors: 32_000, partners: 'Doanh nghiệp Lào, Thái Lan, Myanmar' },
    spending: [
      { source: 'state_budget', amount: 400_000_000 },
      { source: 'socialisation', amount: 250_000_000 },
    ],
  },
  {
    kind: 'rebroadcast',
    title: 'Phát lại chương trình thông tin đối ngoại quốc gia tháng 9/2026',
    org: 'bao-ptth-quang-tri',
    tasks: ['2.1'],
    startsOn: '2026-09-01',
    endsOn: '2026-09-30',
    details: { programme: 'Việt Nam - Đất nước, con người', channel: 'Truyền hình Quảng Trị', durationMinutes: 600 },
  },
  {
    kind: 'content',
    title: 'Loạt bài tiếng Lào "Quảng Trị - Savannakhet: 50 năm vun đắp tình hữu nghị"',
    org: 'bao-ptth-quang-tri',
    tasks: ['2.3'],
    startsOn: '2026-09-15',
    details: { contentType: 'article', outlet: 'Báo và Phát thanh - Truyền hình Quảng Trị', language: 'lo', theme: 'Hợp tác Việt - Lào' },
  },
  {
    kind: 'press_conference',
    title: 'Họp báo định kỳ quý III/2026',
    org: 'so-vhttdl',
    tasks: ['8'],
    startsOn: '2026-10-08',
    place: 'Đồng Hới',
    details: { spokesperson: 'Giám đốc Sở Văn hóa, Thể thao và Du lịch', outletsPresent: 28, questionsAnswered: 11 },
  },
  {
    kind: 'site_inspection',
    title: 'Kiểm tra Cụm thông tin đối ngoại Cửa khẩu Quốc tế La Lay',
    org: 'so-vhttdl',
    tasks: ['11'],
    startsOn: '2026-10-14',
    place: 'Xã La Lay',
    details: {
      site: 'la_lay',
      equipmentState: 'degraded',
      faults: 'Màn hình LED ngoài trời mất một vùng điểm ảnh; bảng pano tiếng Lào bạc màu',
      followUp: 'Đề nghị UBND xã La Lay phối hợp thay mô-đun LED trong quý IV',
    },
  },
  {
    kind: 'event',
    title: 'Tuần Văn hóa, Du lịch Quảng Trị tại tỉnh Savannakhet',
    org: 'so-vhttdl',
    tasks: ['5.2'],
    startsOn: '2026-11-05',
    endsOn: '2026-11-08',
    place: 'Thành phố Kaysone Phomvihane, Lào',
    details: { eventType: 'tourism_exchange', visitors: 6500, partners: 'Sở Thông tin, Văn hóa và Du lịch tỉnh Savannakhet' },
    spending: [
      { source: 'state_budget', amount: 300_000_000 },
      { source: 'sponsorship', amount: 80_000_000 },
    ],
  },
];

/** Records ACTIVITIES_2026 on the 2026 plan: the secretariat's officer for Sở VHTTDL's, the secretariat for the others'. */
export async function loadDemoActivities2026(
  db: Db,
  planId: string,
  ids: Map<string, string>,
  officer: SessionUser,
  secretariat: SessionUser,
) {
  const tasks = await db.select({ id: planTasks.id, code: planTasks.code }).from(planTasks).where(eq(planTasks.planId, planId));
  const taskId = new Map(tasks.map((t) => [t.code, t.id]));
  for (const { org, tasks: codes, ...a } of ACTIVITIES_2026) {
    const orgId = ids.get(org);
    if (!orgId) throw new Error(`demo activity: no organisation ${org}`);
    const user = orgId === officer.orgId ? officer : secretariat;
    const input = activityInput.parse({ ...a, orgId, taskIds: codes.map((c) => taskId.get(c) ?? c) });
    await createActivity(db, input, user, { id: user.id, name: user.username });
  }
}
