import type { SourceBlock } from '../types';

/**
 * Turns mammoth's HTML (p, h1–h6, ul/ol/li, table/tr/td/th, strong, em, br, a, img)
 * into source blocks. mammoth's output is well formed and flat enough for a small
 * tokenizer; a full HTML parser would be a dependency for nothing.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Para {
  kind: 'p' | 'heading' | 'li';
  level?: number;
  parts: string[];
  boldChars: number;
  chars: number;
}

const TAG = /<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>/g;
const clean = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').trim();

export function htmlToBlocks(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let para: Para | null = null;
  let bold = 0;
  let listDepth = 0;
  let tableIndex = -1;
  let tableDepth = 0;
  let rowIndex = -1;
  let row: string[][] | null = null;
  let cell: string[] | null = null;

  const pushPara = () => {
    if (!para) return;
    const lines = para.parts.join('').split('\n').map(clean).filter(Boolean);
    const wholeBold = para.chars > 0 && para.boldChars >= para.chars * 0.9;
    if (cell) {
      cell.push(...lines);
    } else {
      for (const text of lines) {
        blocks.push({ line: blocks.length + 1, kind: para.kind, level: para.level, text, raw: text, bold: wholeBold || undefined });
      }
    }
    para = null;
  };
  const ensurePara = () => {
    if (!para) para = { kind: listDepth > 0 ? 'li' : 'p', level: listDepth || undefined, parts: [], boldChars: 0, chars: 0 };
    return para;
  };

  let last = 0;
  const text = (chunk: string) => {
    if (!chunk) return;
    const t = decodeEntities(chunk);
    if (!t.trim() && !para) return;
    const p = ensurePara();
    p.parts.push(t);
    const n = t.replace(/\s/g, '').length;
    p.chars += n;
    if (bold > 0) p.boldChars += n;
  };

  for (const m of html.matchAll(TAG)) {
    text(html.slice(last, m.index));
    last = m.index! + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        pushPara();
        if (!closing) {
          const heading = tag[0] === 'h';
          para = {
            kind: heading ? 'heading' : listDepth > 0 ? 'li' : 'p',
            level: heading ? Number(tag[1]) : listDepth || undefined,
            parts: [],
            boldChars: 0,
            chars: 0,
          };
        }
        break;
      case 'li':
        pushPara();
        if (!closing) para = { kind: 'li', level: listDepth, parts: [], boldChars: 0, chars: 0 };
        break;
      case 'ul':
      case 'ol':
        pushPara();
        listDepth += closing ? -1 : 1;
        if (listDepth < 0) listDepth = 0;
        break;
      case 'br':
        ensurePara().parts.push('\n');
        break;
      case 'strong':
      case 'b':
        bold += closing ? -1 : 1;
        if (bold < 0) bold = 0;
        break;
      case 'table':
        pushPara();
        if (!closing) {
          tableDepth++;
          if (tableDepth === 1) {
            tableIndex++;
            rowIndex = -1;
          }
        } else {
          tableDepth = Math.max(0, tableDepth - 1);
        }
        break;
      case 'tr':
        if (tableDepth !== 1) break;
        pushPara();
        if (!closing) {
          row = [];
          rowIndex++;
        } else if (row) {
          const cells = row;
          const flat = cells.map((c) => c.join(' ')).join(' | ');
          if (cells.some((c) => c.length > 0)) {
            blocks.push({ line: blocks.length + 1, kind: 'row', text: flat, raw: flat, cells, table: tableIndex, row: rowIndex });
          }
          row = null;
        }
        break;
      case 'td':
      case 'th':
        if (tableDepth !== 1) break;
        pushPara();
        if (!closing) {
          cell = [];
        } else if (cell && row) {
          row.push(cell);
          cell = null;
        }
        break;
      default:
        break;
    }
  }
  text(html.slice(last));
  pushPara();
  return blocks;
}
