import type { SourceBlock } from '../types';

/**
 * Rebuilds the reading order of a PDF page from its positioned text (pdfjs text items) and
 * its drawn rules: ruled tables become rows of cells (the cell walls come from the rules, so
 * wrapped cell text stays in its cell); text side by side without rules (the two-column
 * header: issuer left, Quốc hiệu right; the Nơi nhận | signature block) becomes one row
 * whose cells are the columns; the rest becomes paragraphs, wrapped lines joined.
 * Pure: pdf.ts reads the items and rules out of the file.
 */

/** A run of text; y is the baseline measured from the top of the page. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  bold: boolean;
}

/** A drawn line or thin rectangle, top-down coordinates, x0 ≤ x1, y0 ≤ y1. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
  rules: PdfRule[];
}

interface Seg {
  x0: number;
  x1: number;
  text: string;
  bold: boolean;
  size: number;
}

interface TextLine {
  y: number;
  size: number;
  segs: Seg[];
}

type PageBlock =
  | { kind: 'p'; y: number; text: string; bold: boolean; seg: Seg; lastY: number }
  | { kind: 'row'; y: number; cells: string[][]; ruled: boolean; key: string; grid: number };

const LETTER = /\p{L}/u;
const isUpperText = (s: string) => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};
const startsLower = (s: string) => {
  const m = LETTER.exec(s);
  return !!m && m.index <= 1 && m[0] !== m[0].toUpperCase();
};
/** Lines of a signature block, each its own line (ND 30/2020: TM., KT., Q., TL., TUQ., the office). */
const SIGNATURE_TITLE = /^(TM|KT|Q|TL|TUQ)\s*\.|^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)\b/u;
const LIST_START = /^\s*([-–•+*]|\d+(\.\d+)*[.)]|[a-zđ][.)]|[IVX]+\.)\s/u;

/** Items on one baseline, left to right, cut where the gap is wide (another column). */
function buildLines(items: PdfItem[]): TextLine[] {
  const sorted = items.filter((i) => i.str.trim() || i.w > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; items: PdfItem[] }> = [];
  for (const it of sorted) {
    if (!it.str) continue;
    const line = lines.find((l) => Math.abs(l.y - it.y) < Math.max(l.size, it.size) * 0.4);
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.size);
    } else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map((l) => {
      const its = l.items.sort((a, b) => a.x - b.x);
      const segs: Seg[] = [];
      let boldChars = 0;
      let chars = 0;
      for (const it of its) {
        const last = segs[segs.length - 1];
        const gap = last ? it.x - last.x1 : Infinity;
        if (last && gap < 1.5 * l.size) {
          const needsSpace = gap > 0.2 * it.size && !/\s$/.test(last.text) && !/^\s/.test(it.str);
          last.text += (needsSpace ? ' ' : '') + it.str;
          last.x1 = Math.max(last.x1, it.x + it.w);
        } else {
          if (last) last.bold = boldChars * 2 > chars;
          boldChars = 0;
          chars = 0;
          if (!it.str.trim()) continue;
          segs.push({ x0: it.x, x1: it.x + it.w, text: it.str, bold: it.bold, size: it.size });
        }
        const n = it.str.trim().length;
        chars += n;
        if (it.bold) boldChars += n;
      }
      if (segs.length) segs[segs.length - 1].bold = boldChars * 2 > chars;
      for (const s of segs) {
        s.text = s.text.replace(/[\s\u00a0]+/g, ' ').trim();
        // leading spaces drawn as text move the start
      }
      return { y: l.y, size: l.size, segs: segs.filter((s) => s.text) };
    })
    .filter((l) => l.segs.length > 0);
}

/** Rough advance of a text in ems (serif faces): capitals are wide, punctuation narrow. */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (ch === ' ') w += 0.25;
    else if (/[\p{Lu}]/u.test(ch)) w += 0.68;
    else if (/[\p{Ll}\d]/u.test(ch)) w += /[iljtfr]/.test(ch) ? 0.3 : 0.5;
    else w += 0.33;
  }
  return w;
}

/** Whether `next` continues `prev` in a column ending at `right`: its first word would not have fit. */
function softWrap(prev: Seg, next: Seg, right: number): boolean {
  const perEm = (prev.x1 - prev.x0) / Math.max(0.5, ems(prev.text));
  const word = next.text.split(' ')[0];
  // estimates are rough: a line ending within a fifth of an em of the room counts as full
  return prev.x1 + ems(` ${word}`) * perEm > right - 0.2 * prev.size;
}

/**
 * Joins the lines of one column or cell into paragraphs: a line continues the one above when
 * that one was full (soft wrap), when it starts in lower case, or (header columns) when both
 * are capitals of one style (`ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG TRỊ`, `… VIỆT` / `NAM`).
 */
function paragraphs(lines: Seg[], right: number, upperJoin: boolean): Array<{ text: string; bold: boolean }> {
  const out: Array<{ text: string; bold: boolean; last: Seg }> = [];
  for (const s of lines) {
    const prev = out[out.length - 1];
    const sameStyle = prev && prev.bold === s.bold && Math.abs(prev.last.size - s.size) < 0.6;
    const join =
      sameStyle &&
      !SIGNATURE_TITLE.test(s.text) &&
      (softWrap(prev.last, s, right) ||
        (!LIST_START.test(s.text) && startsLower(s.text)) ||
        (upperJoin && isUpperText(prev.text) && isUpperText(s.text) && !/[.:;]$/.test(prev.text)));
    if (join) {
      prev.text = `${prev.text} ${s.text}`;
      prev.last = s;
    } else out.push({ text: s.text, bold: s.bold, last: s });
  }
  return out.map(({ text, bold }) => ({ text, bold }));
}

interface Grid {
  x0: number;
  x1: number;
  rows: Array<{ y0: number; y1: number; walls: number[] }>;
}

/** Ruled tables: horizontal rules sharing their extent, with cell walls between them. */
function findGrids(rules: PdfRule[]): Grid[] {
  const hs = rules.filter((r) => r.y1 - r.y0 <= 2 && r.x1 - r.x0 >= 10).sort((a, b) => a.y0 - b.y0);
  const vs = rules.filter((r) => r.x1 - r.x0 <= 2 && r.y1 - r.y0 >= 4);
  const groups: PdfRule[][] = [];
  for (const h of hs) {
    const g = groups.find((grp) => {
      const last = grp[grp.length - 1];
      const overlap = Math.min(last.x1, h.x1) - Math.max(last.x0, h.x0);
      return overlap > 0.5 * Math.min(last.x1 - last.x0, h.x1 - h.x0) && h.y0 - last.y0 < 400;
    });
    if (g) g.push(h);
    else groups.push([h]);
  }
  const grids: Grid[] = [];
  for (const g of groups) {
    const ys = [...new Set(g.map((h) => Math.round((h.y0 + h.y1) / 2)))]
      .sort((a, b) => a - b)
      .filter((y, i, a) => i === 0 || y - a[i - 1] > 2);
    if (ys.length < 2) continue;
    const x0 = Math.min(...g.map((h) => h.x0));
    const x1 = Math.max(...g.map((h) => h.x1));
    const rows: Grid['rows'] = [];
    for (let i = 0; i + 1 < ys.length; i++) {
      const [y0, y1] = [ys[i], ys[i + 1]];
      const mid = (y0 + y1) / 2;
      const walls = vs
        .filter((v) => v.y0 <= mid && v.y1 >= mid && v.x0 >= x0 - 2 && v.x1 <= x1 + 2)
        .map((v) => (v.x0 + v.x1) / 2)
        .sort((a, b) => a - b)
        .filter((x, j, a) => j === 0 || x - a[j - 1] > 2);
      if (walls.length >= 2) rows.push({ y0, y1, walls });
    }
    if (rows.length && rows.some((r) => r.walls.length >= 3)) grids.push({ x0, x1, rows });
  }
  return grids;
}

function gridBlocks(grid: Grid, gridNo: number, items: PdfItem[], taken: Set<PdfItem>): PageBlock[] {
  const out: PageBlock[] = [];
  for (const row of grid.rows) {
    const cells: PdfItem[][] = row.walls.slice(1).map(() => []);
    for (const it of items) {
      if (taken.has(it)) continue;
      const cy = it.y - it.size * 0.3;
      const cx = it.x + Math.min(it.w, it.size) / 2;
      if (cy < row.y0 || cy > row.y1 || cx < grid.x0 - 1 || cx > grid.x1 + 1) continue;
      const col = row.walls.findIndex((w, i) => i + 1 < row.walls.length && cx >= w - 1 && cx < row.walls[i + 1] + 1);
      if (col < 0) continue;
      cells[col].push(it);
      taken.add(it);
    }
    const texts = cells.map((its, i) => {
      const segs = buildLines(its).map((l) => ({
        ...l.segs[0],
        x1: Math.max(...l.segs.map((s) => s.x1)),
        text: l.segs.map((s) => s.text).join(' '),
      }));
      // text is inset from both walls alike: the right margin mirrors the left one
      const pad = segs.length ? Math.min(8, Math.max(1, Math.min(...segs.map((g) => g.x0)) - row.walls[i])) : 4;
      return paragraphs(segs, row.walls[i + 1] - pad, false).map((p) => p.text);
    });
    if (texts.every((t) => t.length === 0)) continue;
    out.push({ kind: 'row', y: row.y0, cells: texts, ruled: true, key: row.walls.map((w) => Math.round(w)).join(','), grid: gridNo });
  }
  return out;
}

/** Places a line's segments in the region's columns, widening them; null when the line does not fit. */
function placeInColumns(l: TextLine, cols: Array<{ x0: number; x1: number }>): number[] | null {
  const assign: number[] = [];
  for (const s of l.segs) {
    const hit = cols.map((c, k) => (Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0) > 0 ? k : -1)).filter((k) => k >= 0);
    if (hit.length > 1) return null;
    if (hit.length === 0) {
      if (l.segs.length === 1) return null;
      cols.push({ x0: s.x0, x1: s.x1 });
      assign.push(cols.length - 1);
      continue;
    }
    assign.push(hit[0]);
  }
  if (new Set(assign).size !== assign.length) return null;
  l.segs.forEach((s, n) => {
    const c = cols[assign[n]];
    c.x0 = Math.min(c.x0, s.x0);
    c.x1 = Math.max(c.x1, s.x1);
  });
  return assign;
}

/** Side-by-side text without rules: consecutive lines cut into columns, read column by column. */
function flowBlocks(lines: TextLine[], left: number, right: number, gridBase: number): PageBlock[] {
  const out: PageBlock[] = [];
  let i = 0;
  let grid = gridBase;
  while (i < lines.length) {
    const line = lines[i];
    if (line.segs.length >= 2) {
      const cols = line.segs.map((s) => ({ x0: s.x0, x1: s.x1 }));
      const members: Array<{ line: TextLine; col: number[] }> = [];
      let j = i;
      let multi = 0;
      for (; j < lines.length; j++) {
        const l = lines[j];
        if (j > i && l.y - lines[j - 1].y > 1.6 * Math.max(l.size, lines[j - 1].size)) break;
        const col = placeInColumns(l, cols);
        if (!col) break;
        if (l.segs.length > 1) multi++;
        members.push({ line: l, col });
      }
      if (multi >= 2) {
        const order = cols.map((c, k) => ({ c, k })).sort((a, b) => a.c.x0 - b.c.x0);
        const cells = order.map(({ k }, n) => {
          const segs = members.flatMap((m) => m.line.segs.filter((_, si) => m.col[si] === k));
          const colRight = n + 1 < order.length ? order[n + 1].c.x0 - 2 : right;
          return paragraphs(segs, colRight, true).map((p) => p.text);
        });
        out.push({ kind: 'row', y: line.y, cells, ruled: false, key: `flow${grid}`, grid: grid++ });
        i = j;
        continue;
      }
    }
    // a plain line: one paragraph per segment; wrapped lines are joined to the one above
    for (const seg of line.segs) {
      const last = out[out.length - 1];
      if (last?.kind === 'p' && continues(last, seg, line.y, left, right)) {
        last.text = `${last.text} ${seg.text}`;
        last.seg = seg;
        last.lastY = line.y;
      } else out.push({ kind: 'p', y: line.y, text: seg.text, bold: seg.bold, seg, lastY: line.y });
    }
    i++;
  }
  return out;
}

function continues(prev: Extract<PageBlock, { kind: 'p' }>, seg: Seg, y: number, left: number, right: number): boolean {
  const gap = y - prev.lastY;
  if (gap <= 0 || gap > 1.35 * seg.size) return false;
  if (prev.bold !== seg.bold || Math.abs(prev.seg.size - seg.size) >= 0.6 || LIST_START.test(seg.text)) return false;
  if (startsLower(seg.text)) return true;
  return seg.x0 <= left + seg.size && softWrap(prev.seg, seg, right);
}

/** One page's blocks in reading order. `gridBase` numbers this page's tables after earlier pages'. */
export function pageBlocks(page: PdfPage, gridBase = 0): PageBlock[] {
  const taken = new Set<PdfItem>();
  const grids = findGrids(page.rules);
  const tableBlocks = grids.flatMap((g, n) => gridBlocks(g, gridBase + n, page.items, taken));
  const rest = page.items.filter((i) => !taken.has(i));
  const lines = buildLines(rest);
  const segs = lines.flatMap((l) => l.segs);
  const left = segs.length ? Math.min(...segs.map((s) => s.x0)) : 0;
  const right = segs.length ? Math.max(...segs.map((s) => s.x1)) : page.width;
  const flow = flowBlocks(lines, left, right, gridBase + grids.length);
  return [...tableBlocks, ...flow].sort((a, b) => a.y - b.y);
}

/**
 * All pages as source blocks, numbered from 1 in reading order, each with its page. A ruled
 * table whose next page begins with rows of the same columns continues as the same table.
 */
export function layoutToBlocks(pages: PdfPage[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let gridBase = 0;
  let table = -1;
  const tableOfGrid = new Map<number, number>();
  const rowsIn = new Map<number, number>();
  let lastKey: string | null = null;
  for (const page of pages) {
    const pb = pageBlocks(page, gridBase);
    gridBase += 1000;
    for (const b of pb) {
      if (b.kind === 'p') {
        blocks.push({ line: blocks.length + 1, kind: 'p', text: b.text, raw: b.text, bold: b.bold || undefined, page: page.page });
        lastKey = null;
        continue;
      }
      let t = tableOfGrid.get(b.grid);
      if (t === undefined) {
        const continues = b.ruled && lastKey === b.key && blocks[blocks.length - 1]?.page === page.page - 1;
        t = continues ? table : ++table;
        tableOfGrid.set(b.grid, t);
      }
      const row = rowsIn.get(t) ?? 0;
      rowsIn.set(t, row + 1);
      const text = b.cells.map((c) => c.join(' ')).join(' | ');
      blocks.push({ line: blocks.length + 1, kind: 'row', text, raw: text, cells: b.cells, table: t, row, page: page.page });
      lastKey = b.ruled ? b.key : null;
    }
  }
  return blocks;
}
