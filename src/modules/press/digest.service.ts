import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { officialDocToBuffer, type OfficialBlock } from '../../shared/official-doc';
import { orgs } from '../orgs/orgs.tables';
import { getSettings } from '../settings/settings.service';
import { CASE_STATUSES, type CaseStatus } from './cases.workflow';
import { dashboardFigures, digestPeriod, negativeArticles, topStories } from './dashboard.service';

export type DigestKind = 'daily' | 'weekly' | 'monthly';
const KIND_VI: Record<DigestKind, string> = { daily: 'ngày', weekly: 'tuần', monthly: 'tháng' };
const LANG_VI: Record<string, string> = { vi: 'Tiếng Việt', en: 'Tiếng Anh', lo: 'Tiếng Lào', other: 'Khác' };
const pct = (n: number, total: number) => (total ? `${Math.round((n / total) * 1000) / 10}%` : '0%');
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** The press-opinion digest (điểm báo) as an official .docx (Nghị định 30/2020 layout). */
export async function buildDigest(db: Db, kind: DigestKind, date: string): Promise<{ buffer: Buffer; filename: string }> {
  const period = digestPeriod(kind, date);
  const [fig, stories, negatives, settings] = await Promise.all([
    dashboardFigures(db, period),
    topStories(db, period, 10),
    negativeArticles(db, period, 30),
    getSettings(db),
  ]);
  const province = (settings.province ?? { name: 'Quảng Trị', place: 'Quảng Trị' }) as { name: string; place?: string };
  const secretariatId = settings.secretariatOrgId as string | undefined;
  const [secretariat] = secretariatId ? await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, secretariatId)) : [];
  const span = period.from === period.to ? `ngày ${vnDate(period.from)}` : `từ ngày ${vnDate(period.from)} đến ngày ${vnDate(period.to)}`;

  const body: OfficialBlock[] = [
    { type: 'heading', level: 1, text: 'I. TÌNH HÌNH CHUNG' },
    {
      type: 'paragraph',
      indent: true,
      text: `Trong ${span}, hệ thống theo dõi ghi nhận ${fig.articles} bài viết (${fig.stories} sự kiện, tin bài trùng lặp được gộp) của báo chí trong và ngoài nước liên quan đến tỉnh ${province.name}.`,
    },
    {
      type: 'table',
      header: ['Sắc thái', 'Số bài', 'Tỷ lệ'],
      rows: [
        ['Tích cực', String(fig.tone.positive), pct(fig.tone.positive, fig.articles)],
        ['Trung lập', String(fig.tone.neutral), pct(fig.tone.neutral, fig.articles)],
        ['Tiêu cực', String(fig.tone.negative), pct(fig.tone.negative, fig.articles)],
      ],
    },
    { type: 'heading', level: 2, text: '1. Theo ngôn ngữ và quốc gia' },
    ...fig.languages.map((l): OfficialBlock => ({
      type: 'bullet',
      text: `${LANG_VI[l.language] ?? l.language}: ${l.articles} bài (${pct(l.articles, fig.articles)})`,
    })),
    ...fig.countries.slice(0, 8).map((c): OfficialBlock => ({ type: 'bullet', marker: '+', text: `${c.country}: ${c.articles} bài` })),
    { type: 'heading', level: 2, text: '2. Các cơ quan báo chí đăng nhiều nhất' },
    {
      type: 'table',
      header: ['Cơ quan báo chí', 'Số bài', 'Tiêu cực'],
      rows: fig.outlets.map((o) => [o.outlet, String(o.articles), String(o.negative)]),
    },
    { type: 'heading', level: 1, text: 'II. NHỮNG VẤN ĐỀ NỔI BẬT' },
    ...(stories.length
      ? stories.map((s): OfficialBlock => ({ type: 'bullet', text: `${s.title} (${s.n} bài; ${s.outlets})` }))
      : [{ type: 'paragraph', indent: true, text: 'Không có sự kiện nổi bật.' } as OfficialBlock]),
    { type: 'heading', level: 1, text: 'III. THÔNG TIN TIÊU CỰC, SAI SỰ THẬT CẦN LƯU Ý' },
    ...(negatives.length
      ? negatives.map((a): OfficialBlock => ({
          type: 'bullet',
          text: `${a.title} (${a.outlet ?? ''}, ${vnDate(new Date(a.published_at).toISOString().slice(0, 10))})`,
        }))
      : [{ type: 'paragraph', indent: true, text: 'Không ghi nhận thông tin tiêu cực.' } as OfficialBlock]),
    { type: 'heading', level: 1, text: 'IV. XỬ LÝ, PHẢN BÁC THÔNG TIN' },
    ...(fig.openCases.length
      ? fig.openCases.map((c): OfficialBlock => ({
          type: 'bullet',
          text: `${CASE_STATUSES[c.status as CaseStatus]?.vi ?? c.status}: ${c.cases} vụ việc`,
        }))
      : [{ type: 'paragraph', indent: true, text: 'Không có vụ việc đang xử lý.' } as OfficialBlock]),
  ];

  const buffer = await officialDocToBuffer({
    issuer: { parent: `UBND TỈNH ${province.name.toUpperCase()}`, name: (secretariat?.name ?? 'Cơ quan thường trực').toUpperCase() },
    number: null,
    kindCode: 'BC',
    issuerCode: 'TTĐN',
    place: province.place ?? province.name,
    date,
    kind: 'BÁO CÁO',
    title: [`Điểm báo ${KIND_VI[kind]}: tình hình dư luận báo chí`, `về tỉnh ${province.name} ${span}`],
    body,
    signature: { lines: ['CƠ QUAN THƯỜNG TRỰC'], name: null },
    recipients: ['UBND tỉnh (b/c)', 'Các sở, ban, ngành liên quan', 'Lưu: VT, TTĐN'],
    meta: { title: `Điểm báo ${KIND_VI[kind]} ${period.from}–${period.to}` },
  });
  return { buffer, filename: `diem-bao-${kind}-${period.from}_${period.to}.docx` };
}
