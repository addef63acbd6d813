import { fold } from '../../../../shared/text/fold';
import type { SourceBlock, SourceDoc } from '../types';
import { startsLower } from './text-utils';
import { isTaskTableHeader } from './tables';

/**
 * The parser's unit: a logical line. Source blocks are flattened (tables that do not
 * list tasks become their cells' lines), list markers are split off, and a line that
 * starts in lower case after a line without closing punctuation is joined to it
 * (paragraphs broken across lines, dates and headings split in two).
 */
export interface Line {
  /** Source line numbers this logical line covers. */
  src: number[];
  text: string;
  folded: string;
  /** `-`, `+`, `- +`, `*`, `•` … or '' when none. */
  marker: string;
  kind: SourceBlock['kind'];
  level?: number;
  bold: boolean;
  cells?: string[][];
  /** Table rows from .docx: cells covered by a merge (see SourceBlock.merged). */
  merged?: Array<'left' | 'up' | null>;
  table?: number;
  row?: number;
}

const MARKER = /^((?:[-–—•*+·]\s*)+)(?=\S)/u;

export function splitMarker(text: string): { marker: string; text: string } {
  const m = MARKER.exec(text);
  if (!m) return { marker: '', text };
  // a negative number or a dash inside a word is not a marker
  if (/^[-–]\d/.test(text)) return { marker: '', text };
  const marker = m[1].replace(/\s+/g, ' ').trim();
  return { marker, text: text.slice(m[0].length).trim() };
}

function makeLine(b: SourceBlock, text: string, kind: SourceBlock['kind']): Line {
  const { marker, text: body } = kind === 'row' ? { marker: '', text } : splitMarker(text);
  return { src: [b.line], text: body, folded: fold(body), marker, kind, level: b.level, bold: !!b.bold };
}

export function toLines(doc: SourceDoc): Line[] {
  const taskTables = new Set<number>();
  const seenTables = new Set<number>();
  for (const b of doc.blocks) {
    if (b.kind !== 'row' || b.table === undefined || seenTables.has(b.table)) continue;
    seenTables.add(b.table);
    if (b.cells && isTaskTableHeader(b.cells)) taskTables.add(b.table);
  }
  const out: Line[] = [];
  for (const b of doc.blocks) {
    if (b.note) continue; // footnotes and endnotes are shown with the source, not parsed as plan text
    if (b.kind === 'row' && b.table !== undefined && taskTables.has(b.table)) {
      out.push({ ...makeLine(b, b.text, 'row'), cells: b.cells, merged: b.merged, table: b.table, row: b.row });
      continue;
    }
    if (b.kind === 'row') {
      // layout tables (header block, signature block): their cells read column by column
      for (const cell of b.cells ?? []) for (const p of cell) pushJoined(out, makeLine(b, p, 'p'));
      continue;
    }
    pushJoined(out, makeLine(b, b.text, b.kind));
  }
  return out;
}

function pushJoined(out: Line[], line: Line): void {
  if (!line.text) {
    if (line.marker) out.push({ ...line, text: line.marker, folded: line.marker, marker: '' });
    return;
  }
  const prev = out[out.length - 1];
  if (
    prev &&
    prev.kind !== 'row' &&
    !line.marker &&
    (line.kind !== 'heading' || prev.kind === 'heading') &&
    startsLower(line.text) &&
    !/[.;!?]$|\.\/\.$/.test(prev.text) &&
    !/:$/.test(prev.text)
  ) {
    prev.text = `${prev.text} ${line.text}`;
    prev.folded = fold(prev.text);
    prev.src.push(...line.src);
    return;
  }
  out.push(line);
}
