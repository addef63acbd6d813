import { fold } from '../../../../shared/text/fold';
import type { SourceBlock } from '../types';

/**
 * Text copied from the public legal-document websites keeps the header table as broken lines:
 * cells end with `|` (or a line holding only `|`), a row of cells may stand on one line
 * (`Số: 44/KH-UBND | Hà Tĩnh, ngày …|`), words are cut where the page wrapped them
 * (`CỘNG` / `HÒA XÃ HỘI …`, `Số:` / `01/CTr-UBND`, `Tuyên` / `Quang, ngày …`) and paragraphs are
 * hard-wrapped. This pass mends the blocks of a .txt/.md before parsing: rule lines (`-------`)
 * go, cell marks go, a row of cells is read column by column (like a Word layout table), cut
 * words and wrapped lines are joined. Line numbers stay those of the first line joined.
 * Only text that shows cell marks is treated as pasted; rule lines are dropped from any text.
 */
const RULE = /^[-_=–—]{3,}$/;
const CELL_END = /\s*\|\s*$/;
const HEADER_PHRASES = ['uy ban nhan dan', 'hoi dong nhan dan', 'cong hoa xa hoi chu nghia viet nam', 'doc lap - tu do - hanh phuc'];
const NEW_ITEM = /^(?:\d{1,3}(?:\.\d{1,2})*[.)]|[IVXLC]+[.)]|[a-zđ][.)]|Điều\s+\d+|[-–+•*])(?:\s|$)/u;
const LEGAL_LEAD = /^(can cu|thuc hien|xet de nghi|theo de nghi|de trien khai)\b/;

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');
const allUpper = (s: string) => {
  const l = letters(s);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
};
const isPlaceDate = (s: string) => /^[\p{L} .-]{2,40},\s*ngày\b/iu.test(s);
const isNumberLine = (s: string) => /^số\s*:?/iu.test(s);
const oneWord = (s: string) => !/\s/.test(s) && /\p{L}/u.test(s);

/** Whether the text shows the cell marks of a pasted web table. */
export function looksPasted(blocks: SourceBlock[]): boolean {
  let marks = 0;
  for (const b of blocks.slice(0, 60)) {
    if (b.kind === 'row') continue;
    if (b.text === '|' || CELL_END.test(b.text) || / \| /.test(b.text)) marks++;
  }
  return marks >= 2;
}

function joinable(prev: SourceBlock, next: SourceBlock, inHeader: boolean): boolean {
  const a = prev.text;
  const b = next.text;
  const fa = fold(a);
  const fb = fold(b);
  const joined = `${fa} ${fb}`;
  // a header phrase cut in two: `CỘNG` / `HÒA XÃ HỘI …`, `TM. ỦY BAN NHÂN` / `DÂN`
  if (HEADER_PHRASES.some((p) => joined.includes(p) && !fa.includes(p) && !fb.includes(p))) return true;
  if (/^số\s*:?$/iu.test(a)) return true; // `Số:` / `01/CTr-UBND`
  if (oneWord(a) && isPlaceDate(b)) return true; // `Tuyên` / `Quang, ngày 06 …`
  if (/,\s*ngày$/iu.test(a) && /^\d{1,2}\s+tháng\b/u.test(b)) return true; // `Hải Dương, ngày` / `17 tháng 11 năm 2023`
  // a place of several words cut before its last: `Bà Rịa - Vũng` / `Tàu, ngày 08 tháng 01 năm 2023`
  if (inHeader && a.length <= 40 && !isNumberLine(a) && !/[.;:|]$/.test(a) && isPlaceDate(b) && /^[^\s,]+,/u.test(b)) return true;
  if (inHeader && oneWord(a) && allUpper(a) && allUpper(b)) return true; // `PHÊ` / `DUYỆT CHƯƠNG TRÌNH …`
  if (allUpper(a) && /[,–-]$/.test(a) && allUpper(b)) return true; // `I. MỤC ĐÍCH,` / `YÊU CẦU`
  // a hard-wrapped sentence: no closing mark, and the next line starts nothing new
  if (inHeader || allUpper(a) || allUpper(b)) return false;
  if (/[.;:!?]$|\.\/\.$/.test(a)) return false;
  if (NEW_ITEM.test(b) || LEGAL_LEAD.test(fb) || isPlaceDate(b) || isNumberLine(b)) return false;
  return true;
}

function merge(prev: SourceBlock, next: SourceBlock): SourceBlock {
  const text = `${prev.text} ${next.text}`.replace(/\s+/g, ' ').trim();
  return { ...prev, text, raw: `${prev.raw}\n${next.raw}`, bold: prev.bold && next.bold ? true : undefined };
}

const MOTTO_RUN = /CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/iu;
const KIND_WORDS = 'KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|BÁO CÁO|THÔNG BÁO|HƯỚNG DẪN|ĐỀ ÁN|CHỈ THỊ|THÔNG TƯ|NGHỊ QUYẾT';

/**
 * A header run into one paragraph, as text taken from a PDF often comes (`ỦY BAN NHÂN DÂN TỈNH AN
 * GIANG CỘNG HÒA … Số: 190/KH-UBND An Giang, ngày 18 tháng 4 năm 2019 KẾ HOẠCH … Căn cứ …; Căn cứ …`):
 * cut back into its lines — issuer, motto, number, place and date, kind, title, one legal basis a line.
 */
export function splitRunOnHeader(text: string): string[] | null {
  if (text.length < 150 || !MOTTO_RUN.test(text) || !/Số\s*:/u.test(text)) return null;
  const t = text
    .replace(/\s*(CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)\s*/iu, '\n$1\n')
    .replace(/\s*(Độc\s+lập\s*[-–]?\s*Tự\s+do\s*[-–]?\s*Hạnh\s+phúc)\s*/iu, '\n$1\n')
    .replace(/\s*(Số\s*:\s*\S+)\s*/u, '\n$1\n')
    .replace(/\n([^\n,]{2,40}?,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*/u, '\n$1\n')
    .replace(new RegExp(`\\n(${KIND_WORDS})\\s+`, 'u'), '\n$1\n')
    .replace(/\s+(?=(?:Căn cứ|Thực hiện)\s)/gu, '\n');
  const lines = t
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length >= 4 ? lines : null;
}

export function repairPastedText(input: SourceBlock[]): SourceBlock[] {
  const blocks = input.flatMap((b, i) => {
    const lines = i < 3 && b.kind === 'p' ? splitRunOnHeader(b.text) : null;
    return lines ? lines.map((text) => ({ ...b, text })) : [b];
  });
  const kept = blocks.filter((b) => b.kind === 'row' || !RULE.test(b.text.trim()));
  if (!looksPasted(kept)) return kept;

  // 1. cells: `A | B |` rows read column by column; trailing marks off; lone `|` lines are cell boundaries
  type Cell = SourceBlock & { boundary?: boolean };
  const cells: Cell[] = [];
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i];
    if (b.kind === 'row' || b.kind === 'heading') {
      cells.push(b);
      continue;
    }
    const split = (x: SourceBlock) =>
      x.text
        .replace(CELL_END, '')
        .split(/\s+\|\s+/)
        .map((s) => s.trim());
    if (b.text === '|') {
      cells.push({ ...b, boundary: true });
      continue;
    }
    if (split(b).length >= 2) {
      const run: SourceBlock[] = [];
      while (i < kept.length && kept[i].kind !== 'row' && split(kept[i]).length >= 2) run.push(kept[i++]);
      i--;
      const width = Math.max(...run.map((r) => split(r).length));
      for (let c = 0; c < width; c++) {
        for (const r of run) {
          const t = split(r)[c];
          if (t) cells.push({ ...r, text: t });
        }
        cells.push({ ...run[0], text: '|', boundary: true });
      }
      continue;
    }
    const ends = CELL_END.test(b.text);
    const text = b.text.replace(CELL_END, '').trim();
    if (text) cells.push({ ...b, text });
    if (ends) cells.push({ ...b, text: '|', boundary: true });
  }

  // 2. joins, never across a cell boundary; the header ends at the first legal basis or section
  const out: SourceBlock[] = [];
  let inHeader = true;
  let prevBoundary = true;
  for (const c of cells) {
    if (c.boundary) {
      prevBoundary = true;
      continue;
    }
    const { boundary: _, ...block } = c;
    if (inHeader && (LEGAL_LEAD.test(fold(block.text)) || /^[IVX]+\.\s/.test(block.text))) inHeader = false;
    const prev = out[out.length - 1];
    if (
      prev &&
      !prevBoundary &&
      prev.kind !== 'row' &&
      block.kind !== 'row' &&
      block.kind !== 'heading' &&
      joinable(prev, block, inHeader)
    ) {
      out[out.length - 1] = merge(prev, block);
    } else {
      out.push(block);
    }
    prevBoundary = false;
  }
  return out;
}
