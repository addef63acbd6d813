import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { translate, type Lang } from '../../shared/messages/catalogue';
import { fold } from '../../shared/text/fold';

/**
 * Reads a commune list in the layout of the national catalogue of administrative units
 * (Bảng danh mục và mã số các đơn vị hành chính Việt Nam; the Cục Thống kê's lists): one row per
 * unit with its code (Mã, five digits), name (Tên, "Xã Hướng Lập") and level (Cấp: Xã, Phường,
 * Đặc khu). Other columns (the province, the English name) are ignored. An .xlsx workbook
 * (first sheet) or a .csv file; the header row may sit under a title, within the first ten rows.
 * Every row is checked; any wrong row refuses the whole file, each error naming row and column.
 */
export type CommuneLevel = 'xa' | 'phuong' | 'dac_khu';
export interface CommuneRow {
  row: number;
  code: string;
  name: string;
  level: CommuneLevel;
}
export interface CommuneRowError {
  row: number;
  column: string;
  header: string;
  code: string;
  message: string;
}

export const MAX_COMMUNES = 1000;
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;

export const LEVEL_PREFIX: Record<CommuneLevel, string> = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu' };
const LEVEL_BY_FOLDED: Record<string, CommuneLevel> = { xa: 'xa', phuong: 'phuong', 'dac khu': 'dac_khu' };

type Field = 'code' | 'name' | 'level';
/** Header spellings seen in the catalogue and in provinces' own sheets, folded (no case, no diacritics). */
const HEADERS: Record<Field, string[]> = {
  code: ['ma', 'ma so', 'ma dvhc', 'ma don vi hanh chinh', 'ma don vi', 'ma xa', 'ma so dvhc', 'code'],
  name: ['ten', 'ten dvhc', 'ten don vi hanh chinh', 'ten don vi', 'ten xa', 'ten xa, phuong', 'name'],
  level: ['cap', 'cap dvhc', 'cap hanh chinh', 'loai', 'loai dvhc', 'level'],
};
const fieldOf = (header: string): Field | null => {
  const f = fold(header)
    .replace(/[*:.]+$/, '')
    .trim();
  for (const field of Object.keys(HEADERS) as Field[]) if (HEADERS[field].includes(f)) return field;
  return null;
};

const columnLetter = (index: number) => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text).trim();
  }
  return String(v).trim();
}

/** The file's rows as text cells, numbered as the user sees them (first row = 1). */
async function readCells(body: Buffer, filename: string): Promise<string[][]> {
  const isXlsx = /\.xlsx$/i.test(filename) || (body[0] === 0x50 && body[1] === 0x4b);
  if (isXlsx) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      throw new AppError('province.communes.unreadable', { field: 'communes', filename });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('province.communes.unreadable', { field: 'communes', filename });
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    }
    return rows;
  }
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new AppError('province.communes.not_utf8', { field: 'communes', filename });
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data.map((r) => r.map((c) => String(c ?? '').trim()));
}

export async function readCommuneSheet(body: Buffer, filename: string, lang: Lang = 'vi'): Promise<CommuneRow[]> {
  if (!body.length) throw new AppError('province.communes.empty', { field: 'communes', filename });
  if (body.length > MAX_SHEET_BYTES)
    throw new AppError('province.communes.too_large', { field: 'communes', maxMb: MAX_SHEET_BYTES / 1024 / 1024 });
  const rows = await readCells(body, filename);
  // The header row: the first of the first ten that names both the code and the name columns.
  let headerAt = -1;
  const index = new Map<Field, number>();
  for (let r = 0; r < Math.min(rows.length, 10) && headerAt < 0; r++) {
    const found = new Map<Field, number>();
    rows[r].forEach((cell, c) => {
      const f = fieldOf(cell);
      if (f && !found.has(f)) found.set(f, c);
    });
    if (found.has('code') && found.has('name')) {
      headerAt = r;
      for (const [f, c] of found) index.set(f, c);
    }
  }
  if (headerAt < 0) throw new AppError('province.communes.missing_columns', { field: 'communes', filename });
  const header = (f: Field) => rows[headerAt][index.get(f)!];
  const errors: CommuneRowError[] = [];
  const out: CommuneRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (let r = headerAt + 1; r < rows.length; r++) {
    const cells = rows[r];
    const get = (f: Field) => (index.has(f) ? (cells[index.get(f)!] ?? '').trim() : '');
    if (!get('code') && !get('name') && !get('level')) continue;
    if (out.length + errors.length >= MAX_COMMUNES)
      throw new AppError('province.communes.too_many_rows', { field: 'communes', max: MAX_COMMUNES });
    const rowNo = r + 1;
    const before = errors.length;
    const fail = (f: Field, code: string, params: Record<string, unknown> = {}) => {
      const column = index.has(f) ? columnLetter(index.get(f)!) : '—';
      const h = index.has(f) ? header(f) : 'Cấp';
      errors.push({ row: rowNo, column, header: h, code, message: translate(lang, code, { row: rowNo, column, header: h, ...params }) });
    };
    // Code: five digits; a spreadsheet that stored it as a number lost its leading zeros.
    let code = get('code');
    if (/^\d{1,5}$/.test(code)) code = code.padStart(5, '0');
    if (!code) fail('code', 'province.communes.required');
    else if (!/^\d{5}$/.test(code)) fail('code', 'province.communes.bad_code', { value: code });
    else if (firstRowOfCode.has(code)) fail('code', 'province.communes.duplicate_code', { value: code, first: firstRowOfCode.get(code) });
    // Level: the Cấp column, else the name's own prefix.
    const rawName = get('name').replace(/\s+/g, ' ');
    const prefixLevel = levelOfName(rawName);
    let level: CommuneLevel | null = null;
    const rawLevel = get('level');
    if (rawLevel) {
      level = LEVEL_BY_FOLDED[fold(rawLevel)] ?? null;
      if (!level) fail('level', 'province.communes.bad_level', { value: rawLevel });
    } else if (prefixLevel) level = prefixLevel;
    else if (rawName) fail('level', 'province.communes.level_unknown', { value: rawName });
    let name = rawName;
    if (!rawName) fail('name', 'province.communes.required');
    else if (rawName.length > 200) fail('name', 'province.communes.name_too_long');
    else if (level && prefixLevel && prefixLevel !== level)
      fail('name', 'province.communes.level_mismatch', { value: rawName, level: LEVEL_PREFIX[level] });
    else if (level && !prefixLevel) name = `${LEVEL_PREFIX[level]} ${rawName}`;
    else if (level) name = [LEVEL_PREFIX[level], ...rawName.split(' ').slice(LEVEL_PREFIX[level].split(' ').length)].join(' ');
    if (errors.length === before && level) {
      firstRowOfCode.set(code, rowNo);
      out.push({ row: rowNo, code, name, level });
    } else if (/^\d{5}$/.test(code) && !firstRowOfCode.has(code)) firstRowOfCode.set(code, rowNo);
  }
  if (errors.length)
    throw new AppError('province.communes.invalid', {
      field: 'communes',
      count: errors.length,
      errors,
      rows: out.length + countBad(errors),
    });
  if (!out.length) throw new AppError('province.communes.empty', { field: 'communes', filename });
  return out;
}

const countBad = (errors: CommuneRowError[]) => new Set(errors.map((e) => e.row)).size;

/** "Xã Hướng Lập" → xa; "phường Đông Hà" → phuong; a name without its level → null. */
function levelOfName(name: string): CommuneLevel | null {
  const f = fold(name);
  if (f.startsWith('dac khu ')) return 'dac_khu';
  if (f.startsWith('phuong ')) return 'phuong';
  if (f.startsWith('xa ')) return 'xa';
  return null;
}
