import type { SourceBlock } from '../types';

/**
 * Splits a .md or .txt text into blocks, one per non-empty line, keeping line numbers.
 * Markdown: heading marks, emphasis, escapes and pipe tables are understood; list
 * markers are left in the text (the plan parser reads `-`, `+`, `- +` itself).
 */
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const LIST = /^(\s*)([-*•]\s+)/;

/** Removes markdown emphasis and escapes; tells whether the whole line was bold. */
export function stripInline(s: string): { text: string; bold: boolean } {
  const trimmed = s.trim();
  const bold = /^(\*\*|__)[^]*(\*\*|__)$/.test(trimmed) || /^\*\*\*[^]*\*\*\*$/.test(trimmed);
  const text = trimmed
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_, c: string) => `\u0000${c.charCodeAt(0)}\u0000`)
    .replace(/(\*{1,3}|_{2,3})(?=\S)([^*]*?\S)\1/g, '$2')
    .replace(/\*{2,3}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    // eslint-disable-next-line no-control-regex -- NUL marks the placeholders this function wrote itself
    .replace(/\u0000(\d+)\u0000/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
  return { text, bold };
}

function splitRow(line: string): string[][] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) =>
    c
      .split(/<br\s*\/?>/i)
      .map((p) => stripInline(p.replace(/\\\|/g, '|')).text)
      .filter(Boolean),
  );
}

export function textToBlocks(text: string, markdown: boolean): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let table = -1;
  let rowInTable = -1;
  let inTable = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) {
      inTable = false;
      return;
    }
    if (markdown && raw.trim().startsWith('|') && raw.trim().length > 1) {
      if (TABLE_SEPARATOR.test(raw)) return;
      if (!inTable) {
        inTable = true;
        table++;
        rowInTable = -1;
      }
      rowInTable++;
      const cells = splitRow(raw);
      blocks.push({ line, kind: 'row', text: cells.map((c) => c.join(' ')).join(' | '), raw, cells, table, row: rowInTable });
      return;
    }
    inTable = false;
    if (markdown) {
      const h = HEADING.exec(raw);
      if (h) {
        const { text: t, bold } = stripInline(h[2]);
        if (t) blocks.push({ line, kind: 'heading', level: h[1].length, text: t, raw, bold: bold || undefined });
        return;
      }
    }
    const list = LIST.exec(raw);
    const { text: t, bold } = markdown ? stripInline(raw) : { text: raw.replace(/[ \t\u00a0]+/g, ' ').trim(), bold: false };
    if (!t) return;
    if (list) {
      const level = Math.floor(list[1].replace(/\t/g, '  ').length / 2) + 1;
      blocks.push({ line, kind: 'li', level, text: t, raw, bold: bold || undefined });
    } else {
      blocks.push({ line, kind: 'p', text: t, raw, bold: bold || undefined });
    }
  });
  return blocks;
}
