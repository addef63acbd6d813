import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from '../audit';
import { reportIndicators } from './reports.tables';

/**
 * The indicator catalogue. The default list below is seeded once; the secretariat adds more
 * (it is data). Money is reported by funding source, one indicator per source.
 */
export const DEFAULT_INDICATORS: { code: string; labelVi: string; labelEn: string; unit: string; category: 'output' | 'money' }[] = [
  { code: 'news_articles', labelVi: 'Tin, bài đăng tải', labelEn: 'News items and articles', unit: 'tin, bài', category: 'output' },
  {
    code: 'radio_tv_programmes',
    labelVi: 'Chương trình phát thanh, truyền hình',
    labelEn: 'Radio and TV programmes',
    unit: 'chương trình',
    category: 'output',
  },
  {
    code: 'foreign_language_products',
    labelVi: 'Sản phẩm tiếng nước ngoài',
    labelEn: 'Foreign-language products',
    unit: 'sản phẩm',
    category: 'output',
  },
  { code: 'publications', labelVi: 'Ấn phẩm, tài liệu xuất bản', labelEn: 'Publications', unit: 'ấn phẩm', category: 'output' },
  {
    code: 'events',
    labelVi: 'Sự kiện, hội nghị, triển lãm',
    labelEn: 'Events, conferences, exhibitions',
    unit: 'sự kiện',
    category: 'output',
  },
  { code: 'delegations_in', labelVi: 'Đoàn vào', labelEn: 'Incoming delegations', unit: 'đoàn', category: 'output' },
  { code: 'delegations_out', labelVi: 'Đoàn ra', labelEn: 'Outgoing delegations', unit: 'đoàn', category: 'output' },
  {
    code: 'press_conferences',
    labelVi: 'Họp báo, hội nghị thông tin báo chí',
    labelEn: 'Press conferences',
    unit: 'cuộc',
    category: 'output',
  },
  { code: 'people_trained', labelVi: 'Người được tập huấn, bồi dưỡng', labelEn: 'People trained', unit: 'người', category: 'output' },
  {
    code: 'contracts',
    labelVi: 'Hợp đồng, đặt hàng với cơ quan báo chí',
    labelEn: 'Contracts with press agencies',
    unit: 'hợp đồng',
    category: 'output',
  },
  {
    code: 'money_state_budget',
    labelVi: 'Kinh phí: dự toán ngân sách được giao',
    labelEn: 'Money: allocated budget',
    unit: 'đồng',
    category: 'money',
  },
  { code: 'money_central', labelVi: 'Kinh phí: hỗ trợ của Trung ương', labelEn: 'Money: central support', unit: 'đồng', category: 'money' },
  { code: 'money_socialisation', labelVi: 'Kinh phí: xã hội hóa', labelEn: 'Money: socialisation', unit: 'đồng', category: 'money' },
  {
    code: 'money_business',
    labelVi: 'Kinh phí: đóng góp của doanh nghiệp, tổ chức',
    labelEn: 'Money: business and organisation contributions',
    unit: 'đồng',
    category: 'money',
  },
  {
    code: 'money_other',
    labelVi: 'Kinh phí: nguồn hợp pháp khác',
    labelEn: 'Money: other lawful sources',
    unit: 'đồng',
    category: 'money',
  },
];

/** Inserts the default catalogue where missing (idempotent; demo loader and first period generation call it). */
export async function ensureDefaultIndicators(db: Db) {
  await db
    .insert(reportIndicators)
    .values(DEFAULT_INDICATORS.map((d, i) => ({ ...d, position: (i + 1) * 10 })))
    .onConflictDoNothing();
}

export type Indicator = typeof reportIndicators.$inferSelect;

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const rows = await db.select().from(reportIndicators).orderBy(asc(reportIndicators.position), asc(reportIndicators.code));
  if (rows.length) return rows;
  await ensureDefaultIndicators(db);
  return db.select().from(reportIndicators).orderBy(asc(reportIndicators.position), asc(reportIndicators.code));
}

export async function addIndicator(db: Db, input: Omit<Indicator, 'position' | 'active' | 'createdAt'>, actor: Actor) {
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ code: reportIndicators.code }).from(reportIndicators).where(eq(reportIndicators.code, input.code));
    if (exists) throw new AppError('report.indicator_exists', { code: input.code, field: 'code' });
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${reportIndicators.position}), 0)::int` }).from(reportIndicators);
    const [row] = await tx
      .insert(reportIndicators)
      .values({ ...input, position: max + 10 })
      .returning();
    await writeAudit(tx, actor, { action: 'create', entity: 'report_indicator', entityId: input.code, after: input });
    return row;
  });
}

// ---- Pre-filled figures: a registry that other modules (activities) fill in. ----

export interface FigureSourceContext {
  db: Db;
  orgId: string;
  taskId: string;
  /** The period's data window, YYYY-MM-DD inclusive. */
  from: string;
  to: string;
}
/** Returns the figure the system already knows, or null when it knows nothing. */
export type FigureSource = (ctx: FigureSourceContext) => Promise<number | null>;

const sources = new Map<string, FigureSource>();

/** Activities (a later module) registers, for an indicator code, how to count what it recorded. */
export function registerFigureSource(code: string, source: FigureSource) {
  sources.set(code, source);
}
export function unregisterFigureSource(code: string) {
  sources.delete(code);
}

/** Every known figure of an organisation on a task in a window: `{ code: value }`. */
export async function prefillFigures(ctx: FigureSourceContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [code, source] of sources) {
    const v = await source(ctx);
    if (v !== null && Number.isFinite(v)) out[code] = v;
  }
  return out;
}
export const hasFigureSources = () => sources.size > 0;
