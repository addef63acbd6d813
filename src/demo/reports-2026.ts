import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SessionUser } from '../http';
import type { Actor } from '../modules/audit';
import { planTasks } from '../modules/plans';
import type { Notifier } from '../modules/reports/notify';
import { getReportRow, openReport, saveDraft } from '../modules/reports/report-edit.service';
import { transition } from '../modules/reports/report-workflow.service';
import { reportPeriods } from '../modules/reports/reports.tables';

/**
 * The 2026 reports of the demo, sent the way the organisations send them: Sở VHTTDL's by its
 * officer, the others received as official letters and typed in by the secretariat; the
 * secretariat returns or accepts them. Each step carries its day (Vietnam time), so the
 * dashboards tell on time from late: the six-month period (due 25 May) almost wholly accepted with
 * one late, the year (due 25 November) partly in, partly late, one draft never sent, the rest missing.
 * Texts are written for the demo (no real report is quoted).
 */
type Step = { submit: string } | { return: string; comment: string } | { accept: string };
interface DemoReport {
  org: string;
  steps: Step[];
  /** What was done, by task code; a task left out is reported as coordinated within the body's remit. */
  done: Record<
    string,
    { text: string; status?: 'done' | 'in_progress' | 'delayed'; completedOn?: string; figures?: Record<string, number> }
  >;
  difficulties?: string;
  proposals?: string;
}

/** Why a figure differs from the one the system pre-filled from the recorded activities. */
const FIGURE_REASON = 'Số liệu theo sổ theo dõi của đơn vị, gồm cả hoạt động chưa nhập vào hệ thống.';

const COORDINATED = 'Phối hợp với cơ quan chủ trì triển khai nội dung nhiệm vụ trong phạm vi chức năng, nhiệm vụ của đơn vị.';

const SIX_MONTHS: DemoReport[] = [
  {
    org: 'so-vhttdl',
    steps: [{ submit: '2026-05-20' }, { accept: '2026-05-27' }],
    done: {
      '1': {
        text: 'Tham mưu UBND tỉnh ban hành Kế hoạch số 15/KH-UBND ngày 20/01/2026; tổ chức Hội nghị triển khai công tác thông tin đối ngoại năm 2026 ngày 05/02/2026.',
        figures: { events: 1 },
      },
      '3': {
        text: 'Tổ chức Triển lãm bản đồ và trưng bày tư liệu "Hoàng Sa, Trường Sa của Việt Nam - Những bằng chứng lịch sử và pháp lý" từ ngày 09 đến 13/3/2026 tại phường Đồng Hới, khoảng 4.200 lượt khách tham quan.',
        figures: { events: 1 },
        status: 'done',
        completedOn: '2026-03-13',
      },
      '8': {
        text: 'Tham mưu tổ chức họp báo định kỳ quý I/2026, 32 cơ quan báo chí tham dự, trả lời 14 câu hỏi.',
        figures: { press_conferences: 1 },
      },
      '9': {
        text: 'Ký hợp đồng đặt hàng với Thông tấn xã Việt Nam (đã nghiệm thu) và Đài Tiếng nói Việt Nam (đang thực hiện).',
        figures: { contracts: 2 },
      },
      '11': { text: 'Kiểm tra Cụm thông tin đối ngoại Cửa khẩu Quốc tế Lao Bảo ngày 22/4/2026: thiết bị hoạt động tốt.' },
    },
    proposals: 'Đề nghị bố trí kinh phí thay thế thiết bị tại Cụm thông tin đối ngoại Cửa khẩu Quốc tế La Lay.',
  },
  {
    org: 'bao-ptth-quang-tri',
    steps: [{ submit: '2026-05-22' }, { accept: '2026-05-28' }],
    done: {
      '2.1': {
        text: 'Duy trì chuyên mục "Quảng Trị - Hội nhập và phát triển"; đăng, phát 412 tin, bài, phóng sự quảng bá hình ảnh tỉnh.',
        figures: { news_articles: 412 },
      },
      '2.3': { text: 'Phối hợp Bộ Chỉ huy Bộ đội Biên phòng tỉnh thực hiện chuyên trang "Biên cương Tổ quốc".' },
      '10': {
        text: 'Phát sóng chương trình tiếng Pa Kô - Vân Kiều 2 lần mỗi tuần (48 chương trình).',
        figures: { radio_tv_programmes: 48 },
      },
    },
  },
  {
    org: 'so-ngoai-vu',
    steps: [
      { submit: '2026-05-21' },
      { return: '2026-05-26', comment: 'Đề nghị bổ sung số đoàn ra, đoàn vào và kết quả làm việc với tỉnh Savannakhet.' },
      { submit: '2026-05-29' },
      { accept: '2026-06-02' },
    ],
    done: {
      '2.3': {
        text: 'Đón 3 đoàn vào (tỉnh Savannakhet, tỉnh Salavan, doanh nghiệp Nhật Bản); chuẩn bị đoàn ra làm việc tại tỉnh Salavan.',
        figures: { delegations_in: 3 },
      },
      '12': { text: 'Tổng hợp dư luận báo chí nước ngoài về tỉnh hằng tháng, gửi Ban Chỉ đạo công tác thông tin đối ngoại tỉnh.' },
    },
  },
  {
    org: 'bdbp-tinh',
    steps: [{ submit: '2026-05-23' }, { accept: '2026-05-29' }],
    done: {
      '4': { text: 'Phối hợp tuyên truyền về chủ quyền biên giới tại 12 xã biên giới, 2.600 lượt người tham dự.' },
      '12': { text: 'Nắm tình hình, kịp thời phản bác 4 thông tin sai lệch về công tác quản lý biên giới.' },
    },
  },
  {
    org: 'so-cong-thuong',
    steps: [{ submit: '2026-05-25' }, { accept: '2026-06-01' }],
    done: { '5.1': { text: 'Chuẩn bị tổ chức Hội chợ Thương mại quốc tế hành lang kinh tế Đông - Tây năm 2026 tại phường Đông Hà.' } },
  },
  {
    org: 'so-dan-toc-ton-giao',
    steps: [{ submit: '2026-05-24' }, { accept: '2026-05-30' }],
    done: {
      '10': {
        text: 'Tổ chức tuyên truyền chính sách dân tộc, tôn giáo cho đồng bào xã Hướng Phùng (230 người tham dự).',
        figures: { events: 1 },
      },
    },
  },
  {
    // late: sent after the deadline
    org: '19432',
    steps: [{ submit: '2026-06-03' }, { accept: '2026-06-05' }],
    done: { '11': { text: 'Phối hợp bảo vệ, vận hành Cụm thông tin đối ngoại Cửa khẩu Quốc tế Lao Bảo.' } },
  },
];

const YEAR: DemoReport[] = [
  {
    org: 'so-vhttdl',
    steps: [{ submit: '2026-11-20' }],
    done: {
      '1': { text: 'Triển khai đầy đủ Kế hoạch số 15/KH-UBND; hướng dẫn các sở, ngành, địa phương xây dựng kế hoạch năm 2027.' },
      '3': { text: 'Đã tổ chức Triển lãm "Hoàng Sa, Trường Sa của Việt Nam" trong quý I/2026.', status: 'done', completedOn: '2026-03-13' },
      '5.2': { text: 'Tổ chức Tuần Văn hóa, Du lịch Quảng Trị tại tỉnh Savannakhet từ ngày 05 đến 08/11/2026.' },
      '8': { text: 'Tham mưu tổ chức 3 cuộc họp báo định kỳ (quý I, 6 tháng, quý III).', figures: { press_conferences: 3 } },
      '9': {
        text: 'Hợp đồng với Thông tấn xã Việt Nam đã nghiệm thu; hợp đồng với Đài Tiếng nói Việt Nam đang thực hiện.',
        status: 'done',
        completedOn: '2026-10-30',
      },
      '11': { text: 'Kiểm tra 2 Cụm thông tin đối ngoại; Cụm La Lay có màn hình LED hư hỏng, đang khắc phục.', status: 'delayed' },
    },
  },
  {
    org: 'bao-ptth-quang-tri',
    steps: [{ submit: '2026-11-24' }, { accept: '2026-11-27' }],
    done: {
      '2.1': {
        text: 'Đăng, phát 905 tin, bài, phóng sự quảng bá hình ảnh tỉnh; phát lại chương trình thông tin đối ngoại quốc gia.',
        figures: { news_articles: 905 },
      },
      '2.3': { text: 'Thực hiện loạt bài tiếng Lào "Quảng Trị - Savannakhet: 50 năm vun đắp tình hữu nghị".' },
    },
  },
  {
    org: 'so-cong-thuong',
    steps: [{ submit: '2026-11-23' }, { accept: '2026-11-30' }],
    done: {
      '5.1': {
        text: 'Tổ chức Hội chợ Thương mại quốc tế hành lang kinh tế Đông - Tây năm 2026 (32.000 lượt khách).',
        status: 'done',
        completedOn: '2026-08-24',
      },
    },
  },
  {
    org: 'so-ngoai-vu',
    steps: [{ submit: '2026-11-28' }],
    done: { '2.2': { text: 'Tổ chức gặp mặt kỷ niệm 50 năm quan hệ ngoại giao Việt Nam - Thái Lan.' } },
  },
  { org: 'bdbp-tinh', steps: [{ submit: '2026-12-01' }], done: { '4': { text: 'Duy trì phối hợp tuyên truyền tại 12 xã biên giới.' } } },
  // a draft typed in but never sent: the year's report is missing
  { org: 'so-dan-toc-ton-giao', steps: [], done: { '10': { text: 'Đang tổng hợp số liệu.' } } },
];

/** 9:00 in Vietnam on that day. */
const at = (day: string) => new Date(`${day}T09:00:00+07:00`);

const silent = { info: () => {}, warn: () => {} };

export async function loadDemoReports2026(
  db: Db,
  planId: string,
  ids: Map<string, string>,
  officer: SessionUser,
  secretariat: SessionUser,
): Promise<void> {
  const notifier: Notifier = { config: { smtpUrl: undefined, mailFrom: 'ttdn@localhost' }, log: silent };
  const codes = new Map(
    (await db.select({ id: planTasks.id, code: planTasks.code }).from(planTasks).where(eq(planTasks.planId, planId))).map((t) => [
      t.id,
      t.code,
    ]),
  );
  for (const [kind, script] of [
    ['six_months', SIX_MONTHS],
    ['year', YEAR],
  ] as const) {
    const [period] = await db
      .select({ id: reportPeriods.id })
      .from(reportPeriods)
      .where(and(eq(reportPeriods.planId, planId), eq(reportPeriods.kind, kind)));
    if (!period) throw new Error(`demo 2026: no ${kind} period`);
    for (const r of script) {
      const orgId = ids.get(r.org);
      if (!orgId) throw new Error(`demo report: no organisation ${r.org}`);
      const writer = orgId === officer.orgId ? officer : secretariat;
      const actorOf = (u: SessionUser): Actor => ({ id: u.id, name: u.username });
      const { id } = await openReport(db, period.id, orgId, writer, actorOf(writer));
      const row = await getReportRow(db, id);
      const entries = row.entries.map((e) => {
        const mine = r.done[codes.get(e.taskId) ?? ''];
        return {
          taskId: e.taskId,
          status: mine?.status ?? 'in_progress',
          completedOn: mine?.completedOn ?? null,
          done: mine?.text ?? COORDINATED,
          difficulties: '',
          proposals: '',
          figures: {
            ...e.figures,
            ...Object.fromEntries(
              Object.entries(mine?.figures ?? {}).map(([code, value]) => {
                const prefilled = e.figures[code]?.prefilled ?? null;
                return [code, { value, prefilled, reason: prefilled !== null && prefilled !== value ? FIGURE_REASON : null }];
              }),
            ),
          },
        };
      });
      await saveDraft(
        db,
        id,
        { version: row.version, entries, answers: [], difficulties: r.difficulties ?? '', proposals: r.proposals ?? '' },
        writer,
        actorOf(writer),
      );
      for (const step of r.steps) {
        if ('submit' in step) await transition(db, notifier, id, 'submit', writer, actorOf(writer), { now: at(step.submit) });
        else if ('return' in step)
          await transition(db, notifier, id, 'return', secretariat, actorOf(secretariat), { comment: step.comment, now: at(step.return) });
        else await transition(db, notifier, id, 'accept', secretariat, actorOf(secretariat), { now: at(step.accept) });
      }
    }
  }
}
