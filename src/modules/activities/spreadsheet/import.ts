import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { SessionUser } from '../../../http';
import { AppError } from '../../../shared/errors';
import { translate, type Lang } from '../../../shared/messages/catalogue';
import { fold } from '../../../shared/text/fold';
import type { Actor } from '../../audit';
import { lookupOrgs } from '../../orgs';
import { getPlanRow, planTasks } from '../../plans';
import { activityInput, type ActivityInput } from '../activities.schemas';
import { insertActivity } from '../activities.service';
import { ACTIVITY_WRITERS } from '../activity-access';
import type { ActivityKind } from '../activity-kinds';
import { columnLetter, columnsOf, sameHeader, type Column } from './columns';
import { SHEET_NAME } from './template';

export const MAX_ROWS = 2000;
const MAX_BYTES = 10 * 1024 * 1024;

export interface RowError {
  row: number;
  column: string;
  header: string;
  code: string;
  message: string;
}

type Cell = string | number | Date | null;
/** A cell's value whatever Excel stored: text, number, date, rich text, hyperlink, formula result. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return cellValue(v.richText.map((r) => r.text).join(''));
    if ('hyperlink' in v) return cellValue((v as { text?: string; hyperlink: string }).text ?? v.hyperlink);
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in v) return null;
  }
  return String(v);
}

const pad = (n: number) => String(n).padStart(2, '0');
function parseDate(v: Cell): string | null {
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? null : `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'number') {
    // An Excel serial day number (1900 date system).
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000);
    return v > 0 && v < 100_000 ? parseDate(d) : null;
  }
  const s = String(v).trim();
  const m =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ??
    (/^(\d{4})-(\d{2})-(\d{2})$/.test(s) ? ([s, s.slice(8), s.slice(5, 7), s.slice(0, 4)] as unknown as RegExpExecArray) : null);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Numbers as written in Vietnam: 1.500.000 or 1 500 000 or 1500000 (grouping dots), 2,5 (decimal comma). */
function parseNumber(v: Cell): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof Date || v === null) return null;
  const s = String(v).replace(/\s|đ|đồng|VND/gi, '');
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return null;
}

function matchOption(v: Cell, options: Record<string, { vi: string; en: string }>): string | null {
  const f = fold(String(v));
  for (const [key, o] of Object.entries(options)) if (fold(key) === f || fold(o.vi) === f || fold(o.en) === f) return key;
  return null;
}

interface Ctx {
  db: Db;
  user: SessionUser;
  lang: Lang;
  taskByCode: Map<string, string>;
  orgCache: Map<string, { id: string | null; suggestion: string | null }>;
}

async function resolveOrg(ctx: Ctx, name: string, onDate: string | null) {
  const key = `${fold(name)}|${onDate ?? ''}`;
  if (!ctx.orgCache.has(key)) {
    const found = await lookupOrgs(ctx.db, name, onDate, 2);
    const [top, second] = found;
    const sure = top && top.score >= 0.75 && (!second || top.score - second.score >= 0.1);
    ctx.orgCache.set(key, { id: sure ? top.orgId : null, suggestion: top?.name ?? null });
  }
  return ctx.orgCache.get(key)!;
}

/** One row → an activity input, or the errors of each cell at fault. */
async function readRow(ctx: Ctx, kind: ActivityKind, cols: Column[], index: Map<string, number>, row: ExcelJS.Row, rowNo: number) {
  const errors: RowError[] = [];
  const fail = (c: Column, code: string, params: Record<string, unknown> = {}) =>
    errors.push({
      row: rowNo,
      column: columnLetter(index.get(c.key)!),
      header: c.header,
      code,
      message: translate(ctx.lang, code, { row: rowNo, column: columnLetter(index.get(c.key)!), header: c.header, ...params }),
    });
  const shared: Record<string, unknown> = {};
  const details: Record<string, unknown> = {};
  let amount: number | null = null;
  let source: string | null = null;
  const deferredOrg: { c: Column; name: string }[] = [];
  for (const c of cols) {
    const v = cellValue(row.getCell(index.get(c.key)! + 1).value);
    if (v === null) {
      if (c.required) fail(c, 'activity.import.required');
      continue;
    }
    const put = (value: unknown) => (c.detail ? (details[c.key] = value) : (shared[c.key] = value));
    switch (c.type) {
      case 'date': {
        const d = parseDate(v);
        if (!d) fail(c, 'activity.import.bad_date', { value: String(v) });
        else put(d);
        break;
      }
      case 'int':
      case 'amount':
      case 'decimal': {
        const n = parseNumber(v);
        if (n === null) fail(c, 'activity.import.bad_number', { value: String(v) });
        else if (n < 0) fail(c, 'activity.import.negative', { value: String(v) });
        else if (c.type !== 'decimal' && !Number.isInteger(n)) fail(c, 'activity.import.not_integer', { value: String(v) });
        else if (c.key === 'spendingAmount') amount = n;
        else put(n);
        break;
      }
      case 'enum':
      case 'source': {
        const key = matchOption(v, c.options!);
        if (!key)
          fail(c, 'activity.import.bad_option', {
            value: String(v),
            allowed: Object.values(c.options!)
              .map((o) => o.vi)
              .join('; '),
          });
        else if (c.type === 'source') source = key;
        else put(key);
        break;
      }
      case 'tasks': {
        const codes = String(v)
          .split(/[,;\s]+/)
          .map((x) => x.replace(/\.$/, ''))
          .filter(Boolean);
        const ids = codes.map((code) => ctx.taskByCode.get(code));
        const unknown = codes.filter((_, i) => !ids[i]);
        if (!codes.length || unknown.length) fail(c, 'activity.import.unknown_task', { value: unknown.join(', ') || String(v) });
        else shared.taskIds = ids;
        break;
      }
      case 'org':
        deferredOrg.push({ c, name: String(v) });
        break;
      case 'links': {
        const urls = String(v)
          .split(/[\s,]+/)
          .filter(Boolean);
        if (urls.some((u) => !/^https?:\/\/\S+$/i.test(u))) fail(c, 'activity.import.bad_url', { value: String(v) });
        else shared.links = urls.map((url) => ({ url, label: '' }));
        break;
      }
      case 'url':
        if (!/^https?:\/\/\S+$/i.test(String(v))) fail(c, 'activity.import.bad_url', { value: String(v) });
        else put(String(v));
        break;
      default:
        put(String(v));
    }
  }
  // An organisation is the one of that name on the activity's day (the directory keeps former bodies
  // under the same names): a row whose day is already at fault is not read for it.
  const dayAtFault = errors.some((e) => e.header === cols.find((x) => x.key === 'startsOn')?.header);
  for (const { c, name } of dayAtFault ? [] : deferredOrg) {
    const org = await resolveOrg(ctx, name, (shared.startsOn as string) ?? null);
    if (!org.id) fail(c, 'activity.import.unknown_org', { value: name, suggestion: org.suggestion ?? '—' });
    else if (ctx.user.role === 'officer' && org.id !== ctx.user.orgId) fail(c, 'activity.import.other_org', { value: name });
    else shared.orgId = org.id;
  }
  const amountCol = cols.find((c) => c.key === 'spendingAmount')!;
  const sourceCol = cols.find((c) => c.key === 'spendingSource')!;
  if (amount !== null && amount > 0 && !source) fail(sourceCol, 'activity.import.source_required');
  if (source && amount === null && !errors.some((e) => e.header === amountCol.header)) fail(amountCol, 'activity.import.required');
  if (shared.endsOn && shared.startsOn && (shared.endsOn as string) < (shared.startsOn as string))
    fail(
      cols.find((c) => c.key === 'endsOn')!,
      'activity.import.dates_order',
    );
  if (errors.length) return { errors };
  const candidate = { ...shared, kind, details, spending: amount !== null && source ? [{ source, amount }] : [] };
  const parsed = activityInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[issue.path.length - 1] ?? 'title');
      const c = cols.find((x) => x.key === key) ?? cols[0];
      fail(c, 'activity.import.cell_invalid', { problem: issue.message });
    }
    return { errors };
  }
  return { errors, input: parsed.data };
}

export interface ImportOptions {
  kind: ActivityKind;
  planId: string;
  /** Save the valid rows even though other rows have errors. */
  validOnly: boolean;
  lang: Lang;
}

/**
 * Reads an activity spreadsheet (the kind's template) and records its rows for one plan: every
 * row is checked first; nothing is saved while any row is wrong, unless the user confirms that
 * the valid rows alone should be saved. All saved rows are one transaction.
 */
export async function importActivities(db: Db, body: Buffer, opts: ImportOptions, user: SessionUser, actor: Actor) {
  if (!ACTIVITY_WRITERS.includes(user.role)) throw new AppError('activity.forbidden');
  if (!body.length) throw new AppError('activity.file_empty', { field: 'body' });
  if (body.length > MAX_BYTES) throw new AppError('activity.file_too_large', { field: 'body', maxMb: MAX_BYTES / 1024 / 1024 });
  const plan = await getPlanRow(db, opts.planId);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new AppError('activity.import.not_xlsx', { field: 'body' });
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw new AppError('activity.import.not_xlsx', { field: 'body' });
  const cols = columnsOf(opts.kind);
  const header = ws.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, colNumber) => {
    const text = String(cellValue(cell.value) ?? '');
    const c = cols.find((x) => sameHeader(text, x));
    if (c && !index.has(c.key)) index.set(c.key, colNumber - 1);
  });
  const missing = cols.filter((c) => !index.has(c.key) && c.required);
  if (missing.length)
    throw new AppError('activity.import.missing_columns', { field: 'body', columns: missing.map((c) => c.header).join(', ') });
  const present = cols.filter((c) => index.has(c.key));
  const tasks = await db.select({ id: planTasks.id, code: planTasks.code }).from(planTasks).where(eq(planTasks.planId, plan.id));
  const ctx: Ctx = { db, user, lang: opts.lang, taskByCode: new Map(tasks.map((t) => [t.code, t.id])), orgCache: new Map() };
  const errors: RowError[] = [];
  const valid: { row: number; input: ActivityInput }[] = [];
  let rows = 0;
  for (let r = 2; r <= ws.actualRowCount + 1 && r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (present.every((c) => cellValue(row.getCell(index.get(c.key)! + 1).value) === null)) continue;
    if (++rows > MAX_ROWS) throw new AppError('activity.import.too_many_rows', { field: 'body', max: MAX_ROWS });
    const res = await readRow(ctx, opts.kind, present, index, row, r);
    errors.push(...res.errors);
    if (res.input) valid.push({ row: r, input: res.input });
  }
  if (!rows) throw new AppError('activity.import.empty', { field: 'body' });
  if (errors.length && !opts.validOnly) {
    throw new AppError('activity.import.invalid', {
      field: 'body',
      errors,
      rows,
      validRows: valid.length,
      invalidRows: rows - valid.length,
    });
  }
  if (!valid.length) throw new AppError('activity.import.nothing_valid', { field: 'body', errors, rows });
  const ids = await db.transaction(async (tx) => {
    const out: string[] = [];
    for (const v of valid) out.push(await insertActivity(tx, v.input, [...new Set(v.input.taskIds)], user, actor, 'spreadsheet'));
    return out;
  });
  return { imported: ids.length, ids, rows, skipped: rows - ids.length, errors };
}
