import type { SourceBlock } from '../../types';
import { attr, child, children, kids, tagOf, valOf, type XNode } from './xml';
import { readParagraph, type ReadContext } from './paragraph';

/**
 * The document body in reading order: paragraphs (with the text boxes they anchor read after
 * them), tables as one block per row. Cells follow the table grid: a cell spanning columns
 * (`gridSpan`) or continuing a vertical merge (`vMerge`) leaves empty cells marked in `merged`,
 * so that column n of every row is the same column. Tables nested in a cell become that
 * cell's lines.
 */
type Draft = Omit<SourceBlock, 'line'>;

export interface BodyState {
  tables: number;
}

export function readBody(nodes: XNode[], ctx: ReadContext, state: BodyState, out: Draft[]): Draft[] {
  for (const n of nodes) {
    switch (tagOf(n)) {
      case 'w:p':
        paragraphBlocks(n, ctx, state, out);
        break;
      case 'w:tbl':
        tableBlocks(n, ctx, state, out);
        break;
      case 'w:sdt':
        readBody(kids(child(n, 'w:sdtContent')), ctx, state, out);
        break;
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
        readBody(kids(n), ctx, state, out);
        break;
      case 'mc:AlternateContent': {
        const choice = kids(n).find((k) => tagOf(k) === 'mc:Choice') ?? kids(n).find((k) => tagOf(k) === 'mc:Fallback');
        if (choice) readBody(kids(choice), ctx, state, out);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function paragraphBlocks(p: XNode, ctx: ReadContext, state: BodyState, out: Draft[]): void {
  const para = readParagraph(p, ctx);
  const kind: SourceBlock['kind'] = para.heading ? 'heading' : para.listLevel ? 'li' : 'p';
  const level = para.heading ?? para.listLevel ?? undefined;
  para.lines.forEach((text, i) => {
    out.push({
      kind,
      level,
      text,
      raw: text,
      bold: para.bold || undefined,
      italic: para.italic || undefined,
      align: para.align,
      listLabel: i === 0 && para.label ? para.label : undefined,
    });
  });
  for (const box of para.textboxes) readBody(kids(box), ctx, state, out);
}

/** A cell's paragraphs as lines, nested tables included. */
function cellLines(tc: XNode, ctx: ReadContext): string[] {
  const lines: string[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const para = readParagraph(n, ctx);
        lines.push(...para.lines);
        for (const box of para.textboxes) walk(kids(box));
      } else if (tag === 'w:tbl') {
        for (const tr of children(n, 'w:tr')) for (const inner of children(tr, 'w:tc')) walk(kids(inner));
      } else if (tag === 'w:sdt') walk(kids(child(n, 'w:sdtContent')));
      else if (tag === 'w:customXml' || tag === 'w:ins') walk(kids(n));
    }
  };
  walk(kids(tc));
  return lines;
}

/** Rows of a table; `w:sdt` and `w:customXml` may wrap rows or cells. */
function rowsOf(tbl: XNode): XNode[] {
  const rows: XNode[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tr') rows.push(n);
      else if (tag === 'w:sdt') walk(kids(child(n, 'w:sdtContent')));
      else if (tag === 'w:customXml') walk(kids(n));
    }
  };
  walk(kids(tbl));
  return rows;
}

function cellsOf(tr: XNode): XNode[] {
  const cells: XNode[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tc') cells.push(n);
      else if (tag === 'w:sdt') walk(kids(child(n, 'w:sdtContent')));
      else if (tag === 'w:customXml') walk(kids(n));
    }
  };
  walk(kids(tr));
  return cells;
}

function tableBlocks(tbl: XNode, ctx: ReadContext, state: BodyState, out: Draft[]): void {
  const table = state.tables++;
  let rowIndex = -1;
  for (const tr of rowsOf(tbl)) {
    const trPr = child(tr, 'w:trPr');
    const before = Number(valOf(trPr, 'w:gridBefore') ?? '0') || 0;
    const cells: string[][] = Array.from({ length: before }, () => []);
    const merged: Array<'left' | 'up' | null> = Array.from({ length: before }, () => null);
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Math.min(64, Number(valOf(tcPr, 'w:gridSpan') ?? '1') || 1));
      const vMerge = child(tcPr, 'w:vMerge');
      const continues = !!vMerge && attr(vMerge, 'w:val') !== 'restart';
      cells.push(continues ? [] : cellLines(tc, ctx));
      merged.push(continues ? 'up' : null);
      for (let k = 1; k < span; k++) {
        cells.push([]);
        merged.push('left');
      }
    }
    rowIndex++;
    if (!cells.some((c) => c.length > 0)) continue;
    const text = cells
      .filter((c) => c.length > 0)
      .map((c) => c.join(' '))
      .join(' | ');
    out.push({
      kind: 'row',
      text,
      raw: text,
      cells,
      table,
      row: rowIndex,
      merged: merged.some(Boolean) ? merged : undefined,
    });
  }
}
